import { type CivilDate, isCivilDate } from '../calendar/civil-date.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { isJsonObject } from '../text/json-object.js';
import { type LocalizedText, MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { DEFAULT_PRIORITY_CLASSES, NORMAL_PRIORITY, type PriorityClass } from './priority-classes.js';
import { parseClockTime } from './time-of-day.js';

/**
 * What happens when a sequence passes its `end`: `'grow'` keeps counting (`A999` → `A1000`), `'wrap'`
 * starts again at `start` (display numbers then repeat within the day; ticket ids never do), `'refuse'`
 * stops issuing for the day with a message.
 */
export type NumberEndPolicy = 'grow' | 'wrap' | 'refuse';

/** How display numbers are counted for a service. Every field is optional. */
export interface TicketNumberingOptions {
  /** First number of the day (or session). Default `1`. */
  readonly start?: number;
  /** Increment between tickets. Default `1`. */
  readonly step?: number;
  /** Last number before `onEnd` applies. Default: the largest number that fits `width` (`999`). */
  readonly end?: number;
  /** Zero-padding width of the number. Default `3` (`A001`). */
  readonly width?: number;
  /** What happens after `end`. Default `'grow'`. */
  readonly onEnd?: NumberEndPolicy;
  /** Whether numbering restarts every business day (default) or every session (sáng / chiều). */
  readonly reset?: 'daily' | 'session';
}

/** {@link TicketNumberingOptions} with every default filled in. */
export interface TicketNumbering {
  /** First number of the day (or session). */
  readonly start: number;
  /** Increment between tickets. */
  readonly step: number;
  /** Last number before `onEnd` applies. */
  readonly end: number;
  /** Zero-padding width. */
  readonly width: number;
  /** What happens after `end`. */
  readonly onEnd: NumberEndPolicy;
  /** When numbering restarts. */
  readonly reset: 'daily' | 'session';
}

/** A span of the day in which a kiosk may issue tickets for a service, e.g. `{ from: '07:30', to: '11:30' }`. */
export interface IssuingWindow {
  /** First minute tickets are issued (inclusive), `HH:MM` Vietnam time. */
  readonly from: string;
  /** The minute issuing stops (exclusive), `HH:MM` Vietnam time. */
  readonly to: string;
  /** Days of the week the window applies (0 = Sunday … 6 = Saturday). Default Monday–Friday. */
  readonly days?: readonly number[];
}

/** An {@link IssuingWindow} as minutes of the day. */
export interface ResolvedIssuingWindow {
  /** First minute of the day (inclusive). */
  readonly from: number;
  /** Minute issuing stops (exclusive). */
  readonly to: number;
  /** Days of the week (0 = Sunday). */
  readonly days: readonly number[];
}

/** A service (lĩnh vực) citizens take tickets for. */
export interface QueueServiceConfig {
  /** Stable id, e.g. `'ho-tich'`. */
  readonly id: string;
  /** Letter prefix of its display numbers: 1–3 capital letters A–Z, e.g. `'A'`. */
  readonly prefix: string;
  /** What the kiosk shows. */
  readonly name: LocalizedText;
  /** How numbers are counted. */
  readonly numbering?: TicketNumberingOptions;
  /**
   * Services naming the same sequence share one counter of numbers (as a Qmatic queue does).
   * Default: the service's own id.
   */
  readonly sequence?: string;
  /** When tickets can be taken. Default: any time (no window). */
  readonly windows?: readonly IssuingWindow[];
  /** The most tickets issued per business day. Default: no cap. */
  readonly dailyCap?: number;
}

/** A {@link QueueServiceConfig} with defaults filled in. */
export interface ResolvedQueueService {
  /** Stable id. */
  readonly id: string;
  /** Letter prefix of its display numbers. */
  readonly prefix: string;
  /** What the kiosk shows. */
  readonly name: LocalizedText;
  /** How numbers are counted. */
  readonly numbering: TicketNumbering;
  /** The sequence its numbers are counted in. */
  readonly sequence: string;
  /** When tickets can be taken; empty for any time. */
  readonly windows: readonly ResolvedIssuingWindow[];
  /** The most tickets per business day, if capped. */
  readonly dailyCap: number | undefined;
}

/** A counter (quầy) and the services its officer serves. */
export interface QueueCounterConfig {
  /** Stable id, e.g. `'1'`. */
  readonly id: string;
  /** What is announced and displayed: `'3'` in "đến quầy số 3". Default: the id. */
  readonly label?: string;
  /** Ids of the services this counter calls tickets for. */
  readonly services: readonly string[];
}

/** A {@link QueueCounterConfig} with defaults filled in. */
export interface ResolvedQueueCounter {
  /** Stable id. */
  readonly id: string;
  /** What is announced and displayed. */
  readonly label: string;
  /** Ids of the services it calls. */
  readonly services: readonly string[];
}

/** A part of the business day, e.g. morning (sáng) from `'00:00'` and afternoon (chiều) from `'12:00'`. */
export interface QueueSessionConfig {
  /** Stable id, e.g. `'sang'`. */
  readonly id: string;
  /** Printed on the ticket. */
  readonly name: LocalizedText;
  /** The session's first minute; the first session also covers the minutes before it. */
  readonly from: string;
}

/** A {@link QueueSessionConfig} as minutes of the day. */
export interface ResolvedQueueSession {
  /** Stable id. */
  readonly id: string;
  /** Printed on the ticket. */
  readonly name: LocalizedText;
  /** First minute of the day. */
  readonly from: number;
}

/**
 * How the next ticket is chosen among the waiting tickets a counter serves. In every policy tickets
 * of one class are called first in, first out.
 * - `strict`: the highest class weight first.
 * - `interleave`: when both kinds wait, at most `priority` priority tickets (weight above 0) in a
 *   row, then `normal` normal tickets (default 1); `{ priority: 1, normal: 2 }` is the "2 normal : 1
 *   priority" practice.
 * - `aging`: the largest `(weight + 1) × time waited` (NovoSGA 1.5); a normal ticket is passed over
 *   only by tickets that have waited at least `1 / (maxWeight + 1)` as long as it has.
 */
export type QueueOrderingPolicy =
  | {
      /** Highest weight first. */
      readonly kind: 'strict';
    }
  | {
      /** Alternate priority and normal runs. */
      readonly kind: 'interleave';
      /** Most priority calls in a row while a normal ticket waits. */
      readonly priority: number;
      /** Normal calls in a row before priority again. Default 1. */
      readonly normal?: number;
    }
  | {
      /** Largest `(weight + 1) × time waited` first. */
      readonly kind: 'aging';
    };

/** Everything a queue needs to know about an office. */
export interface QueueConfig {
  /** The services tickets are issued for. */
  readonly services: readonly QueueServiceConfig[];
  /** The counters that call them. */
  readonly counters: readonly QueueCounterConfig[];
  /** Priority classes. Default {@link DEFAULT_PRIORITY_CLASSES}. */
  readonly priorityClasses?: readonly PriorityClass[];
  /** The class a ticket gets when none is asked for. Default: `'thuong'` if present, else the first class. */
  readonly defaultPriority?: string;
  /** How counters choose the next ticket. Default `{ kind: 'strict' }`. */
  readonly ordering?: QueueOrderingPolicy;
  /** Optional sessions of the day (sáng / chiều), in order. Default: none. */
  readonly sessions?: readonly QueueSessionConfig[];
  /** The Vietnam-time minute a business day starts. Default `'00:00'` (civil midnight). */
  readonly dayStartsAt?: string;
  /**
   * Civil dates on which no ticket is issued (local closures). With a working-day calendar (`createQueue({ calendar })`)
   * the official days off are closed without being listed here.
   */
  readonly closedDates?: readonly CivilDate[];
  /**
   * Civil dates on which tickets are issued by the service windows although the working-day calendar has them off
   * (a local exception, e.g. a receiving session on a holiday). Without a calendar they change nothing.
   */
  readonly openDates?: readonly CivilDate[];
}

/**
 * What the queue asks a working-day calendar (a `WorkingDayCalendar` from `vietnamCalendar()` fits): whether a date is
 * worked, the days listed off, and the swaps that tell which weekday a make-up Saturday stands for.
 *
 * @example
 * ```ts
 * const calendar: IssuingCalendar = vietnamCalendar();
 * ```
 */
export type IssuingCalendar = Pick<WorkingDayCalendar, 'isWorkingDay' | 'holidays' | 'schedule' | 'years'>;

/** A {@link QueueConfig} after validation, with every default filled in. */
export interface ResolvedQueueConfig {
  /** Services by id. */
  readonly services: ReadonlyMap<string, ResolvedQueueService>;
  /** Counters by id. */
  readonly counters: ReadonlyMap<string, ResolvedQueueCounter>;
  /** Priority classes by id. */
  readonly priorityClasses: ReadonlyMap<string, PriorityClass>;
  /** The class a ticket gets when none is asked for. */
  readonly defaultPriority: string;
  /** How counters choose the next ticket. */
  readonly ordering: QueueOrderingPolicy;
  /** Sessions of the day, in order; empty for none. */
  readonly sessions: readonly ResolvedQueueSession[];
  /** The Vietnam-time minute the business day starts. */
  readonly dayStartsAt: number;
  /** Dates on which no ticket is issued. */
  readonly closedDates: ReadonlySet<CivilDate>;
  /** Dates issued by the windows although the calendar has them off. */
  readonly openDates: ReadonlySet<CivilDate>;
  /** The working-day calendar the issuing hours follow, when the queue was given one. */
  readonly calendar?: IssuingCalendar;
}

const PREFIX = /^[A-Z]{1,3}$/;
const CONFIG_KEYS = [
  'services',
  'counters',
  'priorityClasses',
  'defaultPriority',
  'ordering',
  'sessions',
  'dayStartsAt',
  'closedDates',
  'openDates',
];
/** `createQueue` options that travel in the same object and are not configuration. */
const OPTION_KEYS = ['store', 'clock', 'randomBytes', 'calendar'];
const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

class Collector {
  readonly problems: Problem[] = [];

  add(path: ProblemPath, code: string, vi: string, en: string): void {
    this.problems.push(problem(path, code, { vi, en }));
  }

  /** Runs a parser that throws MotcuaError and keeps its problems. */
  attempt<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (error instanceof MotcuaError) {
        this.problems.push(...error.problems);
        return undefined;
      }
      throw error;
    }
  }

  id(value: unknown, path: ProblemPath): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.add(path, 'invalid-id', 'Mã phải là chuỗi không rỗng', 'An id must be a non-empty string');
    return undefined;
  }

  text(value: unknown, path: ProblemPath): LocalizedText | undefined {
    if (isJsonObject(value) && typeof value.vi === 'string' && typeof value.en === 'string') {
      return { vi: value.vi, en: value.en };
    }
    this.add(
      path,
      'invalid-text',
      'Cần tên bằng tiếng Việt và tiếng Anh: { vi, en }',
      'A name in Vietnamese and English is needed: { vi, en }',
    );
    return undefined;
  }

  integer(value: unknown, path: ProblemPath, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    const shown = typeof value === 'number' ? String(value) : typeof value;
    this.add(
      path,
      'invalid-integer',
      `Phải là số nguyên từ ${min} đến ${max}, nhận được ${shown}`,
      `Must be an integer from ${min} to ${max}; got ${shown}`,
    );
    return undefined;
  }

  list(value: unknown, path: ProblemPath, nonEmpty: boolean): readonly unknown[] {
    if (Array.isArray(value) && (!nonEmpty || value.length > 0)) return value;
    this.add(
      path,
      nonEmpty ? 'empty-list' : 'invalid-list',
      nonEmpty ? 'Cần một danh sách có ít nhất một phần tử' : 'Cần một danh sách',
      nonEmpty ? 'A list with at least one item is needed' : 'A list is needed',
    );
    return [];
  }

  /** Reports keys the configuration does not know, so a typo is not silently ignored. */
  keys(value: Record<string, unknown>, allowed: readonly string[], path: ProblemPath): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.add(
          [...path, key],
          'unknown-key',
          `Không có thiết lập "${key}"; các thiết lập hợp lệ: ${allowed.join(', ')}`,
          `Unknown setting "${key}"; known settings: ${allowed.join(', ')}`,
        );
      }
    }
  }

  unique(ids: Map<string, number>, id: string, path: ProblemPath, what: { vi: string; en: string }): void {
    if (ids.has(id)) {
      this.add(path, 'duplicate-id', `${what.vi} "${id}" bị trùng`, `Duplicate ${what.en} "${id}"`);
    } else {
      ids.set(id, ids.size);
    }
  }
}

function parseNumbering(value: unknown, path: ProblemPath, c: Collector): TicketNumbering {
  const input = value === undefined ? {} : value;
  if (!isJsonObject(input)) {
    c.add(path, 'invalid-numbering', 'Cấu hình đánh số phải là một đối tượng', 'Numbering must be an object');
    return { start: 1, step: 1, end: 999, width: 3, onEnd: 'grow', reset: 'daily' };
  }
  c.keys(input, ['start', 'step', 'end', 'width', 'onEnd', 'reset'], path);
  const width = input.width === undefined ? 3 : (c.integer(input.width, [...path, 'width'], 1, 9) ?? 3);
  const start = input.start === undefined ? 1 : (c.integer(input.start, [...path, 'start'], 0) ?? 1);
  const step = input.step === undefined ? 1 : (c.integer(input.step, [...path, 'step'], 1) ?? 1);
  const end =
    input.end === undefined ? 10 ** width - 1 : (c.integer(input.end, [...path, 'end'], 0) ?? 10 ** width - 1);
  if (end < start) {
    c.add(
      [...path, 'end'],
      'end-before-start',
      `Số cuối (${end}) nhỏ hơn số đầu (${start})`,
      `The end number (${end}) is below the start (${start})`,
    );
  }
  let onEnd: NumberEndPolicy = 'grow';
  if (input.onEnd !== undefined) {
    if (input.onEnd === 'grow' || input.onEnd === 'wrap' || input.onEnd === 'refuse') onEnd = input.onEnd;
    else
      c.add(
        [...path, 'onEnd'],
        'invalid-end-policy',
        'onEnd phải là grow, wrap hoặc refuse',
        'onEnd must be grow, wrap or refuse',
      );
  }
  let reset: 'daily' | 'session' = 'daily';
  if (input.reset !== undefined) {
    if (input.reset === 'daily' || input.reset === 'session') reset = input.reset;
    else
      c.add([...path, 'reset'], 'invalid-reset', 'reset phải là daily hoặc session', 'reset must be daily or session');
  }
  return { start, step, end, width, onEnd, reset };
}

function parseWindow(value: unknown, path: ProblemPath, c: Collector): ResolvedIssuingWindow | undefined {
  if (!isJsonObject(value)) {
    c.add(path, 'invalid-window', 'Khung giờ phải có dạng { from, to }', 'A window must be { from, to }');
    return undefined;
  }
  c.keys(value, ['from', 'to', 'days'], path);
  const from = c.attempt(() => parseClockTime(value.from, [...path, 'from']));
  const to = c.attempt(() => parseClockTime(value.to, [...path, 'to']));
  let days = WEEKDAYS;
  if (value.days !== undefined) {
    const list = c.list(value.days, [...path, 'days'], true);
    const parsed = list.map((d, i) => c.integer(d, [...path, 'days', i], 0, 6));
    days = [...new Set(parsed.filter((d): d is number => d !== undefined))].sort((a, b) => a - b);
  }
  if (from === undefined || to === undefined) return undefined;
  if (to <= from) {
    c.add(path, 'empty-window', 'Giờ kết thúc phải sau giờ bắt đầu', 'The window must end after it starts');
    return undefined;
  }
  return { from, to, days };
}

function parseService(value: unknown, path: ProblemPath, c: Collector): ResolvedQueueService | undefined {
  if (!isJsonObject(value)) {
    c.add(path, 'invalid-service', 'Dịch vụ phải là một đối tượng', 'A service must be an object');
    return undefined;
  }
  c.keys(value, ['id', 'prefix', 'name', 'numbering', 'sequence', 'windows', 'dailyCap'], path);
  const id = c.id(value.id, [...path, 'id']);
  let prefix: string | undefined;
  if (typeof value.prefix === 'string' && PREFIX.test(value.prefix)) prefix = value.prefix;
  else {
    c.add(
      [...path, 'prefix'],
      'invalid-prefix',
      `Tiền tố phải gồm 1–3 chữ in hoa A–Z, nhận được ${JSON.stringify(value.prefix)}`,
      `A prefix must be 1–3 capital letters A–Z; got ${JSON.stringify(value.prefix)}`,
    );
  }
  const name = c.text(value.name, [...path, 'name']);
  const numbering = parseNumbering(value.numbering, [...path, 'numbering'], c);
  const sequence = value.sequence === undefined ? id : c.id(value.sequence, [...path, 'sequence']);
  const windows =
    value.windows === undefined
      ? []
      : c
          .list(value.windows, [...path, 'windows'], false)
          .map((w, i) => parseWindow(w, [...path, 'windows', i], c))
          .filter((w): w is ResolvedIssuingWindow => w !== undefined);
  const dailyCap = value.dailyCap === undefined ? undefined : c.integer(value.dailyCap, [...path, 'dailyCap'], 1);
  if (id === undefined || prefix === undefined || name === undefined || sequence === undefined) return undefined;
  return { id, prefix, name, numbering, sequence, windows, dailyCap };
}

function parseOrdering(value: unknown, path: ProblemPath, c: Collector): QueueOrderingPolicy {
  if (value === undefined) return { kind: 'strict' };
  if (isJsonObject(value)) {
    c.keys(value, value.kind === 'interleave' ? ['kind', 'priority', 'normal'] : ['kind'], path);
    if (value.kind === 'strict' || value.kind === 'aging') return { kind: value.kind };
    if (value.kind === 'interleave') {
      const priority = c.integer(value.priority, [...path, 'priority'], 1) ?? 1;
      const normal = value.normal === undefined ? 1 : (c.integer(value.normal, [...path, 'normal'], 1) ?? 1);
      return { kind: 'interleave', priority, normal };
    }
  }
  c.add(
    path,
    'invalid-ordering',
    'Cách gọi số phải là { kind: "strict" }, { kind: "interleave", priority } hoặc { kind: "aging" }',
    'Ordering must be { kind: "strict" }, { kind: "interleave", priority } or { kind: "aging" }',
  );
  return { kind: 'strict' };
}

/** Display numbers two services could both hand out: same prefix, different sequences, overlapping ranges. */
function checkPrefixOverlaps(
  services: readonly ResolvedQueueService[],
  indexes: readonly number[],
  c: Collector,
): void {
  const bySequence = new Map<string, ResolvedQueueService>();
  services.forEach((s, i) => {
    const first = bySequence.get(s.sequence);
    if (first === undefined) bySequence.set(s.sequence, s);
    else if (JSON.stringify(first.numbering) !== JSON.stringify(s.numbering) || first.prefix !== s.prefix) {
      c.add(
        ['services', indexes[i] ?? i, 'sequence'],
        'sequence-mismatch',
        `Các dịch vụ dùng chung dãy số "${s.sequence}" phải có cùng tiền tố và cách đánh số`,
        `Services sharing sequence "${s.sequence}" must have the same prefix and numbering`,
      );
    }
  });
  const sequences = [...bySequence.values()];
  for (let i = 0; i < sequences.length; i++) {
    for (let j = i + 1; j < sequences.length; j++) {
      const a = sequences[i] as ResolvedQueueService;
      const b = sequences[j] as ResolvedQueueService;
      if (a.prefix !== b.prefix) continue;
      const aEnd = a.numbering.onEnd === 'grow' ? Number.POSITIVE_INFINITY : a.numbering.end;
      const bEnd = b.numbering.onEnd === 'grow' ? Number.POSITIVE_INFINITY : b.numbering.end;
      if (a.numbering.start <= bEnd && b.numbering.start <= aEnd) {
        const at = services.indexOf(b);
        c.add(
          ['services', indexes[at] ?? at, 'numbering'],
          'overlapping-numbers',
          `Dịch vụ "${a.id}" và "${b.id}" cùng tiền tố ${a.prefix} nhưng khoảng số chồng nhau: cần khoảng riêng có số cuối và onEnd là wrap hoặc refuse`,
          `Services "${a.id}" and "${b.id}" share prefix ${a.prefix} with overlapping ranges: give each its own range with an end and onEnd wrap or refuse`,
        );
      }
    }
  }
}

/**
 * Validates a queue configuration and fills in its defaults. Every problem found is reported at
 * once, each with its path and a Vietnamese and English message.
 *
 * @example
 * ```ts
 * const config = parseQueueConfig({
 *   services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' } }],
 *   counters: [{ id: '1', services: ['ho-tich'] }],
 * });
 * config.services.get('ho-tich')?.numbering.width; // 3
 *
 * parseQueueConfig({ services: [], counters: [] });
 * // throws MotcuaError: $.services: Cần một danh sách có ít nhất một phần tử / A list with at least one item is needed …
 * ```
 */
export function parseQueueConfig(input: QueueConfig | unknown): ResolvedQueueConfig {
  const c = new Collector();
  if (!isJsonObject(input)) {
    throw new MotcuaError([
      problem([], 'invalid-config', {
        vi: 'Cấu hình hàng đợi phải là một đối tượng { services, counters }',
        en: 'A queue configuration must be an object { services, counters }',
      }),
    ]);
  }
  c.keys(input, [...CONFIG_KEYS, ...OPTION_KEYS], []);
  const services = new Map<string, ResolvedQueueService>();
  const serviceIds = new Map<string, number>();
  const resolved: ResolvedQueueService[] = [];
  const resolvedIndexes: number[] = [];
  c.list(input.services, ['services'], true).forEach((value, i) => {
    const rawId = isJsonObject(value) && typeof value.id === 'string' && value.id.trim() !== '' ? value.id : undefined;
    const firstWithId = rawId !== undefined && !serviceIds.has(rawId);
    if (rawId !== undefined) c.unique(serviceIds, rawId, ['services', i, 'id'], { vi: 'Mã dịch vụ', en: 'service id' });
    const service = parseService(value, ['services', i], c);
    if (service && firstWithId) {
      services.set(service.id, service);
      resolved.push(service);
      resolvedIndexes.push(i);
    }
  });
  checkPrefixOverlaps(resolved, resolvedIndexes, c);

  const counters = new Map<string, ResolvedQueueCounter>();
  const counterIds = new Map<string, number>();
  c.list(input.counters, ['counters'], true).forEach((value, i) => {
    if (!isJsonObject(value)) {
      c.add(['counters', i], 'invalid-counter', 'Quầy phải là một đối tượng', 'A counter must be an object');
      return;
    }
    c.keys(value, ['id', 'label', 'services'], ['counters', i]);
    const id = c.id(value.id, ['counters', i, 'id']);
    const label = value.label === undefined ? id : c.id(value.label, ['counters', i, 'label']);
    const served = c.list(value.services, ['counters', i, 'services'], true).filter((s, j): s is string => {
      if (typeof s === 'string' && serviceIds.has(s)) return true;
      c.add(
        ['counters', i, 'services', j],
        'unknown-service',
        `Không có dịch vụ "${String(s)}"`,
        `No service "${String(s)}"`,
      );
      return false;
    });
    if (id === undefined || label === undefined) return;
    c.unique(counterIds, id, ['counters', i, 'id'], { vi: 'Mã quầy', en: 'counter id' });
    if (!counters.has(id)) counters.set(id, { id, label, services: [...new Set(served)] });
  });

  const priorityClasses = new Map<string, PriorityClass>();
  const classIds = new Map<string, number>();
  const classList =
    input.priorityClasses === undefined
      ? DEFAULT_PRIORITY_CLASSES
      : c.list(input.priorityClasses, ['priorityClasses'], true);
  classList.forEach((value, i) => {
    const path = ['priorityClasses', i];
    if (!isJsonObject(value)) {
      c.add(path, 'invalid-priority-class', 'Nhóm ưu tiên phải là một đối tượng', 'A priority class must be an object');
      return;
    }
    c.keys(value, ['id', 'name', 'weight', 'basis', 'evidence'], path);
    const id = c.id(value.id, [...path, 'id']);
    const name = c.text(value.name, [...path, 'name']);
    const weight = c.integer(value.weight, [...path, 'weight'], 0, 1000);
    const basis = value.basis === undefined ? undefined : c.text(value.basis, [...path, 'basis']);
    if (value.evidence !== undefined && value.evidence !== 'law' && value.evidence !== 'practice') {
      c.add(
        [...path, 'evidence'],
        'invalid-evidence',
        'evidence phải là law hoặc practice',
        'evidence must be law or practice',
      );
    }
    if (id === undefined || name === undefined || weight === undefined) return;
    c.unique(classIds, id, [...path, 'id'], { vi: 'Mã nhóm ưu tiên', en: 'priority class id' });
    const evidence = value.evidence === 'law' || value.evidence === 'practice' ? value.evidence : undefined;
    priorityClasses.set(id, { id, name, weight, ...(basis ? { basis } : {}), ...(evidence ? { evidence } : {}) });
  });
  let defaultPriority = priorityClasses.has(NORMAL_PRIORITY)
    ? NORMAL_PRIORITY
    : ([...priorityClasses.keys()][0] ?? NORMAL_PRIORITY);
  if (input.defaultPriority !== undefined) {
    if (typeof input.defaultPriority === 'string' && priorityClasses.has(input.defaultPriority))
      defaultPriority = input.defaultPriority;
    else {
      c.add(
        ['defaultPriority'],
        'unknown-priority',
        `Không có nhóm ưu tiên "${String(input.defaultPriority)}"`,
        `No priority class "${String(input.defaultPriority)}"`,
      );
    }
  }

  const ordering = parseOrdering(input.ordering, ['ordering'], c);

  const sessions: ResolvedQueueSession[] = [];
  if (input.sessions !== undefined) {
    const sessionIds = new Map<string, number>();
    c.list(input.sessions, ['sessions'], false).forEach((value, i) => {
      if (!isJsonObject(value)) {
        c.add(
          ['sessions', i],
          'invalid-session',
          'Buổi phải là { id, name, from }',
          'A session must be { id, name, from }',
        );
        return;
      }
      c.keys(value, ['id', 'name', 'from'], ['sessions', i]);
      const id = c.id(value.id, ['sessions', i, 'id']);
      const name = c.text(value.name, ['sessions', i, 'name']);
      const from = c.attempt(() => parseClockTime(value.from, ['sessions', i, 'from']));
      if (id === undefined || name === undefined || from === undefined) return;
      c.unique(sessionIds, id, ['sessions', i, 'id'], { vi: 'Mã buổi', en: 'session id' });
      const previous = sessions[sessions.length - 1];
      if (previous && previous.from >= from) {
        c.add(
          ['sessions', i, 'from'],
          'sessions-out-of-order',
          'Các buổi phải theo thứ tự giờ bắt đầu tăng dần',
          'Sessions must start in increasing order',
        );
      }
      sessions.push({ id, name, from });
    });
  }
  for (const [i, service] of resolved.entries()) {
    if (service.numbering.reset === 'session' && sessions.length === 0) {
      c.add(
        ['services', resolvedIndexes[i] ?? i, 'numbering', 'reset'],
        'no-sessions',
        'Đánh số lại theo buổi cần khai báo sessions',
        'Resetting numbers each session needs sessions to be configured',
      );
    }
  }

  const dayStartsAt =
    input.dayStartsAt === undefined ? 0 : (c.attempt(() => parseClockTime(input.dayStartsAt, ['dayStartsAt'])) ?? 0);
  const dates = (key: 'closedDates' | 'openDates'): Set<CivilDate> => {
    const set = new Set<CivilDate>();
    if (input[key] !== undefined) {
      c.list(input[key], [key], false).forEach((d, i) => {
        if (isCivilDate(d)) set.add(d);
        else c.add([key, i], 'invalid-date', `Ngày không hợp lệ: ${String(d)}`, `Not a date: ${String(d)}`);
      });
    }
    return set;
  };
  const closedDates = dates('closedDates');
  const openDates = dates('openDates');

  if (c.problems.length > 0) throw new MotcuaError(c.problems);
  return {
    services,
    counters,
    priorityClasses,
    defaultPriority,
    ordering,
    sessions,
    dayStartsAt,
    closedDates,
    openDates,
  };
}
