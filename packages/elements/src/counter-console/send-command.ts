// A command of the console for the ticket shown — call the next number, recall, no-show, done, transfer — sent with an
// Idempotency-Key that a retry after a network failure reuses, and its answer read into the ticket shown and the words
// the live region says. A function of the console, called with it as `this`, as the loaders of parts.ts are.
import type { CounterTicketAnswer } from '@motcua/core/queue';
import { ApiFailure, api } from '../internal/api-client.js';
import type { CounterAction } from './counter-console.events.js';
import { asTicket } from './ticket.js';
import type { ConsoleInternals, Key } from './types.js';

/**
 * Carries out `action` for the console's ticket (`this`), unless it may not now or a command is under way; a transfer
 * without a service asks for one. The answer's ticket is shown, a finished ticket's rating token kept for the intake
 * and the desk told; `motcua-counter-action` fires.
 *
 * @returns whether the server carried it out.
 */
export async function sendCommand(this: ConsoleInternals, action: CounterAction): Promise<boolean> {
  if (!this.allowed(action) || this.busy !== undefined || !this.counter || !this.acting()) return false;
  const service = action === 'transfer' ? this.transferService : '';
  if (action === 'transfer' && !service) {
    this.info = '';
    this.error = this.t('needService');
    this.focusField('transfer-service');
    return false;
  }
  const before = this.ticket;
  const body: Record<string, string> = {};
  if (action !== 'next' && before?.id) body.ticket = before.id;
  if (service) body.service = service;
  const signature = `${action}\n${before?.id ?? before?.number ?? ''}\n${service}`;
  let key = this.retryKeys.get(signature) ?? '';
  this.busy = action;
  this.error = '';
  this.info = this.t('sending');
  try {
    // The key generator loads with the first command (and is kept for a retry of a command without an answer).
    key ||= (await import('../internal/idempotency-key.js')).newIdempotencyKey();
    const answer = (await api(
      `api/queue/counters/${encodeURIComponent(this.counter)}/${action === 'next' ? 'call-next' : action}`,
      { ...this.auth(), body, key },
    )) as Partial<Record<keyof CounterTicketAnswer, unknown>> | undefined;
    this.retryKeys.delete(signature);
    const ticket = asTicket(answer?.ticket);
    if (action === 'transfer' && ticket && before) {
      this.ticket = { ...before, status: 'transferred' };
      this.transferService = '';
      this.info = this.t(ticket.number === before.number ? 'transferredKeep' : 'transferred', {
        from: before.number,
        service: this.serviceName(ticket.service),
        number: ticket.number,
      });
      this.emit('motcua-counter-action', { action, ticket: this.ticket, next: ticket });
      return true;
    }
    if (ticket) this.ticket = ticket;
    const ratingToken = typeof answer?.ratingToken === 'string' ? answer.ratingToken : undefined;
    if (action === 'done' && ticket?.id && ratingToken) this.ratingTokens.set(ticket.id, ratingToken);
    this.desk?.after(ticket, ratingToken);
    const number = ticket?.number ?? before?.number ?? '';
    const said = { next: 'called', recall: 'recalled', skip: 'skipped', done: 'finished', transfer: 'transferred' };
    this.info = action === 'next' && !ticket ? this.t('queueEmpty') : this.t(said[action] as Key, { number });
    this.emit('motcua-counter-action', { action, ticket: ticket ?? null });
    return true;
  } catch (error) {
    this.info = '';
    this.error = this.describe(error);
    if (!(error instanceof ApiFailure) || error.transient) this.retryKeys.set(signature, key);
    else this.retryKeys.delete(signature);
    return false;
  } finally {
    this.busy = undefined;
  }
}
