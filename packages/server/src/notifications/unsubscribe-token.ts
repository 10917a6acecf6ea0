import { createHmac, timingSafeEqual } from 'node:crypto';

/** The contacts a citizen can stop: `e` the email address, `p` the phone number (SMS or Zalo). */
export type UnsubscribeKind = 'e' | 'p';

/** The shortest secret signed with: the rating tokens' minimum (32 bytes). */
const MIN_SECRET_BYTES = 32;

function mac(secret: string, text: string, length: number): string {
  return createHmac('sha256', secret).update(text).digest('base64url').slice(0, length);
}

/** The contact's fingerprint: an HMAC of it, so the link names the contact without showing it. */
function fingerprint(secret: string, office: string, contact: string): string {
  return mac(secret, `motcua-unsubscribe-contact\n${office}\n${contact.trim().toLowerCase()}`, 16);
}

function signature(secret: string, office: string, code: string, kind: UnsubscribeKind, print: string): string {
  return mac(secret, `motcua-unsubscribe\n${office}\n${code}\n${kind}\n${print}`, 32);
}

/**
 * The token of a citizen's unsubscribe link: the kind of contact, the contact's keyed fingerprint (never the address
 * or number itself) and an HMAC-SHA-256 over the office, the dossier's code, the kind and the fingerprint, with the
 * server's secret. It does not expire: the contact itself is forgotten with the dossier's retention. `undefined`
 * without a secret of at least 32 bytes. (The rating tokens' helper signs rating claims with an expiry and a single
 * use; an unsubscribe link is used any number of times, so it has its own, smaller, format.)
 *
 * @example
 * ```ts
 * unsubscribeToken(secret, 'demo', '000.00.00.H00-260310-0001', 'e', 'tran@example.vn'); // 'e.Xy…'
 * ```
 */
export function unsubscribeToken(
  secret: string | undefined,
  office: string,
  code: string,
  kind: UnsubscribeKind,
  contact: string,
): string | undefined {
  if (!secret || Buffer.byteLength(secret) < MIN_SECRET_BYTES) return undefined;
  const print = fingerprint(secret, office, contact);
  return `${kind}.${print}.${signature(secret, office, code, kind, print)}`;
}

/** A token that checked: its kind and the contact's fingerprint. */
export interface UnsubscribeClaim {
  readonly kind: UnsubscribeKind;
  readonly fingerprint: string;
}

/**
 * Checks an unsubscribe token against the dossier's code: its claim, or `undefined` when it is malformed, tampered
 * with or for another dossier or office.
 *
 * @example
 * ```ts
 * const claim = checkUnsubscribeToken(secret, 'demo', code, token);
 * if (claim && contactMatches(secret, 'demo', claim, dossier.notify?.email)) …
 * ```
 */
export function checkUnsubscribeToken(
  secret: string | undefined,
  office: string,
  code: string,
  token: string,
): UnsubscribeClaim | undefined {
  if (!secret || Buffer.byteLength(secret) < MIN_SECRET_BYTES) return undefined;
  const m = /^([ep])\.([\w-]{16})\.([\w-]{32})$/.exec(token);
  if (!m) return undefined;
  const kind = m[1] as UnsubscribeKind;
  const print = m[2] as string;
  const expected = Buffer.from(signature(secret, office, code, kind, print));
  const given = Buffer.from(m[3] as string);
  return timingSafeEqual(expected, given) ? { kind, fingerprint: print } : undefined;
}

/**
 * Whether a contact (the dossier's email or phone) is the one a checked token names.
 *
 * @example
 * ```ts
 * contactMatches(secret, 'demo', claim, dossier.notify?.email); // true
 * ```
 */
export function contactMatches(
  secret: string,
  office: string,
  claim: UnsubscribeClaim,
  contact: string | undefined,
): boolean {
  if (contact === undefined) return false;
  return timingSafeEqual(Buffer.from(fingerprint(secret, office, contact)), Buffer.from(claim.fingerprint));
}
