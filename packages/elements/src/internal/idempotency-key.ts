/**
 * The `Idempotency-Key` of a request the server must carry out once however often it is retried: 32 lowercase
 * hexadecimal digits (128 bits) from the browser's cryptographic generator, `crypto.getRandomValues`, which exists in
 * every context (a kiosk on the commune's plain-HTTP LAN too, where `crypto.randomUUID` does not).
 *
 * @example
 * ```ts
 * const key = newIdempotencyKey(); // e.g. '3f2b8c0e9a7d4e51b6c2d8f0a1e4b7c9'
 * await fetch(url, { method: 'POST', headers: { 'Idempotency-Key': key }, body }); // a retry sends the same key
 * ```
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
