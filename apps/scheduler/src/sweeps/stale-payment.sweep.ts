import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { ResolveStalePaymentsRpc } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import type { SchedulerConfig } from '../scheduler.config';

export interface StalePaymentSweepResult {
  resolved: number;
  applied: number;
  rejected: number;
}

/**
 * Asks invoicing to finish the credit applications a crash or a lost reply left half-done
 * (reserved on the invoice, not yet confirmed by the ledger) once they are older than
 * PAYMENT_RESOLVE_AFTER_MS. Invoicing does the work and owns the outcome; the scheduler only
 * makes sure somebody asks, every PAYMENT_RESOLVE_EVERY_MS.
 */
@Injectable()
export class StalePaymentSweep {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {}

  run(): Promise<StalePaymentSweepResult> {
    return this.rpc.call(ResolveStalePaymentsRpc, {
      olderThanMs: this.config.PAYMENT_RESOLVE_AFTER_MS,
    });
  }
}
