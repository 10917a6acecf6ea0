import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../http/errors.js';

/** The cost of scrypt: `N` (CPU and memory, a power of two), `r` (block size) and `p` (parallelism). */
export interface ScryptParameters {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * OWASP's password storage recommendation for scrypt: N = 2^17, r = 8, p = 1 — 128 MiB and about a quarter of a
 * second per hash on a commune PC. Each hash records its parameters, so they can be raised later: a password hashed
 * with lower ones is hashed again with these at its next sign-in.
 */
export const SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 17, r: 8, p: 1 };

/**
 * At most this many hashes run at once (2 × 128 MiB); others wait their turn, and past {@link MAX_WAITING_HASHES}
 * waiting a sign-in is answered 503 at once, so that a flood of sign-ins cannot exhaust the server's memory.
 */
export const MAX_CONCURRENT_HASHES = 2;
/** Sign-ins that may wait for a hash before new ones are turned away (503 with `Retry-After`). */
export const MAX_WAITING_HASHES = 32;

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when fewer than {@link MAX_CONCURRENT_HASHES} hashes run; 503 when too many already wait. */
async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES) {
      throw new ApiError(503, 'busy', {
        vi: 'Máy chủ đang bận; vui lòng thử lại',
        en: 'The server is busy; try again',
      });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParameters): Promise<Buffer> {
  // maxmem: twice what the parameters need (128 × N × r bytes), which Node's 32 MiB default refuses.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return bounded(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

const FORMAT = /^scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/**
 * Hashes a password with scrypt and a random salt, as `scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64url): the
 * parameters travel with the hash. The password is normalised to NFC first, so `Hà` typed on any keyboard matches.
 *
 * @example
 * ```ts
 * const stored = await hashPassword('một mật khẩu dài'); // 'scrypt$ln=17,r=8,p=1$…$…'
 * ```
 */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = SCRYPT_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, parameters);
  const ln = Math.log2(parameters.N);
  return `scrypt$ln=${ln},r=${parameters.r},p=${parameters.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** The parameters a stored hash was made with, or undefined when it is not one of ours. */
export function hashParameters(stored: string): ScryptParameters | undefined {
  const match = FORMAT.exec(stored);
  if (!match) return undefined;
  return { N: 2 ** Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
}

/**
 * Whether `password` matches a hash from {@link hashPassword}, compared in constant time. A malformed hash never
 * matches.
 *
 * @example
 * ```ts
 * await verifyPassword('một mật khẩu dài', stored); // true
 * ```
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  const parameters = hashParameters(stored);
  if (!match || !parameters) return false;
  const expected = Buffer.from(match[5] as string, 'base64url');
  const key = await derive(password, Buffer.from(match[4] as string, 'base64url'), parameters);
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** Whether a stored hash was made with weaker parameters than `current` (then it is hashed again at sign-in). */
export function needsRehash(stored: string, current: ScryptParameters = SCRYPT_PARAMETERS): boolean {
  const used = hashParameters(stored);
  return !used || used.N < current.N || used.r < current.r || used.p < current.p;
}

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest password accepted (scrypt reads it whole; a megabyte "password" is refused before hashing). */
export const MAX_PASSWORD_LENGTH = 256;
