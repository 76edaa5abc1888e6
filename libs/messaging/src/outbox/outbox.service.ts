import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { EventContract } from '@glimmer/contracts/contract';
import { CORRELATION_HEADER, currentCorrelationId } from '@glimmer/observability/correlation';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { assertOutgoingPayload, validatesOutgoing } from '../payload-validation';
import { outboxChannel } from './outbox.sql';

/**
 * Records an event in the same transaction as the change it describes. The relay publishes it
 * after commit; if the process dies first, the row is still there and is published on restart.
 * Consumers see each event at least once and de-duplicate on its id.
 */
@Injectable()
export class OutboxService {
  private readonly channel: string;
  private readonly validate: boolean;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.channel = outboxChannel(options.prefix, options.service);
    this.validate = options.validateOutgoing ?? validatesOutgoing();
  }

  /** `em` must be inside the transaction that makes the change. Returns the message id. */
  async add<P>(
    em: EntityManager,
    contract: EventContract<P>,
    payload: P,
    messageId = randomUUID(),
  ): Promise<string> {
    await this.addAll(em, contract, [{ payload, messageId }]);
    return messageId;
  }

  /** Several events of one contract in one insert (a run of changes in one transaction). */
  async addAll<P>(
    em: EntityManager,
    contract: EventContract<P>,
    events: readonly { payload: P; messageId?: string }[],
  ): Promise<string[]> {
    if (!em.isInTransaction())
      throw new Error('outbox writes belong inside the transaction of the change');
    if (events.length === 0) return [];
    // Outside production a payload its consumers would refuse fails the change that wrote it.
    if (this.validate) {
      for (const { payload } of events)
        await assertOutgoingPayload(contract.payload, contract.pattern, payload, 'bug');
    }
    const headers = JSON.stringify({ [CORRELATION_HEADER]: currentCorrelationId() });
    const ids = events.map((e) => e.messageId ?? randomUUID());
    // pg_notify is delivered only when the transaction commits: the relay wakes for committed rows.
    // (knex spreads an array parameter into a list, hence array[?].)
    await em.execute(
      `with added as (
         insert into outbox_message (id, pattern, payload, headers)
         select id, ?, payload, ?::jsonb
           from unnest(array[?]::uuid[], array[?]::jsonb[]) as e(id, payload)
         returning id)
       select pg_notify(?, '') from added limit 1`,
      [contract.pattern, headers, ids, events.map((e) => JSON.stringify(e.payload)), this.channel],
    );
    return ids;
  }
}
