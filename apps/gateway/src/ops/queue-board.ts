import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { CONFIG } from '@glimmer/config/config';
import { bullPrefix, QUEUE_NAMES } from '@glimmer/contracts/scheduler/queues';
import { DomainError } from '@glimmer/errors/domain-error';
import { toProblem } from '@glimmer/errors/problem';
import { sessionTokenFrom } from '../auth/session-cookie';
import { SessionService } from '../auth/sessions/session.service';
import type { GatewayConfig } from '../gateway.config';

export const QUEUE_BOARD_PATH = '/ops/queues';
export const OPS_TOKEN_COOKIE = 'ops_token';

/**
 * Bull Board over the scheduler's queues, at /ops/queues, for ops only. A browser cannot send
 * a bearer header when it follows a link, so the token is also accepted once as `?token=`:
 * it is then kept in an HttpOnly cookie scoped to the board (its assets and API calls carry
 * it) and the browser is redirected to the same page without the token in the address.
 * The queues (and their Redis connections) are created on the first authorised request.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueBoard.name);
  private readonly adapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  private queues?: Queue[];
  private router?: RequestHandler;

  constructor(
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly modules: ModuleRef,
  ) {}

  private get sessions(): SessionService {
    // The auth module's sessions: the same token and session checks as the API's guard.
    return this.modules.get(SessionService, { strict: false });
  }

  /** The middleware to mount at QUEUE_BOARD_PATH: authentication, then the board. */
  readonly handler = (req: Request, res: Response, next: NextFunction): void => {
    this.authorise(req, res).then(
      (outcome) => {
        if (outcome === 'done') return;
        this.board()(req, res, next);
      },
      (err: unknown) => {
        const error = err instanceof DomainError ? err : new DomainError('unauthenticated');
        res
          .status(error.status)
          .type('application/problem+json')
          .json(toProblem(error.serialize(), req.originalUrl.split('?')[0]));
      },
    );
  };

  private async authorise(req: Request, res: Response): Promise<'done' | 'next'> {
    const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const token =
      (scheme?.toLowerCase() === 'bearer' ? bearer : undefined) ??
      fromQuery ??
      (req.cookies as Record<string, string> | undefined)?.[OPS_TOKEN_COOKIE] ??
      // The web app's session: an ops user who logged in there opens the board from its menu.
      sessionTokenFrom(req);
    if (!token) {
      throw new DomainError(
        'unauthenticated',
        'Send an ops access token: Authorization: Bearer <token>, or open ?token=<token> once',
      );
    }
    const auth = await this.sessions.authenticate(token);
    if (auth.status !== 'ok')
      throw new DomainError('unauthenticated', 'The access token is invalid or has expired');
    const { actor } = auth;
    if (actor.role !== 'ops')
      throw new DomainError('forbidden', 'The queue board is for ops accounts');
    if (fromQuery && req.method === 'GET') {
      const secure = req.secure ? '; Secure' : '';
      res.setHeader(
        'set-cookie',
        `${OPS_TOKEN_COOKIE}=${token}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${this.config.JWT_TTL_SECONDS}${secure}`,
      );
      const url = new URL(req.originalUrl, 'http://gateway');
      url.searchParams.delete('token');
      res.redirect(303, `${url.pathname}${url.search}`);
      return 'done';
    }
    return 'next';
  }

  private board(): RequestHandler {
    if (!this.router) {
      const connection = { url: this.config.REDIS_URL };
      const prefix = bullPrefix(this.config.GLIMMER_PREFIX);
      this.queues = QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection, prefix });
        queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
        return queue;
      });
      createBullBoard({
        queues: this.queues.map((q) => new BullMQAdapter(q)),
        serverAdapter: this.adapter,
      });
      this.router = this.adapter.getRouter() as RequestHandler;
    }
    return this.router;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled((this.queues ?? []).map((q) => q.close()));
  }
}
