// Reads rendered manifests (kubectl kustomize deploy/kubernetes) on stdin; prints every schema error and policy
// violation and exits 1 if there is any.
import { parseAllDocuments } from 'yaml';
import { schemaErrors } from './schemas.mjs';
import { policyViolations } from './policy.mjs';

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}
const documents = parseAllDocuments(input);
const parseErrors = documents.flatMap(d => d.errors.map(e => `YAML: ${e.message}`));
const objects = documents.map(d => d.toJS()).filter(o => o !== null);
const problems = [...parseErrors, ...objects.flatMap(schemaErrors), ...policyViolations(objects)];
if (objects.length === 0) {
  problems.push('no objects on stdin');
}
for (const problem of problems) {
  console.error(problem);
}
console.log(`${objects.length} objects checked, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
