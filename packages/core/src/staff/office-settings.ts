import type { CalendarOverlay } from '../calendar/calendar-overlay.js';
import { type CivilDate, isCivilDate } from '../calendar/civil-date.js';
import { parseCalendarOverlay } from '../calendar/parse-overlay.js';
import type { DueDateChange } from '../deadline/due-date-change.js';
import { compileNoAppointmentDay, type NoAppointmentDay } from '../deadline/no-appointment.js';
import { parseQueueConfig, type QueueConfig } from '../queue/config.js';
import { DECISION_766_SCORECARD } from '../satisfaction/decision-766.js';
import { DECISION_766_TABLE } from '../satisfaction/decision-766-table.js';
import { BUILT_IN_INSTRUMENTS } from '../satisfaction/instruments.js';
import { isJsonObject } from '../text/json-object.js';
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
export const OFFICE_SETTINGS_SECTIONS = ['no-appointment', 'calendar', 'queue', 'rating', 'scorecard'] as const;

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

/** The points of one Decision 766 indicator, as the province gives them. */
export interface ScorecardIndicatorSetting {
  /** Full points. */
  readonly maxPoints: number;
  /** The share (0–1] that earns full points, where the table gives none or the province uses another. */
  readonly target?: number;
}

/**
 * The Decision 766/QĐ-TTg points split an office was given for the indicators whose split is not confirmed
 * nationally (only 1.2's 4 points and 5.4's 6 are): by indicator number. The scorecard report scores a measured
 * indicator once it has full points and a target.
 *
 * @example
 * ```ts
 * const scorecard: ScorecardSetting = { indicators: { '2.1': { maxPoints: 10, target: 1 }, '3.3': { maxPoints: 4 } } };
 * ```
 */
export interface ScorecardSetting {
  readonly indicators: Readonly<Record<string, ScorecardIndicatorSetting>>;
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
  /** The Decision 766 points split given to the office; absent (older versions) or empty: none. */
  readonly scorecard?: ScorecardSetting;
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
  if (!isJsonObject(value) || (value.kind !== 'user' && value.kind !== 'configuration')) return undefined;
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
  if (!isJsonObject(value) || !Number.isInteger(value.version) || typeof value.savedAt !== 'string') return undefined;
  const savedBy = readSettingsAuthor(value.savedBy);
  const s = value.settings;
  if (!savedBy || typeof value.change !== 'string' || !CHANGES.includes(value.change) || !isJsonObject(s))
    return undefined;
  if (!Array.isArray(s.calendarOverlays) || !isJsonObject(s.queue) || !isJsonObject(s.rating)) return undefined;
  if (s.noAppointment !== null && !isJsonObject(s.noAppointment)) return undefined;
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
  if (!isJsonObject(value) || !Array.isArray(value.days) || !Array.isArray(value.dossiers)) return undefined;
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
    if (!isJsonObject(na)) {
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
    const id = isJsonObject(input.rating) ? input.rating[use] : undefined;
    if (!BUILT_IN_INSTRUMENTS.some((i) => i.id === id)) {
      problems.push(
        problem(['rating', use], 'unknown-instrument', {
          vi: `Không có bộ câu hỏi đánh giá "${String(id)}"; chọn một trong: ${[...new Set(BUILT_IN_INSTRUMENTS.map((i) => i.id))].join(', ')}`,
          en: `No rating instrument "${String(id)}"; choose one of: ${[...new Set(BUILT_IN_INSTRUMENTS.map((i) => i.id))].join(', ')}`,
        }),
      );
    }
  }
  if (input.scorecard !== undefined) checkScorecardSetting(input.scorecard, problems);
  if (problems.length > 0) throw new MotcuaError(problems);
  return { ...input, calendarOverlays: overlays };
}

/**
 * The points split's problems: an indicator Decision 766 does not list, a confirmed maximum written otherwise, points
 * or a target out of range, or a group whose indicators add up to more than the group's maximum.
 */
function checkScorecardSetting(input: unknown, problems: Problem[]): void {
  const indicators = isJsonObject(input) ? input.indicators : undefined;
  if (!isJsonObject(indicators)) {
    problems.push(
      problem(['scorecard', 'indicators'], 'invalid-scorecard', {
        vi: 'Cần một đối tượng { "indicators": { "2.1": { "maxPoints": … } } }',
        en: 'An object { "indicators": { "2.1": { "maxPoints": … } } } is needed',
      }),
    );
    return;
  }
  const sums = new Map<string, number>();
  for (const entry of DECISION_766_TABLE) {
    const given = indicators[entry.id];
    const points =
      entry.maxPoints ?? (isJsonObject(given) && typeof given.maxPoints === 'number' ? given.maxPoints : 0);
    sums.set(entry.group, (sums.get(entry.group) ?? 0) + points);
  }
  for (const [id, given] of Object.entries(indicators)) {
    const at = ['scorecard', 'indicators', id];
    const entry = DECISION_766_TABLE.find((e) => e.id === id);
    if (!entry) {
      problems.push(
        problem(at, 'unknown-indicator', {
          vi: `Bộ chỉ số 766 không có chỉ số ${id}`,
          en: `Decision 766 has no indicator ${id}`,
        }),
      );
      continue;
    }
    const maxPoints = isJsonObject(given) ? given.maxPoints : undefined;
    if (typeof maxPoints !== 'number' || !Number.isFinite(maxPoints) || maxPoints < 0) {
      problems.push(
        problem([...at, 'maxPoints'], 'invalid-points', {
          vi: 'Điểm tối đa phải là một số không âm',
          en: 'The full points must be a number, 0 or more',
        }),
      );
    } else if (entry.maxPoints !== undefined && maxPoints !== entry.maxPoints) {
      problems.push(
        problem([...at, 'maxPoints'], 'confirmed-points', {
          vi: `Chỉ số ${id} có điểm tối đa đã được xác nhận: ${entry.maxPoints}`,
          en: `Indicator ${id} has confirmed full points: ${entry.maxPoints}`,
        }),
      );
    }
    const target = isJsonObject(given) ? given.target : undefined;
    if (target !== undefined && (typeof target !== 'number' || !(target > 0 && target <= 1))) {
      problems.push(
        problem([...at, 'target'], 'invalid-target', {
          vi: 'Ngưỡng đạt điểm tối đa là một tỷ lệ lớn hơn 0 và không quá 1',
          en: 'The full-points share is a fraction above 0 and at most 1',
        }),
      );
    }
  }
  for (const group of DECISION_766_SCORECARD.criteria) {
    const sum = sums.get(group.id) ?? 0;
    if (sum > group.maxPoints) {
      problems.push(
        problem(['scorecard', 'indicators'], 'group-points-exceeded', {
          vi: `Các chỉ số nhóm ${group.id} cộng lại ${sum} điểm, quá ${group.maxPoints} điểm của nhóm`,
          en: `The indicators of group ${group.id} add up to ${sum} points, above the group's ${group.maxPoints}`,
        }),
      );
    }
  }
}
