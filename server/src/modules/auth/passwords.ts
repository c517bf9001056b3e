import { hash, verify } from '@node-rs/argon2';

/** The demo password from domain.md: refused in production, whatever the hash says. */
export const DEMO_PASSWORD = 'demo-password';

// argon2id with the library's defaults (OWASP's recommended family).
export const hashPassword = (password: string) => hash(password);

// Verified against a real hash even for an unknown user, so that both cost the same.
const DUMMY_HASH = hash('no-such-user-placeholder');

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(storedHash ?? (await DUMMY_HASH), password);
    return storedHash !== null && matches;
  } catch {
    return false;
  }
}
