/** The services that own a queue on the broker. Never rename one: queue names derive from it. */
export const SERVICES = [
  'gateway',
  'credit',
  'invoicing',
  'scheduler',
  'creator-network',
  'payout',
] as const;
export type ServiceName = (typeof SERVICES)[number];

type Constructor<T> = new (...args: never[]) => T;

/** A request/reply message: sent to `service`'s RPC queue, answered with `Res` or an error. */
export interface RpcContract<Req, Res> {
  kind: 'rpc';
  service: ServiceName;
  pattern: string;
  request: Constructor<Req>;
  /** Phantom field carrying the reply type; never set at run time. */
  readonly response?: Res;
}

/** A fact published on the events exchange, routed by its pattern to every subscriber. */
export interface EventContract<P> {
  kind: 'event';
  producer: ServiceName;
  pattern: string;
  payload: Constructor<P>;
}

const VERSIONED = /^[a-z]+(?:-[a-z]+)*(?:\.[a-z]+(?:-[a-z]+)*)+\.v\d+$/;

function assertVersioned(pattern: string): void {
  if (!VERSIONED.test(pattern)) {
    throw new Error(`message pattern "${pattern}" must be dotted lower-case words ending in .vN`);
  }
}

export function rpcContract<Req, Res>(
  service: ServiceName,
  pattern: string,
  request: Constructor<Req>,
): RpcContract<Req, Res> {
  assertVersioned(pattern);
  return { kind: 'rpc', service, pattern, request };
}

export function eventContract<P>(
  producer: ServiceName,
  pattern: string,
  payload: Constructor<P>,
): EventContract<P> {
  assertVersioned(pattern);
  return { kind: 'event', producer, pattern, payload };
}

export type RpcRequest<C> = C extends RpcContract<infer Req, unknown> ? Req : never;
export type RpcResponse<C> = C extends RpcContract<unknown, infer Res> ? Res : never;
export type EventPayload<C> = C extends EventContract<infer P> ? P : never;
