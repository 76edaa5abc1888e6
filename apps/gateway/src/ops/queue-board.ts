import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import type { ServerResponse } from 'node:http';
import { CONFIG } from '@glimmer/config/config';
import {
  QUEUE_BOARD_PATH,
  QUEUE_BOARD_SECRET_HEADER,
} from '@glimmer/contracts/scheduler/queue-board';
import { DomainError } from '@glimmer/errors/domain-error';
import { toProblem } from '@glimmer/errors/problem';
import { sessionTokenFrom } from '../auth/session-cookie';
import { SessionService } from '../auth/sessions/session.service';
import type { GatewayConfig } from '../gateway.config';

export { QUEUE_BOARD_PATH };
export const OPS_TOKEN_COOKIE = 'ops_token';

function sendProblem(req: Request, res: Response | ServerResponse, error: DomainError): void {
  const body = JSON.stringify(toProblem(error.serialize(), req.originalUrl.split('?')[0]));
  res.statusCode = error.status;
  res.setHeader('content-type', 'application/problem+json; charset=utf-8');
  res.end(body);
}

/**
 * The queue board at /ops/queues, for ops only. Bull Board itself runs in the scheduler (the only
 * service that knows Redis and its queues) on its internal port: the gateway authenticates the
 * ops user, then proxies the request there with the shared QUEUE_BOARD_SECRET, never the user's
 * Authorization or cookies. A browser cannot send a bearer header when it follows a link, so the
 * token is also accepted once as `?token=`: it is then kept in an HttpOnly cookie scoped to the
 * board (its assets and API calls carry it) and the browser is redirected to the same page
 * without the token in the address. A scheduler that is down or silent is a 503 or 504.
 */
@Injectable()
export class QueueBoard {
  private readonly logger = new Logger(QueueBoard.name);
  private readonly proxy: RequestHandler<Request, Response>;

  constructor(
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly modules: ModuleRef,
  ) {
    this.proxy = createProxyMiddleware<Request, Response>({
      target: config.SCHEDULER_QUEUE_BOARD_URL,
      changeOrigin: true,
      headers: { [QUEUE_BOARD_SECRET_HEADER]: config.QUEUE_BOARD_SECRET },
      // Mounted at the board's path, `req.url` lost it: send the whole path, minus any token.
      pathRewrite: (_path, req) => {
        const url = new URL(req.originalUrl, 'http://gateway');
        url.searchParams.delete('token');
        return `${url.pathname}${url.search}`;
      },
      on: {
        proxyReq: (proxyReq) => {
          // The scheduler trusts the secret alone; the user's credentials stay here.
          proxyReq.removeHeader('authorization');
          proxyReq.removeHeader('cookie');
          proxyReq.setTimeout(config.SCHEDULER_QUEUE_BOARD_TIMEOUT_MS, () =>
            proxyReq.destroy(
              new DomainError('dependency_timeout', 'The queue board (scheduler) did not answer'),
            ),
          );
        },
        proxyRes: (proxyRes) => {
          delete proxyRes.headers['x-powered-by'];
          delete proxyRes.headers['set-cookie'];
        },
        error: (err, req, res) => {
          const error =
            err instanceof DomainError
              ? err
              : new DomainError(
                  'dependency_unavailable',
                  'The queue board (scheduler) is unavailable',
                );
          this.logger.warn(`queue board proxy: ${err.message}`);
          if (!('writeHead' in res)) res.destroy();
          else if (res.headersSent) res.destroy();
          else sendProblem(req, res, error);
        },
      },
    });
  }

  private get sessions(): SessionService {
    // The auth module's sessions: the same token and session checks as the API's guard.
    return this.modules.get(SessionService, { strict: false });
  }

  /** The middleware to mount at QUEUE_BOARD_PATH: authentication, then the proxy. */
  readonly handler = (req: Request, res: Response, next: NextFunction): void => {
    this.authorise(req, res).then(
      (outcome) => {
        if (outcome === 'done') return;
        void this.proxy(req, res, next);
      },
      (err: unknown) => {
        sendProblem(
          req,
          res,
          err instanceof DomainError ? err : new DomainError('unauthenticated'),
        );
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
}
