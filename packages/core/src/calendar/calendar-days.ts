import type { LocalizedText } from '../text/problem.js';
import type { CalendarOverlay, CalendarRules, LocalDay } from './calendar-overlay.js';
import { type CivilDate, civilFromDays, dayOfWeek, toEpochDay } from './civil-date.js';
import {
  type CalendarDay,
  compensatoryDays,
  type DayKind,
  HOLIDAY_NAMES,
  type HolidayKey,
  type HolidayLunarSource,
  laborCodeEraOn,
  NATIONAL_DAY_HEURISTIC,
  nationalDayAdjacent,
  type Provenance,
  TET_HEURISTIC,
  tetDays,
} from './holiday-rules.js';
import { OFFICIAL_SCHEDULES, type YearSchedule } from './schedules.js';

/** The first year 24/11 is a day off (Resolution 28/2026/QH16, in force 1/7/2026). */
const CULTURE_DAY_FROM = 2026;

// Quoted from the Government's full text (xaydungchinhsach.chinhphu.vn) and the National Assembly's news (quochoi.vn).
const CULTURE_DAY_SOURCE: Provenance = Object.freeze({
  basis: 'law',
  instrument: 'Nghị quyết 28/2026/QH16, điều 2',
});

/** A schedule together with the overlay it came from (none for the built-in ones). */
export interface ResolvedSchedule {
  readonly schedule: YearSchedule;
  readonly overlay?: string;
}

/**
 * What the overlays resolve to: schedules by year, the 24/11 start year and whether one on a weekend
 * is compensated, the local days in order.
 */
export interface ResolvedOverlays {
  readonly schedules: ReadonlyMap<number, ResolvedSchedule>;
  readonly cultureDayFrom: number | undefined;
  readonly cultureDayCompensation: boolean;
  readonly makeUpWorkdays: boolean;
  readonly localDays: readonly { readonly day: LocalDay; readonly overlay: string }[];
}

/** Applies overlays in order: later schedules replace earlier ones of the same year, later rules win. */
export function resolveOverlays(overlays: readonly CalendarOverlay[]): ResolvedOverlays {
  let official = true;
  let cultureDayFrom: number | undefined = CULTURE_DAY_FROM;
  let cultureDayCompensation = true;
  let makeUpWorkdays = true;
  const fromOverlays = new Map<number, ResolvedSchedule>();
  const localDays: { day: LocalDay; overlay: string }[] = [];
  for (const overlay of overlays) {
    let c: CalendarRules['cultureDay'];
    // A rule an overlay leaves out keeps the value before it.
    ({
      officialSchedules: official = official,
      makeUpWorkdays = makeUpWorkdays,
      cultureDayCompensation = cultureDayCompensation,
      cultureDay: c,
    } = overlay.rules ?? {});
    if (c !== undefined) cultureDayFrom = c === true ? CULTURE_DAY_FROM : c === false ? undefined : c.fromYear;
    for (const schedule of overlay.schedules ?? [])
      fromOverlays.set(schedule.year, { schedule, overlay: overlay.name });
    for (const day of overlay.localDays ?? []) localDays.push({ day, overlay: overlay.name });
  }
  const schedules = new Map<number, ResolvedSchedule>();
  if (official) for (const schedule of OFFICIAL_SCHEDULES) schedules.set(schedule.year, { schedule });
  for (const [year, resolved] of fromOverlays) schedules.set(year, resolved);
  return { schedules, cultureDayFrom, cultureDayCompensation, makeUpWorkdays, localDays };
}

function vietnameseDate(date: CivilDate): string {
  return date.split('-').reverse().join('/');
}

function isWeekend(date: CivilDate): boolean {
  return dayOfWeek(date) % 6 === 0; // Sunday (0) or Saturday (6)
}

const byDate = (a: CalendarDay, b: CalendarDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function decisionSource(resolved: ResolvedSchedule, index: number | undefined): Provenance {
  const { sources } = resolved.schedule;
  return {
    basis: 'decision',
    ...(sources[index ?? 0] ?? sources[0]),
    ...(resolved.overlay !== undefined && { overlay: resolved.overlay }),
  };
}

/** The name of a compensatory day off for holiday `key`, for the holiday on `of` when given. */
function compensatoryName(key: HolidayKey, of?: CivilDate): LocalizedText {
  return {
    vi: `Nghỉ bù ${HOLIDAY_NAMES[key].vi}${of ? ` (${vietnameseDate(of)})` : ''}`,
    en: `${HOLIDAY_NAMES[key].en}, compensatory day off${of ? ` for ${of}` : ''}`,
  };
}

/**
 * Every listed day of years `first`–`last`, from the Labor Code rules, the official schedules and
 * the overlays, in date order. Days that an overlay's local day overrides stay listed before it.
 */
export function buildCalendarDays(
  first: number,
  last: number,
  lunar: HolidayLunarSource,
  resolved: ResolvedOverlays,
): CalendarDay[] {
  const days: CalendarDay[] = [];
  const off = new Set<number>();
  const toCompensate: CalendarDay[] = [];

  const add = (
    date: CivilDate,
    kind: DayKind,
    working: boolean,
    key: HolidayKey | undefined,
    name: LocalizedText,
    provisional: boolean,
    source: Provenance,
  ): CalendarDay => {
    const day: CalendarDay = Object.freeze({
      date,
      kind,
      working,
      ...(key !== undefined && { holiday: key }),
      name,
      provisional,
      source,
    });
    days.push(day);
    if (!working) off.add(toEpochDay(date));
    return day;
  };
  const holiday = (
    date: CivilDate,
    key: HolidayKey,
    source: Provenance,
    provisional: boolean,
    compensate = true,
  ): void => {
    const day = add(date, 'statutory', false, key, HOLIDAY_NAMES[key], provisional, source);
    if (compensate && isWeekend(date)) toCompensate.push(day);
  };
  const law = (date: CivilDate): Provenance => ({ basis: 'law', instrument: laborCodeEraOn(date).instrument });

  for (let year = first; year <= last; year++) {
    const resolvedSchedule = resolved.schedules.get(year);
    const schedule = resolvedSchedule?.schedule;

    for (const [md, key] of [
      ['01-01', 'new-year'],
      ['04-30', 'reunification'],
      ['05-01', 'labour'],
      ['09-02', 'national-day'],
    ] as const) {
      const date = `${year}-${md}`;
      holiday(date, key, law(date), false);
    }

    const hungKings = lunar.lunarToSolar({ year, month: 3, day: 10 });
    if (laborCodeEraOn(hungKings).hungKings) holiday(hungKings, 'hung-kings', law(hungKings), false);

    const nationalDayEra = laborCodeEraOn(`${year}-09-02`);
    if (nationalDayEra.nationalDayDays === 2) {
      const decided = schedule?.nationalDay;
      if (resolvedSchedule && decided) {
        holiday(decided.adjacent, 'national-day', decisionSource(resolvedSchedule, decided.source), false);
      } else {
        holiday(
          nationalDayAdjacent(year),
          'national-day',
          { basis: 'heuristic', heuristic: NATIONAL_DAY_HEURISTIC, instrument: nationalDayEra.instrument },
          true,
        );
      }
    }

    const swapDaysOff = new Set<CivilDate>();
    if (resolvedSchedule) {
      for (const { dayOff, workday, holiday: key, source: index } of schedule?.swaps ?? []) {
        const source = decisionSource(resolvedSchedule, index);
        swapDaysOff.add(dayOff);
        add(
          dayOff,
          'bridge',
          false,
          key,
          {
            vi: `Nghỉ hoán đổi${key ? ` dịp ${HOLIDAY_NAMES[key].vi}` : ''} (làm bù ngày ${vietnameseDate(workday)})`,
            en: `Swapped day off${key ? ` for ${HOLIDAY_NAMES[key].en}` : ''} (worked back on ${workday})`,
          },
          false,
          source,
        );
        add(
          workday,
          'make-up-workday',
          resolved.makeUpWorkdays,
          key,
          { vi: `Làm bù cho ngày nghỉ ${vietnameseDate(dayOff)}`, en: `Make-up working day for ${dayOff}` },
          false,
          source,
        );
      }
    }

    const newYear = lunar.lunarNewYear(year);
    const tetEra = laborCodeEraOn(newYear);
    const ruleDays = tetDays(newYear);
    const tet = schedule?.tet;
    if (resolvedSchedule && tet) {
      // The decision fixes the whole window: the statutory days inside it, and every other weekday
      // in it is a compensatory day.
      const { from, to } = tet;
      const source = decisionSource(resolvedSchedule, tet.source);
      const statutory = new Set((tet.days ?? ruleDays).filter((d) => d >= from && d <= to));
      for (const date of [...statutory].sort()) holiday(date, 'tet', source, false, false);
      for (let e = toEpochDay(from); e <= toEpochDay(to); e++) {
        const date = civilFromDays(e);
        if (!statutory.has(date) && !swapDaysOff.has(date) && !isWeekend(date)) {
          add(date, 'compensatory', false, 'tet', compensatoryName('tet'), false, source);
        }
      }
    } else {
      const source: Provenance =
        tetEra.tetDays === 4
          ? law(newYear)
          : { basis: 'heuristic', heuristic: TET_HEURISTIC, instrument: tetEra.instrument };
      for (const date of ruleDays) holiday(date, 'tet', source, tetEra.tetDays !== 4);
    }

    if (resolved.cultureDayFrom !== undefined && year >= resolved.cultureDayFrom) {
      holiday(`${year}-11-24`, 'culture-day', CULTURE_DAY_SOURCE, false, resolved.cultureDayCompensation);
    }
  }

  toCompensate.sort(byDate);
  const pairs = compensatoryDays(
    toCompensate.map((d) => toEpochDay(d.date)),
    (e) => off.has(e),
  );
  pairs.forEach(([, compensatory], i) => {
    const of = toCompensate[i] as CalendarDay;
    const key = of.holiday as HolidayKey;
    const source = of.source;
    add(
      civilFromDays(compensatory),
      'compensatory',
      false,
      key,
      compensatoryName(key, of.date),
      // Whether a weekend 24/11 is compensated is a setting standing in for a decision (vietnam-one-stop-rules §1.5).
      of.provisional || key === 'culture-day',
      source.basis === 'law' ? { basis: 'law', instrument: laborCodeEraOn(of.date).compensation } : source,
    );
  });

  for (const { day, overlay } of resolved.localDays) {
    add(day.date, 'local', day.working, undefined, { vi: day.name.vi, en: day.name.en }, false, {
      basis: 'local',
      overlay,
      ...(day.instrument !== undefined && { instrument: day.instrument }),
    });
  }

  const low = `${first}-01-01`; // the years are four-digit (WORKING_DAY_YEARS)
  const high = `${last}-12-31`;
  // A stable sort keeps local days after the national days they override.
  return days.filter((d) => d.date >= low && d.date <= high).sort(byDate);
}
