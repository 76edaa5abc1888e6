/** Entities MikroORM discovers for the credit schema (the ledger itself is written with SQL). */
export const CREDIT_ENTITIES: Function[] = [];
