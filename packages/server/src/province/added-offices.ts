import type { LocalizedText } from '@motcua/core/text';
import type { ServedOffice } from '../config.js';
import type { Database, Queryable } from '../db/database.js';
import { schemaChannel } from '../http/events.js';
import { DEMO_OFFICE, type Office, parseOffice } from '../office/office.js';
import type { OfficeRoutes, RoutedOffice } from './office-router.js';
import { listProvinceOffices, OFFICES_CHANNEL } from './offices-store.js';

/**
 * How long after reading the province's list of offices for a request naming an unknown office id or host name an
 * instance answers the next such request 404 without reading it again: however many unknown ids a client sends,
 * they cost the database at most one read per this many milliseconds per instance.
 */
export const UNKNOWN_OFFICE_RECHECK_MS = 5_000;

/**
 * The office an office added at run time starts as, before its admin changes its queue in the administration: the
 * demo office's three services (civil status, land, certification) and three counters, without static tokens or
 * kiosks (every device is paired), the default rate limits, a public board.
 *
 * @example
 * ```ts
 * addedOffice('xa-tan-hoa', { vi: 'UBND xã Tân Hòa', en: 'Tan Hoa Commune' }).staticTokens; // []
 * ```
 */
export function addedOffice(id: string, name: LocalizedText): Office {
  return parseOffice({
    id,
    name,
    queue: {
      ...DEMO_OFFICE.queue,
      counters: DEMO_OFFICE.queue.counters.map(({ token: _token, ...counter }) => counter),
    },
  });
}

/**
 * A province's offices: the configuration's (`offices`), then those of the province's list in the database that
 * the configuration does not hold, as an instance starts them — what the province's figures count.
 *
 * @example
 * ```ts
 * const offices = await provinceOfficesOf(db, (config.offices ?? []).map((s) => s.office));
 * ```
 */
export async function provinceOfficesOf(db: Queryable, configured: readonly Office[]): Promise<Office[]> {
  const ids = new Set(configured.map((office) => office.id));
  const added = (await listProvinceOffices(db)).filter((row) => !ids.has(row.id));
  return [...configured, ...added.map((row) => addedOffice(row.id, row.name))];
}

/** What {@link watchProvinceOffices} needs. */
export interface ProvinceOfficesDeps {
  /** The whole database: the province's list is read from it, and its `NOTIFY` listened to. */
  readonly db: Database;
  /** The instance's routes, holding the configuration's offices; each office started here is added to them. */
  readonly routes: OfficeRoutes;
  /** The province's catalogue (the configuration's `catalogue`): an added office's until it publishes its own. */
  readonly catalogue: string | undefined;
  /** Starts an office on this instance (its app, its purge, its notification sender). */
  readonly start: (served: ServedOffice) => Promise<RoutedOffice>;
  /** Stops an office started here that left the list (its purge, its notification sender), once it is not routed. */
  readonly stop?: (id: string) => Promise<void>;
  /** Defaults to {@link UNKNOWN_OFFICE_RECHECK_MS}. */
  readonly recheckMs?: number;
}

/** The offices of the province's list, as an instance serves them. */
export interface ProvinceOffices {
  /** Listens for offices added, then starts those of the list not served yet; resolves once they are routed. */
  ready(): Promise<void>;
  /** The ids of the offices started from the list, in the order they started. */
  started(): readonly string[];
  /**
   * For a request naming an office no route has: reads the list again (unless it was read for such a request less
   * than `recheckMs` ago) and starts what it finds, before the request is routed again.
   */
  recheck(): Promise<void>;
  /** Stops listening and waits for an office still starting. */
  close(): Promise<void>;
}

/**
 * Serves the province's list of offices on a province instance: at start, every office of the list that the
 * configuration does not hold; then each office `motcua-server office add` adds, on its `NOTIFY`
 * ({@link OFFICES_CHANNEL}), without a restart; an office taken off the list (`office merge`) is no longer routed (404
 * `unknown-office`) and stopped. A notice missed (the listening connection was replaced) is made up
 * for by reading the list again on reconnection, and on a request for an unknown office (at most once per
 * `recheckMs`). An office of the list whose id the configuration holds, or a host name another office has, is left
 * out with a warning; one that fails to start is logged and tried again at the next reading.
 *
 * @example
 * ```ts
 * const added = watchProvinceOffices({ db, routes, catalogue: config.catalogue, start });
 * await added.ready();
 * root.route('/', officeRouter(routes, { onUnknown: () => added.recheck() }));
 * ```
 */
export function watchProvinceOffices(deps: ProvinceOfficesDeps): ProvinceOffices {
  const { db, routes } = deps;
  const recheckMs = deps.recheckMs ?? UNKNOWN_OFFICE_RECHECK_MS;
  const started: string[] = [];
  const warned = new Set<string>();
  let closed = false;
  let readied = false;
  let unlisten: (() => Promise<void>) | undefined;
  let lastRecheck = Number.NEGATIVE_INFINITY;
  const warnOnce = (key: string, line: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(line);
  };

  /** Stops each office started here that left the list (merged into another), then starts those not routed yet. */
  const sync = async (): Promise<void> => {
    const list = await listProvinceOffices(db);
    const listed = new Set(list.map((row) => row.id));
    for (const id of started.filter((id) => !listed.has(id))) {
      routes.remove(id);
      started.splice(started.indexOf(id), 1);
      try {
        await deps.stop?.(id);
      } catch (error) {
        console.error(`motcua-server: đơn vị "${id}" / office "${id}" not stopped: ${(error as Error).message}`);
      }
      console.log(`motcua-server: đã ngừng phục vụ đơn vị / office no longer served: /o/${id}/`);
    }
    for (const row of list) {
      if (closed) return;
      if (routes.byId(row.id)) {
        if (!started.includes(row.id)) {
          warnOnce(
            `id ${row.id}`,
            `motcua-server: đơn vị "${row.id}" có cả trong tệp cấu hình và trong cơ sở dữ liệu, dùng tệp cấu hình / office "${row.id}" is in both the configuration and the database: the configuration's is served`,
          );
        }
        continue;
      }
      try {
        const routed = await deps.start({
          office: addedOffice(row.id, row.name),
          catalogue: deps.catalogue,
          hosts: row.hosts,
        });
        for (const host of routes.add(routed)) {
          warnOnce(
            `host ${host}`,
            `motcua-server: tên miền "${host}" của đơn vị "${row.id}" đã thuộc một đơn vị khác / the host name "${host}" of office "${row.id}" belongs to another office: not routed to it`,
          );
        }
        started.push(row.id);
        // At start, the instance lists every office it serves once they all started.
        if (readied) console.log(`motcua-server: đã thêm đơn vị / office added: /o/${row.id}/ (${row.name.vi})`);
      } catch (error) {
        if (closed) return;
        console.error(
          `motcua-server: không khởi động được đơn vị "${row.id}" / office "${row.id}" not started (tried again later): ${(error as Error).message}`,
        );
      }
    }
  };

  // At most one reading runs and one waits: a notice arriving during a reading is read by the next one.
  let last: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    if (waiting) return waiting;
    const next = last.then(async () => {
      waiting = undefined;
      if (!closed) await sync();
    });
    waiting = next;
    last = next.catch((error: unknown) => {
      console.error(`motcua-server: danh sách đơn vị / the province's offices not read: ${(error as Error).message}`);
    });
    return next;
  };

  return {
    async ready() {
      // Listen first, then read: an office added in between is read, or announced.
      unlisten = await db.listen(
        await schemaChannel(db, OFFICES_CHANNEL),
        () => void refresh().catch(() => {}),
        () => void refresh().catch(() => {}),
      );
      await refresh();
      readied = true;
    },
    started: () => [...started],
    async recheck() {
      const now = performance.now();
      if (now - lastRecheck >= recheckMs) {
        lastRecheck = now;
        refresh().catch(() => {});
      }
      // Also when it is not read again: an office still starting (from a notice) is waited for.
      await last;
    },
    async close() {
      closed = true;
      await unlisten?.();
      await last;
    },
  };
}
