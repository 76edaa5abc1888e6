import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { BatchedPrune } from '@glimmer/database/batched-prune';
import type { GatewayConfig } from '../gateway.config';

/** When a session ended: revoked, or past its life, whichever came first (least skips a null). */
const SESSION_ENDED_BEFORE_CUTOFF = `least(expires_at, revoked_at) < now() - make_interval(hours => ?)`;

/**
 * Keeps the auth records from growing forever (BatchedPrune, every AUTH_PRUNE_EVERY_MS): a
 * session SESSION_RETENTION_HOURS after it ended, with its refresh tokens (kept until then: a
 * rotated token presented again is how a stolen copy is caught), and a verification link
 * EMAIL_VERIFICATION_RETENTION_HOURS after it expired. Idempotency keys are pruned the same way
 * by IdempotencyPruner. SQL on purpose (AuthSession, RefreshToken and EmailVerification are
 * these tables' entities): BatchedPrune deletes in bounded batches with `skip locked` so
 * replicas share the work, and the ended-session condition is the expression that
 * auth_session_ended_idx indexes; deleting through the entities would load every row first.
 */
@Injectable()
export class AuthRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pruner: BatchedPrune;

  constructor(orm: MikroORM, @Inject(CONFIG) config: GatewayConfig) {
    this.pruner = new BatchedPrune(orm, {
      name: 'AuthRetention',
      everyMs: config.AUTH_PRUNE_EVERY_MS,
      batch: config.AUTH_PRUNE_BATCH,
      rules: [
        // The tokens first, a batch at a time: the session's cascade then has none left to
        // delete, so no transaction grows with a long-lived session's rotations.
        {
          what: 'refresh tokens of ended sessions',
          table: 'refresh_token',
          where: `session_id in (select id from auth_session where ${SESSION_ENDED_BEFORE_CUTOFF})`,
          params: [config.SESSION_RETENTION_HOURS],
        },
        {
          what: 'ended sessions',
          table: 'auth_session',
          where: SESSION_ENDED_BEFORE_CUTOFF,
          params: [config.SESSION_RETENTION_HOURS],
        },
        {
          what: 'expired email verification links',
          table: 'email_verification',
          where: `expires_at < now() - make_interval(hours => ?)`,
          params: [config.EMAIL_VERIFICATION_RETENTION_HOURS],
        },
      ],
    });
  }

  onApplicationBootstrap(): void {
    this.pruner.start();
  }

  /** Deletes every row past its retention now; returns how many. */
  prune(): Promise<number> {
    return this.pruner.prune();
  }

  onModuleDestroy(): Promise<void> {
    return this.pruner.stop();
  }
}
