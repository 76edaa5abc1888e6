import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { baseConfigSchema, loadConfig } from '@glimmer/config/config';
import type { ServiceName } from '@glimmer/contracts/contract';
import { DomainError } from '@glimmer/errors/domain-error';
import type { ErrorCode } from '@glimmer/errors/error-codes';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { LoggerModule } from '@glimmer/observability/logger.module';

/** The injection token of a test double's state in its controller. */
export const RPC_DOUBLE_STATE = Symbol('RPC_DOUBLE_STATE');

export interface RecordedCall {
  pattern: string;
  payload: Record<string, unknown>;
  at: number;
}

/**
 * What a TEST DOUBLE of a service's RPCs knows: every call it received, and scripted answers
 * per key (a deposit id, a payout id…): an error code for the next N calls, or a delay for the
 * next N calls (to make the caller's deadline pass). Subclasses add the state they answer from.
 */
export class RpcDoubleState {
  readonly calls: RecordedCall[] = [];
  private readonly failures = new Map<string, { code: ErrorCode; times: number }>();
  private readonly hangs = new Map<string, { ms: number; times: number }>();

  failNext(key: string, code: ErrorCode, times = 1): void {
    this.failures.set(key, { code, times });
  }

  /** The next `times` calls for `key` answer only after `ms` (past the caller's deadline). */
  hangNext(key: string, ms: number, times = 1): void {
    this.hangs.set(key, { ms, times });
  }

  callsTo(pattern: string, match: Record<string, unknown> = {}): RecordedCall[] {
    return this.calls.filter(
      (c) => c.pattern === pattern && Object.entries(match).every(([k, v]) => c.payload[k] === v),
    );
  }

  /** Records the call, then plays the script for `key`: a delay, and/or an error. */
  async record(pattern: string, payload: object, key: string): Promise<void> {
    this.calls.push({
      pattern,
      payload: { ...payload } as Record<string, unknown>,
      at: Date.now(),
    });
    const hang = this.hangs.get(key);
    if (hang && hang.times > 0) {
      hang.times -= 1;
      await new Promise((r) => setTimeout(r, hang.ms));
    }
    const failure = this.failures.get(key);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      throw new DomainError(failure.code, `scripted ${failure.code} for ${key}`);
    }
  }
}

/** The patterns of a controller's handler methods (Nest's pattern metadata). */
function patternsOf(controller: Type): string[] {
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto).flatMap((key) => {
    const method = proto[key];
    if (typeof method !== 'function') return [];
    return (Reflect.getMetadata(PATTERN_METADATA, method) as string[] | undefined) ?? [];
  });
}

@Module({})
class RpcTestDoubleModule {
  static forRoot(
    service: ServiceName,
    env: Record<string, string>,
    controller: Type,
    state: RpcDoubleState,
  ): DynamicModule {
    const config = loadConfig(baseConfigSchema, env);
    // A double answers only some of the service's RPCs: the start-up check expects just those.
    const messaging = {
      ...messagingOptionsFrom(service, config),
      servedRpcs: patternsOf(controller),
    };
    return {
      module: RpcTestDoubleModule,
      imports: [
        LoggerModule.forService(`${service}-test-double`, config.LOG_LEVEL),
        MessagingModule.forService(messaging, { database: false }),
      ],
      controllers: [controller],
      providers: [{ provide: RPC_DOUBLE_STATE, useValue: state }],
    };
  }
}

/**
 * Serves `controller`'s `@MessagePattern` handlers as `service`'s RPCs on the real broker under
 * the test's prefix. It consumes no events (an empty subscription list), so it can stand in for
 * a service that subscribes to some.
 */
export async function startRpcTestDouble<S extends RpcDoubleState>(
  service: ServiceName,
  env: Record<string, string>,
  controller: Type,
  state: S,
): Promise<{ state: S; app: INestApplication }> {
  const app = await bootstrapService(
    RpcTestDoubleModule.forRoot(service, env, controller, state),
    0,
    [],
  );
  return { state, app };
}
