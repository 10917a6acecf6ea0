// A press of a service: the issuing code fetched (a kiosk offline says so and sends nothing), a closed service refused
// on the spot with its opening time, else `POST /api/queue/tickets` with an Idempotency-Key that a new press of the same
// choice reuses while its answer is unknown; then the ticket or the refusal. A function of the element, called with it
// as `this`, as the services screen's are.

import { loadIssuing } from './load-issuing.js';
import type { IssueOutcome } from './request.js';
import type { TicketKioskStringKey } from './ticket-kiosk.strings.js';
import { show } from './ticket-screen.js';
import type { KioskInternals, Pending, Refusal } from './types.js';

/** The title of a refusal of the server, by its code (else "Không lấy được số"). */
const TITLES: Readonly<Record<string, TicketKioskStringKey>> = {
  closed: 'closedTitle',
  'closed-day': 'closedDayTitle',
  'daily-cap': 'capTitle',
  'sequence-end': 'capTitle',
};

/** How long a press whose answer was lost keeps its key for the next press of the same service. */
const PENDING_REUSE_MS = 120_000;

/** Issues a ticket of `service` (in `priority`, when asked), or says why not. */
export async function issue(this: KioskInternals, service: string, priority: string): Promise<void> {
  clearTimeout(this.returnTimer);
  this.screen = 'issuing';
  this.lastPress = { service, priority };
  const now = Date.now();
  const reuse =
    this.pending?.service === service && this.pending.priority === priority && now - this.pending.at < PENDING_REUSE_MS;
  const issuing = await loadIssuing().catch(() => undefined);
  if (!issuing) {
    // The issuing code could not be fetched: the server is out of reach too, and nothing was sent.
    refuse.call(this, service, { kind: 'offline' });
    return;
  }
  // A service the server said is closed: refused here with its opening time, without asking the server.
  const opens = this.opensLine(this.serviceOf(service));
  if (opens !== undefined) {
    refuse.call(this, service, { kind: 'refused', code: 'closed', message: { [this.language]: opens } });
    return;
  }
  const pending: Pending =
    reuse && this.pending ? this.pending : { service, priority, key: issuing.newIdempotencyKey(), at: now };
  pending.at = now;
  this.pending = pending;
  const outcome = await issuing.issueTicket(
    {
      url: this.endpoint('api/queue/tickets'),
      token: this.token,
      key: pending.key,
      service,
      ...(priority ? { priority } : {}),
    },
    { timeoutMs: this.timeout, retryDelays: this.retryDelays },
  );
  // Only a press whose answer never came may have issued a ticket: its key is kept for the next press.
  if (outcome.kind !== 'offline' && outcome.kind !== 'failed') this.pending = undefined;
  if (outcome.kind === 'issued') await show.call(this, outcome.ticket, issuing);
  else refuse.call(this, service, outcome);
}

/** A service button: a ticket of that service, in the priority class when the toggle is on. */
export function take(this: KioskInternals, service: string): void {
  if (this.screen !== 'services') return;
  const priority = this.priorityOn ? this.priorityId() : '';
  this.track(issue.call(this, service, priority));
}

/** "Try again" on a refusal: the same press again (with the same key, when its answer never came). */
export function retry(this: KioskInternals): void {
  const last = this.lastPress;
  if (!last || this.screen !== 'refused') return;
  this.track(issue.call(this, last.service, last.priority));
}

/** A press ended without a ticket: the refusal shown, said to the page, and the services again later. */
function refuse(this: KioskInternals, service: string, outcome: Exclude<IssueOutcome, { kind: 'issued' }>): void {
  const refusal: Refusal =
    outcome.kind === 'refused'
      ? {
          reason: outcome.code,
          title: TITLES[outcome.code] ?? 'refusedTitle',
          ...(outcome.message ? { message: outcome.message } : {}),
          retry: false,
        }
      : outcome.kind === 'offline'
        ? { reason: 'offline', title: 'offlineTitle', body: 'offlineBody', retry: true }
        : outcome.kind === 'unauthorized'
          ? { reason: 'unauthorized', title: 'refusedTitle', body: 'unauthorizedBody', retry: false }
          : outcome.kind === 'rate-limited'
            ? { reason: 'rate-limited', title: 'refusedTitle', body: 'busyBody', retry: true }
            : { reason: 'failed', title: 'refusedTitle', body: 'failedBody', retry: true };
  // A paired kiosk's credential refused (revoked): forgotten, and the kiosk pairs again.
  if (outcome.kind === 'unauthorized' && this.pairing) {
    this.token = '';
    this.pairing.forget();
  }
  this.refusal = refusal;
  this.priorityOn = false;
  this.screen = 'refused';
  this.focusPending = true;
  this.scheduleReturn();
  this.emit('motcua-ticket-refused', { reason: refusal.reason, service });
}
