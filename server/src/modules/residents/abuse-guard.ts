import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { PUBLIC_LIMITS } from '@alliance/shared';
import { AppError, badInput } from '../../graphql/errors.js';

/*
 * What holds off abuse of the residents' page without SMS (docs/adoption.md,
 * the residents' page): a proof-of-work CAPTCHA (ALTCHA, self-hosted: no
 * third party, works offline), a honeypot field, and per-address and
 * per-phone limits counted in PostgreSQL (rate-limiter-flexible, as the
 * sign-in throttle), so every instance shares one count.
 */

const TABLE = 'public_limit';
const ALGORITHM = 'SHA-256';

/** Work a phone's browser does in well under a second; a robot pays it for every submission. */
export const CAPTCHA_WORK = { min: 5_000, max: 50_000 } as const;

interface Lane {
  limiter: RateLimiterPostgres;
  key: string;
}

export class ResidentsAbuseGuard {
  private readonly hourly: RateLimiterPostgres;
  private readonly daily: RateLimiterPostgres;
  private readonly tracks: RateLimiterPostgres;
  private readonly photos: RateLimiterPostgres;
  private readonly secret: string;
  private readonly keySecret: string;

  constructor(
    private readonly pool: Pool,
    jwtSecret: Uint8Array,
  ) {
    const common = { storeClient: pool, tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false };
    this.hourly = new RateLimiterPostgres({ ...common, keyPrefix: 'sub-h', points: PUBLIC_LIMITS.submissionsPerHour, duration: 3600 });
    this.daily = new RateLimiterPostgres({ ...common, keyPrefix: 'sub-d', points: PUBLIC_LIMITS.submissionsPerDay, duration: 86_400 });
    this.tracks = new RateLimiterPostgres({ ...common, keyPrefix: 'track-h', points: PUBLIC_LIMITS.tracksPerHour, duration: 3600 });
    this.photos = new RateLimiterPostgres({ ...common, keyPrefix: 'photo-h', points: PUBLIC_LIMITS.photosPerHour, duration: 3600 });
    // Keys of their own, derived from the server's secret: a CAPTCHA signature can never pass for a token's.
    this.secret = createHmac('sha256', jwtSecret).update('residents-captcha').digest('hex');
    this.keySecret = createHmac('sha256', jwtSecret).update('residents-captcha-key').digest('hex');
  }

  async challenge(): Promise<Challenge> {
    return createChallenge({
      algorithm: ALGORITHM,
      cost: 1,
      counter: randomInt(CAPTCHA_WORK.min, CAPTCHA_WORK.max),
      deriveKey,
      expiresAt: new Date(Date.now() + PUBLIC_LIMITS.captchaSeconds * 1000),
      hmacSignatureSecret: this.secret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  /**
   * The honeypot empty and the CAPTCHA solved, once: a solved challenge is
   * spent (recorded until it expires), so one solution cannot carry a burst.
   */
  async admit(captcha: string, honeypot: string | null | undefined): Promise<void> {
    if (honeypot) throw badInput('website', 'HONEYPOT_FILLED', `website: leave this field empty`);
    let payload: { challenge: Challenge; solution: Solution };
    try {
      payload = JSON.parse(Buffer.from(captcha, 'base64').toString('utf8'));
      if (!payload?.challenge?.parameters || !payload.solution) throw new Error('shape');
    } catch {
      throw badInput('captcha', 'CAPTCHA_FAILED', `captcha: not a solved CAPTCHA`);
    }
    let verified = false;
    try {
      const r = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret: this.secret, hmacKeySignatureSecret: this.keySecret });
      verified = r.verified;
    } catch {
      verified = false;
    }
    if (!verified) throw badInput('captcha', 'CAPTCHA_FAILED', `captcha: the CAPTCHA was not solved, or has expired`);
    const expiresAt = new Date(Number(payload.challenge.parameters.expiresAt ?? 0) * 1000);
    const { rowCount } = await this.pool.query(
      `WITH gone AS (DELETE FROM public_captcha_used WHERE expires_at < now())
       INSERT INTO public_captcha_used (signature, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [payload.challenge.signature, expiresAt],
    );
    if (rowCount !== 1) throw badInput('captcha', 'CAPTCHA_FAILED', `captcha: this CAPTCHA was already used; solve a new one`);
  }

  /** One submission more for the address and the phone, or RATE_LIMITED (nothing counted then). */
  async countSubmission(address: string, phone: string): Promise<void> {
    const lanes: Lane[] = [];
    for (const limiter of [this.hourly, this.daily]) {
      lanes.push({ limiter, key: `address:${address}` }, { limiter, key: `phone:${phone}` });
    }
    await consumeAll(lanes, 'Too many submissions from this address or phone');
  }

  async countTrack(address: string): Promise<void> {
    await consumeAll([{ limiter: this.tracks, key: `address:${address}` }], 'Too many tracking look-ups');
  }

  async countPhoto(address: string): Promise<void> {
    await consumeAll([{ limiter: this.photos, key: `address:${address}` }], 'Too many photos from this address');
  }
}

async function consumeAll(lanes: Lane[], message: string): Promise<void> {
  const taken: Lane[] = [];
  for (const lane of lanes) {
    try {
      await lane.limiter.consume(lane.key);
      taken.push(lane);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      // What the lanes before let through was not used: give it back.
      await Promise.all(taken.map((t) => t.limiter.reward(t.key)));
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', `${message}; try again in ${seconds} s`, { retryAfterSeconds: seconds });
    }
  }
}
