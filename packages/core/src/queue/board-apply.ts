import { atCounter, BOARD_RECENT_CALLS, type BoardDelta, type BoardSnapshot, type BoardTicket } from './board.js';

/**
 * Whether a delta is a call to say aloud: a call or a recall, to a counter.
 *
 * @example
 * ```ts
 * if (isAnnouncedCall(delta)) speak(delta.ticket);
 * ```
 */
export const isAnnouncedCall = (delta: BoardDelta): boolean =>
  (delta.type === 'call' || delta.type === 'recall') && delta.ticket !== null && delta.ticket.counter !== null;

/**
 * The board after a delta; the same board when the delta is not newer than it (already included, or arrived out of
 * order) or belongs to an earlier business day. A ticket of a later day starts the new day's board. Service lines
 * are not kept current by deltas (a delta carries no waiting count); the next snapshot brings them.
 *
 * @example
 * ```ts
 * board = applyBoardDelta(board, delta);
 * ```
 */
export function applyBoardDelta(state: BoardSnapshot, delta: BoardDelta): BoardSnapshot {
  if (delta.version <= state.version) return state;
  const ticket = delta.ticket;
  if (!ticket || ticket.businessDate < state.businessDate) return { ...state, version: delta.version };
  let { counters, recent } = state;
  if (ticket.businessDate > state.businessDate) {
    counters = counters.map((c) => ({ ...c, ticket: null }));
    recent = [];
  }
  // A call or a recall puts its ticket on the counter (the latest wins, as deltas come in order); any other change
  // updates the ticket shown, and one that takes it off the counter frees it: an earlier call served after the latest
  // one ended does not come back, as on the server's board.
  const puts = delta.type === 'call' || delta.type === 'recall';
  counters = counters.map((c) => {
    const same = c.ticket?.number === ticket.number;
    const here = atCounter(ticket) && ticket.counter === c.id;
    return { ...c, ticket: here && (same || puts) ? ticket : same ? null : c.ticket };
  });
  recent =
    delta.type === 'call' || delta.type === 'recall'
      ? [ticket, ...recent.filter((t) => t.number !== ticket.number)].slice(0, BOARD_RECENT_CALLS)
      : recent.map((t) => (t.number === ticket.number ? ticket : t));
  return { ...state, businessDate: ticket.businessDate, version: delta.version, counters, recent };
}

/**
 * The calls in `after` that `before` did not know: tickets still waiting to come to a counter (called, not yet
 * served) that were called after the newest call `before` had seen, oldest first. For a board back from an outage.
 *
 * @example
 * ```ts
 * for (const t of missedBoardCalls(lastShown, fresh)) speak(t);
 * ```
 */
export function missedBoardCalls(before: BoardSnapshot, after: BoardSnapshot): BoardTicket[] {
  if (after.businessDate !== before.businessDate) return [];
  const known = [...before.counters.map((c) => c.ticket), ...before.recent];
  const newest = Math.max(0, ...known.map((t) => t?.lastCalledAt ?? 0));
  return after.counters
    .map((c) => c.ticket)
    .filter((t): t is BoardTicket => t !== null && t.status === 'called' && (t.lastCalledAt ?? 0) > newest)
    .sort((a, b) => (a.lastCalledAt ?? 0) - (b.lastCalledAt ?? 0));
}
