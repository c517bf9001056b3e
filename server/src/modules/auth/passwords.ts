import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPasswordShape, type InvalidReason } from '@alliance/shared';

/** The demo password from docs/domain.md: refused in production, whatever the hash says. */
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

/** The 10,000 most common passwords, from zxcvbn-ts's ranked list (docs/adoption.md: Accounts). */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].slice(0, 10_000));

/** Every rule a new password must meet; null when it does. */
export function checkNewPassword(password: string, username: string, role: string, production: boolean): InvalidReason | null {
  const shape = checkPasswordShape(password, username, role);
  if (shape) return shape;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'TOO_COMMON';
  if (production && password === DEMO_PASSWORD) return 'TOO_COMMON';
  return null;
}

// No 0/O, 1/l/I: a temporary password is read aloud or copied by hand.
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random temporary password (16 characters, ~92 bits), shown once and changed at the next sign-in. */
export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
  return out;
}
