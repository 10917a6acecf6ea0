// The ticket a counter calls or serves, as the console reads it from the server's answers.
import type { CounterTicket } from './counter-console.events.js';

/** The statuses of a ticket the counter is dealing with: called, or being served. */
export const ACTIVE = new Set(['called', 'serving']);

/** A ticket of the server's answer, or `undefined` when the answer has none (or not one the console can show). */
export function asTicket(value: unknown): CounterTicket | undefined {
  // A primitive has none of these fields; only an object with a number and a status is a ticket.
  const { id, number, service, status, calls, priority } = (value ?? {}) as Record<string, unknown>;
  if (typeof number !== 'string' || typeof status !== 'string') return undefined;
  return {
    ...(typeof id === 'string' && { id }),
    number,
    service: typeof service === 'string' ? service : '',
    // The server's status (typed by core's ticket view); the console only compares it.
    status: status as CounterTicket['status'],
    ...(typeof calls === 'number' && { calls }),
    ...(typeof priority === 'string' && { priority }),
  };
}
