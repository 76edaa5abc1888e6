import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** What creator-network knows of a brand: a projection of identity.brand.registered.v1. */
@Entity({ tableName: 'brand' })
export class Brand {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', fieldName: 'admin_email', nullable: true })
  adminEmail!: string | null;

  @Property({ type: 'timestamptz', fieldName: 'updated_at', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;
}
