import { type Catalogue, canonicalJson } from '@motcua/core/catalogue';
import { checkOfficeSettings, type OfficeSettings, type OfficeSettingsVersion } from '@motcua/core/staff';
import { formatPath, isJsonObject, MotcuaError, type Problem, problem } from '@motcua/core/text';
import type { LoadedCalendarOverlay } from '../config.js';
import type { Database } from '../db/database.js';
import type { Office } from '../office/office.js';
import { recordAudit } from '../staff/audit-store.js';
import { createLiveSettings, type SettingsSource } from './live-settings.js';
import { insertSettingsVersion, latestCatalogue, latestSettings, StaleVersionError } from './store.js';

// The office's settings as a file: exported from the version in force, imported as a new version. The file holds
// `{ version, savedAt, settings }` with `settings` in core's `OfficeSettings` shape (the configuration file holds only
// the queue and the calendar overlays, not the no-appointment day nor the rating instruments).

/** The operator at the server's console, as the versions and the audit trail name them. */
export const SETTINGS_CONSOLE = {
  kind: 'configuration',
  name: 'motcua-server settings import (dòng lệnh / command line)',
} as const;

/** The audit trail's actor for an import from the console. */
const CONSOLE_ACTOR = { kind: 'anonymous', name: SETTINGS_CONSOLE.name } as const;

/** What the settings file holds: the version it was exported from, when that was saved, and the settings. */
export interface SettingsFile {
  /** The version exported (`0`: the configuration's settings, never saved in the database). */
  readonly version: number;
  readonly savedAt?: string;
  readonly settings: OfficeSettings;
}

/** What the `settings` command needs. */
export interface SettingsFileDeps {
  readonly db: Database;
  readonly office: Office;
  readonly now: () => number;
  /** The configuration's calendar overlays (what a new office starts from, with the office's queue). */
  readonly calendarOverlays: readonly LoadedCalendarOverlay[];
  /** The catalogue file of the configuration, used for the no-appointment day's procedures when none is published. */
  readonly fileCatalogue?: () => Promise<Catalogue | undefined>;
}

/**
 * The office's settings in force as a file: the newest version in the database, or the configuration's settings
 * (version 0) when the database holds none.
 *
 * @example
 * ```ts
 * const file = await exportSettings({ db, office, now: Date.now, calendarOverlays: [] });
 * writeFileSync('cai-dat.json', `${JSON.stringify(file, null, 2)}\n`);
 * ```
 */
export async function exportSettings(deps: SettingsFileDeps): Promise<SettingsFile> {
  const latest = await latestSettings(deps.db, deps.office.id);
  if (latest) return { version: latest.version, savedAt: latest.savedAt, settings: latest.settings };
  return { version: 0, settings: bootstrapOf(deps) };
}

function bootstrapOf(deps: SettingsFileDeps): OfficeSettings {
  return createLiveSettings(deps).bootstrap;
}

const SECTIONS = ['noAppointment', 'calendarOverlays', 'queue', 'rating'] as const;

/**
 * The settings a file holds (an exported `{ version, savedAt, settings }`, or the settings alone), checked with
 * core's `checkOfficeSettings` as the admin API checks them (the no-appointment day's procedures against the
 * published catalogue); throws a `MotcuaError` with every problem at its path otherwise.
 *
 * @example
 * ```ts
 * const settings = await checkSettingsFile(deps, JSON.parse(readFileSync('cai-dat.json', 'utf8')));
 * ```
 */
export async function checkSettingsFile(deps: SettingsFileDeps, json: unknown): Promise<OfficeSettings> {
  const wrapped = isJsonObject(json) && 'settings' in json;
  const settings = wrapped ? json.settings : json;
  const at = wrapped ? ['settings'] : [];
  if (!isJsonObject(settings)) {
    throw new MotcuaError([
      problem(at, 'invalid-settings', {
        vi: 'Tệp cài đặt phải chứa một đối tượng { noAppointment, calendarOverlays, queue, rating }',
        en: 'The settings file must hold an object { noAppointment, calendarOverlays, queue, rating }',
      }),
    ]);
  }
  const missing: Problem[] = SECTIONS.filter((key) => !(key in settings)).map((key) =>
    problem([...at, key], 'missing-section', {
      vi: `Thiếu phần "${key}" của cài đặt`,
      en: `The settings' "${key}" section is missing`,
    }),
  );
  if (missing.length > 0) throw new MotcuaError(missing);
  const published = (await latestCatalogue(deps.db, deps.office.id))?.catalogue ?? (await deps.fileCatalogue?.());
  const procedureCodes = published && new Set(published.procedures.map((p) => p.code));
  try {
    return checkOfficeSettings(settings as unknown as OfficeSettings, procedureCodes ? { procedureCodes } : {});
  } catch (error) {
    if (!(error instanceof MotcuaError) || !wrapped) throw error;
    throw new MotcuaError(error.problems.map((p) => ({ ...p, path: ['settings', ...p.path] })));
  }
}

/** A save refused because another version was saved after the one the file expected. */
export class StaleSettingsFileError extends Error {
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(
      `Phiên bản ${expected} không còn là phiên bản mới nhất (hiện là ${current}); không lưu gì / version ${expected} is no longer the newest (it is ${current}); nothing was saved`,
    );
    this.name = 'StaleSettingsFileError';
  }
}

/**
 * Saves checked settings as a new version (change `import`, saved by the console) after `expectedVersion` (default:
 * the newest), with its audit line, announced with NOTIFY so that running instances put it in force at once; throws
 * {@link StaleSettingsFileError} when another version was saved since.
 *
 * @example
 * ```ts
 * const saved = await importSettings(deps, await checkSettingsFile(deps, json), { expectedVersion: 4 });
 * saved.version; // 5
 * ```
 */
export async function importSettings(
  deps: SettingsFileDeps,
  settings: OfficeSettings,
  options: { readonly expectedVersion?: number } = {},
): Promise<OfficeSettingsVersion> {
  const expected = options.expectedVersion ?? (await latestSettings(deps.db, deps.office.id))?.version ?? 0;
  try {
    return await deps.db.transaction(async (tx) => {
      const at = deps.now();
      const saved = await insertSettingsVersion(tx, deps.office.id, expected, {
        settings,
        change: 'import',
        at,
        by: SETTINGS_CONSOLE,
      });
      await recordAudit(tx, {
        office: deps.office.id,
        at,
        actor: CONSOLE_ACTOR,
        action: 'settings.import',
        object: `settings:${saved.version}`,
      });
      return saved;
    });
  } catch (error) {
    if (error instanceof StaleVersionError) throw new StaleSettingsFileError(expected, error.current);
    throw error;
  }
}

/**
 * The settings' source as the server states it at start, without writing anything: the database's newest version
 * (an admin's or an import) or the configuration's, and whether the configuration differs from the database's.
 *
 * @example
 * ```ts
 * for (const line of settingsSourceLines(await settingsStatus(deps))) console.log(line);
 * ```
 */
export async function settingsStatus(deps: SettingsFileDeps): Promise<SettingsSource> {
  const latest = await latestSettings(deps.db, deps.office.id);
  if (!latest || latest.change === 'bootstrap') {
    return { source: 'configuration', version: latest?.version ?? 0, fileDiffers: false };
  }
  return {
    source: 'database',
    version: latest.version,
    fileDiffers: canonicalJson(latest.settings) !== canonicalJson(bootstrapOf(deps)),
  };
}

/**
 * Every problem of a settings file, one line each: its path, then the Vietnamese and English text.
 *
 * @example
 * ```ts
 * settingsProblemLines(error.problems); // ['$.settings.queue.counters[0].services[1]: … / …']
 * ```
 */
export function settingsProblemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${formatPath(p.path)}: ${p.message.vi} / ${p.message.en}`);
}
