import { createParamDecorator, ExecutionContext, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern } from '@nestjs/microservices';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventContract, RpcContract } from '@glimmer/contracts/contract';
import type { AmqpContext } from './amqp.context';
import { InboxService } from './inbox/inbox.service';
import { validatePayload } from './payload-validation';

/**
 * Message handlers declared from their contracts:
 *
 *   import { OnEvent, OnRpc } from '@glimmer/messaging/handlers';
 *
 *   @Controller()
 *   export class DepositsRpc {
 *     @OnRpc(CreateDepositRpc)
 *     create(req: CreateDepositRequest, ctx: AmqpContext): Promise<DepositView> { … }
 *   }
 *
 *   @Controller()
 *   export class BrandEvents {
 *     @OnEvent(BrandRegisteredEvent, { consumer: 'invoicing.billing-profile.brand-registered' })
 *     async onRegistered(p: BrandRegistered, em: EntityManager, ctx: AmqpContext) {
 *       await this.profiles.upsert(em, …);
 *       return `billing profile for brand ${p.brandId} recorded`;
 *     }
 *   }
 *
 * Each decorator binds the contract's pattern (Nest's `@MessagePattern` / `@EventPattern`,
 * served by AmqpServer) and validates the payload against the contract's own class with the
 * project's validation pipe, whatever the parameter's TypeScript type says (so no `@Payload()`
 * or `@Ctx()`: the handler gets the validated payload and the context as plain arguments).
 * The compiler rejects a method whose parameter type is not the contract's request/payload
 * (it may not expect fields the contract does not promise) or whose result is not the
 * contract's reply. The service refuses to start unless every RPC it owns has exactly one
 * handler and every subscribed event exactly one handler per consumer (AmqpServer).
 *
 * Events: every handler names its `consumer`. By default the handler runs inside the inbox
 * (`InboxService.runOnce` under that consumer id — never rename one: processed-message rows
 * are stored under it) and gets the inbox transaction's EntityManager; a repeat is dropped and
 * logged here. A service without a database adds `withoutInbox: '<why a repeat is harmless>'`
 * and the handler gets `(payload, ctx)`. One event may have several handlers in a service
 * (the scheduler emails about a sent offer and schedules its expiry), each its own consumer;
 * they all run for each delivery, and a failure of one retries the delivery for all, so each
 * must be idempotent on its own. A handler may return a string: its outcome, logged once its
 * work has committed.
 */

/** What an `@OnRpc(contract)` method looks like: the request in, the reply (or a promise of it) out. */
export type RpcHandler<Req, Res> = (request: Req, ctx: AmqpContext) => Res | Promise<Res>;

/** An event handler's result: nothing, or an outcome to log once its work is committed. */
export type EventOutcome = string | void;

export type InboxEventHandler<P> = (
  payload: P,
  em: EntityManager,
  ctx: AmqpContext,
) => Promise<EventOutcome>;

export type PlainEventHandler<P> = (payload: P, ctx: AmqpContext) => Promise<EventOutcome>;

export interface InboxEventOptions<P = unknown> {
  /** The inbox consumer id. Never rename: the processed-message rows are stored under it. */
  consumer: string;
  withoutInbox?: undefined;
  /**
   * Advisory locks the handler's work needs (say, the creator whose methods it reads): the
   * inbox batch takes its messages' names, sorted, before any of them runs, once a batch.
   */
  locks?: (payload: P) => readonly string[];
}

export interface NoInboxEventOptions {
  /** Who consumes the event; unique per event within the service. */
  consumer: string;
  /** Why handling the event twice is harmless (say, a deterministic job id); shown in review. */
  withoutInbox: string;
}

/** What the decorators tell AmqpServer about a handler (Nest passes it as the pattern's extras). */
export interface HandlerExtras {
  glimmerHandler: string;
  glimmerConsumer?: string;
}

type Method = (...args: never[]) => unknown;
type AnyDescriptor = TypedPropertyDescriptor<Method>;

const INBOX = Symbol('inbox');

/**
 * The message data as it arrived. A custom parameter decorator, so the global validation pipe
 * leaves it alone (it would validate against the parameter's TypeScript type); the decorators
 * validate it against the contract instead.
 */
const RawData = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  ctx.switchToRpc().getData(),
);
const injectedInbox = new WeakSet<object>();

/** Replaces the method, keeping the metadata other decorators already put on it. */
function replaceMethod(descriptor: AnyDescriptor, wrapper: Method): void {
  const original = descriptor.value as Method;
  for (const key of Reflect.getMetadataKeys(original)) {
    Reflect.defineMetadata(key, Reflect.getMetadata(key, original), wrapper);
  }
  Object.defineProperty(wrapper, 'name', { value: original.name });
  descriptor.value = wrapper;
}

/** Nest calls the wrapper with (data as received, context), whatever the handler declares. */
function bindArguments(target: object, key: string | symbol): void {
  RawData()(target, key, 0);
  Ctx()(target, key, 1);
}

function handlerName(target: object, key: string | symbol): string {
  return `${target.constructor.name}.${String(key)}`;
}

/** Answers `contract`'s RPC. The request is validated against `contract.request` first. */
export function OnRpc<Req, Res>(
  contract: RpcContract<Req, Res>,
): <M extends RpcHandler<Req, Res>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void {
  return (target, key, typed) => {
    const descriptor = typed as unknown as AnyDescriptor;
    const handle = descriptor.value as (...args: unknown[]) => unknown;
    replaceMethod(descriptor, async function (this: unknown, data: unknown, ctx: unknown) {
      const request = await validatePayload(contract.request, data);
      return handle.call(this, request, ctx);
    });
    bindArguments(target, key);
    const extras: HandlerExtras = { glimmerHandler: handlerName(target, key) };
    MessagePattern(contract.pattern, extras)(target, key, descriptor);
  };
}

/** Handles `contract`'s event without an inbox (a service without a database). */
export function OnEvent<P>(
  contract: EventContract<P>,
  options: NoInboxEventOptions,
): <M extends PlainEventHandler<P>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;
/** Handles `contract`'s event inside the inbox under `consumer`. */
export function OnEvent<P>(
  contract: EventContract<P>,
  options: InboxEventOptions<P>,
): <M extends InboxEventHandler<P>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;
export function OnEvent<P>(
  contract: EventContract<P>,
  options: InboxEventOptions<P> | NoInboxEventOptions,
): (target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<never>) => void {
  return (target, key, typed) => {
    const descriptor = typed as unknown as AnyDescriptor;
    const handle = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    const logger = new Logger(target.constructor.name);
    const { consumer } = options;
    if (!consumer?.trim()) throw new Error(`${handlerName(target, key)}: empty consumer id`);
    const inbox = options.withoutInbox === undefined;
    const locksOf = options.withoutInbox === undefined ? options.locks : undefined;
    if (inbox) {
      // Property injection: the controller need not ask for the inbox in its constructor.
      if (!injectedInbox.has(target)) {
        injectedInbox.add(target);
        Inject(InboxService)(target, INBOX);
      }
    } else if (!options.withoutInbox?.trim()) {
      throw new Error(`${handlerName(target, key)}: say why the event needs no inbox`);
    }
    replaceMethod(
      descriptor,
      async function (this: { [INBOX]: InboxService }, data: unknown, ctx: AmqpContext) {
        const payload = await validatePayload(contract.payload, data);
        let outcome: unknown;
        if (!inbox) {
          outcome = await handle.call(this, payload, ctx);
        } else {
          const result = await this[INBOX].runOnce(
            consumer,
            ctx,
            (em) => handle.call(this, payload, em, ctx),
            locksOf?.(payload as P),
          );
          if (result.duplicate) {
            logger.log(`${ctx.pattern} ${ctx.messageId} (${consumer}): duplicate, skipped`);
            return;
          }
          outcome = result.value;
        }
        if (typeof outcome === 'string') logger.log(outcome);
      },
    );
    bindArguments(target, key);
    const extras: HandlerExtras = {
      glimmerHandler: handlerName(target, key),
      glimmerConsumer: consumer,
    };
    EventPattern(contract.pattern, extras)(target, key, descriptor);
  };
}
