import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';
import { HEADERS } from './topology';

/** What a handler may know about the message it is handling (`@Ctx() ctx: AmqpContext`). */
export class AmqpContext extends BaseRpcContext<[ConsumeMessage, string]> {
  get message(): ConsumeMessage {
    return this.args[0];
  }

  get pattern(): string {
    return this.args[1];
  }

  /** Stable across redeliveries and retries: the inbox de-duplicates on it. */
  get messageId(): string {
    return String(this.message.properties.messageId);
  }

  get retryCount(): number {
    return Number(this.message.properties.headers?.[HEADERS.retryCount] ?? 0);
  }
}
