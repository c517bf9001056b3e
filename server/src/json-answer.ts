import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Answers `value` as JSON with this status (and these headers) in one write: the answers given before GraphQL runs. */
export function answerJson(res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
