// Baton's own rules for what it deploys, beyond what the schemas require. A deliberate exception is declared on the
// object itself, so that it is reviewed with it: the annotation baton.dev/policy-exceptions holds one line per
// rule, "rule: why", e.g. "read-only-root: the image writes its cache under /var/cache".

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

function exceptionsOf(object) {
  const text = object.metadata?.annotations?.['baton.dev/policy-exceptions'] ?? '';
  const rules = new Map();
  for (const line of text.split('\n').map(l => l.trim()).filter(Boolean)) {
    const colon = line.indexOf(':');
    const why = colon < 0 ? '' : line.slice(colon + 1).trim();
    rules.set(colon < 0 ? line : line.slice(0, colon).trim(), why);
  }
  return rules;
}

/** An image pinned by tag or digest: a name, then ":tag" (not "latest") or "@sha256:…". */
function pinned(image) {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) {
    return true;
  }
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon > 0 && lastPart.slice(colon + 1) !== 'latest' && lastPart.slice(colon + 1) !== '';
}

function containerRules(pod, container) {
  const own = container.securityContext ?? {};
  const inherited = pod.securityContext ?? {};
  return [
    ['non-root', (own.runAsNonRoot ?? inherited.runAsNonRoot) === true && (own.runAsUser ?? inherited.runAsUser) !== 0,
      'must run as non-root (runAsNonRoot: true, and no runAsUser 0)'],
    ['read-only-root', own.readOnlyRootFilesystem === true, 'must have securityContext.readOnlyRootFilesystem: true'],
    ['no-privilege-escalation', own.allowPrivilegeEscalation === false && own.privileged !== true,
      'must set securityContext.allowPrivilegeEscalation: false and not be privileged'],
    ['resources', Boolean(container.resources?.requests?.cpu && container.resources?.requests?.memory
        && container.resources?.limits?.memory), 'must request cpu and memory and limit memory'],
    ['probes', Boolean(container.livenessProbe && container.readinessProbe), 'must have a liveness and a readiness probe'],
    ['pinned-image', typeof container.image === 'string' && pinned(container.image),
      `must use an image pinned by tag or digest, not "${container.image}"`],
  ];
}

/** What breaks the policy in the rendered objects, one line each; none when all is well. */
export function policyViolations(objects) {
  const found = [];
  for (const object of objects) {
    if (!WORKLOADS.has(object.kind)) {
      continue;
    }
    const name = `${object.kind}/${object.metadata?.name}`;
    const exceptions = exceptionsOf(object);
    for (const [rule, why] of exceptions) {
      if (!why) {
        found.push(`${name}: the exception for ${rule} must say why`);
      }
    }
    const pod = object.spec?.template?.spec ?? {};
    const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
    if (containers.length === 0) {
      found.push(`${name}: has no containers`);
    }
    for (const container of containers) {
      const probesApply = (pod.containers ?? []).includes(container);
      for (const [rule, ok, message] of containerRules(pod, container)) {
        if (!ok && !exceptions.has(rule) && (rule !== 'probes' || probesApply)) {
          found.push(`${name} container ${container.name}: ${message}`);
        }
      }
    }
  }
  return found;
}
