import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's defaults: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's first choice).

/** An argon2id hash of `password` in PHC string format (`$argon2id$v=19$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches `phc`; a malformed hash is a mismatch, not an error. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** A hash of nothing anyone knows, verified against for unknown usernames so they take as long. */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hash(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}
