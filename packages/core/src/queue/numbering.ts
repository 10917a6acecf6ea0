import type { TicketNumbering } from './config.js';

/** The outcome of advancing a sequence: the next value, or `undefined` when the `refuse` policy ends it. */
export type TicketSequenceStep = number | undefined;

/**
 * The value after `last` in a sequence (or its start when nothing was issued yet), applying the end
 * policy: `grow` keeps counting past `end`, `wrap` returns to `start`, `refuse` gives `undefined`.
 * A store calls this inside its atomic "next number" operation.
 *
 * @example
 * ```ts
 * const numbering = { start: 1, step: 1, end: 999, width: 3, onEnd: 'grow', reset: 'daily' } as const;
 * nextTicketValue(numbering, undefined); // 1
 * nextTicketValue(numbering, 999);       // 1000
 * nextTicketValue({ ...numbering, onEnd: 'wrap' }, 999);   // 1
 * nextTicketValue({ ...numbering, onEnd: 'refuse' }, 999); // undefined
 * ```
 */
export function nextTicketValue(numbering: TicketNumbering, last: number | undefined): TicketSequenceStep {
  if (last === undefined) return numbering.start;
  const next = last + numbering.step;
  if (next <= numbering.end || numbering.onEnd === 'grow') return next;
  return numbering.onEnd === 'wrap' ? numbering.start : undefined;
}

/**
 * The display number of a ticket: prefix plus the number zero-padded to `width`; a number wider than
 * `width` is written in full.
 *
 * @example
 * ```ts
 * formatTicketNumber('A', 1);    // 'A001'
 * formatTicketNumber('A', 1000); // 'A1000'
 * formatTicketNumber('HT', 7, 4); // 'HT0007'
 * ```
 */
export function formatTicketNumber(prefix: string, value: number, width = 3): string {
  return `${prefix}${String(value).padStart(width, '0')}`;
}

/**
 * The key a sequence of display numbers is counted under: one per sequence and business date, and
 * per session when numbering resets each session.
 *
 * @example
 * ```ts
 * ticketSequenceKey('ho-tich', '2026-11-23');          // 'ho-tich|2026-11-23'
 * ticketSequenceKey('ho-tich', '2026-11-23', 'chieu'); // 'ho-tich|2026-11-23|chieu'
 * ```
 */
export function ticketSequenceKey(sequence: string, businessDate: string, session?: string): string {
  return session === undefined ? `${sequence}|${businessDate}` : `${sequence}|${businessDate}|${session}`;
}
