import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import {
  QUEUE_BOARD_PATH,
  QUEUE_BOARD_SECRET_HEADER,
} from '@glimmer/contracts/scheduler/queue-board';
import { QUEUE_NAMES } from '@glimmer/contracts/scheduler/queues';
import { DomainError } from '@glimmer/errors/domain-error';
import { toProblem } from '@glimmer/errors/problem';
import { JobQueue } from '../jobs/job-queue.service';
import type { SchedulerConfig } from '../scheduler.config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Bull Board over the scheduler's own queues (the JobQueue's, on the scheduler's Redis
 * connection and prefix), at QUEUE_BOARD_PATH on the health port. Ops reach it only through the
 * gateway, which authenticates them and adds the shared secret: without the secret every request
 * is refused (403), so a health port exposed by mistake shows nothing.
 */
@Injectable()
export class QueueBoard implements NestMiddleware {
  private readonly secret: Buffer;
  private readonly router: RequestHandler;

  constructor(@Inject(CONFIG) config: SchedulerConfig, jobs: JobQueue) {
    this.secret = digest(config.QUEUE_BOARD_SECRET);
    const adapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: QUEUE_NAMES.map((name) => new BullMQAdapter(jobs.queue(name))),
      serverAdapter: adapter,
    });
    this.router = adapter.getRouter() as RequestHandler;
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.authorised(req.headers[QUEUE_BOARD_SECRET_HEADER])) {
      const error = new DomainError('forbidden', 'The queue board answers the gateway only');
      res
        .status(error.status)
        .type('application/problem+json')
        .json(toProblem(error.serialize(), req.originalUrl.split('?')[0]));
      return;
    }
    // Nest mounts middleware at the whole matched path, so `req.url` has lost the board's own
    // routes ('/api/queues', '/static/…'); the board routes on what follows its base path.
    const mounted = req.url;
    req.url = req.originalUrl.slice(QUEUE_BOARD_PATH.length) || '/';
    if (!req.url.startsWith('/')) req.url = `/${req.url}`;
    this.router(req, res, (err?: unknown) => {
      req.url = mounted;
      next(err);
    });
  }

  /** Timing-safe: the digests have one length whatever was sent. */
  private authorised(sent: string | string[] | undefined): boolean {
    return typeof sent === 'string' && timingSafeEqual(digest(sent), this.secret);
  }
}
