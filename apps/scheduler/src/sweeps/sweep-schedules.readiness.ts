import { Injectable } from '@nestjs/common';
import { withDeadline } from '@glimmer/errors/deadline';
import { ReadinessCheck } from '@glimmer/observability/health.module';
import { SweepScheduleKeeper } from './sweep-schedule.keeper';

/**
 * Every sweep has its schedule in Redis. A missing one (Redis came back empty) means no lost job
 * is being re-derived: the replica reports not ready, naming it, until the keeper restores it.
 */
@Injectable()
export class SweepSchedulesReadiness implements ReadinessCheck {
  readonly name = 'schedules';

  constructor(private readonly keeper: SweepScheduleKeeper) {}

  async check(): Promise<void> {
    const missing = await withDeadline(1_500, this.keeper.missing());
    if (missing.length > 0) throw new Error(`missing from Redis: ${missing.join(', ')}`);
  }
}
