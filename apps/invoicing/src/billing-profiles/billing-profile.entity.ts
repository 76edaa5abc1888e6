import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Who receives a brand's credit invoices: a local copy of the brand's finance contact. */
@Entity({ tableName: 'billing_profile' })
export class BillingProfile {
  @PrimaryKey({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'text', fieldName: 'finance_email' })
  financeEmail!: string;

  @Property({ type: 'timestamptz', fieldName: 'updated_at', defaultRaw: 'now()' })
  updatedAt?: Date;
}
