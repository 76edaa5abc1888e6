import { AddressInfo, createConnection, createServer, Server, Socket } from 'node:net';

const RABBITMQ = new URL(process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672');

/**
 * A TCP relay in front of the real RabbitMQ: stopping it is, for the service, the broker
 * stopping (the shared broker other suites use keeps running); `dropConnections` cuts every
 * connection through it while it keeps listening, as a process dying or a network blip would.
 */
export class BrokerRelay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(Number(RABBITMQ.port || 5672), RABBITMQ.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The URL a service connects to RabbitMQ through this relay with. */
  get url(): string {
    return `amqp://${RABBITMQ.username}:${RABBITMQ.password}@127.0.0.1:${this.port}`;
  }

  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
