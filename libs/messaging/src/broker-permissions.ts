import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';
import { topology } from './topology';

/**
 * The first word of every event a service publishes (`credit.deposit.pending.v1`): its topic
 * permission on the events exchange admits only these routing keys, so a service can publish
 * no other service's events. `broker-permissions.int-spec.ts` checks every contract against it.
 */
export const EVENT_NAMESPACES: Record<ServiceName, string | null> = {
  gateway: 'identity',
  credit: 'credit',
  invoicing: 'invoicing',
  'creator-network': 'network',
  payout: 'payout',
  scheduler: null,
};

/** RabbitMQ permissions of one user on the vhost: regexes over exchange and queue names. */
export interface BrokerPermissions {
  user: string;
  configure: string;
  write: string;
  read: string;
  /** On the events exchange: which routing keys it may publish (write) and bind (read). */
  topic: { exchange: string; write: string; read: string };
}

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const oneOf = (names: string[]) => `^(${names.map(escape).join('|')})$`;

/** The broker user of a service: `<prefix>-<service>`, and `<prefix>-keda` for the autoscaler. */
export const brokerUser = (prefix: string, who: ServiceName | 'keda') => `${prefix}-${who}`;

/**
 * Least privilege for one service, derived from the topology it declares and uses
 * (broker-setup.ts, amqp.server.ts, rpc-client.ts, outbox relay, dead letters):
 * - configure: declare its own four queues and the events exchange;
 * - write: publish to the events exchange (its own routing keys only, by topic permission), bind
 *   its event queue, and send through the default exchange (`amq.default`: RPC requests to other
 *   services, RPC replies, its retry and dead-letter queues; the gateway's dead-letter replays);
 * - read: consume its RPC and event queues, bind from the events exchange, and declare the
 *   retry queue (which dead-letters into the event queue). The gateway also reads every
 *   service's dead-letter queue (the ops dead-letter tools).
 * RPC replies use direct reply-to, which needs no permission. The default exchange cannot be
 * narrowed by routing key: any service may still send an RPC request to any service's queue.
 */
export function brokerPermissions(prefix: string, service: ServiceName): BrokerPermissions {
  const own = [
    topology.rpcQueue(prefix, service),
    topology.eventQueue(prefix, service),
    topology.retryQueue(prefix, service),
    topology.deadLetterQueue(prefix, service),
  ];
  const exchange = topology.eventsExchange(prefix);
  const deadLetters =
    service === 'gateway' ? SERVICES.map((s) => topology.deadLetterQueue(prefix, s)) : [];
  const namespace = EVENT_NAMESPACES[service];
  return {
    user: brokerUser(prefix, service),
    configure: oneOf([...own, exchange]),
    write: oneOf(['amq.default', exchange, ...own.slice(1)]),
    read: oneOf([exchange, ...own.slice(0, 3), ...deadLetters]),
    topic: { exchange, write: namespace ? `^${escape(namespace)}\\.` : '^$', read: '.*' },
  };
}

/** KEDA only asks for queue lengths (a passive declare), which needs no permission. */
export function kedaPermissions(prefix: string): BrokerPermissions {
  return {
    user: brokerUser(prefix, 'keda'),
    configure: '^$',
    write: '^$',
    read: '^$',
    topic: { exchange: topology.eventsExchange(prefix), write: '^$', read: '^$' },
  };
}

/**
 * The `rabbitmqctl` commands that create every broker user with its permissions (the
 * ConfigMap in k8s/base/rabbitmq-users.yaml holds exactly these). Passwords come from the
 * environment of whoever runs them: `RABBITMQ_PASSWORD_<SERVICE>` (upper case, `_` for `-`).
 */
export function brokerUserCommands(prefix: string, vhost = '/'): string[] {
  const all = [...SERVICES.map((s) => brokerPermissions(prefix, s)), kedaPermissions(prefix)];
  return all.flatMap((p) => {
    const secret = `RABBITMQ_PASSWORD_${p.user
      .slice(prefix.length + 1)
      .toUpperCase()
      .replace(/-/g, '_')}`;
    const q = (v: string) => `'${v}'`;
    return [
      `rabbitmqctl add_user ${p.user} "$${secret}" || rabbitmqctl change_password ${p.user} "$${secret}"`,
      `rabbitmqctl set_permissions -p ${q(vhost)} ${p.user} ${q(p.configure)} ${q(p.write)} ${q(p.read)}`,
      `rabbitmqctl set_topic_permissions -p ${q(vhost)} ${p.user} ${p.topic.exchange} ${q(p.topic.write)} ${q(p.topic.read)}`,
    ];
  });
}
