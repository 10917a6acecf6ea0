import { type CalendarOverlay, vietnamCalendar, type WorkingDayCalendar } from '@motcua/core/calendar';
import { type Catalogue, canonicalJson } from '@motcua/core/catalogue';
import type { DossierClockOptions } from '@motcua/core/deadline';
import { parseQueueConfig, type QueueConfig, type ResolvedQueueConfig } from '@motcua/core/queue';
import type { OfficeSettings, OfficeSettingsVersion, RatingSetting } from '@motcua/core/staff';
import type { Database } from '../db/database.js';
import { createNotificationHub } from '../http/events.js';
import type { Office } from '../office/office.js';
import { DEFAULT_RATING_INSTRUMENT } from '../ratings/inputs.js';
import {
  insertSettingsVersion,
  latestCatalogue,
  latestSettings,
  SETTINGS_CHANNEL,
  type SettingsNotification,
  StaleVersionError,
  type StoredCatalogue,
} from './store.js';

/** The rating instruments of an office that never chose: the one-stop 3-level rating for both. */
export const DEFAULT_RATING_SETTING: RatingSetting = {
  counter: DEFAULT_RATING_INSTRUMENT,
  qr: DEFAULT_RATING_INSTRUMENT,
};

/** The office's settings in force, compiled once per version for every request that needs them. */
export interface OfficeState {
  /** The version in force; `0` before the database was read (the configuration's settings). */
  readonly version: number;
  readonly saved: OfficeSettingsVersion | undefined;
  readonly settings: OfficeSettings;
  /** The national calendar with the overlays, for due dates and the queue's issuing hours. */
  readonly calendar: WorkingDayCalendar;
  /** Due-date conventions: the calendar and the no-appointment day. */
  readonly clock: DossierClockOptions;
  readonly queueConfig: QueueConfig;
  readonly queue: ResolvedQueueConfig;
  /** Where each overlay came from while the configuration's settings are in force (a file path or `inline`). */
  readonly overlaySources: readonly string[];
}

/** Where the settings in force come from, as the server states it at start. */
export interface SettingsSource {
  readonly source: 'database' | 'configuration';
  readonly version: number;
  /** True when the configuration file differs from the database's settings (which win). */
  readonly fileDiffers: boolean;
}

/**
 * What the server says at start about the office's settings: where they come from, and when the configuration file
 * differs from the database's settings that win.
 *
 * @example
 * ```ts
 * for (const line of settingsSourceLines(await live.ready())) console.log(line);
 * ```
 */
export function settingsSourceLines(source: SettingsSource): string[] {
  if (source.source === 'configuration') {
    return [
      `motcua-server: cài đặt văn phòng lấy từ tệp cấu hình (phiên bản ${source.version}) / office settings from the configuration file (version ${source.version})`,
    ];
  }
  const lines = [
    `motcua-server: cài đặt văn phòng lấy từ cơ sở dữ liệu (phiên bản ${source.version}, do quản trị viên lưu), không phải tệp cấu hình / office settings from the database (version ${source.version}, saved by an admin), not the configuration file`,
  ];
  if (source.fileDiffers) {
    lines.push(
      'motcua-server: tệp cấu hình khác với cài đặt trong cơ sở dữ liệu (hàng đợi hoặc lịch) và không được áp dụng; sửa trong trang quản trị văn phòng, hoặc áp dụng một tệp cài đặt bằng `motcua-server settings import TỆP` (xuất cài đặt hiện hành bằng `motcua-server settings export`) / the configuration file differs from the settings in the database (queue or calendar) and is not applied; change them in the office administration, or apply a settings file with `motcua-server settings import FILE` (export the settings in force with `motcua-server settings export`)',
    );
  }
  return lines;
}

/** The office's settings and catalogue in force on this instance, kept current by NOTIFY from every instance. */
export interface LiveSettings {
  current(): OfficeState;
  /** The published catalogue from the database, if any was published (it then wins over the file). */
  publishedCatalogue(): StoredCatalogue | undefined;
  /** Resolves once the database was read (bootstrapping it from the configuration when empty) and is listened to. */
  ready(): Promise<SettingsSource>;
  /** Puts a version saved by this instance in force at once (the NOTIFY reaches the other instances). */
  apply(saved: OfficeSettingsVersion): void;
  applyCatalogue(stored: StoredCatalogue): void;
  /** Stops listening for other instances' saves (frees the LISTEN connection); `ready()` listens again. */
  close(): void;
  /** Calls `listener` each time a newer version is put in force (saved here or on another instance). */
  onChange(listener: (state: OfficeState) => void): () => void;
  /** The configuration's settings: what a new office starts from. */
  readonly bootstrap: OfficeSettings;
}

/**
 * Compiles settings: the calendar from its overlays, the due-date clock with the no-appointment day, the queue.
 *
 * @example
 * ```ts
 * officeStateOf(settings, undefined, []).clock.noAppointment?.weekdays; // [3]
 * ```
 */
export function officeStateOf(
  settings: OfficeSettings,
  saved: OfficeSettingsVersion | undefined,
  overlaySources: readonly string[],
): OfficeState {
  const calendar = vietnamCalendar({ overlays: settings.calendarOverlays as CalendarOverlay[] });
  const clock: DossierClockOptions = settings.noAppointment
    ? { calendar, noAppointment: settings.noAppointment }
    : { calendar };
  return {
    version: saved?.version ?? 0,
    saved,
    settings,
    calendar,
    clock,
    queueConfig: settings.queue,
    queue: parseQueueConfig(settings.queue),
    overlaySources,
  };
}

/**
 * The settings an office starts from before any is saved: the configuration's queue and calendar overlays, no
 * no-appointment day, the default rating instruments.
 *
 * @example
 * ```ts
 * bootstrapSettings(office, config.calendarOverlays ?? []).noAppointment; // null
 * ```
 */
export function bootstrapSettings(
  office: Office,
  calendarOverlays: readonly { readonly overlay: CalendarOverlay }[],
): OfficeSettings {
  return {
    noAppointment: null,
    calendarOverlays: calendarOverlays.map((o) => o.overlay),
    queue: office.queueConfig,
    rating: DEFAULT_RATING_SETTING,
  };
}

/** What {@link createLiveSettings} needs. */
export interface LiveSettingsDeps {
  readonly db: Database;
  /** The office as configured: its queue is the configuration's. */
  readonly office: Office;
  readonly now: () => number;
  /** The configuration's calendar overlays, with where each came from. */
  readonly calendarOverlays: readonly { readonly source: string; readonly overlay: CalendarOverlay }[];
}

/**
 * The office's live settings. The configuration file bootstraps a new office (version 1, by `configuration`); while
 * no admin has changed anything, a changed file adds a new bootstrap version at start; once an admin has saved a
 * version, the database's settings win and a file that differs is reported. Every saved version is announced with
 * NOTIFY and read again by every instance, so a change counts at once everywhere, without a restart.
 *
 * @example
 * ```ts
 * const live = createLiveSettings({ db, office, now: Date.now, calendarOverlays: [] });
 * await live.ready();
 * live.current().clock.noAppointment;
 * ```
 */
export function createLiveSettings(deps: LiveSettingsDeps): LiveSettings {
  const { db, office } = deps;
  const bootstrap = bootstrapSettings(office, deps.calendarOverlays);
  const fileSources = deps.calendarOverlays.map((o) => o.source);
  let state = officeStateOf(bootstrap, undefined, fileSources);
  let catalogue: StoredCatalogue | undefined;
  let readying: Promise<SettingsSource> | undefined;
  const changeListeners = new Set<(state: OfficeState) => void>();

  const use = (saved: OfficeSettingsVersion): void => {
    if (saved.version <= state.version) return;
    const sources = saved.change === 'bootstrap' ? fileSources : saved.settings.calendarOverlays.map(() => 'inline');
    state = officeStateOf(saved.settings, saved, sources);
    for (const listener of [...changeListeners]) listener(state);
  };
  const useCatalogue = (stored: StoredCatalogue | undefined): void => {
    if (stored && stored.version > (catalogue?.version ?? 0)) catalogue = stored;
  };
  const reload = async (): Promise<void> => {
    const [saved, published] = await Promise.all([latestSettings(db, office.id), latestCatalogue(db, office.id)]);
    if (saved) use(saved);
    useCatalogue(published);
  };

  let unsubscribe: (() => void) | undefined;
  async function start(): Promise<SettingsSource> {
    const hub = createNotificationHub<SettingsNotification>(db, SETTINGS_CHANNEL);
    // Listen first, then read: a version saved in between is read, or announced.
    unsubscribe = await hub.subscribe(
      office.id,
      () => void reload().catch(() => {}),
      () => void reload().catch(() => {}),
    );
    let latest = await latestSettings(db, office.id);
    const same = latest !== undefined && canonicalJson(latest.settings) === canonicalJson(bootstrap);
    if (!latest || (latest.change === 'bootstrap' && !same)) {
      try {
        latest = await db.transaction((tx) =>
          insertSettingsVersion(tx, office.id, latest?.version ?? 0, {
            settings: bootstrap,
            change: 'bootstrap',
            at: deps.now(),
            by: { kind: 'configuration' },
          }),
        );
      } catch (error) {
        // Another instance started at the same moment and wrote first: take what it wrote.
        if (!(error instanceof StaleVersionError)) throw error;
        latest = await latestSettings(db, office.id);
      }
    }
    if (latest) use(latest);
    useCatalogue(await latestCatalogue(db, office.id));
    const fromDatabase = latest !== undefined && latest.change !== 'bootstrap';
    return {
      source: fromDatabase ? 'database' : 'configuration',
      version: state.version,
      fileDiffers: fromDatabase && canonicalJson(state.settings) !== canonicalJson(bootstrap),
    };
  }

  return {
    bootstrap,
    current: () => state,
    publishedCatalogue: () => catalogue,
    ready() {
      readying ??= start().catch((error: unknown) => {
        readying = undefined;
        throw error;
      });
      return readying;
    },
    apply: use,
    applyCatalogue: useCatalogue,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    close() {
      unsubscribe?.();
      unsubscribe = undefined;
      readying = undefined;
    },
  };
}

/**
 * The office whose queue is the live settings' queue: every reader of `office.queue` or `office.queueConfig` sees
 * the version in force; tokens, kiosks and rate limits stay the configuration's.
 *
 * @example
 * ```ts
 * const office = liveOffice(configured, live);
 * office.queue.services.size; // as the admin last saved it
 * ```
 */
export function liveOffice(base: Office, live: LiveSettings): Office {
  return Object.create(base, {
    queueConfig: { get: () => live.current().queueConfig, enumerable: true },
    queue: { get: () => live.current().queue, enumerable: true },
  }) as Office;
}

/**
 * The published catalogue (the database's, else the file's).
 *
 * @example
 * ```ts
 * const catalogue = liveCatalogue(live, catalogueFromFile(path));
 * ```
 */
export function liveCatalogue(
  live: LiveSettings,
  file: () => Promise<Catalogue | undefined>,
): () => Promise<Catalogue | undefined> {
  return async () => live.publishedCatalogue()?.catalogue ?? (await file());
}
