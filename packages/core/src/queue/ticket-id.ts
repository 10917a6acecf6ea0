import { MotcuaError, type ProblemPath, problem } from '../text/problem.js';

/** Crockford base32: no I, L, O or U, so ids read back without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 25; // 125 random bits
const TICKET_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Gives `length` random bytes; the default reads `crypto.getRandomValues`, present in browsers and Node. */
export type RandomBytes = (length: number) => Uint8Array;

interface CryptoLike {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/**
 * Random bytes from the platform's cryptographic generator (`globalThis.crypto`).
 *
 * @example
 * ```ts
 * platformRandomBytes(16).length; // 16
 * ```
 */
export const platformRandomBytes: RandomBytes = (length) => {
  const crypto = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!crypto) {
    throw new MotcuaError([
      problem([], 'no-random-source', {
        vi: 'Môi trường không có crypto.getRandomValues; hãy truyền randomBytes',
        en: 'This platform has no crypto.getRandomValues; pass randomBytes',
      }),
    ]);
  }
  return crypto.getRandomValues(new Uint8Array(length));
};

function checkCharacter(body: string): string {
  // FNV-1a over the symbols; any changed or swapped character changes the check 31 times in 32.
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ ALPHABET.indexOf(body.charAt(i)), 0x01000193);
  return ALPHABET.charAt(hash >>> 27);
}

/**
 * A new opaque ticket id: 25 random Crockford base32 characters (125 bits) and a check character,
 * so a mistyped or tampered id is caught before any lookup.
 *
 * @example
 * ```ts
 * const id = createTicketId(); // e.g. '7Q2M0K9X4T1V8C5B3N6R2P0JDZ'
 * isTicketId(id); // true
 * ```
 */
export function createTicketId(randomBytes: (length: number) => Uint8Array = platformRandomBytes): string {
  const bytes = randomBytes(BODY_LENGTH);
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET.charAt((bytes[i] ?? 0) & 31);
  return body + checkCharacter(body);
}

/**
 * Whether `value` is a well-formed ticket id with a correct check character.
 *
 * @example
 * ```ts
 * isTicketId('not-an-id'); // false
 * ```
 */
export function isTicketId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    TICKET_ID.test(value) &&
    checkCharacter(value.slice(0, BODY_LENGTH)) === value.charAt(BODY_LENGTH)
  );
}

/**
 * Returns `value` if it is a well-formed ticket id; otherwise throws a {@link MotcuaError}
 * (`invalid-ticket-id`).
 *
 * @example
 * ```ts
 * parseTicketId('A001'); // throws: Mã phiếu không hợp lệ … / Invalid ticket id …
 * ```
 */
export function parseTicketId(value: unknown, path: ProblemPath = ['ticket']): string {
  if (isTicketId(value)) return value;
  throw new MotcuaError([
    problem(path, 'invalid-ticket-id', {
      vi: 'Mã phiếu không hợp lệ (sai định dạng hoặc bị sửa)',
      en: 'Invalid ticket id (malformed or tampered with)',
    }),
  ]);
}
