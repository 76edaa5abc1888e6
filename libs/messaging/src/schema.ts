import { schemaFor } from '@glimmer/database/database.options';
import type { MessagingOptions } from './messaging.options';

export function schemaForMessaging(options: Pick<MessagingOptions, 'prefix' | 'service'>): string {
  return schemaFor(options.prefix, options.service);
}
