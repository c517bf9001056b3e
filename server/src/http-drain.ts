import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { answerJson } from './json-answer.js';

/**
 * Stopping without dropping a request. Apollo's drain plugin half-closes idle
 * keep-alive sockets, but a request already on its way over one is still read
 * and executed after that, and its answer cannot be written: a write committed
 * and never acknowledged. Here, once draining:
 * - the listening socket is closed (no new connections);
 * - a request read from then on is answered 503 SERVICE_UNAVAILABLE (not executed) with `Connection: close`;
 * - requests in flight finish and are answered with `Connection: close`;
 * - then the sockets left idle are destroyed, so nothing sent on them is ever read.
 */
export class HttpDrain {
  private readonly active = new Map<Socket, number>();
  private readonly responses = new Set<ServerResponse>();
  private _draining = false;
  private idle?: () => void;
  private readonly closers: (() => Promise<void>)[] = [];

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.active.set(socket, 0);
      socket.once('close', () => {
        this.active.delete(socket);
        this.check();
      });
    });
    server.on('request', (req, res) => {
      const socket = req.socket;
      this.active.set(socket, (this.active.get(socket) ?? 0) + 1);
      this.responses.add(res);
      // The server's first 'request' listener (Express, or /graphql's) may have answered already: `refused`'s
      // 503 is sent synchronously, and setting a header then threw out of this listener and ended the process.
      if (this._draining && !res.headersSent) res.setHeader('connection', 'close');
      res.once('close', () => {
        this.responses.delete(res);
        if (this.active.has(socket)) this.active.set(socket, (this.active.get(socket) ?? 1) - 1);
        this.check();
      });
    });
  }

  get draining(): boolean {
    return this._draining;
  }

  /** First in the chain: while draining, answers 503 without executing anything (and returns true). */
  refused(res: ServerResponse): boolean {
    if (!this._draining) return false;
    answerJson(res, 503, { errors: [{ message: 'The server is restarting; try again', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { connection: 'close', 'retry-after': '1' });
    return true;
  }

  private inFlight(): number {
    let n = 0;
    for (const count of this.active.values()) n += count;
    return n;
  }

  private check(): void {
    if (this._draining && this.idle && this.inFlight() === 0) this.idle();
  }

  /** Long-lived connections over the same server (websockets), closed as the drain begins: they carry no request to finish. */
  closeFirst(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  /** Resolves once every request read before or during the drain has been answered (or after `graceMs`, cutting what is left). */
  async stop(graceMs = 10_000): Promise<void> {
    this._draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all(this.closers.map((close) => close().catch(() => undefined)));
    // Responses still to be written tell their clients not to reuse the connection.
    for (const res of this.responses) if (!res.headersSent) res.setHeader('connection', 'close');
    const idle = new Promise<void>((resolve) => {
      this.idle = resolve;
      this.check();
    });
    const timer = setTimeout(() => this.idle?.(), graceMs);
    await idle;
    clearTimeout(timer);
    // Anything still open is idle (or past the grace): a request arriving on it now is never read.
    for (const socket of this.active.keys()) socket.destroy();
    await closed;
  }
}
