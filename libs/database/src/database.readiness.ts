import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { withDeadline } from '@glimmer/errors/deadline';
import { ReadinessCheck } from '@glimmer/observability/health.module';

/** PostgreSQL answers a trivial query in time. */
@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'database';

  constructor(private readonly orm: MikroORM) {}

  async check(): Promise<void> {
    await withDeadline(1_500, this.orm.em.fork().execute('select 1'));
  }
}
