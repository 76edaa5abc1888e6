import amqplib, { type Channel, type ChannelModel } from 'amqplib';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';
import { SUBSCRIPTIONS } from '@glimmer/contracts/subscriptions';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { assertAllTopology, assertServiceTopology } from './broker-setup';
import {
  BrokerPermissions,
  brokerPermissions,
  EVENT_NAMESPACES,
  kedaPermissions,
} from './broker-permissions';
import { topology } from './topology';

const BROKER = new URL(process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
const rabbitmqctl = (...args: string[]) => {
  const r = spawnSync('rabbitmqctl', ['-q', ...args], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`rabbitmqctl ${args[0]}: ${r.stderr || r.error}`);
};
/** Users are made with rabbitmqctl, on the machine running the test broker. */
const canAdminister =
  spawnSync('rabbitmqctl', ['-q', 'list_users'], { timeout: 30_000 }).status === 0;

describe('every event is published under its producer namespace (what topic permissions admit)', () => {
  it.each(Object.entries(SUBSCRIPTIONS))('%s subscriptions', (_consumer, events) => {
    for (const event of events ?? []) {
      expect(event.pattern.startsWith(`${EVENT_NAMESPACES[event.producer]}.`)).toBe(true);
    }
  });
});

(canAdminister ? describe : describe.skip)('per-service broker users (real RabbitMQ)', () => {
  let env: TestEnv;
  const created: string[] = [];
  const open: ChannelModel[] = [];

  const createUser = (p: BrokerPermissions): string => {
    const password = randomBytes(16).toString('hex');
    rabbitmqctl('add_user', p.user, password);
    created.push(p.user);
    rabbitmqctl('set_permissions', '-p', '/', p.user, p.configure, p.write, p.read);
    rabbitmqctl(
      'set_topic_permissions',
      '-p',
      '/',
      p.user,
      p.topic.exchange,
      p.topic.write,
      p.topic.read,
    );
    return `amqp://${p.user}:${password}@${BROKER.host}`;
  };
  const connectAs = async (url: string) => {
    const connection = await amqplib.connect(url);
    connection.on('error', () => undefined);
    open.push(connection);
    return connection;
  };
  /** Runs `act` on a fresh channel; resolves to 'ok' or the broker's refusal. */
  const attempt = async (
    connection: ChannelModel,
    act: (ch: Channel & { waitForConfirms?: () => Promise<void> }) => Promise<unknown>,
  ): Promise<string> => {
    const ch = await connection.createConfirmChannel();
    let closedWith = '';
    ch.on('error', (err: Error) => (closedWith = err.message));
    try {
      await act(ch);
      await ch.waitForConfirms();
      await new Promise((r) => setTimeout(r, 100)); // a refused publish closes the channel after
      if (closedWith) return closedWith;
      await ch.close();
      return 'ok';
    } catch (err) {
      return closedWith || (err as Error).message;
    }
  };
  const refused = expect.stringMatching(/ACCESS_REFUSED|403/);

  beforeAll(async () => {
    env = await createTestEnv('brokerusers');
    const admin = await connectAs(BROKER.toString());
    await assertAllTopology(await admin.createConfirmChannel(), { prefix: env.prefix });
  });

  afterAll(async () => {
    await Promise.allSettled(open.map((c) => c.close()));
    for (const user of created) spawnSync('rabbitmqctl', ['-q', 'delete_user', user]);
    await env?.destroy();
  });

  it.each(SERVICES)(
    '%s can do everything its topology needs with its own user',
    async (service) => {
      const me = await connectAs(createUser(brokerPermissions(env.prefix, service)));
      const other: ServiceName = service === 'credit' ? 'invoicing' : 'credit';
      expect(
        await attempt(me, (ch) =>
          assertServiceTopology(ch as never, service, { prefix: env.prefix }),
        ),
      ).toBe('ok');
      const ns = EVENT_NAMESPACES[service];
      if (ns) {
        expect(
          await attempt(me, async (ch) =>
            ch.publish(
              topology.eventsExchange(env.prefix),
              `${ns}.thing.happened.v1`,
              Buffer.from('{}'),
            ),
          ),
        ).toBe('ok');
      }
      // Serving and calling RPCs: consume its RPC queue, send a request, read the reply-to.
      expect(
        await attempt(me, (ch) =>
          ch.consume(topology.rpcQueue(env.prefix, service), () => undefined),
        ),
      ).toBe('ok');
      expect(
        await attempt(me, (ch) =>
          ch.consume(topology.eventQueue(env.prefix, service), () => undefined),
        ),
      ).toBe('ok');
      expect(
        await attempt(me, async (ch) => {
          await ch.consume('amq.rabbitmq.reply-to', () => undefined, { noAck: true });
          ch.sendToQueue(topology.rpcQueue(env.prefix, other), Buffer.from('{}'), {
            replyTo: 'amq.rabbitmq.reply-to',
            expiration: '1000',
          });
        }),
      ).toBe('ok');
      // Retrying and dead-lettering its own events.
      expect(
        await attempt(me, async (ch) => {
          ch.sendToQueue(topology.retryQueue(env.prefix, service), Buffer.from('{}'), {
            expiration: '1',
          });
          ch.sendToQueue(topology.deadLetterQueue(env.prefix, service), Buffer.from('{}'));
        }),
      ).toBe('ok');
      // Refused: another service's events, queues and topology.
      const foreign = service === 'payout' ? 'credit' : 'payout';
      expect(
        await attempt(me, async (ch) =>
          ch.publish(
            topology.eventsExchange(env.prefix),
            `${foreign}.payout.paid.v1`,
            Buffer.from('{}'),
          ),
        ),
      ).toEqual(refused);
      expect(
        await attempt(me, (ch) =>
          ch.consume(topology.eventQueue(env.prefix, other), () => undefined),
        ),
      ).toEqual(refused);
      expect(
        await attempt(me, (ch) =>
          ch.consume(topology.rpcQueue(env.prefix, other), () => undefined),
        ),
      ).toEqual(refused);
      expect(
        await attempt(me, (ch) => ch.deleteQueue(topology.eventQueue(env.prefix, other))),
      ).toEqual(refused);
      expect(await attempt(me, (ch) => ch.assertQueue(`${env.prefix}.${other}.sneaky`))).toEqual(
        refused,
      );
      const dlqOfOther = (ch: Channel) => ch.get(topology.deadLetterQueue(env.prefix, other));
      expect(await attempt(me, dlqOfOther)).toEqual(service === 'gateway' ? 'ok' : refused);
    },
  );

  it('lets KEDA read queue lengths and nothing else', async () => {
    const keda = await connectAs(createUser(kedaPermissions(env.prefix)));
    expect(
      await attempt(keda, (ch) => ch.checkQueue(topology.eventQueue(env.prefix, 'credit'))),
    ).toBe('ok');
    expect(await attempt(keda, (ch) => ch.get(topology.eventQueue(env.prefix, 'credit')))).toEqual(
      refused,
    );
    expect(
      await attempt(keda, async (ch) =>
        ch.publish(topology.eventsExchange(env.prefix), 'credit.x.v1', Buffer.from('{}')),
      ),
    ).toEqual(refused);
  });
});
