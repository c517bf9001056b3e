import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import express from 'express';
import proxyAddr from 'proxy-addr';
import type { Logger } from 'pino';
import { sqlStatements } from './database/sql-counter.js';
import { answerJson } from './json-answer.js';
import type { RequestContext } from './graphql/context.js';

export interface GraphqlHttp {
  apollo: ApolloServer<RequestContext>;
  /** The request's context, from its Authorization header and the client's address. */
  context: (authorization: string | undefined, ip: string) => Promise<RequestContext>;
  /** Express's compiled `trust proxy` setting: which hops' X-Forwarded-For and X-Forwarded-Proto are believed. */
  trust: (address: string, hop: number) => boolean;
  /** What every response starts with (request id, security headers); `secure` as Express's `req.secure`. */
  head: (req: IncomingMessage, res: ServerResponse, secure: boolean) => void;
  /** Answers at once (the drain's or the database's 503) and returns true, or returns false to go on. */
  refused: (res: ServerResponse) => boolean;
  /**
   * Count each request's statements (X-SQL-Statements): tests only, since the counting needs AsyncLocalStorage,
   * whose promise hooks cost 5-7 % of the CPU per request (docs/benchmarks.md).
   */
  countStatements: boolean;
  log: Logger;
}

/**
 * /graphql, answered by Apollo Server's own HTTP entry point
 * (`executeHTTPGraphQLRequest`, the API its integrations are built on)
 * straight from node:http, in front of Express. The Express chain in front
 * of it (the app, its router, a mounted app, the integration copying headers
 * and parsing the URL with the legacy `url.parse`) cost more of the server's
 * CPU than the fast path's execution on a read: 18 % of it on the activity
 * page (test/bench/analysis.md, run 9). What that chain did is kept, each
 * by the same code: the drain's and the database's 503s, the request id,
 * the security headers, the body read by body-parser (`express.json`, the
 * same limit), the client's address by `trust proxy` (proxy-addr, as
 * Express), and a body that cannot be read answered in JSON.
 *
 * Returns the handler: it takes a request for the path /graphql (any method:
 * Apollo answers GET and POST and refuses the rest) and returns true, or
 * returns false and leaves the request to Express.
 */
export function graphqlOverHttp(o: GraphqlHttp): (req: IncomingMessage, res: ServerResponse) => boolean {
  const readBody = express.json({ limit: '1mb' });
  const answer = async (req: IncomingMessage & { body?: unknown }, res: ServerResponse, search: string) => {
    const headers = new HeaderMap();
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const ip = proxyAddr(req, o.trust);
    const response = await o.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body: req.body },
      context: () => o.context(req.headers.authorization, ip),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  const serve = (req: IncomingMessage, res: ServerResponse, search: string) =>
    readBody(req as express.Request, res as express.Response, (err?: unknown) => {
      if (err) return answerUnreadableBody(err, res, o.log);
      answer(req, res, search).catch((e: unknown) => answerUnreadableBody(e, res, o.log));
    });
  return (req, res) => {
    const url = req.url ?? '';
    const query = url.indexOf('?');
    if ((query === -1 ? url : url.slice(0, query)) !== '/graphql') return false;
    o.head(req, res, secure(req, o.trust));
    if (o.refused(res)) return true;
    const search = query === -1 ? '' : url.slice(query);
    if (o.countStatements) sqlStatements.run({ count: 0 }, () => serve(req, res, search));
    else serve(req, res, search);
    return true;
  };
}

/** Express's `req.secure`: TLS to this process, or `X-Forwarded-Proto: https` from a trusted proxy. */
function secure(req: IncomingMessage, trust: GraphqlHttp['trust']): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trust(req.socket.remoteAddress ?? '', 0)) return false;
  const forwarded = req.headers['x-forwarded-proto'];
  return typeof forwarded === 'string' && forwarded.split(',')[0]!.trim() === 'https';
}

/**
 * A body that cannot be read (bad JSON, too large, an unknown charset) is
 * answered in JSON like every other GraphQL error, never with an HTML page
 * or a stack trace; anything else that failed before GraphQL is a 500, logged.
 */
export function answerUnreadableBody(err: unknown, res: ServerResponse, log: Logger): void {
  const e = err as { status?: number; expose?: boolean; type?: string; message?: string };
  const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
  if (status === 500) log.error({ err }, 'unexpected error before GraphQL');
  if (res.headersSent) return void res.destroy();
  const message = status === 500 ? 'Internal server error' : e.expose && e.message ? e.message : 'Bad request';
  answerJson(res, status, { errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', reason: e.type ?? null } }] });
}
