import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Actor } from '@glimmer/contracts/actor';
import { ConfirmFundsRpc } from '@glimmer/contracts/credit/deposit.messages';
import { GetPayoutRpc, RetryPayoutRpc } from '@glimmer/contracts/payout/payout.messages';
import { ListStuckJobsRpc, RetryFailedJobsRpc } from '@glimmer/contracts/scheduler/jobs.messages';
import { QUEUE_NAMES, QueueName } from '@glimmer/contracts/scheduler/queues';
import { ConfigModule } from '@glimmer/config/config.module';
import { DomainError } from '@glimmer/errors/domain-error';
import { AmqpConnection } from '@glimmer/messaging/amqp-connection';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import type { GatewayConfig } from '../../gateway.config';
import { CommandResult, EXIT, StderrLogger } from './dead-letters.command';

export const OPS_ACTION_COMMANDS = [
  'jobs:stuck',
  'jobs:retry',
  'deposit:confirm-funds',
  'payout:show',
  'payout:retry',
] as const;
export type OpsActionCommand = (typeof OPS_ACTION_COMMANDS)[number];

const USAGE =
  'jobs:stuck [--queue <queue>] | jobs:retry [--queue <queue>] | deposit:confirm-funds <creditInvoiceId> | payout:show <payoutId> | payout:retry <payoutId>';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who the services see when ops act from the command line (audited in their logs). */
const CLI_ACTOR: Actor = {
  userId: '00000000-0000-4000-8000-000000000000',
  role: 'ops',
  name: 'ops-cli',
};

function usage(detail: string): CommandResult {
  return { exitCode: EXIT.usage, output: { error: 'usage', detail, usage: USAGE } };
}

/** The queue named by `--queue <name>` (undefined: all queues), or a usage error. */
function queueFrom(args: readonly string[]): { queue?: QueueName } | string {
  if (args.length === 0) return {};
  const name = args[0] === '--queue' ? args[1] : args[0].replace(/^--queue=/, '');
  if (args.length > (args[0] === '--queue' ? 2 : 1) || !args[0].startsWith('--queue'))
    return `unexpected arguments ${args.join(' ')}`;
  if (!(QUEUE_NAMES as readonly string[]).includes(name))
    return `--queue must be one of ${QUEUE_NAMES.join(', ')}`;
  return { queue: name as QueueName };
}

/** What the CLI acts on: the services over RPC (the queues through the scheduler's RPCs). */
export interface OpsActionPorts {
  rpc: RpcClient;
}

/**
 * Stuck work, found and moved on. `jobs:stuck` lists failed jobs and delayed jobs overdue by
 * more than a minute (a scheduler that is down); `jobs:retry` re-enqueues the failed ones
 * (every job re-checks state through an idempotent RPC, so a retry is always safe). Both ask
 * the scheduler over RPC: it alone knows the queues and Redis. A deposit
 * whose funds arrived outside the webhook is confirmed like the ops HTTP route does; a payout
 * flagged `needs_attention` is shown and sent again.
 */
export async function runOpsAction(
  ports: OpsActionPorts,
  command: OpsActionCommand,
  args: readonly string[],
): Promise<CommandResult> {
  try {
    switch (command) {
      case 'jobs:stuck':
      case 'jobs:retry': {
        const selection = queueFrom(args);
        if (typeof selection === 'string') return usage(selection);
        const request = { actor: CLI_ACTOR, ...selection };
        const output =
          command === 'jobs:retry'
            ? await ports.rpc.call(RetryFailedJobsRpc, request)
            : await ports.rpc.call(ListStuckJobsRpc, request);
        return { exitCode: EXIT.ok, output };
      }
      case 'deposit:confirm-funds':
      case 'payout:show':
      case 'payout:retry': {
        if (args.length !== 1 || !UUID.test(args[0]))
          return usage(`${command} takes exactly one id (a UUID)`);
        const id = args[0];
        const output =
          command === 'deposit:confirm-funds'
            ? await ports.rpc.call(ConfirmFundsRpc, { creditInvoiceId: id, source: 'ops' })
            : command === 'payout:show'
              ? await ports.rpc.call(GetPayoutRpc, { actor: CLI_ACTOR, payoutId: id })
              : await ports.rpc.call(RetryPayoutRpc, { actor: CLI_ACTOR, payoutId: id });
        return { exitCode: EXIT.ok, output };
      }
    }
  } catch (err) {
    if (err instanceof DomainError)
      return { exitCode: EXIT.failed, output: { error: err.code, detail: err.message } };
    throw err;
  }
}

/** `node main.js <jobs:…|deposit:…|payout:…>`: an RPC client, nothing else. */
export async function opsActionCli(
  config: GatewayConfig,
  command: OpsActionCommand,
  args: readonly string[],
): Promise<number> {
  Logger.overrideLogger(new StderrLogger());
  @Module({
    imports: [
      ConfigModule.forValue(config),
      MessagingModule.forService(messagingOptionsFrom('gateway', config), { database: false }),
    ],
  })
  class OpsCliModule {}
  const app = await NestFactory.createApplicationContext(OpsCliModule, { logger: false });
  // The RPC client refuses to send while disconnected; a fresh process has not connected yet.
  await app.get(AmqpConnection).waitForConnect();
  const ports: OpsActionPorts = { rpc: app.get(RpcClient) };
  try {
    const { exitCode, output } = await runOpsAction(ports, command, args);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return exitCode;
  } finally {
    await app.close();
  }
}
