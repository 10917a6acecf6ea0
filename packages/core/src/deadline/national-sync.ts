import { civilDateOf, isCivilDate } from '../calendar/civil-date.js';
import { MotcuaError, type Problem, problem } from '../text/problem.js';
import type { Timeliness } from './classify.js';
import { type DossierClockOptions, type DossierEvent, dossierClock } from './dossier-clock.js';
import { parseOffsetDateTime } from './instant.js';
import type { DossierRecord } from './statistics.js';
import {
  type DossierStatus,
  readChannelCode,
  readNationalStatusCode,
  toChannelCode,
  toNationalStatusCode,
  unknownChannelCode,
  unknownStatusCode,
} from './status.js';
import { type TimeLimit, type TimeLimitUnit, timeLimitProblems } from './time-limit.js';
import { TIME_LIMIT_UNITS, timeLimitFaults } from './time-limit-faults.js';

/**
 * A dossier as the one-door systems sync it to Cổng DVCQG: the key fields of §5.1 of the rules [S].
 * Fields this library does not interpret (`MaKetQua`, `DuongDanTepTinKetQua`,
 * `DuocThanhToanTrucTuyen`, `TaiKhoanDuocXacThucVoiVNeID`, `DuocLayTuKhoDMQG`, …) pass through.
 *
 * @example
 * ```ts
 * const record: NationalSyncRecord = {
 *   MaHoSo: '000.00.15.H41-260309-0001',
 *   NgayTiepNhan: '20260309100000',
 *   NgayHenTra: '20260316170000',
 *   NgayKetThucXuLy: '20260313150000',
 *   ThoiGianGiaiQuyet: 5,
 *   DonViTinh: 'Ngày làm việc',
 *   KenhThucHien: 2,
 *   TrangThaiHoSo: 10,
 *   HoSoCoThanhPhanSoHoa: 1,
 * };
 * ```
 */
export interface NationalSyncRecord {
  /** Mã hồ sơ. */
  readonly MaHoSo: string;
  /** Receipt time. */
  readonly NgayTiepNhan: string;
  /** Promised return time. */
  readonly NgayHenTra?: string;
  /** End of processing. */
  readonly NgayKetThucXuLy?: string;
  /** The time limit's value. */
  readonly ThoiGianGiaiQuyet?: number;
  /** The time limit's unit, in words. */
  readonly DonViTinh?: string;
  /** 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. */
  readonly KenhThucHien: number | string;
  /** 1–10, see `DossierStatus`. */
  readonly TrangThaiHoSo: number | string;
  /** 1 when the dossier's components were digitised. */
  readonly HoSoCoThanhPhanSoHoa?: number | string;
  /** Any other field, passed through. */
  readonly [field: string]: unknown;
}

/**
 * A dossier with what the national sync needs beyond its timeline: its code and status.
 *
 * @example
 * ```ts
 * const dossier: SyncDossier = {
 *   code: '000.00.15.H41-260309-0001', status: 'returned', channel: 'online', digitised: true,
 *   receivedAt: '2026-03-09T10:00:00+07:00', limit: { value: 5, unit: 'working-days' },
 *   events: [{ type: 'resolved', at: '2026-03-13T15:00:00+07:00' }, { type: 'returned', at: '2026-03-13T16:00:00+07:00' }],
 * };
 * ```
 */
export interface SyncDossier extends DossierRecord {
  /** Mã hồ sơ. */
  readonly code: string;
  /** The current status. */
  readonly status: DossierStatus;
}

/**
 * How the sync fields are written [U]: dates as `yyyyMMddHHmmss` in Vietnam time (`compact`,
 * default) or ISO 8601 with `+07:00` (`iso`); and the words of `DonViTinh` per unit.
 *
 * @example
 * ```ts
 * const options: NationalSyncFormat = { dateFormat: 'iso', units: { 'working-days': 'Ngày' } };
 * ```
 */
export interface NationalSyncFormat {
  /** `compact` (`yyyyMMddHHmmss`, default) or `iso`. */
  readonly dateFormat?: 'compact' | 'iso';
  /** `DonViTinh` per unit (defaults in {@link DEFAULT_SYNC_UNITS}). */
  readonly units?: Partial<Readonly<Record<TimeLimitUnit, string>>>;
}

/**
 * The default words of `DonViTinh` per time-limit unit [U].
 *
 * @example
 * ```ts
 * DEFAULT_SYNC_UNITS['working-days']; // 'Ngày làm việc'
 * ```
 */
export const DEFAULT_SYNC_UNITS: Readonly<Record<TimeLimitUnit, string>> = Object.freeze({
  'working-days': 'Ngày làm việc',
  'working-hours': 'Giờ làm việc',
  days: 'Ngày',
  'same-day': 'Trong ngày',
  immediate: 'Giải quyết ngay',
});

function writeDate(iso: string, format: 'compact' | 'iso'): string {
  return format === 'iso' ? iso : iso.slice(0, 19).replace(/[-T:]/g, '');
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * Reads a sync date (compact Vietnam time or ISO with offset) as an ISO string with `+07:00`; `undefined` when it is
 * not one.
 */
function readDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = COMPACT.exec(value);
  if (!compact) return parseOffsetDateTime(value) === undefined ? undefined : value;
  const [, y, mo, d, h, mi, s] = compact;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`;
  return isCivilDate(iso.slice(0, 10)) && parseOffsetDateTime(iso) !== undefined ? iso : undefined;
}

/**
 * Writes a dossier as national sync fields: `NgayHenTra` is the last promised date (moved by the
 * supplement pauses and any extension), `NgayKetThucXuLy` the end of processing (resolved, else
 * returned, else stopped).
 *
 * @throws MotcuaError for a bad dossier, a missing channel or an unknown status.
 * @example
 * ```ts
 * toNationalSync(dossier, { calendar: vietnamCalendar() });
 * // { MaHoSo: '000.00.15.H41-260309-0001', NgayTiepNhan: '20260309100000', NgayHenTra: '20260316170000',
 * //   NgayKetThucXuLy: '20260313150000', ThoiGianGiaiQuyet: 5, DonViTinh: 'Ngày làm việc',
 * //   KenhThucHien: 2, TrangThaiHoSo: 10, HoSoCoThanhPhanSoHoa: 1 }
 * ```
 */
export function toNationalSync(
  dossier: SyncDossier,
  options: DossierClockOptions & NationalSyncFormat,
): NationalSyncRecord {
  const problems: Problem[] = [];
  if (dossier.channel === undefined) {
    problems.push(
      problem(['channel'], 'missing-channel', {
        vi: 'Thiếu kênh thực hiện (trực tiếp, trực tuyến hoặc bưu chính)',
        en: 'Missing channel (in person, online or postal)',
      }),
    );
  }
  if (typeof dossier.code !== 'string' || dossier.code === '') {
    problems.push(problem(['code'], 'missing-field', { vi: 'Thiếu mã hồ sơ', en: 'Missing dossier code' }));
  }
  if (problems.length > 0) throw new MotcuaError(problems);
  const status = toNationalStatusCode(dossier.status);
  const channel = toChannelCode(dossier.channel as NonNullable<SyncDossier['channel']>);
  const clock = dossierClock(dossier, options);
  const format = options.dateFormat ?? 'compact';
  const units = { ...DEFAULT_SYNC_UNITS, ...options.units };
  return {
    MaHoSo: dossier.code,
    NgayTiepNhan: writeDate(clock.receivedAt, format),
    NgayHenTra: writeDate(clock.promisedDueAt, format),
    ...(clock.endedAt ? { NgayKetThucXuLy: writeDate(clock.endedAt, format) } : {}),
    ThoiGianGiaiQuyet: dossier.limit.value,
    DonViTinh: units[dossier.limit.unit],
    KenhThucHien: channel,
    TrangThaiHoSo: status,
    ...(dossier.digitised === undefined ? {} : { HoSoCoThanhPhanSoHoa: dossier.digitised ? 1 : 0 }),
  };
}

/**
 * A dossier read from national sync fields: code, status, channel, times as ISO strings in Vietnam
 * time, the time limit when `ThoiGianGiaiQuyet` and `DonViTinh` give it, and the events its status
 * and end time imply — so a province's own system can feed its dossiers to the clock and the
 * statistics (`limit` and `events` make it a `DossierRecord`).
 *
 * @example
 * ```ts
 * const synced: SyncedDossier = fromNationalSync(record);
 * synced.status; // 'returned'
 * ```
 */
export interface SyncedDossier {
  /** Mã hồ sơ. */
  readonly code: string;
  /** The status. */
  readonly status: DossierStatus;
  /** How it was filed. */
  readonly channel: NonNullable<DossierRecord['channel']>;
  /** Receipt, ISO. */
  readonly receivedAt: string;
  /** `NgayHenTra`, ISO. */
  readonly dueAt?: string;
  /** `NgayKetThucXuLy`, ISO. */
  readonly endedAt?: string;
  /** The time limit, when given. */
  readonly limit?: TimeLimit;
  /** Whether the components were digitised, when given. */
  readonly digitised?: boolean;
  /** The end event the status implies (resolved, returned, stopped for a refusal or stop, withdrawn). */
  readonly events: readonly DossierEvent[];
}

const END_EVENT: Partial<Record<DossierStatus, DossierEvent['type']>> = {
  refused: 'stopped',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
  resolved: 'resolved',
  returned: 'returned',
};

/**
 * A fault of a national sync record, without words: the field that is missing (`MaHoSo`) or unreadable (a status or
 * channel code, a date, the words of `DonViTinh`), the time limit whose `ThoiGianGiaiQuyet` does not suit its unit, or
 * `ended`, an ended status without `NgayKetThucXuLy`.
 */
type SyncFault =
  | 'MaHoSo'
  | 'TrangThaiHoSo'
  | 'KenhThucHien'
  | 'NgayTiepNhan'
  | 'NgayHenTra'
  | 'NgayKetThucXuLy'
  | 'DonViTinh'
  | 'ended'
  | TimeLimit;

const unitsOf = (format: NationalSyncFormat) => ({ ...DEFAULT_SYNC_UNITS, ...format.units });

/**
 * The checks of national sync fields, without their words: the dossier the record gives, or `undefined` with every
 * fault added to `faults`, in the order `fromNationalSync` reports them (which words them).
 */
function readSync(
  record: NationalSyncRecord,
  format: NationalSyncFormat,
  faults: SyncFault[],
): SyncedDossier | undefined {
  const date = (field: 'NgayTiepNhan' | 'NgayHenTra' | 'NgayKetThucXuLy') => {
    const at = readDate(record?.[field]);
    if (at === undefined) faults.push(field);
    return at;
  };
  if (typeof record?.MaHoSo !== 'string' || record.MaHoSo === '') faults.push('MaHoSo');
  const status = readNationalStatusCode(record?.TrangThaiHoSo);
  if (status === undefined) faults.push('TrangThaiHoSo');
  const channel = readChannelCode(record?.KenhThucHien);
  if (channel === undefined) faults.push('KenhThucHien');
  const receivedAt = date('NgayTiepNhan');
  const dueAt = record?.NgayHenTra === undefined ? undefined : date('NgayHenTra');
  const endedAt = record?.NgayKetThucXuLy === undefined ? undefined : date('NgayKetThucXuLy');
  let limit: TimeLimit | undefined;
  if (record?.ThoiGianGiaiQuyet !== undefined || record?.DonViTinh !== undefined) {
    const units = unitsOf(format);
    const unit = TIME_LIMIT_UNITS.find((u) => units[u].toLowerCase() === String(record.DonViTinh).trim().toLowerCase());
    if (unit === undefined) faults.push('DonViTinh');
    else {
      const candidate = { value: Number(record.ThoiGianGiaiQuyet), unit };
      if (timeLimitFaults(candidate).length > 0) faults.push(candidate);
      else limit = candidate;
    }
  }
  const digitisedField = record?.HoSoCoThanhPhanSoHoa;
  const digitised = digitisedField === undefined ? undefined : digitisedField === 1 || digitisedField === '1';
  const endType = status === undefined ? undefined : END_EVENT[status];
  if (endType !== undefined && endedAt === undefined && faults.length === 0) faults.push('ended');
  if (faults.length > 0) return undefined;
  return {
    code: record.MaHoSo,
    status: status as DossierStatus,
    channel: channel as NonNullable<DossierRecord['channel']>,
    receivedAt: receivedAt as string,
    ...(dueAt ? { dueAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    ...(limit ? { limit } : {}),
    ...(digitised === undefined ? {} : { digitised }),
    events: endType && endedAt ? [{ type: endType, at: endedAt } as DossierEvent] : [],
  };
}

/**
 * Reads national sync fields as {@link fromNationalSync} does, without its error and its words: the same dossier, or
 * `undefined` exactly when `fromNationalSync` throws — for a reader that shows no problem text, as a citizen's page
 * shows only that the answer is not a dossier it can show.
 *
 * @example
 * ```ts
 * readNationalSync({
 *   MaHoSo: '000.00.15.H41-260309-0001', NgayTiepNhan: '20260309100000', KenhThucHien: 2, TrangThaiHoSo: 4,
 * })?.status; // 'processing'
 * readNationalSync({ MaHoSo: 'X', NgayTiepNhan: '2026-03-09 10:00', KenhThucHien: 2, TrangThaiHoSo: 4 }); // undefined
 * ```
 */
export function readNationalSync(
  record: NationalSyncRecord,
  format: NationalSyncFormat = {},
): SyncedDossier | undefined {
  return readSync(record, format, []);
}

/** The problems of a fault of national sync fields, in Vietnamese and English, by the field's sync name. */
function syncProblems(record: NationalSyncRecord, format: NationalSyncFormat, fault: SyncFault): Problem[] {
  switch (fault) {
    case 'MaHoSo':
      return [problem(['MaHoSo'], 'missing-field', { vi: 'Thiếu mã hồ sơ', en: 'Missing dossier code' })];
    case 'TrangThaiHoSo':
      return [unknownStatusCode(record?.TrangThaiHoSo, ['TrangThaiHoSo'])];
    case 'KenhThucHien':
      return [unknownChannelCode(record?.KenhThucHien, ['KenhThucHien'])];
    case 'NgayTiepNhan':
    case 'NgayHenTra':
    case 'NgayKetThucXuLy': {
      const value = record?.[fault];
      return [
        problem([fault], 'invalid-date-time', {
          vi: `Ngày giờ phải có dạng yyyyMMddHHmmss (giờ Việt Nam) hoặc ISO 8601 kèm múi giờ; nhận được ${JSON.stringify(value) ?? String(value)}`,
          en: `A date-time must be yyyyMMddHHmmss (Vietnam time) or ISO 8601 with its offset; got ${JSON.stringify(value) ?? String(value)}`,
        }),
      ];
    }
    case 'DonViTinh': {
      const units = unitsOf(format);
      return [
        problem(['DonViTinh'], 'unknown-time-limit-unit', {
          vi: `Đơn vị tính không nhận ra; phải là một trong: ${Object.values(units).join(', ')}`,
          en: `Unknown unit; expected one of: ${Object.values(units).join(', ')}`,
        }),
      ];
    }
    case 'ended':
      return [
        problem(['NgayKetThucXuLy'], 'missing-field', {
          vi: 'Hồ sơ đã kết thúc: thiếu ngày kết thúc xử lý',
          en: 'The dossier has ended: NgayKetThucXuLy is missing',
        }),
      ];
    default:
      return timeLimitProblems(fault).map((p) => ({ ...p, path: ['ThoiGianGiaiQuyet'] }));
  }
}

/**
 * Reads national sync fields. Dates may be `yyyyMMddHHmmss` (Vietnam time) or ISO with an offset;
 * codes may be numbers or digits. {@link readNationalSync} reads them the same way without the problems' words.
 *
 * @throws MotcuaError listing every bad field by its sync name.
 * @example
 * ```ts
 * fromNationalSync({
 *   MaHoSo: '000.00.15.H41-260309-0001', NgayTiepNhan: '20260309100000', NgayHenTra: '20260316170000',
 *   NgayKetThucXuLy: '20260313150000', ThoiGianGiaiQuyet: 5, DonViTinh: 'Ngày làm việc',
 *   KenhThucHien: 2, TrangThaiHoSo: 9,
 * }).events; // [{ type: 'resolved', at: '2026-03-13T15:00:00+07:00' }]
 * ```
 */
export function fromNationalSync(record: NationalSyncRecord, format: NationalSyncFormat = {}): SyncedDossier {
  const faults: SyncFault[] = [];
  const dossier = readSync(record, format, faults);
  if (dossier === undefined) throw new MotcuaError(faults.flatMap((fault) => syncProblems(record, format, fault)));
  return dossier;
}

/**
 * Decision 766 indicator 2.1 straight from the sync dates [S]: a finished dossier is on time when
 * `NgayKetThucXuLy ≤ NgayHenTra` (early when on an earlier day); an open one is overdue once `now`
 * is past `NgayHenTra`. `undefined` without a `NgayHenTra`.
 *
 * @example
 * ```ts
 * syncedTimeliness(fromNationalSync(record)); // 'early'
 * ```
 */
export function syncedTimeliness(dossier: SyncedDossier, now?: string): Timeliness | undefined {
  if (dossier.status === 'withdrawn') return 'withdrawn';
  if (dossier.dueAt === undefined) return undefined;
  const due = parseOffsetDateTime(dossier.dueAt) as number;
  const dueDay = civilDateOf(due);
  if (dossier.endedAt !== undefined) {
    const end = parseOffsetDateTime(dossier.endedAt) as number;
    if (end > due) return 'late';
    return civilDateOf(end) < dueDay ? 'early' : 'on-time';
  }
  if (now === undefined) return undefined;
  const at = parseOffsetDateTime(now);
  if (at === undefined) {
    throw new MotcuaError([
      problem(['now'], 'invalid-date-time', {
        vi: 'Thời điểm hiện tại phải có dạng ISO 8601 kèm múi giờ',
        en: 'now must be ISO 8601 with its offset',
      }),
    ]);
  }
  return at > due ? 'overdue' : 'in-time';
}
