/**
 * Who may call each route of the API, declared in one place and checked by `access.test.ts`, which sends every route
 * a request as every kind of caller and expects 401/403 exactly where this table says no.
 *
 * - `anyone`: no credential (public pages, the board, a citizen's lookups and ratings — the dossier lookup needs the
 *   code and its PIN, a ticket its unguessable id, a rating its signed token or a counter device key);
 * - `kiosk`: a kiosk's bearer token;
 * - `counter`: any counter's bearer token;
 * - `this-counter`: the bearer token of the counter named in the path (`/api/queue/counters/{id}/…`);
 * - `board`: anyone while the office's board is public (the default); a paired board device's credential when the
 *   office makes it private;
 * - `admin`: a signed-in admin of the office.
 *
 * A kiosk's or a counter's credential is a static token of the configuration or a paired device's credential
 * (`/api/devices/pairings`); a device starts and collects its pairing with the claim secret it generated (`anyone`).
 *
 * The reports are public until staff sign-in gives them a leader role; the dossier receipt and steps are for any
 * counter of the office until officers have accounts (least privilege by officer comes with sign-in).
 */
export type RouteCaller = 'anyone' | 'kiosk' | 'counter' | 'this-counter' | 'board' | 'admin';

/**
 * Every route, `METHOD /path` as Hono registers it, and who may call it.
 *
 * @example
 * ```ts
 * ROUTE_ACCESS['POST /api/queue/tickets']; // 'kiosk'
 * ```
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteCaller>> = {
  'GET /api/health': 'anyone',
  'GET /api/calendar': 'anyone',
  'GET /api/catalogue': 'anyone',
  'GET /api/queue/services': 'anyone',
  'POST /api/queue/tickets': 'kiosk',
  'GET /api/queue/tickets/:id': 'anyone',
  'GET /api/queue/counters/:id/current': 'this-counter',
  'POST /api/queue/counters/:id/call-next': 'this-counter',
  'POST /api/queue/counters/:id/recall': 'this-counter',
  'POST /api/queue/counters/:id/start': 'this-counter',
  'POST /api/queue/counters/:id/skip': 'this-counter',
  'POST /api/queue/counters/:id/done': 'this-counter',
  'POST /api/queue/counters/:id/transfer': 'this-counter',
  'GET /api/queue/board': 'board',
  'GET /api/queue/events': 'board',
  'POST /api/ratings': 'anyone',
  'GET /api/reports/satisfaction': 'anyone',
  'POST /api/dossiers': 'counter',
  'GET /api/dossiers/:code/receipt': 'counter',
  'GET /api/dossiers/:code': 'anyone',
  'GET /api/reports/on-time': 'anyone',
  'GET /api/reports/due-date-changes': 'anyone',
  'GET /api/reports/queue': 'anyone',
  'POST /api/dossiers/:code/steps': 'counter',
  'POST /api/devices/pairings': 'anyone',
  'POST /api/devices/pairings/collect': 'anyone',
  'GET /api/devices/pairings': 'admin',
  'POST /api/devices/pairings/:code/approve': 'admin',
  'POST /api/devices/pairings/:code/reject': 'admin',
  'GET /api/devices': 'admin',
  'DELETE /api/devices/:id': 'admin',
};
