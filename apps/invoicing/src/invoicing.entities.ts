import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';

/** Entities MikroORM discovers for the invoicing schema. */
export const INVOICING_ENTITIES: Function[] = [];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const INVOICING_SQL_TABLES: readonly string[] = [...OUTBOX_INBOX_TABLES];
