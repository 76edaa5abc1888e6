import type { SerializedError } from '@glimmer/errors/domain-error';

/** The body of an RPC reply. */
export type RpcReply = { ok: true; data: unknown } | { ok: false; error: SerializedError };

export function isSerializedError(value: unknown): value is SerializedError {
  const v = value as SerializedError | null;
  return !!v && typeof v === 'object' && typeof v.code === 'string' && typeof v.status === 'number';
}

export const JSON_CONTENT = 'application/json';

export function encode(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body));
}
