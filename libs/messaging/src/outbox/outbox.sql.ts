/** The tables below: SQL on purpose (`for update skip locked`, insert-or-skip), never entities. */
export const OUTBOX_INBOX_TABLES = ['outbox_message', 'processed_message'] as const;

/**
 * Tables every service with an outbox or an inbox creates in its own schema (its first
 * migration applies these statements).
 */
export const OUTBOX_INBOX_SQL = [
  `create table outbox_message (
    id uuid primary key,
    seq bigserial not null,
    pattern text not null,
    payload jsonb not null,
    headers jsonb not null default '{}',
    created_at timestamptz not null default now(),
    published_at timestamptz
  )`,
  `create index outbox_message_unpublished_idx on outbox_message (seq) where published_at is null`,
  `create table processed_message (
    consumer text not null,
    message_id text not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
  )`,
];

export function outboxChannel(prefix: string, service: string): string {
  return `${prefix}_${service.replace(/-/g, '_')}_outbox`;
}
