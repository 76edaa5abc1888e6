import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';

/**
 * Lets keep-alive connections go when the gateway stops. They idle for HTTP_KEEP_ALIVE_MS
 * (longer than a load balancer's idle timeout), and the HTTP server's close waits for every
 * open connection: one whose request was in flight when the close began would idle on for the
 * whole keep-alive after its response, holding the process. So once shutdown begins the idle
 * connections are closed, a response begun from then on says `Connection: close`, and one
 * already under way closes its connection as soon as it is sent. In-flight requests still
 * finish (the shutdown test holds one across SIGTERM).
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private draining = false;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Express middleware, first in the chain. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) res.setHeader('Connection', 'close');
    else
      res.once('finish', () => {
        // Node marks the connection idle right after 'finish'; close it then.
        if (this.draining) setImmediate(() => this.closeIdle());
      });
    next();
  };

  beforeApplicationShutdown(): void {
    this.draining = true;
    this.closeIdle();
  }

  private closeIdle(): void {
    (this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined)?.closeIdleConnections();
  }
}
