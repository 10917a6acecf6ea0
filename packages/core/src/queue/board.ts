import type { CivilDate } from '../calendar/civil-date.js';
import type { LocalizedText } from '../text/problem.js';
import type { Ticket, TicketEvent } from './ticket.js';

/**
 * The wire contract of the public queue board (`GET /api/queue/board` and the `snapshot` / `ticket` events of
 * `GET /api/queue/events`): the server builds it with {@link buildBoard}, screens read it with
 * {@link readBoardSnapshot} / {@link readBoardDelta} and keep it current with {@link applyBoardDelta}. One
 * declaration, so the board a screen shows after any sequence of deltas is the board the server would build.
 */

/** A ticket as its holder (the kiosk that printed it, the ticket's status page) sees it: everything but the history. */
export type TicketView = Omit<Ticket, 'history'>;

/**
 * A ticket as its holder sees it: the ticket without its history.
 *
 * @example
 * ```ts
 * c.json(ticketViewOf(ticket));
 * ```
 */
export function ticketViewOf(ticket: Ticket): TicketView {
  const { history: _history, ...view } = ticket;
  return view;
}

/** A ticket as a public board shows it: no id (the id lets its holder follow it), no history. */
export interface BoardTicket {
  readonly number: string;
  readonly service: string;
  readonly priority: string;
  readonly status: Ticket['status'];
  readonly counter: string | null;
  readonly calls: number;
  readonly lastCalledAt: number | null;
  readonly businessDate: CivilDate;
}

/** A counter and the ticket it has called or serves. */
export interface BoardCounter {
  readonly id: string;
  readonly label: string;
  /** The services the counter serves (absent in snapshots older screens kept). */
  readonly services?: readonly string[];
  readonly ticket: BoardTicket | null;
}

/** A service's line on the board: how many wait and the next numbers. */
export interface BoardServiceLine {
  readonly id: string;
  readonly prefix: string;
  readonly name: LocalizedText;
  readonly waiting: number;
  readonly next: readonly string[];
}

/** What every screen shows, and the version deltas continue from. */
export interface BoardSnapshot {
  readonly office?: { readonly id: string; readonly name: LocalizedText };
  readonly businessDate: CivilDate;
  /** The version of the newest event the board includes; deltas at or below it are already in. */
  readonly version: number;
  readonly counters: readonly BoardCounter[];
  readonly services?: readonly BoardServiceLine[];
  /** The latest calls, newest first, at most {@link BOARD_RECENT_CALLS}. */
  readonly recent: readonly BoardTicket[];
}

/** One event after the snapshot (`ticket` event of the stream): what happened, and the ticket as it is now. */
export interface BoardDelta {
  readonly version: number;
  readonly type: TicketEvent['type'] | (string & {});
  readonly at: number;
  readonly counter?: string;
  readonly ticket: BoardTicket | null;
}

/** How many calls a board keeps in its `recent` list. */
export const BOARD_RECENT_CALLS = 10;

/** How many next numbers a service line shows. */
export const BOARD_NEXT_NUMBERS = 5;

/**
 * A ticket as the board shows it.
 *
 * @example
 * ```ts
 * const shown = boardTicketOf(ticket); // { number: 'A001', counter: '1', status: 'called', … }
 * ```
 */
export function boardTicketOf(t: TicketView): BoardTicket {
  return {
    number: t.number,
    service: t.service,
    priority: t.priority,
    status: t.status,
    counter: t.counter ?? null,
    calls: t.calls,
    lastCalledAt: t.lastCalledAt ?? null,
    businessDate: t.businessDate,
  };
}

/** What {@link buildBoard} needs: the office, its counters and services, and one business day's tickets. */
export interface BoardInput {
  readonly office?: BoardSnapshot['office'];
  readonly businessDate: CivilDate;
  readonly version: number;
  readonly counters: Iterable<{ readonly id: string; readonly label: string; readonly services: readonly string[] }>;
  readonly services: Iterable<{ readonly id: string; readonly prefix: string; readonly name: LocalizedText }>;
  /** The tickets of `businessDate`, in any order (their history is not needed). */
  readonly tickets: readonly TicketView[];
}

/** Whether a ticket stands at a counter: called or being served there. */
export const atCounter = (t: { status: string; counter?: string | null | undefined }): boolean =>
  (t.status === 'called' || t.status === 'serving') && t.counter != null;

/**
 * The board of one business day: each counter's latest call while that ticket is called or served, each service's waiting count and
 * next numbers (in issuing order), and the latest calls, newest first.
 *
 * @example
 * ```ts
 * const board = buildBoard({ businessDate: '2026-12-04', version: 7, counters: [...config.counters.values()],
 *   services: [...config.services.values()], tickets: await store.tickets('2026-12-04') });
 * board.counters[0]?.ticket?.number; // 'A003'
 * ```
 */
export function buildBoard(input: BoardInput): BoardSnapshot {
  const { tickets } = input;
  // Each counter's latest call; the counter shows it while it is called or served, and is free once it ends (an
  // earlier call left without an outcome does not come back), as a screen applying deltas sees it.
  // Calls in the same millisecond are ordered by issue (ordinal), so the answer never depends on the tickets' order.
  const later = (a: TicketView, b: TicketView) =>
    (a.lastCalledAt ?? 0) - (b.lastCalledAt ?? 0) || a.ordinal - b.ordinal;
  const latest = new Map<string, TicketView>();
  for (const t of tickets) {
    if (t.counter === undefined || t.lastCalledAt === undefined) continue;
    const seen = latest.get(t.counter);
    if (!seen || later(t, seen) > 0) latest.set(t.counter, t);
  }
  const byOrdinal = [...tickets].sort((a, b) => a.ordinal - b.ordinal);
  const called = tickets.filter((t) => t.lastCalledAt !== undefined);
  called.sort((a, b) => later(b, a));
  return {
    ...(input.office ? { office: input.office } : {}),
    businessDate: input.businessDate,
    version: input.version,
    counters: [...input.counters].map((c) => {
      const t = latest.get(c.id);
      return { id: c.id, label: c.label, services: c.services, ticket: t && atCounter(t) ? boardTicketOf(t) : null };
    }),
    services: [...input.services].map((s) => {
      const waiting = byOrdinal.filter((t) => t.service === s.id && t.status === 'issued');
      return {
        id: s.id,
        prefix: s.prefix,
        name: s.name,
        waiting: waiting.length,
        next: waiting.slice(0, BOARD_NEXT_NUMBERS).map((t) => t.number),
      };
    }),
    recent: called.slice(0, BOARD_RECENT_CALLS).map(boardTicketOf),
  };
}
