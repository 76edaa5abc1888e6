import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { brokerUserCommands } from '@glimmer/messaging/broker-permissions';
import { K8sObject, objectId, render } from './support/kustomize';
import {
  assertServiceAccepts,
  BACK_END_SERVICES,
  ROOT,
  SERVICES,
  servicesInSource,
} from './support/services';

const OVERLAYS = ['dev', 'prod'] as const;
const overlayDir = (overlay: string) => join(ROOT, 'k8s', 'overlays', overlay);
const SECRET_NAME = 'glimmer-secrets';
/** Each service's broker URL in the Secret: RABBITMQ_URL_<SERVICE>. */
const rabbitmqUrlKey = (service: string) =>
  `RABBITMQ_URL_${service.toUpperCase().replace(/-/g, '_')}`;

/** Offline schema validation: the Kubernetes (and KEDA) OpenAPI schemas the models ship. */
const MODELS: Record<string, { validate(): void } & any> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
};

const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, render(overlayDir(o))])) as Record<
  (typeof OVERLAYS)[number],
  K8sObject[]
>;

const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const appContainer = (d: K8sObject) => d.spec.template.spec.containers[0];

/** `kubectl kustomize`, when this machine has kubectl: the real renderer, to check ours against. */
function kubectlKustomize(dir: string): K8sObject[] | null {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) return null;
  return parseAllDocuments(result.stdout).map((d) => d.toJS() as K8sObject);
}
const kubectlAvailable =
  spawnSync('kubectl', ['version', '--client'], { timeout: 30_000 }).status === 0;

describe.each(OVERLAYS)('k8s/overlays/%s', (overlay) => {
  const objects = rendered[overlay];
  const deployments = ofKind(objects, 'Deployment');

  (kubectlAvailable ? it : it.skip)('renders exactly as `kubectl kustomize` does', () => {
    const real = kubectlKustomize(overlayDir(overlay));
    expect(real).not.toBeNull();
    const byId = (list: K8sObject[]) =>
      Object.fromEntries(list.map((o) => [objectId(o), o] as const));
    expect(byId(objects)).toEqual(byId(real!));
  });

  it('validates every object against its Kubernetes or KEDA schema', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect({ id: objectId(object), known: Boolean(Model) }).toEqual({
        id: objectId(object),
        known: true,
      });
      expect(() => new Model(object).validate()).not.toThrow();
    }
  });

  it('deploys every service, and every app that has migrate and serve commands', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SERVICES].sort());
    for (const app of servicesInSource()) expect(SERVICES).toContain(app);
    for (const d of deployments) {
      expect(appContainer(d).args).toEqual([`dist/apps/${d.metadata.name}/src/main.js`, 'serve']);
    }
  });

  it('gives every Deployment startup, readiness and liveness probes on its own port', () => {
    for (const d of deployments) {
      const c = appContainer(d);
      const ports = (c.ports ?? []).map((p: any) => p.name);
      const probe = (kind: string) => ({ name: d.metadata.name, kind, ...c[kind]?.httpGet });
      expect(probe('startupProbe')).toMatchObject({ path: '/health/live' });
      expect(probe('readinessProbe')).toMatchObject({ path: '/health/ready' });
      expect(probe('livenessProbe')).toMatchObject({ path: '/health/live' });
      for (const kind of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        expect(ports).toContain(c[kind].httpGet.port);
      }
    }
  });

  it('gives every container resource requests and limits', () => {
    const containers = [
      ...deployments.map((d) => appContainer(d)),
      ...ofKind(objects, 'Job').flatMap((j) => j.spec.template.spec.containers),
    ];
    for (const c of containers) {
      for (const bound of ['requests', 'limits']) {
        expect(c.resources?.[bound]).toEqual({
          cpu: expect.any(String),
          memory: expect.any(String),
        });
      }
    }
  });

  it('runs every pod as non-root with a read-only root filesystem and no privileges', () => {
    for (const workload of [...deployments, ...ofKind(objects, 'Job')]) {
      const pod = workload.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        // Node and its libraries may write temporary files: /tmp is a writable emptyDir.
        expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      }
    }
  });

  it('reads configuration from the ConfigMap and secrets from the Secret, key by key', () => {
    const configMaps = ofKind(objects, 'ConfigMap').map((c) => c.metadata.name);
    for (const workload of [...deployments, ...ofKind(objects, 'Job')]) {
      for (const c of workload.spec.template.spec.containers) {
        const refs = (c.envFrom ?? []).map((e: any) => e.configMapRef?.name ?? e.secretRef?.name);
        for (const ref of (c.envFrom ?? []).filter((e: any) => e.configMapRef)) {
          expect(configMaps).toContain(ref.configMapRef.name);
        }
        expect(refs).toContain('glimmer-config');
        for (const e of c.env ?? []) {
          if (e.valueFrom) expect(e.valueFrom.secretKeyRef.name).toBe(SECRET_NAME);
        }
      }
    }
    const gatewayKeys = appContainer(named(objects, 'Deployment', 'gateway')).env.map(
      (e: any) => e.name,
    );
    for (const key of [
      'JWT_SECRET',
      'PAYMENTS_WEBHOOK_SECRET',
      'OPS_PASSWORD',
      'DATABASE_URL',
      'QUEUE_BOARD_SECRET',
    ]) {
      expect(gatewayKeys).toContain(key);
    }
    const schedulerKeys = appContainer(named(objects, 'Deployment', 'scheduler')).env.map(
      (e: any) => e.name,
    );
    expect(schedulerKeys).toEqual(
      expect.arrayContaining(['REDIS_URL', 'SMTP_URL', 'QUEUE_BOARD_SECRET']),
    );
  });

  it("points the gateway's queue board proxy at the scheduler's Service, on its health port", () => {
    const config = named(objects, 'ConfigMap', 'glimmer-config').data as Record<string, string>;
    const target = new URL(config.SCHEDULER_QUEUE_BOARD_URL);
    expect(target.hostname).toBe('scheduler');
    const service = named(objects, 'Service', 'scheduler');
    expect(service.spec.type).toBe('ClusterIP');
    const port = service.spec.ports.find((p: any) => p.port === Number(target.port));
    expect(port?.targetPort).toBe('health');
    const health = appContainer(named(objects, 'Deployment', 'scheduler')).ports.find(
      (p: any) => p.name === 'health',
    );
    expect(String(health.containerPort)).toBe(config.HEALTH_PORT);
  });

  it('gives every service a PodDisruptionBudget that selects its pods', () => {
    const pdbs = ofKind(objects, 'PodDisruptionBudget');
    for (const d of deployments) {
      const labels = d.spec.template.metadata.labels;
      const pdb = pdbs.find((p) =>
        Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v),
      );
      expect({ service: d.metadata.name, pdb: Boolean(pdb) }).toEqual({
        service: d.metadata.name,
        pdb: true,
      });
      expect(pdb!.spec.maxUnavailable ?? pdb!.spec.minAvailable).toBeDefined();
    }
  });

  it('exposes the gateway and a metrics port of every service through a Service', () => {
    for (const d of deployments) {
      const service = named(objects, 'Service', d.metadata.name);
      const labels = d.spec.template.metadata.labels;
      for (const [k, v] of Object.entries(service.spec.selector)) expect(labels[k]).toBe(v);
      const containerPorts = appContainer(d).ports.map((p: any) => p.name);
      const metrics = service.spec.ports.find((p: any) => p.name === 'metrics');
      expect(containerPorts).toContain(metrics?.targetPort);
      expect(d.spec.template.metadata.annotations['prometheus.io/scrape']).toBe('true');
    }
    const gateway = named(objects, 'Service', 'gateway');
    expect(gateway.spec.ports).toContainEqual({ name: 'http', port: 80, targetPort: 'http' });
  });

  it('runs every service migrate step in a Job that retries and cleans up after itself', () => {
    const job = named(objects, 'Job', 'glimmer-migrate');
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
    expect(job.spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    const [container] = job.spec.template.spec.containers;
    const script = [...container.command, ...container.args].join(' ');
    const loop = script.match(
      /for (\w+) in ([^;]+);.*node dist\/apps\/\$\1\/src\/main\.js migrate/,
    );
    expect(loop?.[2].trim().split(/\s+/)).toEqual([...SERVICES]);
    expect(container.command).toEqual(['/bin/sh', '-ec']);
    expect(container.envFrom).toContainEqual({ secretRef: { name: SECRET_NAME } });
  });

  it('scales every back-end service with KEDA on its RabbitMQ queues', () => {
    const scaled = ofKind(objects, 'ScaledObject');
    const auths = ofKind(objects, 'TriggerAuthentication');
    expect(scaled.map((s) => s.spec.scaleTargetRef.name).sort()).toEqual(
      [...BACK_END_SERVICES].sort(),
    );
    for (const so of scaled) {
      const service = so.spec.scaleTargetRef.name;
      named(objects, 'Deployment', service);
      expect(named(objects, 'Deployment', service).spec.replicas).toBeUndefined(); // KEDA owns it
      expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
      expect(so.spec.maxReplicaCount).toBeGreaterThanOrEqual(so.spec.minReplicaCount);
      expect(so.spec.triggers.map((t: any) => t.metadata.queueName).sort()).toEqual([
        `glimmer.${service}.events`,
        `glimmer.${service}.rpc`,
      ]);
      for (const trigger of so.spec.triggers) {
        expect(trigger.type).toBe('rabbitmq');
        expect(trigger.metadata).toMatchObject({ mode: 'QueueLength', value: expect.any(String) });
        expect(Number(trigger.metadata.value)).toBeGreaterThan(0);
        expect(auths.map((a) => a.metadata.name)).toContain(trigger.authenticationRef.name);
      }
    }
    expect(auths).toHaveLength(1);
    expect(auths[0].spec.secretTargetRef).toEqual([
      { parameter: 'host', name: SECRET_NAME, key: 'RABBITMQ_URL_KEDA' },
    ]);
  });

  it('connects every service (and its migrate step) to RabbitMQ as its own broker user', () => {
    for (const d of deployments) {
      const env = appContainer(d).env.find((e: any) => e.name === 'RABBITMQ_URL');
      expect({ service: d.metadata.name, key: env?.valueFrom?.secretKeyRef?.key }).toEqual({
        service: d.metadata.name,
        key: rabbitmqUrlKey(d.metadata.name),
      });
    }
    const [migrate] = named(objects, 'Job', 'glimmer-migrate').spec.template.spec.containers;
    expect(migrate.args.join(' ')).toContain(
      'url="$(printenv "RABBITMQ_URL_$(echo "$service" | tr a-z- A-Z_)")"; RABBITMQ_URL="$url" node',
    );
  });

  it('creates those users with the permissions derived from the topology', () => {
    const script = named(objects, 'ConfigMap', 'glimmer-rabbitmq-users').data['setup.sh'];
    expect(script.trim().split('\n')).toEqual([
      '#!/bin/sh',
      'set -eu',
      ...brokerUserCommands('glimmer'),
    ]);
    for (const who of [...SERVICES, 'keda'])
      expect(script).toContain(`RABBITMQ_PASSWORD_${who.toUpperCase().replace(/-/g, '_')}`);
  });

  it('keeps every object in the overlay namespace', () => {
    const namespaces = new Set(objects.map((o) => o.metadata.namespace));
    expect(namespaces).toEqual(new Set([overlay === 'dev' ? 'glimmer-dev' : 'glimmer']));
  });
});

describe('k8s overlays differ where they should', () => {
  const minReplicas = (objects: K8sObject[]) =>
    Object.fromEntries(
      SERVICES.map((s) => {
        const so = objects.find(
          (o) => o.kind === 'ScaledObject' && o.spec.scaleTargetRef.name === s,
        );
        return [s, so ? so.spec.minReplicaCount : named(objects, 'Deployment', s).spec.replicas];
      }),
    );
  const images = (objects: K8sObject[]) =>
    new Set(
      [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')].flatMap((w) =>
        w.spec.template.spec.containers.map((c: any) => c.image),
      ),
    );
  const memoryMi = (q: string) => (q.endsWith('Gi') ? parseFloat(q) * 1024 : parseFloat(q));

  it('dev runs one replica of each service, with the locally built image', () => {
    expect(Object.values(minReplicas(rendered.dev))).toEqual(SERVICES.map(() => 1));
    for (const so of ofKind(rendered.dev, 'ScaledObject')) expect(so.spec.maxReplicaCount).toBe(2);
    expect(images(rendered.dev)).toEqual(new Set(['glimmer:local']));
  });

  it('prod runs at least two replicas of each service, with a pinned image tag', () => {
    for (const [service, n] of Object.entries(minReplicas(rendered.prod))) {
      expect({ service, atLeastTwo: n >= 2 }).toEqual({ service, atLeastTwo: true });
    }
    const [image, ...others] = images(rendered.prod);
    expect(others).toEqual([]);
    expect(image).toMatch(/^[\w.-]+(\/[\w.-]+)+:\d+\.\d+\.\d+$/);
  });

  it('prod gives every service more resources than dev', () => {
    for (const service of SERVICES) {
      const dev = appContainer(named(rendered.dev, 'Deployment', service)).resources;
      const prod = appContainer(named(rendered.prod, 'Deployment', service)).resources;
      expect(memoryMi(prod.limits.memory)).toBeGreaterThan(memoryMi(dev.limits.memory));
      expect(memoryMi(prod.requests.memory)).toBeGreaterThan(memoryMi(dev.requests.memory));
    }
  });

  it('dev generates placeholder secrets; prod expects an externally managed Secret', () => {
    const devSecret = named(rendered.dev, 'Secret', SECRET_NAME);
    expect(Object.keys(devSecret.data).sort()).toEqual(
      [
        'DATABASE_URL',
        'INVITE_TOKEN_SECRET',
        'JWT_SECRET',
        'OPS_PASSWORD',
        'PAYMENTS_WEBHOOK_SECRET',
        'PAYOUT_ENCRYPTION_KEY',
        'QUEUE_BOARD_SECRET',
        ...SERVICES.map(rabbitmqUrlKey),
        'RABBITMQ_URL_KEDA',
        'REDIS_URL',
        'SMTP_URL',
      ].sort(),
    );
    const decoded = (key: string) => Buffer.from(devSecret.data[key], 'base64').toString();
    for (const key of [
      'JWT_SECRET',
      'PAYMENTS_WEBHOOK_SECRET',
      'OPS_PASSWORD',
      'INVITE_TOKEN_SECRET',
      'QUEUE_BOARD_SECRET',
    ]) {
      expect(decoded(key)).toMatch(/placeholder/);
    }
    expect(ofKind(rendered.prod, 'Secret')).toEqual([]);
  });

  it('prod runs in production mode without any sandbox setting', () => {
    const config = named(rendered.prod, 'ConfigMap', 'glimmer-config').data as Record<
      string,
      string
    >;
    expect(config.NODE_ENV).toBe('production');
    expect(Object.keys(config).filter((k) => /SANDBOX/.test(k))).toEqual([
      'PAYOUT_SANDBOX_FAIL_RATE',
    ]);
    expect(config.PAYOUT_SANDBOX_FAIL_RATE).toBe('0');
  });

  it('every service accepts the dev configuration (its own validation, development mode)', async () => {
    const objects = rendered.dev;
    const config = named(objects, 'ConfigMap', 'glimmer-config').data as Record<string, string>;
    const secret = named(objects, 'Secret', SECRET_NAME).data as Record<string, string>;
    const fromSecret = (key: string) => Buffer.from(secret[key], 'base64').toString();
    // Its placeholder secrets and the sandbox payment provider are refused in production.
    expect(config.NODE_ENV).toBe('development');
    expect(config.CREDIT_SANDBOX_CLEAR_AFTER_MS).toBe('15000');
    await expect(
      assertServiceAccepts('scheduler', { ...config, NODE_ENV: 'production' }),
    ).rejects.toThrow(/CREDIT_SANDBOX_CLEAR_AFTER_MS/);
    for (const d of ofKind(objects, 'Deployment')) {
      const env: Record<string, string> = { ...config };
      for (const e of appContainer(d).env ?? [])
        env[e.name] = fromSecret(e.valueFrom.secretKeyRef.key);
      await assertServiceAccepts(d.metadata.name, env);
    }
    const migrateEnv = {
      ...config,
      ...Object.fromEntries(Object.keys(secret).map((k) => [k, fromSecret(k)])),
    };
    for (const service of SERVICES) await assertServiceAccepts(service, migrateEnv);
  });
});
