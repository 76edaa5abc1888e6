import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * A tiny, offline kustomize: enough of it to render k8s/overlays/* the way `kubectl kustomize`
 * does, so CI needs nothing but npm. It supports exactly the features the overlays use and
 * throws on any other kustomization field, so an overlay cannot silently rely on one it ignores:
 * `resources` (files and directories), `namespace`, `images`, `secretGenerator` /
 * `configMapGenerator` (literals, without the name hash) and `patches` (strategic-merge patches,
 * matched on kind + name, or on `target.kind` / `target.name`). Where kubectl is installed, the
 * k8s spec also renders with it and checks both agree.
 */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: any;
};

interface Target {
  kind?: string;
  name?: string;
}
interface Generator {
  name: string;
  literals?: string[];
  options?: { disableNameSuffixHash?: boolean };
}
interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  secretGenerator?: Generator[];
  configMapGenerator?: Generator[];
  patches?: { path: string; target?: Target }[];
}

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'secretGenerator',
  'configMapGenerator',
  'patches',
]);

/** Cluster-scoped kinds keep no namespace (the only ones this renderer may meet). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);

export function readYamlDocuments(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

export function render(dir: string): K8sObject[] {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir}: no kustomization.yaml`);
  const k = parse(readFileSync(file, 'utf8')) as Kustomization;
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key)) throw new Error(`${file}: field "${key}" is not supported here`);
  }

  let objects: K8sObject[] = [];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    objects.push(...(statSync(path).isDirectory() ? render(path) : readYamlDocuments(path)));
  }
  objects.push(...(k.configMapGenerator ?? []).map((g) => generate('ConfigMap', g, file)));
  objects.push(...(k.secretGenerator ?? []).map((g) => generate('Secret', g, file)));

  for (const patch of k.patches ?? []) {
    const patchFile = resolve(dir, patch.path);
    const [body, ...rest] = readYamlDocuments(patchFile);
    if (!body || rest.length) throw new Error(`${patchFile}: one patch document expected`);
    const target: Target = patch.target ?? { kind: body.kind, name: body.metadata.name };
    let matched = 0;
    objects = objects.map((object) => {
      if (target.kind && object.kind !== target.kind) return object;
      if (target.name && object.metadata.name !== target.name) return object;
      matched++;
      const { metadata: _ignored, ...changes } = body;
      const { apiVersion: _a, kind: _k, ...spec } = changes;
      return strategicMerge(object, spec) as K8sObject;
    });
    if (matched === 0) throw new Error(`${patchFile}: the patch matches no object`);
  }

  for (const image of k.images ?? []) {
    if (image.digest) throw new Error(`${file}: image digests are not supported here`);
    objects = objects.map((o) => retagImages(o, image));
  }
  if (k.namespace) {
    objects = objects.map((o) =>
      CLUSTER_SCOPED.has(o.kind)
        ? o
        : { ...o, metadata: { ...o.metadata, namespace: k.namespace } },
    );
  }

  const seen = new Set<string>();
  for (const o of objects) {
    const id = objectId(o);
    if (seen.has(id)) throw new Error(`${dir}: ${id} is defined twice`);
    seen.add(id);
  }
  return objects;
}

export function objectId(o: K8sObject): string {
  return `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

function generate(kind: 'ConfigMap' | 'Secret', g: Generator, file: string): K8sObject {
  if (!g.options?.disableNameSuffixHash) {
    throw new Error(`${file}: ${g.name} needs options.disableNameSuffixHash (hashes unsupported)`);
  }
  const data: Record<string, string> = {};
  for (const literal of g.literals ?? []) {
    const at = literal.indexOf('=');
    if (at < 1) throw new Error(`${file}: literal "${literal}" is not KEY=value`);
    const value = literal.slice(at + 1);
    data[literal.slice(0, at)] = kind === 'Secret' ? Buffer.from(value).toString('base64') : value;
  }
  return kind === 'Secret'
    ? { apiVersion: 'v1', kind, metadata: { name: g.name }, type: 'Opaque', data }
    : { apiVersion: 'v1', kind, metadata: { name: g.name }, data };
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Strategic merge as kustomize applies it to the fields the overlays touch: maps merge, `null`
 * deletes, lists of objects with a `name` merge item by item on it, other lists are replaced.
 */
export function strategicMerge(base: unknown, patch: unknown): unknown {
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete out[key];
      else out[key] = key in base ? strategicMerge(base[key], value) : value;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch) && isNamedList(base) && isNamedList(patch)) {
    const out = base.map((item) => {
      const change = patch.find((p) => p.name === item.name);
      return change ? strategicMerge(item, change) : item;
    });
    for (const item of patch) if (!base.some((b) => b.name === item.name)) out.push(item);
    return out;
  }
  return patch;
}

function isNamedList(list: unknown[]): list is { name: string }[] {
  return list.every((item) => isObject(item) && typeof item.name === 'string');
}

/** `images:` rewrites the image of every container and init container whose image has that name. */
function retagImages(
  object: K8sObject,
  image: { name: string; newName?: string; newTag?: string },
): K8sObject {
  const podSpec = object.spec?.template?.spec;
  if (!podSpec) return object;
  const rewrite = (containers: any[] | undefined) =>
    containers?.map((c) => {
      const [name, tag] = splitImage(c.image);
      if (name !== image.name) return c;
      const newTag = image.newTag ?? tag;
      return { ...c, image: `${image.newName ?? name}${newTag ? `:${newTag}` : ''}` };
    });
  const spec = { ...podSpec, containers: rewrite(podSpec.containers) };
  if (podSpec.initContainers) spec.initContainers = rewrite(podSpec.initContainers);
  return strategicMerge(object, { spec: { template: { spec } } }) as K8sObject;
}

function splitImage(ref: string): [string, string | undefined] {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, undefined];
}
