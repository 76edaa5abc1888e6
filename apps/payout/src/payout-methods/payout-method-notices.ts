import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreatorActor } from '@glimmer/contracts/actor';
import {
  PayoutMethodChange,
  PayoutMethodChangedEvent,
} from '@glimmer/contracts/payout/payout-method.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { CreatorRepository } from '../creators/creator.repository';
import type { PayoutMethod } from './payout-method.entity';

/** "ada@example.com" → "a•••@example.com": enough to recognise, not to reuse. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  return at > 0 ? `${value[0]}•••${value.slice(at)}` : '••••';
}

/** What a notice may show of a method: the secret fields as stored (masked), emails masked. */
export function maskedDetailsOf(method: PayoutMethod): Record<string, string> {
  const emails = Object.entries(method.details)
    .filter(([name]) => name === 'email')
    .map(([name, value]) => [name, maskEmail(value)]);
  return { ...Object.fromEntries(emails), ...method.masked };
}

/**
 * Writes payout.payout-method.changed to the outbox in the change's transaction: the scheduler
 * emails the creator, so a change they did not make is noticed. Addressed as the other payout
 * notices are (the creators projection), else to the account that made the change.
 */
@Injectable()
export class PayoutMethodNotices {
  constructor(
    private readonly outbox: OutboxService,
    private readonly creators: CreatorRepository,
  ) {}

  async changed(
    em: EntityManager,
    actor: CreatorActor,
    method: PayoutMethod,
    change: PayoutMethodChange,
  ): Promise<void> {
    const known = await this.creators.find(em, actor.creatorId);
    const creatorEmail = known?.email ?? actor.email;
    if (!creatorEmail) {
      // Rolls the change back: it must not happen without the creator being told.
      throw new DomainError(
        'dependency_unavailable',
        `creator ${actor.creatorId} has no known email to tell about the change; retry later`,
      );
    }
    await this.outbox.add(em, PayoutMethodChangedEvent, {
      change,
      creatorId: actor.creatorId,
      creatorEmail,
      creatorName: known?.name ?? actor.name ?? '',
      methodId: method.id,
      type: method.type,
      methodName: method.name,
      country: method.country,
      maskedDetails: maskedDetailsOf(method),
      preferred: method.preferred,
      changedAt: new Date().toISOString(),
    });
  }
}
