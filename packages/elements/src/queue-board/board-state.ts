/** A ticket as the board shows it (the server's `BoardTicket`). */
export interface BoardTicket {
  readonly number: string;
  readonly service: string;
  readonly priority: string;
  readonly status: 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled' | 'transferred' | string;
  readonly counter: string | null;
  readonly calls: number;
  readonly lastCalledAt: number | null;
  readonly businessDate: string;
}

/** A counter and the ticket it has called or serves. */
export interface BoardCounter {
  readonly id: string;
  readonly label: string;
  readonly ticket: BoardTicket | null;
}

/** What the board shows: `GET /api/queue/board`, or the `snapshot` event of `GET /api/queue/events`. */
export interface BoardState {
  readonly office?: { readonly id: string; readonly name: { readonly vi: string; readonly en: string } };
  readonly businessDate: string;
  /** The version of the newest event the state includes; deltas at or below it are already in. */
  readonly version: number;
  readonly counters: readonly BoardCounter[];
  /** The latest calls, newest first. */
  readonly recent: readonly BoardTicket[];
}

/** One event of the stream after the snapshot: `{ version, type, at, counter?, ticket }`. */
export interface BoardDelta {
  readonly version: number;
  readonly type: string;
  readonly at: number;
  readonly counter?: string;
  readonly ticket: BoardTicket | null;
}

/** How many calls the state keeps, as the server's board does. */
const RECENT_KEPT = 10;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isTicket = (value: unknown): value is BoardTicket =>
  isObject(value) && typeof value.number === 'string' && typeof value.businessDate === 'string';

/** The snapshot's JSON as a {@link BoardState}, or undefined when it is not one. */
export function readSnapshot(value: unknown): BoardState | undefined {
  if (!isObject(value) || typeof value.version !== 'number' || typeof value.businessDate !== 'string') return undefined;
  if (!Array.isArray(value.counters) || !Array.isArray(value.recent)) return undefined;
  const counters = value.counters.filter(
    (c): c is BoardCounter => isObject(c) && typeof c.id === 'string' && typeof c.label === 'string',
  );
  return {
    ...(isObject(value.office) && isObject(value.office.name) && typeof value.office.name.vi === 'string'
      ? { office: value.office as unknown as NonNullable<BoardState['office']> }
      : {}),
    businessDate: value.businessDate,
    version: value.version,
    counters: counters.map((c) => ({ id: c.id, label: c.label, ticket: isTicket(c.ticket) ? c.ticket : null })),
    recent: value.recent.filter(isTicket),
  };
}

/** A delta event's JSON as a {@link BoardDelta}, or undefined when it is not one. */
export function readDelta(value: unknown): BoardDelta | undefined {
  if (!isObject(value) || typeof value.version !== 'number' || typeof value.type !== 'string') return undefined;
  return {
    version: value.version,
    type: value.type,
    at: typeof value.at === 'number' ? value.at : 0,
    ...(typeof value.counter === 'string' ? { counter: value.counter } : {}),
    ticket: isTicket(value.ticket) ? value.ticket : null,
  };
}

const atCounter = (t: BoardTicket): boolean => (t.status === 'called' || t.status === 'serving') && t.counter !== null;

/** Whether a delta is a call to say aloud: a call or a recall, to a counter. */
export const isAnnounced = (delta: BoardDelta): boolean =>
  (delta.type === 'call' || delta.type === 'recall') && delta.ticket !== null && delta.ticket.counter !== null;

/**
 * The state after a delta; the same state when the delta is not newer than it (already included, or arrived out of
 * order) or belongs to an earlier business day. A ticket of a later day starts the new day's board.
 */
export function applyDelta(state: BoardState, delta: BoardDelta): BoardState {
  if (delta.version <= state.version) return state;
  const ticket = delta.ticket;
  if (!ticket || ticket.businessDate < state.businessDate) return { ...state, version: delta.version };
  let { counters, recent } = state;
  if (ticket.businessDate > state.businessDate) {
    counters = counters.map((c) => ({ ...c, ticket: null }));
    recent = [];
  }
  counters = counters.map((c) => {
    const shown = c.ticket?.number === ticket.number ? null : c.ticket;
    const here = atCounter(ticket) && ticket.counter === c.id;
    return {
      ...c,
      ticket: here && (!shown || (shown.lastCalledAt ?? 0) <= (ticket.lastCalledAt ?? 0)) ? ticket : shown,
    };
  });
  recent =
    delta.type === 'call' || delta.type === 'recall'
      ? [ticket, ...recent.filter((t) => t.number !== ticket.number)].slice(0, RECENT_KEPT)
      : recent.map((t) => (t.number === ticket.number ? ticket : t));
  return { ...state, businessDate: ticket.businessDate, version: delta.version, counters, recent };
}

/**
 * The calls in `after` that `before` did not know: tickets still waiting to come to a counter (called, not yet
 * served) that were called after the newest call `before` had seen, oldest first. For a board back from an outage.
 */
export function missedCalls(before: BoardState, after: BoardState): BoardTicket[] {
  if (after.businessDate !== before.businessDate) return [];
  const known = [...before.counters.map((c) => c.ticket), ...before.recent];
  const newest = Math.max(0, ...known.map((t) => t?.lastCalledAt ?? 0));
  return after.counters
    .map((c) => c.ticket)
    .filter((t): t is BoardTicket => t !== null && t.status === 'called' && (t.lastCalledAt ?? 0) > newest)
    .sort((a, b) => (a.lastCalledAt ?? 0) - (b.lastCalledAt ?? 0));
}
