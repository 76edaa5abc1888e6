import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A brand that signed up here: its name, currency and finance contact (table `brand`). */
@Entity({ tableName: 'brand' })
export class Brand {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'text', fieldName: 'finance_email' })
  financeEmail!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}
