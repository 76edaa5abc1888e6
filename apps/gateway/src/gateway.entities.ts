import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';

/** Entities MikroORM discovers for the gateway schema. */
export const GATEWAY_ENTITIES: Function[] = [];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const GATEWAY_SQL_TABLES: readonly string[] = [...OUTBOX_INBOX_TABLES];
