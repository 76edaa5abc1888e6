import { Injectable, Optional } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AmqpContext } from '../amqp.context';
import { MessagingMetrics } from '../messaging.metrics';

export type InboxResult<T> = { duplicate: false; value: T } | { duplicate: true };

/**
 * Runs a consumer's work at most once per message: the message id is recorded in the same
 * transaction as the work, so a redelivered or republished message finds its row and is
 * skipped, and a crash before commit leaves neither the work nor the row.
 */
@Injectable()
export class InboxService {
  duplicatesDropped = 0;

  constructor(
    private readonly orm: MikroORM,
    @Optional() private readonly metrics: MessagingMetrics = new MessagingMetrics(),
  ) {}

  async runOnce<T>(
    consumer: string,
    ctx: AmqpContext | string,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<InboxResult<T>> {
    const messageId = typeof ctx === 'string' ? ctx : ctx.messageId;
    return this.orm.em.fork().transactional(async (em) => {
      const inserted: unknown[] = await em.execute(
        `insert into processed_message (consumer, message_id) values (?, ?)
         on conflict do nothing returning message_id`,
        [consumer, messageId],
      );
      if (inserted.length === 0) {
        this.duplicatesDropped += 1;
        this.metrics.inboxDuplicates.inc({ consumer });
        return { duplicate: true } as const;
      }
      return { duplicate: false, value: await work(em) } as const;
    });
  }
}
