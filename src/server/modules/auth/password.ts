/**
 * Password hashing with argon2id at OWASP's minimum profile (m = 19 MiB, t = 2, p = 1), as measured in
 * ../shared/STACK-NOTES.md Q5 (about 14 ms per hash). docs/decisions/0003-auth.md.
 */
import { hash, verify } from '@node-rs/argon2';

// algorithm 2 is Argon2id in @node-rs/argon2's (ambient const) Algorithm enum.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the username does not exist, so that both answers take as long.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('siaga-dummy-password-for-timing');
  return dummyHash;
}
