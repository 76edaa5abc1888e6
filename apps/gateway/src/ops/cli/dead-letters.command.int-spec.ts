import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@glimmer/config/config';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { DeadLetterService } from '@glimmer/messaging/dead-letters/dead-letter.service';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { HEADERS, topology } from '@glimmer/messaging/topology';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { GatewayConfig, gatewayConfigSchema } from '../../gateway.config';
import { deadLetterCli, EXIT, runDeadLetterCommand } from './dead-letters.command';

describe('ops CLI: dead-letters:list, :replay, :discard (real broker, in process)', () => {
  let env: TestEnv;
  let config: GatewayConfig;
  let deadLetters: DeadLetterService;
  let connection: amqplib.ChannelModel;
  let channel: amqplib.ConfirmChannel;

  /** Parks a message in `service`'s dead-letter queue as the consumer would have. */
  const park = async (service: 'credit' | 'invoicing', note: string): Promise<string> => {
    const id = randomUUID();
    channel.sendToQueue(
      topology.deadLetterQueue(env.prefix, service),
      Buffer.from(JSON.stringify({ note })),
      {
        messageId: id,
        type: 'probe.parcel.sent.v1',
        contentType: 'application/json',
        persistent: true,
        headers: {
          [HEADERS.errorCode]: 'validation_failed',
          [HEADERS.errorDetail]: `${note} is bad`,
          [HEADERS.failedAt]: new Date().toISOString(),
          [HEADERS.originalQueue]: topology.eventQueue(env.prefix, service),
          [HEADERS.retryCount]: 0,
        },
      },
    );
    await channel.waitForConfirms();
    return id;
  };

  const ids = (output: unknown) =>
    (output as { data: { id: string }[] }).data.map((d) => d.id).sort();

  beforeAll(async () => {
    env = await createTestEnv('dlcli');
    config = loadConfig(gatewayConfigSchema, { ...env.env, NODE_ENV: 'test' });
    for (const service of ['credit', 'invoicing'] as const)
      await migrateBroker(env.env.RABBITMQ_URL, service, { prefix: env.prefix });
    connection = await amqplib.connect(env.env.RABBITMQ_URL);
    channel = await connection.createConfirmChannel();
    deadLetters = new DeadLetterService(messagingOptionsFrom('gateway', config));
  });

  afterAll(async () => {
    await deadLetters?.onApplicationShutdown();
    await connection?.close();
    await env?.destroy();
  });

  it('lists (all or one service), replays to the original queue, discards; not found exits 1', async () => {
    const a = await park('credit', 'a');
    const b = await park('credit', 'b');
    const c = await park('invoicing', 'c');

    const all = await runDeadLetterCommand(deadLetters, 'dead-letters:list', []);
    expect(all.exitCode).toBe(EXIT.ok);
    expect(ids(all.output)).toEqual([a, b, c].sort());
    expect((all.output as { count: number }).count).toBe(3);
    const credit = await runDeadLetterCommand(deadLetters, 'dead-letters:list', [
      '--service',
      'credit',
    ]);
    expect(ids(credit.output)).toEqual([a, b].sort());
    const invoicing = await runDeadLetterCommand(deadLetters, 'dead-letters:list', [
      '--service=invoicing',
    ]);
    expect((invoicing.output as { data: unknown[] }).data).toEqual([
      expect.objectContaining({
        id: c,
        service: 'invoicing',
        errorCode: 'validation_failed',
        errorDetail: 'c is bad',
        payload: { note: 'c' },
      }),
    ]);

    // Replay: gone from the dead-letter queue, in the original queue with the same id and
    // without the error headers.
    const replayed = await runDeadLetterCommand(deadLetters, 'dead-letters:replay', [a]);
    expect(replayed).toEqual({
      exitCode: EXIT.ok,
      output: { replayed: expect.objectContaining({ id: a, service: 'credit' }) },
    });
    const back = await channel.get(topology.eventQueue(env.prefix, 'credit'), { noAck: true });
    expect(back && back.properties.messageId).toBe(a);
    expect(back && back.properties.headers?.[HEADERS.errorCode]).toBeUndefined();
    expect(JSON.parse(back ? back.content.toString() : 'null')).toEqual({ note: 'a' });

    const discarded = await runDeadLetterCommand(deadLetters, 'dead-letters:discard', [b]);
    expect(discarded).toEqual({
      exitCode: EXIT.ok,
      output: { discarded: expect.objectContaining({ id: b }) },
    });
    expect(ids((await runDeadLetterCommand(deadLetters, 'dead-letters:list', [])).output)).toEqual([
      c,
    ]);

    for (const command of ['dead-letters:replay', 'dead-letters:discard'] as const) {
      for (const id of [a, b, randomUUID()]) {
        await expect(runDeadLetterCommand(deadLetters, command, [id])).resolves.toEqual({
          exitCode: EXIT.failed,
          output: { error: 'not_found', detail: `No dead letter ${id}` },
        });
      }
    }
    // Nothing else was touched.
    expect(ids((await runDeadLetterCommand(deadLetters, 'dead-letters:list', [])).output)).toEqual([
      c,
    ]);
  });

  it('refuses bad usage with exit code 2 and touches nothing', async () => {
    const bad: [Parameters<typeof runDeadLetterCommand>[1], string[]][] = [
      ['dead-letters:list', ['--service', 'nope']],
      ['dead-letters:list', ['--service']],
      ['dead-letters:list', ['extra']],
      ['dead-letters:replay', []],
      ['dead-letters:discard', ['x', 'y']],
    ];
    for (const [command, args] of bad) {
      const result = await runDeadLetterCommand(deadLetters, command, args);
      expect({ command, args, exitCode: result.exitCode }).toEqual({
        command,
        args,
        exitCode: EXIT.usage,
      });
      expect(result.output).toMatchObject({ error: 'usage' });
    }
  });

  it('as the CLI: prints only JSON on stdout, logs to stderr, closes its connection', async () => {
    const d = await park('invoicing', 'd');
    const out: string[] = [];
    const err: string[] = [];
    const stdout = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
    const stderr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => err.push(String(chunk)) > 0);
    let listCode: number, discardCode: number, missingCode: number;
    const printed: unknown[] = [];
    try {
      listCode = await deadLetterCli(config, 'dead-letters:list', ['--service', 'invoicing']);
      printed.push(JSON.parse(out.splice(0).join('')));
      discardCode = await deadLetterCli(config, 'dead-letters:discard', [d]);
      printed.push(JSON.parse(out.splice(0).join('')));
      missingCode = await deadLetterCli(config, 'dead-letters:discard', [d]);
      printed.push(JSON.parse(out.splice(0).join('')));
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect([listCode, discardCode, missingCode]).toEqual([EXIT.ok, EXIT.ok, EXIT.failed]);
    expect(ids(printed[0]).includes(d)).toBe(true);
    expect(printed[1]).toEqual({ discarded: expect.objectContaining({ id: d }) });
    expect(printed[2]).toEqual({ error: 'not_found', detail: `No dead letter ${d}` });
    // The audit line of the discard is JSON on stderr.
    const logs = err
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string });
    expect(logs.some((l) => l.msg.includes(`discarded dead letter ${d}`))).toBe(true);
  });
});
