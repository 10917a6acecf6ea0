import { Hono } from 'hono';
import { ApiError, errorResponse } from '../http/errors.js';

/** An office a province instance serves: its id, its host names and its app (`createApp`). */
export interface RoutedOffice {
  readonly id: string;
  readonly hosts: readonly string[];
  readonly app: Pick<Hono, 'fetch'>;
}

/** The path prefix of an office's API, `/o/<office id>`. */
export const OFFICE_PREFIX = '/o/';

/**
 * Routes a province instance's requests to its offices: `/o/<office id>/…` reaches that office with the prefix
 * taken off (`/o/xa-a/api/queue/board` is office `xa-a`'s `/api/queue/board`), and `/api/…` on one of an office's
 * host names reaches it as it is. Other paths fall through to what the instance serves for everyone (the widgets'
 * files, the example pages). An API request for no office gets 404 `unknown-office`, naming both ways in.
 *
 * @example
 * ```ts
 * root.route('/', officeRouter([{ id: 'xa-a', hosts: ['xa-a.vinhlong.gov.vn'], app: createApp({ db, office }) }]));
 * ```
 */
export function officeRouter(offices: readonly RoutedOffice[]): Hono {
  const byId = new Map(offices.map((o) => [o.id, o]));
  const byHost = new Map(offices.flatMap((o) => o.hosts.map((host) => [host.toLowerCase(), o] as const)));
  const unknown = (what: string) =>
    new ApiError(404, 'unknown-office', {
      vi: `Không có đơn vị nào ở ${what}: dùng /o/<mã đơn vị>/api/… hoặc tên miền của đơn vị`,
      en: `No office is served at ${what}: use /o/<office id>/api/… or the office's host name`,
    });
  const router = new Hono();
  router.onError((error, c) => errorResponse(error, c));
  router.all(`${OFFICE_PREFIX}:office/*`, (c) => {
    const id = c.req.param('office');
    const office = byId.get(id);
    if (!office) throw unknown(`${OFFICE_PREFIX}${id}`);
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(`${OFFICE_PREFIX}${id}`.length) || '/';
    return office.app.fetch(new Request(url, c.req.raw), c.env);
  });
  router.all('/api/*', (c) => {
    const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
    const office = byHost.get(host);
    if (!office) throw unknown(host || 'this address');
    return office.app.fetch(c.req.raw, c.env);
  });
  return router;
}
