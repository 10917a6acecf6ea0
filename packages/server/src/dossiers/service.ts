import { vietnamCalendar } from '@motcua/core/calendar';
import type { Catalogue } from '@motcua/core/catalogue';
import type { DossierClockOptions, DossierCodeFormat } from '@motcua/core/deadline';
import type { ScorecardSetting } from '@motcua/core/staff';
import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import { type Backoff, backoff } from '../http/backoff.js';
import { clientAddress } from '../http/client-address.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { Office } from '../office/office.js';
import { seedDemoDossier } from './demo.js';
import { DEFAULT_LOOKUP_LIMITS, type DossierLookupLimits } from './lookup-limits.js';

/** What the dossier routes need. */
export interface DossierRoutesDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  readonly limiter: RateLimiter;
  /** The commune's catalogue (the procedures a dossier can be received for). */
  readonly catalogue: () => Promise<Catalogue | undefined>;
  /** Due-date conventions (calendar, office hours…); default: `vietnamCalendar()` and core's defaults. */
  readonly clock?: DossierClockOptions;
  /** The due-date conventions in force at each call (the office's live settings); `clock` when not given. */
  readonly clockOf?: () => DossierClockOptions;
  /** The dossier-code pattern (default Circular 01/2018 art. 19). */
  readonly codeFormat?: DossierCodeFormat;
  readonly lookupLimits?: Partial<DossierLookupLimits>;
  /** The client a lookup comes from, for its rate limit; default: the socket's remote address ({@link clientAddress}). */
  readonly clientOf?: (c: Context) => string;
  /** A lookup address for the receipt slip's QR code, with `{code}` in it. */
  readonly lookupUrl?: string;
  /** The secret rating tokens are signed with: a finished dossier's lookup then includes its rating token. */
  readonly secret?: string | undefined;
  /** The Decision 766 points split in force (the office's live settings); none when not given. */
  readonly scorecardOf?: () => ScorecardSetting | undefined;
  /** Dossiers the on-time report reads per query (default 500). */
  readonly reportPageSize?: number;
}

/** The dossier API's dependencies with their defaults applied, shared by the handlers. */
export interface DossierService {
  readonly deps: DossierRoutesDeps;
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  /** Due-date conventions: `deps.clock`, else `vietnamCalendar()` and core's defaults. */
  readonly clock: DossierClockOptions;
  readonly limits: DossierLookupLimits;
  readonly clientOf: (c: Context) => string;
  readonly failures: Backoff;
  /** Resolves once the demo office's demo dossier is stored (at once for any other office). */
  ready(): Promise<void>;
}

/**
 * The dossier API's shared state: defaults applied, the lookup back-off store, and the demo dossier seeded on first
 * use for the demo office (the example site's lookup page shows its code and PIN).
 *
 * @example
 * ```ts
 * const service = createDossierService({ db, office, now: Date.now, limiter, catalogue: async () => catalogue });
 * await service.ready();
 * ```
 */
export function createDossierService(deps: DossierRoutesDeps): DossierService {
  const { db, office } = deps;
  const clock: DossierClockOptions = deps.clock ?? { calendar: vietnamCalendar() };
  const limits = { ...DEFAULT_LOOKUP_LIMITS, ...deps.lookupLimits };
  let seeding: Promise<void> | undefined;
  return {
    deps,
    db,
    office,
    now: deps.now,
    get clock() {
      return deps.clockOf?.() ?? clock;
    },
    limits,
    clientOf: deps.clientOf ?? clientAddress(),
    failures: backoff(db, limits, office.id),
    async ready() {
      if (!office.demo) return;
      seeding ??= seedDemoDossier(db, office.id, deps.clockOf?.() ?? clock).catch((error: unknown) => {
        seeding = undefined;
        throw error;
      });
      await seeding;
    },
  };
}
