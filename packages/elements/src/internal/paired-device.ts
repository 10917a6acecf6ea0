// What a paired device (a kiosk, a counter tablet, a board) keeps on its own origin once an admin approved its pairing
// (internal/pairing.ts writes it): the credential it collected (`POST /api/devices/pairings/collect`), sent as
// `Authorization: Bearer`. Never in the page's HTML or address; forgotten when the server refuses it (revoked).

/** The `localStorage` entry of the paired device: `{ credential, device }` as the server handed them out once. */
export const PAIRED_DEVICE_KEY = 'motcua:paired-device';

/**
 * The credential this device was paired with, if it has one.
 *
 * @example
 * ```ts
 * const credential = pairedCredential(); // 'k3v…' on a paired counter tablet, undefined elsewhere
 * ```
 */
export function pairedCredential(): string | undefined {
  try {
    const credential = JSON.parse(localStorage.getItem(PAIRED_DEVICE_KEY) ?? '{}')?.credential;
    return typeof credential === 'string' && credential ? credential : undefined;
  } catch {
    return undefined;
  }
}
