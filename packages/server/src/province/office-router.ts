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
 * The offices a province instance routes to, by id and by host name (lower case): offices are added while the
 * instance runs (an office the province's IT centre added), and reached at once.
 *
 * @example
 * ```ts
 * const routes = new OfficeRoutes([{ id: 'xa-a', hosts: [], app: createApp({ db, office }) }]);
 * routes.add({ id: 'xa-b', hosts: ['xa-b.vinhlong.gov.vn'], app: createApp({ db, office: officeB }) }); // []
 * ```
 */
export class OfficeRoutes {
  readonly #byId = new Map<string, RoutedOffice>();
  readonly #byHost = new Map<string, RoutedOffice>();

  constructor(offices: readonly RoutedOffice[] = []) {
    for (const office of offices) this.add(office);
  }

  /**
   * Routes `/o/<id>/…` and the office's host names to it; answers the host names it did not take because another
   * office has them. Throws when an office with that id is routed already.
   */
  add(office: RoutedOffice): string[] {
    if (this.#byId.has(office.id)) throw new Error(`motcua-server: office ${office.id} is routed already`);
    this.#byId.set(office.id, office);
    const refused: string[] = [];
    for (const host of office.hosts.map((h) => h.toLowerCase())) {
      if (this.#byHost.has(host)) refused.push(host);
      else this.#byHost.set(host, office);
    }
    return refused;
  }

  /**
   * Stops routing the office `id` (at `/o/<id>/` and at its host names: a merged office, taken off the province's
   * list); `false` when it was not routed.
   */
  remove(id: string): boolean {
    const office = this.#byId.get(id);
    if (!office) return false;
    this.#byId.delete(id);
    for (const [host, routed] of this.#byHost) if (routed === office) this.#byHost.delete(host);
    return true;
  }

  /** The office at `/o/<id>/`, if routed. */
  byId(id: string): RoutedOffice | undefined {
    return this.#byId.get(id);
  }

  /** The office of a host name (any case, no port), if routed. */
  byHost(host: string): RoutedOffice | undefined {
    return this.#byHost.get(host.toLowerCase());
  }

  /** Whether a host name (any case) is routed to an office. */
  hasHost(host: string): boolean {
    return this.#byHost.has(host.toLowerCase());
  }
}

/** What else {@link officeRouter} may do. */
export interface OfficeRouterOptions {
  /**
   * Called when a request names an office id or a host name no routed office has, before it is answered 404: it may
   * find offices added since (in the database) and route them, and the request is routed again.
   */
  readonly onUnknown?: () => Promise<void>;
}

/**
 * Routes a province instance's requests to its offices: `/o/<office id>/…` reaches that office with the prefix
 * taken off (`/o/xa-a/api/queue/board` is office `xa-a`'s `/api/queue/board`), and `/api/…` on one of an office's
 * host names reaches it as it is. Other paths fall through to what the instance serves for everyone (the widgets'
 * files, the example pages). An API request for no office (after `onUnknown`) gets 404 `unknown-office`, naming both
 * ways in. Given {@link OfficeRoutes}, offices added to them later are routed too.
 *
 * @example
 * ```ts
 * root.route('/', officeRouter([{ id: 'xa-a', hosts: ['xa-a.vinhlong.gov.vn'], app: createApp({ db, office }) }]));
 * ```
 */
export function officeRouter(offices: readonly RoutedOffice[] | OfficeRoutes, options: OfficeRouterOptions = {}): Hono {
  const routes = offices instanceof OfficeRoutes ? offices : new OfficeRoutes(offices);
  /** The office `look` finds, looking again once `onUnknown` has run when it finds none. */
  const find = async (look: () => RoutedOffice | undefined): Promise<RoutedOffice | undefined> => {
    const found = look();
    if (found || !options.onUnknown) return found;
    await options.onUnknown();
    return look();
  };
  const unknown = (what: string) =>
    new ApiError(404, 'unknown-office', {
      vi: `Không có đơn vị nào ở ${what}: dùng /o/<mã đơn vị>/api/… hoặc tên miền của đơn vị`,
      en: `No office is served at ${what}: use /o/<office id>/api/… or the office's host name`,
    });
  const router = new Hono();
  router.onError((error, c) => errorResponse(error, c));
  router.all(`${OFFICE_PREFIX}:office/*`, async (c) => {
    const id = c.req.param('office');
    const office = await find(() => routes.byId(id));
    if (!office) throw unknown(`${OFFICE_PREFIX}${id}`);
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(`${OFFICE_PREFIX}${id}`.length) || '/';
    return office.app.fetch(new Request(url, c.req.raw), c.env);
  });
  router.all('/api/*', async (c) => {
    const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
    const office = host ? await find(() => routes.byHost(host)) : undefined;
    if (!office) throw unknown(host || 'this address');
    return office.app.fetch(c.req.raw, c.env);
  });
  return router;
}
