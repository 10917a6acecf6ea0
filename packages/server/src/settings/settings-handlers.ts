import { civilDateOf } from '@motcua/core/calendar';
import {
  type CalendarPreview,
  checkOfficeSettings,
  type OfficeSettings,
  type OfficeSettingsSection,
  workingDayChanges,
} from '@motcua/core/staff';
import { MotcuaError } from '@motcua/core/text';
import type { Context } from 'hono';
import { dueDateChanges } from '../dossiers/due-date-changes.js';
import { vietnamIso } from '../dossiers/vietnam-iso.js';
import { checkInput, readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import type { SettingsDeps } from './deps.js';
import { previewBody, rollbackBody, sectionChangeBody, versionParam } from './inputs.js';
import { officeStateOf } from './live-settings.js';
import { adminAuthor, saveSettings } from './save.js';
import { settingsVersion, settingsVersions } from './store.js';

/** The key of each section in {@link OfficeSettings}. */
const SECTION_KEYS: Readonly<Record<OfficeSettingsSection, keyof OfficeSettings>> = {
  'no-appointment': 'noAppointment',
  calendar: 'calendarOverlays',
  queue: 'queue',
  rating: 'rating',
  scorecard: 'scorecard',
};

/** The most versions a list answers. */
const VERSIONS_LISTED = 100;

/**
 * Checks settings with core, reporting a section's problems under the request body's `value` (where the admin wrote
 * them) instead of the settings' key.
 */
function checked(settings: OfficeSettings, key: keyof OfficeSettings | undefined, codes?: ReadonlySet<string>) {
  try {
    return checkOfficeSettings(settings, codes ? { procedureCodes: codes } : {});
  } catch (error) {
    if (!(error instanceof MotcuaError) || key === undefined) throw error;
    throw new MotcuaError(
      error.problems.map((p) => (p.path[0] === key ? { ...p, path: ['value', ...p.path.slice(1)] } : p)),
    );
  }
}

/** The published catalogue's procedure codes (the database's, else the file's), if there is a catalogue. */
async function procedureCodes(deps: SettingsDeps): Promise<ReadonlySet<string> | undefined> {
  const catalogue = deps.live.publishedCatalogue()?.catalogue ?? (await deps.fileCatalogue());
  return catalogue && new Set(catalogue.procedures.map((p) => p.code));
}

/**
 * `GET /api/admin/settings` (admins): the settings in force with their version (`OfficeSettingsVersion`).
 *
 * @example
 * ```ts
 * app.get('/api/admin/settings', (c) => currentSettings(c, deps));
 * ```
 */
export function currentSettings(c: Context, deps: SettingsDeps): Response {
  adminAuthor(c);
  c.header('Cache-Control', 'no-store');
  const { saved } = deps.live.current();
  if (!saved) {
    throw new ApiError(503, 'settings-loading', {
      vi: 'Đang tải cài đặt, thử lại sau',
      en: 'Settings are loading; retry',
    });
  }
  return c.json(saved);
}

/**
 * `GET /api/admin/settings/versions` (admins): the saved versions, newest first (`{ versions }`, at most 100).
 *
 * @example
 * ```ts
 * app.get('/api/admin/settings/versions', (c) => settingsHistory(c, deps));
 * ```
 */
export async function settingsHistory(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  c.header('Cache-Control', 'no-store');
  return c.json({ versions: await settingsVersions(deps.db, deps.office.id, VERSIONS_LISTED) });
}

/**
 * `PUT /api/admin/settings/{section}` (admins): saves one section (`SettingsChange`) as a new version after
 * `expectedVersion`, checked by core (400 with every problem under `value…`), 409 when another version was saved
 * since; recorded in the audit trail; in force at once on every instance. Answers 201 with the new version.
 *
 * @example
 * ```ts
 * app.put('/api/admin/settings/calendar', (c) => changeSection(c, deps, 'calendar'));
 * ```
 */
export async function changeSection(c: Context, deps: SettingsDeps, section: OfficeSettingsSection): Promise<Response> {
  adminAuthor(c);
  const body = await readJsonBody(c, sectionChangeBody);
  const key = SECTION_KEYS[section];
  const current = deps.live.current().settings;
  const next = { ...current, [key]: body.value } as OfficeSettings;
  const codes = section === 'no-appointment' ? await procedureCodes(deps) : undefined;
  const settings = checked(next, key, codes);
  return c.json(await saveSettings(c, deps, body.expectedVersion, settings, section), 201);
}

/**
 * `POST /api/admin/settings/rollback` (admins): saves an earlier version's settings again as a new version
 * (`rollbackOf`), after `expectedVersion`; 404 for an unknown version, 409 when stale.
 *
 * @example
 * ```ts
 * app.post('/api/admin/settings/rollback', (c) => rollbackSettings(c, deps));
 * ```
 */
export async function rollbackSettings(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  const body = await readJsonBody(c, rollbackBody);
  const earlier = await settingsVersion(deps.db, deps.office.id, body.version);
  if (!earlier) {
    throw new ApiError(404, 'unknown-version', {
      vi: `Không có phiên bản cài đặt số ${body.version}`,
      en: `There is no settings version ${body.version}`,
    });
  }
  const settings = checked(earlier.settings, undefined);
  return c.json(await saveSettings(c, deps, body.expectedVersion, settings, 'rollback', earlier.version), 201);
}

/**
 * `GET /api/admin/settings/versions/{version}` (admins): one saved version.
 *
 * @example
 * ```ts
 * app.get('/api/admin/settings/versions/:version', (c) => settingsAt(c, deps));
 * ```
 */
export async function settingsAt(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  const version = checkInput(versionParam, c.req.param('version'));
  const found = await settingsVersion(deps.db, deps.office.id, version);
  if (!found) {
    throw new ApiError(404, 'unknown-version', {
      vi: `Không có phiên bản cài đặt số ${version}`,
      en: `There is no settings version ${version}`,
    });
  }
  c.header('Cache-Control', 'no-store');
  return c.json(found);
}

/**
 * What saving `overlays` would change: the days counted differently from today to the end of next year, and the
 * open dossiers whose stored due date differs from the one the new calendar gives.
 *
 * @example
 * ```ts
 * const preview = await calendarPreview(deps, checkedOverlays);
 * ```
 */
export async function calendarPreview(
  deps: SettingsDeps,
  overlays: OfficeSettings['calendarOverlays'],
): Promise<CalendarPreview> {
  const current = deps.live.current();
  const next = officeStateOf({ ...current.settings, calendarOverlays: overlays }, undefined, []);
  const at = deps.now();
  const today = civilDateOf(at);
  const days = workingDayChanges(current.calendar, next.calendar, today, `${Number(today.slice(0, 4)) + 1}-12-31`);
  const report = await dueDateChanges(deps.db, deps.office.id, next.clock, vietnamIso(at));
  return { days, dossiers: report.dossiers, open: report.open };
}

/**
 * `POST /api/admin/settings/calendar/preview` (admins): checks calendar overlays (400 with every problem under
 * `value…`) and answers what saving them would change (`CalendarPreview`), saving nothing.
 *
 * @example
 * ```ts
 * app.post('/api/admin/settings/calendar/preview', (c) => previewCalendar(c, deps));
 * ```
 */
export async function previewCalendar(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  const body = await readJsonBody(c, previewBody);
  const settings = checked(
    { ...deps.live.current().settings, calendarOverlays: body.value as OfficeSettings['calendarOverlays'] },
    'calendarOverlays',
  );
  c.header('Cache-Control', 'no-store');
  return c.json(await calendarPreview(deps, settings.calendarOverlays));
}
