import { isJsonObject } from '../text/json-object.js';
import type { BoardCounter, BoardDelta, BoardServiceLine, BoardSnapshot, BoardTicket } from './board.js';

// A screen's checks of what the board's stream sends (kept apart from building and applying, so that a page that
// only reads the board downloads only this).

const isBoardTicket = (value: unknown): value is BoardTicket =>
  isJsonObject(value) && typeof value.number === 'string' && typeof value.businessDate === 'string';

/**
 * A snapshot's JSON as a {@link BoardSnapshot}, or undefined when it is not one; counters and calls that are not
 * well formed are left out.
 *
 * @example
 * ```ts
 * const board = readBoardSnapshot(await (await fetch('/api/queue/board')).json());
 * ```
 */
export function readBoardSnapshot(value: unknown): BoardSnapshot | undefined {
  if (!isJsonObject(value) || typeof value.version !== 'number' || typeof value.businessDate !== 'string')
    return undefined;
  if (!Array.isArray(value.counters) || !Array.isArray(value.recent)) return undefined;
  const counters = value.counters.filter(
    (c): c is BoardCounter => isJsonObject(c) && typeof c.id === 'string' && typeof c.label === 'string',
  );
  const services = Array.isArray(value.services)
    ? value.services.filter(
        (s): s is BoardServiceLine => isJsonObject(s) && typeof s.id === 'string' && isJsonObject(s.name),
      )
    : undefined;
  return {
    ...(isJsonObject(value.office) && isJsonObject(value.office.name) && typeof value.office.name.vi === 'string'
      ? { office: value.office as unknown as NonNullable<BoardSnapshot['office']> }
      : {}),
    businessDate: value.businessDate,
    version: value.version,
    counters: counters.map((c) => ({ id: c.id, label: c.label, ticket: isBoardTicket(c.ticket) ? c.ticket : null })),
    recent: value.recent.filter(isBoardTicket),
    ...(services ? { services } : {}),
  };
}

/**
 * A `ticket` event's JSON as a {@link BoardDelta}, or undefined when it is not one.
 *
 * @example
 * ```ts
 * source.addEventListener('ticket', (e) => { const delta = readBoardDelta(JSON.parse(e.data)); });
 * ```
 */
export function readBoardDelta(value: unknown): BoardDelta | undefined {
  if (!isJsonObject(value) || typeof value.version !== 'number' || typeof value.type !== 'string') return undefined;
  return {
    version: value.version,
    type: value.type,
    at: typeof value.at === 'number' ? value.at : 0,
    ...(typeof value.counter === 'string' ? { counter: value.counter } : {}),
    ticket: isBoardTicket(value.ticket) ? value.ticket : null,
  };
}
