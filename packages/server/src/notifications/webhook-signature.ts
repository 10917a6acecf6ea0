import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  /** The notification's stable id (also sent as `Idempotency-Key`). */
  id: 'Motcua-Webhook-Id',
  /** Seconds since the epoch when this delivery was signed. */
  timestamp: 'Motcua-Webhook-Timestamp',
  /** `v1=` and the hex HMAC-SHA-256, keyed with the channel's secret, of `timestamp.body`. */
  signature: 'Motcua-Webhook-Signature',
} as const;

/** How old a delivery's timestamp may be (either way) before a receiver refuses it as a replay: 5 minutes. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The signature of a webhook delivery: `v1=` and the hex HMAC-SHA-256 of `${timestamp}.${body}`.
 *
 * @example
 * ```ts
 * signWebhook('a-secret-of-at-least-32-characters', 1_780_000_000, '{"id":"n…"}'); // 'v1=5d1c…'
 * ```
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver checks (and what the HTTP API guide shows): the signature matches, in constant time, and the
 * timestamp is within {@link WEBHOOK_TOLERANCE_SECONDS} of `nowSeconds`.
 *
 * @example
 * ```ts
 * verifyWebhook(secret, req.headers['motcua-webhook-timestamp'], req.headers['motcua-webhook-signature'], rawBody,
 *   Math.floor(Date.now() / 1000)); // true
 * ```
 */
export function verifyWebhook(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: string,
  nowSeconds: number,
): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
