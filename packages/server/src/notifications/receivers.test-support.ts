// Test support: stand-ins the notification tests start on loopback — an HTTP receiver (a webhook endpoint or an
// SMS/Zalo gateway) that records every request and keeps the first of each key, as a deduplicating receiver does.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_OFFICE, type Office, parseOffice } from '../office/office.js';

/** One request the receiver got. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The body's bytes (an encrypted push message is not text). */
  readonly raw: Buffer;
}

/** A loopback receiver. */
export interface Receiver {
  readonly url: string;
  /** Every request, repeats included. */
  readonly requests: Received[];
  /** The first request of each key (as a receiver deduplicating on the key keeps them). */
  readonly unique: Map<string, Received>;
  /**
   * How the next requests are answered: a status, `hang` (no answer, until the receiver closes), or
   * `accept-and-hang` (taken in, as a receiver that processed it, but its answer never sent).
   */
  answer: (request: Received, index: number) => number | 'hang' | 'accept-and-hang';
  /** Resolves when `count` unique requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a receiver that reads each request's key with `keyOf` (default: the `Idempotency-Key` header).
 */
export async function startReceiver(
  keyOf: (r: Received) => string | undefined = (r) => r.headers['idempotency-key'] as string | undefined,
): Promise<Receiver> {
  const requests: Received[] = [];
  const unique = new Map<string, Received>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const r: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw.toString('utf8'),
        raw,
      };
      requests.push(r);
      const answer = receiver.answer(r, requests.length - 1);
      const key = keyOf(r);
      const accepted = answer === 'accept-and-hang' || (typeof answer === 'number' && answer >= 200 && answer < 300);
      if (accepted && key !== undefined && !unique.has(key)) unique.set(key, r);
      if (typeof answer === 'number') {
        res.writeHead(answer, answer >= 300 && answer < 400 ? { location: 'http://169.254.169.254/' } : {});
        res.end('{}');
      } else {
        hanging.add(() => res.destroy());
      }
      for (const w of [...waiters]) {
        if (unique.size >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}`,
    requests,
    unique,
    answer: () => 200,
    waitFor(count, timeoutMs = 20_000) {
      if (unique.size >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${unique.size} of ${count} notifications arrived within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    async close() {
      for (const cut of hanging) cut();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

/** The demo office with these notification settings (loopback allowed, as the tests' stand-ins need). */
export function officeWithNotifications(notifications: Record<string, unknown>): Office {
  return parseOffice(
    { ...DEMO_OFFICE, notifications: { allowPrivateAddresses: true, ...notifications } },
    { demo: true },
  );
}

/** A webhook secret for the tests. */
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-of-at-least-32-chars';
