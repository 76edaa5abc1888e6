import { connect, type Socket } from 'node:net';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';

/** One HTTP/1.1 request on `socket`, resolved with the raw response head. */
function get(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      resolve(received.slice(0, received.indexOf('\r\n\r\n')));
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: gateway\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('gateway keep-alive connections', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGatewayUnderTest('keepalive', { HTTP_KEEP_ALIVE_MS: '8000' });
  });

  afterAll(() => gw?.stop());

  /** Whether `socket` is closed by the server within `ms`. */
  const closedWithin = (socket: Socket, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  it('keeps an idle connection open past Node’s default 5 s, and says for how long', async () => {
    const { port } = new URL(gw.url);
    const socket = connect(Number(port), '127.0.0.1');
    try {
      const first = await get(socket, '/health/live');
      expect(first).toMatch(/^HTTP\/1\.1 200/);
      expect(first.toLowerCase()).toContain('keep-alive: timeout=8');
      // Idle longer than Node's default keepAliveTimeout: with it the server would have closed.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(socket.destroyed || socket.readableEnded).toBe(false);
      expect(await get(socket, '/health/live')).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      socket.destroy();
    }
  }, 30_000);

  it('closes a connection whose request was in flight as the gateway stopped, once answered', async () => {
    const stopping = await startGatewayUnderTest('keepalive-stop', { HTTP_KEEP_ALIVE_MS: '60000' });
    const { port } = new URL(stopping.url);
    const socket = connect(Number(port), '127.0.0.1');
    try {
      expect(await get(socket, '/health/live')).toMatch(/^HTTP\/1\.1 200/);
      // A request still arriving (half its body sent) when the stop begins.
      const body = JSON.stringify({ email: 'nobody@brand.test', password: 'not-the-password' });
      socket.write(
        `POST /v1/auth/login HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      await new Promise((r) => setTimeout(r, 300));
      const closed = closedWithin(socket, 10_000);
      const stopped = stopping.stop();
      await new Promise((r) => setTimeout(r, 500));
      socket.write(body.slice(10));
      // Answered, then closed: without the drain the connection idles on for the 60 s
      // keep-alive and the gateway's stop waits for it.
      expect(await closed).toBe(true);
      await stopped;
    } finally {
      socket.destroy();
    }
  }, 30_000);
});
