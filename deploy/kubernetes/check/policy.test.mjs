// The checker itself must catch what it is there to catch: each rule is broken once here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { policyViolations } from './policy.mjs';
import { schemaErrors } from './schemas.mjs';

function deployment({ container = {}, pod = {}, annotations } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', ...(annotations ? { annotations } : {}) },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 10001 },
          ...pod,
          containers: [{
            name: 'web',
            image: 'web:1.2.3',
            securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            livenessProbe: { httpGet: { path: '/live', port: 8080 } },
            readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
            ...container,
          }],
        },
      },
    },
  };
}

test('a workload that follows every rule passes', () => {
  assert.deepEqual(policyViolations([deployment()]), []);
  assert.deepEqual(schemaErrors(deployment()), []);
});

test('running as root is refused', () => {
  assert.match(policyViolations([deployment({ pod: { securityContext: {} } })]).join(), /non-root/);
  assert.match(policyViolations([deployment({ pod: { securityContext: { runAsNonRoot: true, runAsUser: 0 } } })]).join(), /non-root/);
});

test('a writable root filesystem is refused, also when the key is misspelt', () => {
  const misspelt = deployment({ container: { securityContext: { readOnlyRootFileSystem: true, allowPrivilegeEscalation: false } } });
  assert.match(policyViolations([misspelt]).join(), /readOnlyRootFilesystem/);
});

test('privilege escalation left at its default is refused', () => {
  const open = deployment({ container: { securityContext: { readOnlyRootFilesystem: true } } });
  assert.match(policyViolations([open]).join(), /allowPrivilegeEscalation/);
});

test('a container without resources or without a probe is refused', () => {
  assert.match(policyViolations([deployment({ container: { resources: {} } })]).join(), /request cpu and memory/);
  assert.match(policyViolations([deployment({ container: { readinessProbe: undefined } })]).join(), /readiness probe/);
});

test('an image that is not pinned is refused', () => {
  for (const image of ['web', 'web:latest', 'registry:5000/web']) {
    assert.match(policyViolations([deployment({ container: { image } })]).join(), /pinned/, image);
  }
  assert.deepEqual(policyViolations([deployment({ container: { image: 'registry:5000/web:2.0' } })]), []);
  assert.deepEqual(policyViolations([deployment({ container: { image: `web@sha256:${'a'.repeat(64)}` } })]), []);
});

test('a declared exception lifts its rule only, and must say why', () => {
  const writable = { securityContext: { allowPrivilegeEscalation: false } };
  const excused = deployment({ container: writable, annotations: { 'baton.dev/policy-exceptions': 'read-only-root: writes its cache' } });
  assert.deepEqual(policyViolations([excused]), []);
  const unexplained = deployment({ container: writable, annotations: { 'baton.dev/policy-exceptions': 'read-only-root' } });
  assert.match(policyViolations([unexplained]).join(), /must say why/);
});

test('an object that breaks its Kubernetes schema, or of a kind no schema knows, is an error', () => {
  assert.match(schemaErrors(deployment({ container: { resources: { limits: { memory: 'lots' } } } })).join(), /quantity/);
  assert.match(schemaErrors({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }).join(), /no schema/);
});
