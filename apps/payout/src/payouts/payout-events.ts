import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  PayoutFailedEvent,
  PayoutNeedsMethodEvent,
  PayoutPaidEvent,
  PayoutScheduledEvent,
} from '@glimmer/contracts/payout/payout.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import type { Creator } from '../creators/creator.entity';
import { CreatorRepository } from '../creators/creator.repository';
import { PayoutMetrics } from '../common/payout-metrics';
import { toNotice } from './payout-views';
import type { Payout } from './payout.entity';

/**
 * Rolls the change back; the message is retried (bounded), by which time the creator's
 * network.creator.joined has normally been consumed.
 */
export function creatorNotKnownYet(creatorId: string): DomainError {
  return new DomainError(
    'dependency_unavailable',
    `creator ${creatorId} is not known to the payout service yet; retry later`,
  );
}

/**
 * Writes each payout notice to the outbox, in the transaction of the change it reports, and
 * counts the transition. Notices carry the creator's name and email from the projection.
 */
@Injectable()
export class PayoutEvents {
  constructor(
    private readonly outbox: OutboxService,
    private readonly creators: CreatorRepository,
    private readonly metrics: PayoutMetrics,
  ) {}

  /** The creator as network.creator.joined described them; retried later when not known yet. */
  async creatorOf(em: EntityManager, creatorId: string): Promise<Creator> {
    const creator = await this.creators.find(em, creatorId);
    if (!creator) throw creatorNotKnownYet(creatorId);
    return creator;
  }

  async scheduled(em: EntityManager, p: Payout, lastError: string | null = null): Promise<void> {
    const creator = await this.creatorOf(em, p.creatorId);
    await this.outbox.add(em, PayoutScheduledEvent, {
      ...toNotice(p, creator),
      attempt: p.attempts + 1,
      dispatchAt: p.dispatchAt!.toISOString(),
      expectedDate: p.expectedDate!,
      lastError,
    });
    this.metrics.entered(p.status);
  }

  async needsMethod(em: EntityManager, p: Payout): Promise<void> {
    const creator = await this.creatorOf(em, p.creatorId);
    await this.outbox.add(em, PayoutNeedsMethodEvent, toNotice(p, creator));
    this.metrics.entered('needs_method');
  }

  async paid(em: EntityManager, p: Payout): Promise<void> {
    const creator = await this.creatorOf(em, p.creatorId);
    await this.outbox.add(em, PayoutPaidEvent, {
      ...toNotice(p, creator),
      paidAt: p.paidAt!.toISOString(),
      providerReference: p.providerReference!,
    });
    this.metrics.entered('paid');
  }

  async failed(em: EntityManager, p: Payout): Promise<void> {
    const creator = await this.creatorOf(em, p.creatorId);
    await this.outbox.add(em, PayoutFailedEvent, {
      ...toNotice(p, creator),
      attempts: p.attempts,
      reason: p.lastError ?? 'unknown',
    });
    this.metrics.entered('needs_attention');
  }
}
