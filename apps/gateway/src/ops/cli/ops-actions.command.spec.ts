import type { RpcContract } from '@glimmer/contracts/contract';
import { ListStuckJobsRpc, RetryFailedJobsRpc } from '@glimmer/contracts/scheduler/jobs.messages';
import { QueueName } from '@glimmer/contracts/scheduler/queues';
import { DomainError } from '@glimmer/errors/domain-error';
import type { RpcClient } from '@glimmer/messaging/rpc-client';
import { EXIT } from './dead-letters.command';
import { OpsActionPorts, runOpsAction } from './ops-actions.command';

/**
 * The ops CLI's queue commands ask the scheduler (its RPCs hold the queue logic, tested against
 * a real Redis in apps/scheduler/src/queue-ops/queue-ops.int-spec.ts); here: which RPC, with
 * what, and how answers and errors come out.
 */
describe('ops CLI: jobs:stuck and jobs:retry go through the scheduler', () => {
  let calls: { pattern: string; payload: unknown }[];
  let answer: () => Promise<unknown>;
  let ports: OpsActionPorts;

  beforeEach(() => {
    calls = [];
    answer = async () => ({});
    const rpc = {
      call: (contract: RpcContract<unknown, unknown>, payload: unknown) => {
        calls.push({ pattern: contract.pattern, payload });
        return answer();
      },
    };
    ports = { rpc: rpc as unknown as RpcClient };
  });

  it('jobs:stuck --queue <q> asks the scheduler for that queue as the CLI ops actor', async () => {
    const view = { [QueueName.PayoutDispatch]: { failed: [], overdue: [] } };
    answer = async () => view;
    const result = await runOpsAction(ports, 'jobs:stuck', ['--queue', QueueName.PayoutDispatch]);
    expect(result).toEqual({ exitCode: EXIT.ok, output: view });
    expect(calls).toEqual([
      {
        pattern: ListStuckJobsRpc.pattern,
        payload: {
          actor: expect.objectContaining({ role: 'ops', name: 'ops-cli' }),
          queue: QueueName.PayoutDispatch,
        },
      },
    ]);
  });

  it('jobs:retry without --queue retries every queue (no queue sent)', async () => {
    answer = async () => ({ [QueueName.Sweeps]: { retried: 2 } });
    const result = await runOpsAction(ports, 'jobs:retry', []);
    expect(result).toEqual({ exitCode: EXIT.ok, output: { [QueueName.Sweeps]: { retried: 2 } } });
    expect(calls).toHaveLength(1);
    expect(calls[0].pattern).toBe(RetryFailedJobsRpc.pattern);
    expect(calls[0].payload).not.toHaveProperty('queue');
  });

  it('accepts --queue=<q> too', async () => {
    await runOpsAction(ports, 'jobs:retry', [`--queue=${QueueName.PayoutDispatch}`]);
    expect(calls[0].payload).toMatchObject({ queue: QueueName.PayoutDispatch });
  });

  it('a scheduler that does not answer is a failure (exit 1) with its error code', async () => {
    answer = async () => {
      throw new DomainError('dependency_timeout', 'scheduler did not answer');
    };
    const result = await runOpsAction(ports, 'jobs:stuck', []);
    expect(result).toEqual({
      exitCode: EXIT.failed,
      output: { error: 'dependency_timeout', detail: 'scheduler did not answer' },
    });
  });

  it.each([
    { command: 'jobs:retry' as const, args: ['--queue', 'nope'], detail: /--queue must be one of/ },
    { command: 'jobs:stuck' as const, args: ['extra'], detail: /unexpected arguments/ },
    { command: 'payout:show' as const, args: [], detail: /exactly one id/ },
    { command: 'payout:retry' as const, args: ['not-a-uuid'], detail: /exactly one id/ },
    { command: 'deposit:confirm-funds' as const, args: ['a', 'b'], detail: /exactly one id/ },
  ])(
    '$command $args is a usage error (exit 2), nothing done',
    async ({ command, args, detail }) => {
      const result = await runOpsAction(ports, command, args);
      expect(result.exitCode).toBe(EXIT.usage);
      expect(result.output).toMatchObject({
        error: 'usage',
        detail: expect.stringMatching(detail),
      });
      expect(calls).toEqual([]);
    },
  );
});
