import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { TestServer } from './test-server.js';

/** A solved CAPTCHA of the residents' page, as the page's browser sends it (base64 JSON of challenge and solution). */
export async function solvedCaptcha(server: Pick<TestServer, 'gql'>): Promise<string> {
  const r = await server.gql(`{ publicCaptcha { challenge } }`, {}, null);
  if (!r.data?.publicCaptcha) throw new Error(`publicCaptcha failed: ${JSON.stringify(r.errors)}`);
  const challenge = JSON.parse(r.data.publicCaptcha.challenge);
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
