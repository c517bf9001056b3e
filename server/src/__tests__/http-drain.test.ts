import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpDrain } from '../http-drain.js';

// The drain in the shape app.ts uses it: a request handler first on the server, the drain's `refused` first in
// it. Raw keep-alive sockets, so a request can arrive on an open connection after the stop began.
const sockets: Socket[] = [];
afterEach(() => sockets.splice(0).forEach((s) => s.destroy()));

/** A keep-alive connection on which requests are written and whole answers read back. */
function client(port: number) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let buffered = '';
  const waiting: ((answer: string) => void)[] = [];
  socket.on('data', (d) => {
    buffered += d.toString();
    // Answers here are small, with a Content-Length.
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      const answer = buffered.slice(0, end + 4 + length);
      buffered = buffered.slice(end + 4 + length);
      waiting.shift()?.(answer);
    }
  });
  socket.on('close', () => waiting.splice(0).forEach((w) => w('(connection closed unanswered)')));
  const opened = new Promise((r) => socket.once('connect', r));
  return {
    async send(path: string): Promise<string> {
      await opened;
      const answered = new Promise<string>((r) => waiting.push(r));
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n`);
      return answered;
    },
  };
}

describe('HttpDrain', () => {
  it('a request read while draining is answered 503 without being run, and the drain goes on to the end', async () => {
    const app = express();
    const server = createServer(app);
    const drain = new HttpDrain(server);
    const ran: string[] = [];
    app.use((_req, res, next) => void (drain.refused(res) || next()));
    app.get('/slow', (_req, res) => void setTimeout(() => res.send('slow done'), 300));
    app.get('/stream', (_req, res) => {
      res.setHeader('content-length', '10');
      res.write('12345');
      setTimeout(() => res.end('67890'), 200);
    });
    app.get('/fast', (_req, res) => {
      ran.push('fast');
      res.send('fast done');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const a = client(port);
    const b = client(port);
    expect(await b.send('/fast')).toMatch(/^HTTP\/1.1 200/);
    ran.length = 0;

    const slow = a.send('/slow');
    // An answer whose headers went out (keep-alive) before the stop and whose body ends after it.
    const streaming = b.send('/stream');
    await new Promise((r) => setTimeout(r, 50));
    const stopped = drain.stop(5_000);
    expect(await streaming).toMatch(/^HTTP\/1.1 200[\s\S]*1234567890$/);
    // The client reuses that connection: the request is read after the stop began, so it is turned away
    // unexecuted (`refused` answers at once; the drain's own listener must then leave the sent answer
    // alone: setting a header on it threw out of the server's 'request' event and ended the process).
    const late = await b.send('/fast');
    expect(late).toMatch(/^HTTP\/1.1 503/);
    expect(late).toMatch(/connection: close/i);
    expect(late).toContain('SERVICE_UNAVAILABLE');
    expect(ran).toEqual([]);
    // The request in flight when the stop began is still answered.
    expect(await slow).toMatch(/^HTTP\/1.1 200[\s\S]*slow done$/);
    await stopped;
    expect(server.listening).toBe(false);
  });
});
