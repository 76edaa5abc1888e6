import { Controller, DynamicModule, INestApplication, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { loadConfig, baseConfigSchema } from '@glimmer/config/config';
import {
  ClearDepositRequest,
  ClearDepositRpc,
  ConfirmFundsRequest,
  ConfirmFundsRpc,
  DepositView,
  ListPendingDepositsRequest,
  ListPendingDepositsRpc,
  PendingDepositRef,
} from '@glimmer/contracts/credit/deposit.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import type { ErrorCode } from '@glimmer/errors/error-codes';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { LoggerModule } from '@glimmer/observability/logger.module';

/**
 * TEST DOUBLE of the credit service's deposit RPC contract (ClearDepositRpc, ConfirmFundsRpc,
 * ListPendingDepositsRpc), served on the real broker under the test's prefix. It records every
 * call and answers from state the test controls. It exists only because the credit service is
 * being built in parallel; the e2e suite runs the scheduler against the real one.
 */
export class CreditRpcState {
  readonly calls: { pattern: string; payload: Record<string, unknown>; at: number }[] = [];
  /** What ListPendingDepositsRpc returns, in id order. */
  pending: PendingDepositRef[] = [];
  /** Answers for a deposit id or credit invoice id: an error code for the next N calls, then success. */
  private readonly scripted = new Map<string, { code: ErrorCode; times: number }>();

  failNext(key: string, code: ErrorCode, times = 1): void {
    this.scripted.set(key, { code, times });
  }

  callsTo(pattern: string, match: Record<string, unknown> = {}) {
    return this.calls.filter(
      (c) => c.pattern === pattern && Object.entries(match).every(([k, v]) => c.payload[k] === v),
    );
  }

  record(pattern: string, payload: object, key: string): void {
    this.calls.push({
      pattern,
      payload: { ...payload } as Record<string, unknown>,
      at: Date.now(),
    });
    const script = this.scripted.get(key);
    if (script && script.times > 0) {
      script.times -= 1;
      throw new DomainError(script.code, `scripted ${script.code} for ${key}`);
    }
  }
}

const STATE = Symbol('CREDIT_RPC_STATE');

function view(over: Partial<DepositView> & { id: string }): DepositView {
  return {
    status: 'pending',
    amount: 1_000,
    currency: 'USD',
    costCodeId: '00000000-0000-4000-8000-000000000000',
    creditInvoiceId: '00000000-0000-4000-8000-000000000000',
    createdAt: new Date().toISOString(),
    fundsConfirmedAt: null,
    clearedAt: null,
    voidedAt: null,
    ...over,
  };
}

@Controller()
class CreditRpcTestDoubleController {
  constructor(@Inject(STATE) private readonly state: CreditRpcState) {}

  @MessagePattern(ClearDepositRpc.pattern)
  clear(@Payload() req: ClearDepositRequest): DepositView {
    this.state.record(ClearDepositRpc.pattern, req, req.depositId);
    const now = new Date().toISOString();
    return view({ id: req.depositId, status: 'cleared', fundsConfirmedAt: now, clearedAt: now });
  }

  @MessagePattern(ConfirmFundsRpc.pattern)
  confirm(@Payload() req: ConfirmFundsRequest): DepositView {
    this.state.record(ConfirmFundsRpc.pattern, req, req.creditInvoiceId);
    return view({
      id: req.creditInvoiceId,
      creditInvoiceId: req.creditInvoiceId,
      fundsConfirmedAt: new Date().toISOString(),
    });
  }

  @MessagePattern(ListPendingDepositsRpc.pattern)
  listPending(@Payload() req: ListPendingDepositsRequest) {
    this.state.record(ListPendingDepositsRpc.pattern, req, 'list');
    const after = req.afterId;
    const rest = this.state.pending
      .filter((d) => !after || d.id > after)
      .sort((a, b) => a.id.localeCompare(b.id));
    const data = rest.slice(0, req.limit);
    return { data, nextAfterId: rest.length > req.limit ? data[data.length - 1].id : null };
  }
}

@Module({})
class CreditRpcTestDoubleModule {
  static forRoot(env: Record<string, string>, state: CreditRpcState): DynamicModule {
    const config = loadConfig(baseConfigSchema, env);
    return {
      module: CreditRpcTestDoubleModule,
      imports: [
        LoggerModule.forService('credit-test-double', config.LOG_LEVEL),
        MessagingModule.forService(messagingOptionsFrom('credit', config), { database: false }),
      ],
      controllers: [CreditRpcTestDoubleController],
      providers: [{ provide: STATE, useValue: state }],
    };
  }
}

export async function startCreditRpcTestDouble(
  env: Record<string, string>,
): Promise<{ state: CreditRpcState; app: INestApplication }> {
  const state = new CreditRpcState();
  const app = await bootstrapService(CreditRpcTestDoubleModule.forRoot(env, state), 0);
  return { state, app };
}
