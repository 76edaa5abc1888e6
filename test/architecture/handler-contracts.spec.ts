import { Controller, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IsInt, IsString } from 'class-validator';
import { eventContract, RpcContract, rpcContract, ServiceName } from '@glimmer/contracts/contract';
import { rpcContractsServedBy } from '@glimmer/contracts/registry';
import { AmqpConnection } from '@glimmer/messaging/amqp-connection';
import type { AmqpContext } from '@glimmer/messaging/amqp.context';
import { AmqpServer } from '@glimmer/messaging/amqp.server';
import { OnEvent, OnRpc } from '@glimmer/messaging/handlers';

/*
 * (a) The compiler holds a handler to its contract. Each `@ts-expect-error` below marks a
 * handler whose types do not match: if the decorator ever stopped rejecting it, the directive
 * would be unused and `npm run typecheck` would fail ("Unused '@ts-expect-error' directive").
 */

class Transfer {
  @IsInt() amount: number;
  @IsString() to: string;
}
class Receipt {
  @IsString() id: string;
}
/** A different request: neither field matches. */
class Invite {
  @IsString() email: string;
}
/** Asks for more than the contract promises. */
class TransferWithMemo extends Transfer {
  @IsString() memo: string;
}

const TransferRpc = rpcContract<Transfer, Receipt>('credit', 'probe.transfer.v1', Transfer);
const TransferMade = eventContract('credit', 'probe.transfer.made.v1', Transfer);

@Controller()
export class TypedHandlers {
  @OnRpc(TransferRpc)
  async ok(req: Transfer, _ctx: AmqpContext): Promise<Receipt> {
    return { id: `${req.amount}` };
  }

  @OnRpc(TransferRpc)
  okSync(req: Transfer): Receipt {
    return { id: req.to };
  }

  // @ts-expect-error -- the request is another class (different fields)
  @OnRpc(TransferRpc)
  async wrongRequest(req: Invite): Promise<Receipt> {
    return { id: req.email };
  }

  // @ts-expect-error -- the handler expects a field the contract does not promise
  @OnRpc(TransferRpc)
  async wantsMore(req: TransferWithMemo): Promise<Receipt> {
    return { id: req.memo };
  }

  // @ts-expect-error -- the reply is not the contract's reply type
  @OnRpc(TransferRpc)
  async wrongReply(req: Transfer): Promise<{ receiptNo: number }> {
    return { receiptNo: req.amount };
  }

  @OnEvent(TransferMade, { consumer: 'probe.transfers' })
  async onMade(p: Transfer, _em: EntityManager, _ctx: AmqpContext): Promise<string> {
    return `transfer to ${p.to}`;
  }

  @OnEvent(TransferMade, { consumer: 'probe.transfers.plain', withoutInbox: 'test' })
  async onMadePlain(p: Transfer, _ctx: AmqpContext): Promise<void> {
    void p;
  }

  // @ts-expect-error -- the payload is another class
  @OnEvent(TransferMade, { consumer: 'probe.transfers.wrong' })
  async onWrongPayload(p: Invite, _em: EntityManager): Promise<void> {
    void p;
  }

  // @ts-expect-error -- with an inbox the second argument is the EntityManager, not the context
  @OnEvent(TransferMade, { consumer: 'probe.transfers.ctx' })
  async onForgotEm(_p: Transfer, ctx: AmqpContext): Promise<void> {
    void ctx;
  }

  // @ts-expect-error -- an event handler's result is an outcome to log (a string) or nothing
  @OnEvent(TransferMade, { consumer: 'probe.transfers.n', withoutInbox: 'test' })
  async onReturnsNumber(p: Transfer): Promise<number> {
    return p.amount;
  }
}

/*
 * (b) and (c): the start-up check, through Nest's real handler registration and AmqpServer's
 * listen(), for a real service and its registry RPCs. The check runs before any connection is
 * opened, so no broker is needed here (libs/messaging/src/handlers.int-spec.ts starts one).
 */

/** A controller answering each of `contracts` with a trivial `@OnRpc` method. */
function controllerFor(name: string, contracts: RpcContract<unknown, unknown>[]): Type {
  const cls = { [name]: class {} }[name];
  contracts.forEach((contract, i) => {
    const key = `handle${i}`;
    const descriptor: PropertyDescriptor = {
      value: async () => ({}),
      writable: true,
      configurable: true,
    };
    OnRpc(contract)(cls.prototype, key, descriptor);
    Object.defineProperty(cls.prototype, key, descriptor);
  });
  Controller()(cls);
  return cls;
}

async function startError(service: ServiceName, controllers: Type[]): Promise<string> {
  @Module({ controllers })
  class ServiceModule {}
  const connection = new AmqpConnection({
    service,
    url: 'amqp://127.0.0.1:1', // never contacted: the check refuses first
    prefix: 'arch',
    rpcTimeoutMs: 1_000,
    maxRetries: 0,
    retryDelayMs: 100,
    prefetch: 1,
    outboxPollMs: 1_000,
    databaseUrl: '',
    relayEnabled: false,
  });
  const app = await NestFactory.createMicroservice(ServiceModule, {
    strategy: new AmqpServer(connection, []),
    logger: false,
  });
  try {
    await app.listen();
    return 'started';
  } catch (err) {
    return (err as Error).message;
  } finally {
    await app.close();
  }
}

describe('architecture: handlers are bound to their contracts', () => {
  const payoutRpcs = rpcContractsServedBy('payout');

  it('(a) the mismatched handlers above are still wired at run time (the compiler is the guard)', () => {
    expect(payoutRpcs.length).toBeGreaterThan(3);
    expect(Object.getOwnPropertyNames(TypedHandlers.prototype)).toContain('wrongReply');
  });

  it('(b) a service with an RPC of its contracts but no handler for it refuses to start', async () => {
    const [forgotten, ...handled] = payoutRpcs;
    const message = await startError('payout', [controllerFor('PayoutRpc', handled)]);
    expect(message).toBe(`payout refuses to start: RPC ${forgotten.pattern} has no handler`);
  });

  it('(c) two handlers for one pattern refuse to start', async () => {
    const message = await startError('payout', [
      controllerFor('PayoutRpc', payoutRpcs),
      controllerFor('SecondPayoutRpc', [payoutRpcs[1]]),
    ]);
    expect(message).toBe(
      `payout refuses to start: ${payoutRpcs[1].pattern} has 2 handlers (PayoutRpc.handle1, SecondPayoutRpc.handle0)`,
    );
  });
});
