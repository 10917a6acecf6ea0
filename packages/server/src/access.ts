import type { StaffRole } from '@motcua/core/staff';

/**
 * Who may call each route of the API, declared in one place and checked by `access.test.ts`, which sends every route
 * a request as every kind of caller and expects 401/403 exactly where this table says no.
 *
 * - `anyone`: no credential (public pages, a citizen's lookups and ratings — the dossier lookup needs the code and its
 *   PIN, a ticket its unguessable id, a rating its signed token or, at a counter, that counter's bearer token);
 * - `kiosk`: a kiosk's bearer token;
 * - `counter`: any counter's bearer token, or an officer signed in to this office (naming its counter in the
 *   `Motcua-Counter` header);
 * - `this-counter`: the bearer token of the counter named in the path (`/api/queue/counters/{id}/…`), or an officer
 *   signed in to this office (who works at the counter their console chose);
 * - `board`: anyone while the office's board is public (the default); a paired board device's credential when the
 *   office makes it private (the board, its event stream, and a ticket followed by its number, which the board shows);
 * - `officer`: an officer signed in to this office ({@link DOSSIER_OFFICERS}), by name — never a bearer token alone.
 *   The steps of a dossier (`POST /api/dossiers/{code}/steps`: every step changes what the dossier legally is — its
 *   status, its due date, its pause, or its end: withdrawn, stopped, resolved, returned) and a dossier's receipt slip
 *   read again later (`GET /api/dossiers/{code}/receipt`: the applicant's name, address and contact); an officer's
 *   desk reads the office's open dossiers (`GET /api/dossiers`) and a dossier's next steps
 *   (`GET /api/dossiers/{code}/steps`) on the same terms. A counter's
 *   static token or a paired tablet's credential names no one, so the step could not say who withdrew the dossier:
 *   with one and no officer's session the answer is 403 `officer-needed`. The counter console needs neither route:
 *   it receives a dossier with its counter credential (`POST /api/dossiers`, `counter`) and prints the slip from that
 *   answer, and a retry with the same `Idempotency-Key` answers the same slip again — so a tablet is never given
 *   every dossier's slip to print the one it just received;
 * - `signed-in`: anyone signed in to this office, whatever their roles;
 * - `leader`: a signed-in leader or admin of this office ({@link REPORT_READERS}): the reports;
 * - `admin`: a signed-in admin of this office: users, devices, the audit trail, the notifications' dead letters and
 *   the office administration (`/api/admin/…`: settings, calendar, catalogue).
 *
 * A kiosk's or a counter's bearer token is a static token of the configuration or a paired device's credential
 * (`/api/devices/pairings`); a device starts and collects its pairing with the claim secret it generated (`anyone`).
 *
 * A session of another office counts as none. Roles imply nothing else: an admin who works a counter holds `officer`
 * too.
 */
export type RouteCaller =
  | 'anyone'
  | 'kiosk'
  | 'counter'
  | 'this-counter'
  | 'board'
  | 'officer'
  | 'signed-in'
  | 'leader'
  | 'admin';

/**
 * The roles that may call an `officer` route: record a dossier's steps (withdrawal included) and read its receipt
 * slip again. The `officer` role alone: an admin manages accounts, devices and settings, and one who also processes
 * dossiers holds `officer` too (roles imply nothing else).
 *
 * @example
 * ```ts
 * DOSSIER_OFFICERS.includes('admin'); // false
 * ```
 */
export const DOSSIER_OFFICERS: readonly StaffRole[] = ['officer'];

/**
 * The roles that may read the reports (`/api/reports/*`): per-counter and per-officer figures from few ratings are
 * for the office's leaders, not the public.
 *
 * @example
 * ```ts
 * REPORT_READERS.includes('officer'); // false
 * ```
 */
export const REPORT_READERS: readonly StaffRole[] = ['leader', 'admin'];

/**
 * The roles that may call an `admin` route.
 *
 * @example
 * ```ts
 * ADMINS; // ['admin']
 * ```
 */
export const ADMINS: readonly StaffRole[] = ['admin'];

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
  'PUT /api/queue/tickets/:id/push-subscription': 'anyone',
  'GET /api/queue/counters/:id/current': 'this-counter',
  'POST /api/queue/counters/:id/call-next': 'this-counter',
  'POST /api/queue/counters/:id/recall': 'this-counter',
  'POST /api/queue/counters/:id/start': 'this-counter',
  'POST /api/queue/counters/:id/skip': 'this-counter',
  'POST /api/queue/counters/:id/done': 'this-counter',
  'POST /api/queue/counters/:id/transfer': 'this-counter',
  'GET /api/queue/counters/:id/desk': 'this-counter',
  'POST /api/queue/counters/:id/pause': 'this-counter',
  'POST /api/queue/counters/:id/call': 'this-counter',
  'POST /api/queue/counters/:id/readmit': 'this-counter',
  'GET /api/queue/board': 'board',
  'GET /api/queue/numbers/:number': 'board',
  'GET /api/queue/events': 'board',
  'POST /api/ratings': 'anyone',
  'GET /api/reports/satisfaction': 'leader',
  'POST /api/dossiers': 'counter',
  'GET /api/dossiers/:code/receipt': 'officer',
  'GET /api/dossiers/:code': 'anyone',
  'GET /api/reports/on-time': 'leader',
  'GET /api/reports/scorecard': 'leader',
  'GET /api/reports/due-date-changes': 'leader',
  'GET /api/reports/early-warning': 'leader',
  'GET /api/reports/queue': 'leader',
  'POST /api/dossiers/:code/steps': 'officer',
  'GET /api/dossiers': 'officer',
  'GET /api/dossiers/:code/steps': 'officer',
  'POST /api/session': 'anyone',
  'GET /api/session': 'signed-in',
  'DELETE /api/session': 'anyone',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'POST /api/users/:id/password': 'admin',
  'GET /api/audit': 'admin',
  'POST /api/devices/pairings': 'anyone',
  'POST /api/devices/pairings/collect': 'anyone',
  'GET /api/devices/pairings': 'admin',
  'POST /api/devices/pairings/:code/approve': 'admin',
  'POST /api/devices/pairings/:code/reject': 'admin',
  'GET /api/devices': 'admin',
  'DELETE /api/devices/:id': 'admin',
  'GET /api/notifications/dead-letters': 'admin',
  'POST /api/notifications/dead-letters/:id/replay': 'admin',
  'GET /api/notifications/web-push': 'anyone',
  'POST /api/notifications/web-push/renewal': 'anyone',
  'PUT /api/dossiers/:code/push-subscription': 'anyone',
  'GET /api/dossiers/:code/unsubscribe': 'anyone',
  'POST /api/dossiers/:code/unsubscribe': 'anyone',
  'GET /api/admin/settings': 'admin',
  'GET /api/admin/settings/versions': 'admin',
  'GET /api/admin/settings/versions/:version': 'admin',
  'PUT /api/admin/settings/no-appointment': 'admin',
  'PUT /api/admin/settings/calendar': 'admin',
  'PUT /api/admin/settings/queue': 'admin',
  'PUT /api/admin/settings/rating': 'admin',
  'PUT /api/admin/settings/scorecard': 'admin',
  'POST /api/admin/settings/calendar/preview': 'admin',
  'POST /api/admin/settings/rollback': 'admin',
  'POST /api/admin/catalogue/check': 'admin',
  'POST /api/admin/catalogue/publish': 'admin',
  'POST /api/admin/catalogue/rollback': 'admin',
  'GET /api/admin/catalogue/versions': 'admin',
};
