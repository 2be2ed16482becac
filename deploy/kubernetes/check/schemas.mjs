// Each rendered object against the Kubernetes OpenAPI schema of its apiVersion and kind, through the classes of
// kubernetes-models (whose validate() runs that schema). A kind the package does not know is an error, not a pass.
import * as models from 'kubernetes-models';

/** kubernetes-models' namespace for an apiVersion: "apps/v1" → models.apps.v1, "networking.k8s.io/v1" → networkingK8sIo.v1. */
function modelsOf(apiVersion) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (group === '') {
    return models.v1;
  }
  const key = group.split(/[.-]/).map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1))).join('');
  return models[key]?.[version];
}

/** The schema errors of one object, as lines naming it; none when it is valid. */
export function schemaErrors(object) {
  const name = `${object?.kind ?? '?'}/${object?.metadata?.name ?? '?'}`;
  const Model = object?.apiVersion && object?.kind ? modelsOf(object.apiVersion)?.[object.kind] : undefined;
  if (!Model) {
    return [`${name}: no schema for apiVersion ${object?.apiVersion} kind ${object?.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    return [`${name}: ${e.message}`];
  }
}
