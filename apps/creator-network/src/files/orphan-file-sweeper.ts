import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { FileStorage } from '@glimmer/storage/file-storage';
import type { NetworkConfig } from '../creator-network.config';
import { CreatorFilesRepository } from '../creators/creator-files.repository';

const BATCH = 500;

/**
 * Deletes stored files that nothing refers to: a file the gateway stored whose metadata never
 * committed (refused, timed out, a crash), and a replaced or removed file whose delete after
 * the commit did not happen. Only files older than FILE_ORPHAN_GRACE_MS are considered, so an
 * upload still on its way to being recorded is never taken. Every replica runs the timer; an
 * advisory lock lets one sweep at a time.
 */
@Injectable()
export class OrphanFileSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrphanFileSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    private readonly files: CreatorFilesRepository,
    private readonly storage: FileStorage,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), this.config.FILE_SWEEP_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    try {
      const deleted = await this.sweep();
      if (deleted.length) this.logger.log(`deleted ${deleted.length} unreferenced stored files`);
    } catch (err) {
      this.logger.warn(`orphan file sweep failed: ${(err as Error).message}`);
    }
  }

  /** One sweep; answers the keys it deleted (none when another replica holds the lock). */
  async sweep(now = new Date()): Promise<string[]> {
    const before = new Date(now.getTime() - this.config.FILE_ORPHAN_GRACE_MS);
    return this.orm.em.fork().transactional(async (em) => {
      // SQL on purpose: a try-lock so that a second replica skips this sweep instead of waiting.
      const [{ locked }] = await em.execute<{ locked: boolean }[]>(
        `select pg_try_advisory_xact_lock(hashtextextended('orphan-file-sweep', 0)) as locked`,
      );
      if (!locked) return [];
      const deleted: string[] = [];
      let batch: string[] = [];
      const flush = async () => {
        for (const key of await this.files.unreferenced(em, batch)) {
          await this.storage.delete(key);
          deleted.push(key);
        }
        batch = [];
      };
      for await (const key of this.storage.keysWrittenBefore(before)) {
        batch.push(key);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      return deleted;
    });
  }
}
