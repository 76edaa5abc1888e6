import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A creator as network.creator.joined describes them: whom payout notices are addressed to. */
@Entity({ tableName: 'creator' })
export class Creator {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
