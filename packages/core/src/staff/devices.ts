import { isJsonObject } from '../text/json-object.js';
/**
 * What a paired device may do: a `kiosk` issues tickets, a `counter` tablet works one counter (and collects that
 * counter's ratings), a `board` shows an office's board where the office keeps it private.
 */
export type DeviceKind = 'kiosk' | 'counter' | 'board';

/**
 * Every {@link DeviceKind}, in the order an admin's form offers them.
 *
 * @example
 * ```ts
 * DEVICE_KINDS.includes('kiosk'); // true
 * ```
 */
export const DEVICE_KINDS: readonly DeviceKind[] = ['kiosk', 'counter', 'board'];

/**
 * The letters a pairing code is made of: upper-case Latin letters and digits without those read one for another
 * (0/O, 1/I/L, 5/S, 2/Z, 8/B), so a code read aloud or copied from a small screen is typed right.
 *
 * @example
 * ```ts
 * PAIRING_CODE_ALPHABET.includes('O'); // false
 * ```
 */
export const PAIRING_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/**
 * How many letters of {@link PAIRING_CODE_ALPHABET} a pairing code has (25⁶ ≈ 244 million codes).
 *
 * @example
 * ```ts
 * PAIRING_CODE_LENGTH; // 6
 * ```
 */
export const PAIRING_CODE_LENGTH = 6;

/**
 * The shortest `claim` a device may send: 43 base64url characters, 32 random bytes.
 *
 * @example
 * ```ts
 * PAIRING_CLAIM_MIN_LENGTH; // 43
 * ```
 */
export const PAIRING_CLAIM_MIN_LENGTH = 43;

/**
 * What a device sends to start pairing (`POST /api/devices/pairings`) and later to collect its credential
 * (`POST /api/devices/pairings/collect`): a secret it generated (at least 32 random bytes, base64url), which only it
 * knows, so the credential is never handed to whoever reads the pairing code off its screen. Never in a URL.
 */
export interface PairingClaim {
  readonly claim: string;
  /** When it starts pairing: what the device says it is, which the admin's screen offers first (the admin decides). */
  readonly kind?: DeviceKind;
}

/**
 * The server's answer to a device that starts pairing: the code the device shows on its screen for an admin to
 * approve, and when the pairing lapses (ISO 8601 instant).
 */
export interface PairingStart {
  readonly code: string;
  readonly expiresAt: string;
}

/** A pairing waiting for an admin (`GET /api/devices/pairings`): its code, when it was asked for and when it lapses. */
export interface PendingPairing {
  readonly code: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  /** What the device said it is when it asked (a kiosk, a counter tablet, a board), if it said. */
  readonly requestedKind?: DeviceKind;
}

/**
 * What an admin answers to a pairing code (`POST /api/devices/pairings/{code}/approve`): the device's name, what it
 * may do and, for a counter tablet, the counter it works.
 */
export interface PairingApproval {
  readonly name: string;
  readonly kind: DeviceKind;
  readonly counter?: string;
}

/** A paired device as an admin sees it (`GET /api/devices`); its credential is never shown again. */
export interface DeviceView {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  readonly counter?: string;
  readonly createdAt: string;
  readonly lastSeenAt?: string;
  readonly revokedAt?: string;
}

/**
 * What the device receives, once, when it collects an approved pairing: its own credential (sent afterwards as
 * `Authorization: Bearer <credential>`) and what it was paired as.
 */
export interface PairingCollected {
  readonly credential: string;
  readonly device: DeviceView;
}

const isDeviceKind = (value: unknown): value is DeviceKind => DEVICE_KINDS.includes(value as DeviceKind);

const hasStrings = (value: Record<string, unknown>, keys: readonly string[]): boolean =>
  keys.every((key) => typeof value[key] === 'string');

/**
 * A pairing code as an admin typed it, made comparable: upper case, without spaces or dashes; undefined when it
 * is not {@link PAIRING_CODE_LENGTH} letters of {@link PAIRING_CODE_ALPHABET}.
 *
 * @example
 * ```ts
 * normalizePairingCode(' kx7-94m '); // 'KX794M'
 * normalizePairingCode('KX7O4M'); // undefined (O is not in the alphabet)
 * ```
 */
export function normalizePairingCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  if (code.length !== PAIRING_CODE_LENGTH) return undefined;
  for (const letter of code) if (!PAIRING_CODE_ALPHABET.includes(letter)) return undefined;
  return code;
}

/**
 * Whether a string can be a device's pairing claim: at least {@link PAIRING_CLAIM_MIN_LENGTH} base64url characters
 * (and at most 512).
 *
 * @example
 * ```ts
 * isPairingClaim('A'.repeat(43)); // true
 * isPairingClaim('short'); // false
 * ```
 */
export function isPairingClaim(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= PAIRING_CLAIM_MIN_LENGTH &&
    value.length <= 512 &&
    /^[A-Za-z0-9_-]+$/.test(value)
  );
}

/**
 * The answer to `POST /api/devices/pairings` as a {@link PairingStart}, or undefined when it is not one.
 *
 * @example
 * ```ts
 * const start = readPairingStart({ code: 'KX794M', expiresAt: '2026-12-04T01:10:00.000Z' });
 * start?.code; // 'KX794M'
 * ```
 */
export function readPairingStart(value: unknown): PairingStart | undefined {
  if (!isJsonObject(value) || !hasStrings(value, ['code', 'expiresAt'])) return undefined;
  return { code: value.code as string, expiresAt: value.expiresAt as string };
}

/**
 * One entry of `GET /api/devices/pairings` as a {@link PendingPairing}, or undefined when it is not one.
 *
 * @example
 * ```ts
 * const pending = (await response.json()).pairings.map(readPendingPairing).filter(Boolean);
 * ```
 */
export function readPendingPairing(value: unknown): PendingPairing | undefined {
  if (!isJsonObject(value) || !hasStrings(value, ['code', 'requestedAt', 'expiresAt'])) return undefined;
  return {
    code: value.code as string,
    requestedAt: value.requestedAt as string,
    expiresAt: value.expiresAt as string,
    ...(isDeviceKind(value.requestedKind) ? { requestedKind: value.requestedKind } : {}),
  };
}

/**
 * A device's JSON (an entry of `GET /api/devices`, the `device` of a collected pairing) as a {@link DeviceView}, or
 * undefined when it lacks id, name, a known kind or its creation time; a malformed optional field is left out.
 *
 * @example
 * ```ts
 * const device = readDeviceView({ id: 'd1', name: 'Kiosk sảnh', kind: 'kiosk', createdAt: '2026-12-04T01:00:00Z' });
 * device?.kind; // 'kiosk'
 * ```
 */
export function readDeviceView(value: unknown): DeviceView | undefined {
  if (!isJsonObject(value) || !hasStrings(value, ['id', 'name', 'createdAt']) || !isDeviceKind(value.kind)) {
    return undefined;
  }
  const optional = (key: 'counter' | 'lastSeenAt' | 'revokedAt') =>
    typeof value[key] === 'string' ? { [key]: value[key] as string } : {};
  return {
    id: value.id as string,
    name: value.name as string,
    kind: value.kind,
    ...optional('counter'),
    createdAt: value.createdAt as string,
    ...optional('lastSeenAt'),
    ...optional('revokedAt'),
  };
}

/**
 * The `200` answer of `POST /api/devices/pairings/collect` as a {@link PairingCollected}, or undefined when it has no
 * credential or no well-formed device.
 *
 * @example
 * ```ts
 * const collected = readPairingCollected(await response.json());
 * if (collected) localStorage.setItem('motcua-device', collected.credential);
 * ```
 */
export function readPairingCollected(value: unknown): PairingCollected | undefined {
  if (!isJsonObject(value) || typeof value.credential !== 'string' || value.credential === '') return undefined;
  const device = readDeviceView(value.device);
  return device ? { credential: value.credential, device } : undefined;
}
