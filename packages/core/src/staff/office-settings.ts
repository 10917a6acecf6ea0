import type { CalendarOverlay } from '../calendar/calendar-overlay.js';
import { type CivilDate, isCivilDate } from '../calendar/civil-date.js';
import { parseCalendarOverlay } from '../calendar/parse-overlay.js';
import type { DueDateChange } from '../deadline/due-date-change.js';
import { compileNoAppointmentDay, type NoAppointmentDay } from '../deadline/no-appointment.js';
import { isObject } from '../queue/board-read.js';
import { parseQueueConfig, type QueueConfig } from '../queue/config.js';
import { BUILT_IN_INSTRUMENTS } from '../satisfaction/instruments.js';
import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import type { WorkingDayChange } from './working-day-changes.js';

/**
 * The sections of an office's settings an admin changes one at a time (each its own route under
 * `/api/admin/settings/…`); every change of one section is a new version of the whole.
 *
 * @example
 * ```ts
 * OFFICE_SETTINGS_SECTIONS.includes('calendar'); // true
 * ```
 */
export const OFFICE_SETTINGS_SECTIONS = ['no-appointment', 'calendar', 'queue', 'rating'] as const;

/** One of {@link OFFICE_SETTINGS_SECTIONS}. */
export type OfficeSettingsSection = (typeof OFFICE_SETTINGS_SECTIONS)[number];

/**
 * "Ngày không hẹn" as an office switches it on: core's no-appointment day with the date it starts from.
 *
 * @example
 * ```ts
 * const wednesday: NoAppointmentSetting = { weekdays: [3], procedures: ['1.004873'], from: '2026-12-09' };
 * ```
 */
export interface NoAppointmentSetting extends NoAppointmentDay {
  readonly from: CivilDate;
}

/**
 * Which rating instrument family (`BUILT_IN_INSTRUMENTS` ids, e.g. `vn-one-stop-rating`) the counters' tablets and
 * the QR form of a receipt or ticket use; the version in force on the day is used.
 *
 * @example
 * ```ts
 * const rating: RatingSetting = { counter: 'vn-one-stop-rating', qr: 'vn-dossier-evaluation' };
 * ```
 */
export interface RatingSetting {
  readonly counter: string;
  readonly qr: string;
}

/**
 * An office's settings as the database keeps them: the no-appointment day (`null`: off), the calendar overlays
 * applied in order on the national calendar, the queue (services with prefixes and issuing hours, counters and the
 * services they call, priority classes, closed dates) and the rating instruments.
 *
 * @example
 * ```ts
 * const settings: OfficeSettings = {
 *   noAppointment: null,
 *   calendarOverlays: [],
 *   queue: { services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
 *            counters: [{ id: '1', services: ['ho-tich'] }] },
 *   rating: { counter: 'vn-one-stop-rating', qr: 'vn-one-stop-rating' },
 * };
 * ```
 */
export interface OfficeSettings {
  readonly noAppointment: NoAppointmentSetting | null;
  readonly calendarOverlays: readonly CalendarOverlay[];
  readonly queue: QueueConfig;
  readonly rating: RatingSetting;
}

/** Who saved a version: a signed-in user, or the configuration file that bootstrapped the office. */
export interface SettingsAuthor {
  readonly kind: 'user' | 'configuration';
  readonly id?: string;
  readonly name?: string;
}

/**
 * One saved version of an office's settings (`GET /api/admin/settings`): its number (1, 2, … per office), when and by
 * whom, what it changed (a section, `bootstrap` from the configuration file, `import` of a whole settings file by
 * `motcua-server settings import`, or `rollback` to `rollbackOf`).
 *
 * @example
 * ```ts
 * const v = readOfficeSettingsVersion(await (await fetch('/api/admin/settings', { credentials: 'same-origin' })).json());
 * v?.settings.noAppointment?.weekdays; // [3]
 * ```
 */
export interface OfficeSettingsVersion {
  readonly version: number;
  readonly savedAt: string;
  readonly savedBy: SettingsAuthor;
  readonly change: OfficeSettingsSection | 'bootstrap' | 'import' | 'rollback';
  readonly rollbackOf?: number;
  readonly settings: OfficeSettings;
}

/**
 * A change of one section (the body of `PUT /api/admin/settings/{section}`): the version it was made from — a save
 * from a stale version is refused with 409, never merged — and the section's new value.
 *
 * @example
 * ```ts
 * const body: SettingsChange<NoAppointmentSetting | null> = {
 *   expectedVersion: 4,
 *   value: { weekdays: [3], procedures: ['1.004873'], from: '2026-12-09' },
 * };
 * ```
 */
export interface SettingsChange<T> {
  readonly expectedVersion: number;
  readonly value: T;
}

/**
 * What saving calendar overlays would change (`POST /api/admin/settings/calendar/preview`): the days counted
 * differently from today to the end of next year, and the open dossiers whose stored due date differs from the one
 * the new calendar gives (printed due dates bind: they are listed for the office to act on, not rewritten).
 *
 * @example
 * ```ts
 * const preview: CalendarPreview = { days: [], dossiers: [], open: 12 };
 * ```
 */
export interface CalendarPreview {
  readonly days: readonly WorkingDayChange[];
  readonly dossiers: readonly DueDateChange[];
  /** Open dossiers looked at. */
  readonly open: number;
}

/**
 * A version's author from JSON, or undefined when it is neither a user nor the configuration.
 *
 * @example
 * ```ts
 * readSettingsAuthor({ kind: 'configuration' }); // { kind: 'configuration' }
 * ```
 */
export function readSettingsAuthor(value: unknown): SettingsAuthor | undefined {
  if (!isObject(value) || (value.kind !== 'user' && value.kind !== 'configuration')) return undefined;
  return {
    kind: value.kind,
    ...(typeof value.id === 'string' ? { id: value.id } : {}),
    ...(typeof value.name === 'string' ? { name: value.name } : {}),
  };
}

const CHANGES: readonly string[] = [...OFFICE_SETTINGS_SECTIONS, 'bootstrap', 'import', 'rollback'];

/**
 * A settings version's JSON as an {@link OfficeSettingsVersion}, or undefined when it lacks its number, time,
 * author, change or settings sections.
 *
 * @example
 * ```ts
 * readOfficeSettingsVersion({ version: 'x' }); // undefined
 * ```
 */
export function readOfficeSettingsVersion(value: unknown): OfficeSettingsVersion | undefined {
  if (!isObject(value) || !Number.isInteger(value.version) || typeof value.savedAt !== 'string') return undefined;
  const savedBy = readSettingsAuthor(value.savedBy);
  const s = value.settings;
  if (!savedBy || typeof value.change !== 'string' || !CHANGES.includes(value.change) || !isObject(s)) return undefined;
  if (!Array.isArray(s.calendarOverlays) || !isObject(s.queue) || !isObject(s.rating)) return undefined;
  if (s.noAppointment !== null && !isObject(s.noAppointment)) return undefined;
  return value as unknown as OfficeSettingsVersion;
}

/**
 * A calendar preview's JSON as a {@link CalendarPreview}, or undefined when it is not one.
 *
 * @example
 * ```ts
 * readCalendarPreview({ days: [], dossiers: [], open: 0 })?.open; // 0
 * ```
 */
export function readCalendarPreview(value: unknown): CalendarPreview | undefined {
  if (!isObject(value) || !Array.isArray(value.days) || !Array.isArray(value.dossiers)) return undefined;
  if (!Number.isInteger(value.open)) return undefined;
  return value as unknown as CalendarPreview;
}

function moved(error: unknown, path: ProblemPath, into: Problem[]): void {
  if (!(error instanceof MotcuaError)) throw error;
  for (const p of error.problems) into.push({ ...p, path: [...path, ...p.path] });
}

/** Options of {@link checkOfficeSettings}. */
export interface CheckOfficeSettingsOptions {
  /** The published catalogue's procedure codes: the no-appointment day may list only those. */
  readonly procedureCodes?: ReadonlySet<string>;
}

/**
 * Checks settings with core's own parsers — `compileNoAppointmentDay`, `parseCalendarOverlay` for each overlay,
 * `parseQueueConfig`, the built-in instruments — and returns them (overlays as parsed), or throws a `MotcuaError`
 * with every problem at its path (`noAppointment.weekdays`, `calendarOverlays[1].localDays[0].date`,
 * `queue.counters[0].services[1]`, `rating.qr`…), in Vietnamese and English.
 *
 * @example
 * ```ts
 * checkOfficeSettings({ ...settings, noAppointment: { weekdays: [9], procedures: [], from: '2026-12-09' } });
 * // throws MotcuaError: $.noAppointment.weekdays: …
 * ```
 */
export function checkOfficeSettings(input: OfficeSettings, options: CheckOfficeSettingsOptions = {}): OfficeSettings {
  const problems: Problem[] = [];
  const na = input.noAppointment;
  if (na !== null) {
    if (!isObject(na)) {
      problems.push(
        problem(['noAppointment'], 'invalid-no-appointment', {
          vi: 'Ngày không hẹn phải là một đối tượng hoặc null (tắt)',
          en: 'The no-appointment day must be an object, or null (off)',
        }),
      );
    } else {
      // The start date is checked here, so that its problem comes with the others.
      const { from, ...rule } = na;
      compileNoAppointmentDay(rule, ['noAppointment'], problems);
      if (!isCivilDate(from)) {
        problems.push(
          problem(['noAppointment', 'from'], 'invalid-date', {
            vi: 'Cần ngày bắt đầu áp dụng có thật, dạng YYYY-MM-DD',
            en: 'A real start date is needed, written YYYY-MM-DD',
          }),
        );
      }
      const codes = options.procedureCodes;
      if (codes && Array.isArray(na.procedures)) {
        na.procedures.forEach((code, i) => {
          if (typeof code === 'string' && !codes.has(code)) {
            problems.push(
              problem(['noAppointment', 'procedures', i], 'unknown-procedure', {
                vi: `Danh mục thủ tục đã công bố không có thủ tục mã "${code}"`,
                en: `The published catalogue has no procedure "${code}"`,
              }),
            );
          }
        });
      }
    }
  }
  const overlays: CalendarOverlay[] = [];
  (Array.isArray(input.calendarOverlays) ? input.calendarOverlays : []).forEach((overlay, i) => {
    try {
      overlays.push(parseCalendarOverlay(overlay));
    } catch (error) {
      moved(error, ['calendarOverlays', i], problems);
    }
  });
  try {
    parseQueueConfig(input.queue);
  } catch (error) {
    moved(error, ['queue'], problems);
  }
  for (const use of ['counter', 'qr'] as const) {
    const id = isObject(input.rating) ? input.rating[use] : undefined;
    if (!BUILT_IN_INSTRUMENTS.some((i) => i.id === id)) {
      problems.push(
        problem(['rating', use], 'unknown-instrument', {
          vi: `Không có bộ câu hỏi đánh giá "${String(id)}"; chọn một trong: ${[...new Set(BUILT_IN_INSTRUMENTS.map((i) => i.id))].join(', ')}`,
          en: `No rating instrument "${String(id)}"; choose one of: ${[...new Set(BUILT_IN_INSTRUMENTS.map((i) => i.id))].join(', ')}`,
        }),
      );
    }
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  return { ...input, calendarOverlays: overlays };
}
