import type { Database } from '../db/database.js';
import { createNotificationHub } from '../http/events.js';
import type { Office } from '../office/office.js';
import { channelDelivery, type Deliver, GoneSubscription } from './deliver.js';
import { type ClaimedNotification, claimDue, markDelivered, markFailed, OUTBOX_CHANNEL } from './outbox-store.js';
import { removePushSubscription } from './push-store.js';
import { channelSecrets, type RetryPolicy } from './settings.js';

/** What the sender needs; everything but `db` and `office` has a default. */
export interface SenderOptions {
  readonly db: Database;
  readonly office: Office;
  /** The clock (default `Date.now`). */
  readonly now?: () => number;
  /** The jitter's source, in [0, 1) (default `Math.random`). */
  readonly random?: () => number;
  /** How a notification is delivered (default: through the office's channels, {@link channelDelivery}). */
  readonly deliver?: Deliver;
  /** Milliseconds between two looks at the outbox when nothing woke the sender (default 5000). */
  readonly pollMs?: number;
  /** Milliseconds a claim lasts: a row claimed by an instance that died is tried again after it (default 3 timeouts). */
  readonly leaseMs?: number;
  /** Notifications claimed and delivered at once (default 20). */
  readonly batch?: number;
  /** Where failures are reported (default `console.warn`); secrets are cut out first. */
  readonly log?: (line: string) => void;
  /** No loop: batches are delivered only when `runOnce` is called (tests moving a clock). */
  readonly manual?: boolean;
}

/** A running sender. */
export interface NotificationSender {
  /** Claims and delivers one batch now; resolves to the number claimed. */
  runOnce(): Promise<number>;
  /** Stops looking at the outbox; resolves when the deliveries under way have ended. */
  stop(): Promise<void>;
}

/**
 * The delay before the next try after `attempts` failed ones: `firstDelaySeconds` doubled per failure, capped at
 * `maxDelaySeconds`, then jittered into its upper half ("equal jitter"), so that retries of many notifications
 * failed at once spread out instead of arriving together.
 *
 * @example
 * ```ts
 * retryDelayMs({ attempts: 8, firstDelaySeconds: 30, maxDelaySeconds: 3600 }, 3, () => 0.5); // 90 000
 * ```
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: () => number): number {
  const base = Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.max(0, attempts - 1)) * 1000;
  return Math.round(base / 2 + (base / 2) * random());
}

/** An error message with every channel secret cut out. */
function redacted(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/**
 * Starts the office's notification sender in this process: it claims due rows of the outbox (`for update skip
 * locked`, so several instances on one PostgreSQL share the work), delivers them, and records each outcome: delivered,
 * due again after {@link retryDelayMs}, or on the dead-letter list after the last try. It wakes when a status change
 * commits (`NOTIFY` from any instance) and otherwise looks every `pollMs`. A killed instance loses nothing: what it
 * had claimed is due again when the lease ends, and is delivered again under the same key.
 *
 * @example
 * ```ts
 * const sender = startNotificationSender({ db, office });
 * // … on shutdown:
 * await sender.stop();
 * ```
 */
export function startNotificationSender(options: SenderOptions): NotificationSender {
  const { db, office } = options;
  const settings = office.notifications;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const deliver = options.deliver ?? channelDelivery(settings, now);
  const pollMs = options.pollMs ?? 5_000;
  const leaseMs = options.leaseMs ?? settings.timeoutSeconds * 3_000;
  const batch = options.batch ?? 20;
  const log = options.log ?? ((line: string) => console.warn(line));
  const secrets = channelSecrets(settings);
  let stopped = false;
  let wake: (() => void) | undefined;
  // Set by a NOTIFY that came while a batch was being delivered: the next look is at once.
  let nudged = false;
  let unsubscribe: (() => void) | undefined;

  const deliverOne = async (n: ClaimedNotification): Promise<void> => {
    try {
      await deliver(n);
      await markDelivered(db, n.id, now());
    } catch (error) {
      if (error instanceof GoneSubscription) {
        // The browser unsubscribed (or its subscription expired): nothing to retry, and no more to send it.
        await removePushSubscription(db, office.id, error.endpoint);
        await markDelivered(db, n.id, now());
        return;
      }
      const message = redacted(error instanceof Error ? error.message : String(error), secrets);
      const last = n.attempts >= settings.retry.attempts;
      const retryAt = last ? null : now() + retryDelayMs(settings.retry, n.attempts, random);
      await markFailed(db, n.id, n.attempts, message, retryAt, now());
      log(
        `motcua-server: notification ${n.id} (${n.kind} "${n.channel}", dossier ${n.dossier}) try ${n.attempts} failed: ${message}${
          last ? ' – moved to the dead letters' : ''
        }`,
      );
    }
  };

  const runOnce = async (): Promise<number> => {
    const claimed = await claimDue(db, office.id, now(), leaseMs, batch);
    await Promise.all(claimed.map(deliverOne));
    return claimed.length;
  };

  const loop = (async () => {
    if (settings.channels.length === 0 || options.manual) return;
    try {
      const hub = createNotificationHub<{ office: string }>(db, OUTBOX_CHANNEL);
      unsubscribe = await hub.subscribe(office.id, () => {
        nudged = true;
        wake?.();
      });
    } catch (error) {
      log(`motcua-server: notifications: not woken by NOTIFY, polling only (${(error as Error).message})`);
    }
    while (!stopped) {
      let claimed = 0;
      nudged = false;
      try {
        claimed = await runOnce();
      } catch (error) {
        if (stopped) break;
        log(
          `motcua-server: notifications: the outbox could not be read: ${redacted((error as Error).message, secrets)}`,
        );
      }
      if (claimed === batch || nudged || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  return {
    runOnce,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      unsubscribe?.();
    },
  };
}
