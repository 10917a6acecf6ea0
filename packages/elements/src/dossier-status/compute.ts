// Loaded lazily, with the first lookup: its request (lookup.ts), the validation of the answer and the dossier clock
// with core's calendar.

import { vietnamCalendar } from '@motcua/core/calendar';
import {
  classifyDossier,
  DOSSIER_EVENT_TYPES,
  DOSSIER_STATUS_NAMES,
  DOSSIER_STATUSES,
  type DossierClockOptions,
  type DossierEvent,
  type DossierStatus,
  dossierClock,
  FINISHED_DOSSIER_STATUSES,
  type NationalSyncFormat,
  type NationalSyncRecord,
  parseOffsetDateTime,
  readNationalSync,
  type SyncedDossier,
  statusOfStep,
  syncedTimeliness,
  type TimeLimit,
  type Timeliness,
  timeLimitProblems,
} from '@motcua/core/deadline';
import { isJsonObject } from '@motcua/core/text';
import type { StringTable } from '../internal/i18n.js';
import type { DossierStatusBaseStringKey, DossierStatusStringKey } from './dossier-status.strings.js';
import { HttpProblem } from './lookup-problem.js';

export { formatRemaining, isDossierCode } from '@motcua/core/deadline';
export { fetchDossier } from './lookup.js';

/** The element's strings with core's status names added. */
export function withStatusNames(base: StringTable<DossierStatusBaseStringKey>): StringTable<DossierStatusStringKey> {
  const names = (lang: 'vi' | 'en') =>
    Object.fromEntries(DOSSIER_STATUSES.map((s) => [`status-${s}`, DOSSIER_STATUS_NAMES[s][lang]]));
  return {
    vi: { ...base.vi, ...names('vi') } as Record<DossierStatusStringKey, string>,
    en: { ...base.en, ...names('en') } as Record<DossierStatusStringKey, string>,
  };
}

/** One step of the timeline the element shows. */
export interface StepView {
  /** `received`, a clock event type, `processing` or `payment-requested`. */
  readonly type: string;
  readonly status: DossierStatus;
  readonly at: string;
  readonly reason?: string;
  readonly dueAt?: string;
}

/** What the element shows of a dossier. */
export interface DossierView {
  readonly code: string;
  readonly procedure: string;
  readonly status: DossierStatus;
  readonly finished: boolean;
  readonly receivedAt: string;
  /** Taken in regardless of boundary, not yet received by the authority: the due date is provisional. */
  readonly provisional?: boolean;
  /** The due date on the receipt slip. */
  readonly dueAt?: string;
  /** The due date now (moved by pauses, or promised in an apology letter) when it differs. */
  readonly promisedDueAt?: string;
  readonly extension?: { readonly at: string; readonly dueAt: string; readonly reason: string };
  readonly pauses: readonly { readonly from: string; readonly to?: string }[];
  readonly paused: boolean;
  readonly timeliness?: Timeliness;
  readonly remainingMinutes?: number;
  readonly dayMinutes?: number;
  readonly timeline: readonly StepView[];
}

type Json = Record<string, unknown>;

const isTime = (v: unknown): v is string => typeof v === 'string' && parseOffsetDateTime(v) !== undefined;
const isStatus = (v: unknown): v is DossierStatus => (DOSSIER_STATUSES as readonly unknown[]).includes(v);
const optionalText = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

/** The answer is not a dossier the element can show: the lookup's `malformed` problem. */
function fail(): never {
  throw new HttpProblem('malformed');
}

function checkEvent(e: unknown): DossierEvent {
  if (!isJsonObject(e) || !(DOSSIER_EVENT_TYPES as readonly unknown[]).includes(e.type) || !isTime(e.at)) fail();
  if (!optionalText(e.reason)) fail();
  if (e.type === 'extended' && (!isTime(e.dueAt) || typeof e.reason !== 'string')) fail();
  return e as unknown as DossierEvent;
}

function checkStep(s: unknown): StepView {
  if (!isJsonObject(s) || typeof s.type !== 'string' || !isStatus(s.status) || !isTime(s.at)) fail();
  if (!optionalText(s.reason) || !(s.dueAt === undefined || isTime(s.dueAt))) fail();
  return {
    type: s.type,
    status: s.status,
    at: s.at,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.dueAt ? { dueAt: s.dueAt as string } : {}),
  };
}

/** The timeline a list of clock events implies, when the answer does not give one. */
function timelineOf(receivedAt: string, events: readonly DossierEvent[]): StepView[] {
  const steps: StepView[] = [{ type: 'received', status: 'received', at: receivedAt }];
  let status: DossierStatus = 'received';
  for (const e of events) {
    status = statusOfStep(e.type, status);
    // Checked events (checkEvent) and a sync record's: their times are ISO strings.
    const at = e.at as string;
    const reason = 'reason' in e ? e.reason : undefined;
    const dueAt = e.type === 'extended' ? (e.dueAt as string) : undefined;
    steps.push({ type: e.type, status, at, ...(reason ? { reason } : {}), ...(dueAt ? { dueAt } : {}) });
  }
  return steps;
}

/** How a lookup's answer is read: the words of `DonViTinh` the province writes (core's defaults otherwise). */
export interface ReadOptions {
  readonly units?: NationalSyncFormat['units'];
}

let options: DossierClockOptions | undefined;

/**
 * Checks a lookup's answer (the shape of `GET /api/dossiers/{code}`, or a record in the national sync fields) and
 * computes the clock and the working time left in the browser, with core's calendar, at `now`.
 *
 * @throws HttpProblem (`malformed`) when the answer is not a dossier with this code.
 */
export function toDossierView(raw: unknown, code: string, now: number, read: ReadOptions = {}): DossierView {
  if (!isJsonObject(raw)) fail();
  let data: Json = raw;
  // A record in the national sync fields is read with the configured `DonViTinh` words; its `NgayHenTra` is the
  // province's own due date (moved by its pauses and extensions) and wins over the one computed from the limit.
  let synced: SyncedDossier | undefined;
  try {
    if (typeof raw.MaHoSo === 'string') {
      synced = readNationalSync(raw as unknown as NationalSyncRecord, read.units ? { units: read.units } : {});
      if (!synced) fail();
      // The record as an answer: core's reading of it, with the procedure's name the province writes.
      const name = raw.TenThuTuc ?? raw.TenTTHC;
      data = { ...synced, procedure: { name: typeof name === 'string' ? name : '' } };
    }
  } catch {
    fail();
  }
  if (typeof data.code !== 'string' || data.code.toUpperCase() !== code.toUpperCase()) fail();
  if (!isStatus(data.status) || !isTime(data.receivedAt)) fail();
  const procedure = isJsonObject(data.procedure) ? data.procedure : {};
  if (!optionalText(procedure.name) || !optionalText(procedure.code)) fail();
  const limit = data.limit as TimeLimit | undefined;
  if (limit !== undefined && timeLimitProblems(limit).length > 0) fail();
  if (data.events !== undefined && !Array.isArray(data.events)) fail();
  const events = ((data.events as unknown[] | undefined) ?? []).map(checkEvent);
  if (data.timeline !== undefined && !Array.isArray(data.timeline)) fail();
  const timeline = data.timeline
    ? (data.timeline as unknown[]).map(checkStep)
    : timelineOf(data.receivedAt as string, events);
  if (!(data.dueAt === undefined || isTime(data.dueAt))) fail();
  const status = data.status;
  const finished = typeof data.finished === 'boolean' ? data.finished : FINISHED_DOSSIER_STATUSES.includes(status);
  const base = {
    code: data.code,
    procedure: (procedure.name as string | undefined) ?? '',
    status,
    finished,
    receivedAt: data.receivedAt as string,
    timeline,
  };
  // Status 5 (yêu cầu bổ sung): the clock waits for the citizen, even when no event says since when.
  const waiting = status === 'supplement-requested';
  if (!limit) {
    const clock = isJsonObject(data.clock) ? data.clock : {};
    const dueAt = isTime(data.dueAt) ? data.dueAt : isTime(clock.dueAt) ? clock.dueAt : undefined;
    return { ...base, ...(dueAt ? { dueAt } : {}), pauses: [], paused: waiting };
  }
  options ??= { calendar: vietnamCalendar() };
  // The due date the server stored when the dossier was received binds: the browser does not recount it.
  const answered = isJsonObject(data.clock) && isTime(data.clock.originalDueAt) ? data.clock.originalDueAt : undefined;
  const dossier = {
    receivedAt: base.receivedAt,
    limit,
    ...(typeof procedure.code === 'string' ? { procedure: procedure.code } : {}),
    ...(answered ? { dueAt: answered } : {}),
    ...(data.acrossBoundary === true ? { acrossBoundary: true } : {}),
    events,
  };
  let clock: ReturnType<typeof dossierClock>;
  let classification: ReturnType<typeof classifyDossier>;
  try {
    clock = dossierClock(dossier, options);
    classification = classifyDossier(dossier, { ...options, now });
  } catch {
    fail();
  }
  // The clock's own pauses (their working minutes beside): fresh objects, shown as they are.
  const pauses = clock.pauses;
  if (synced?.dueAt && parseOffsetDateTime(synced.dueAt) !== parseOffsetDateTime(clock.promisedDueAt)) {
    // The province's due date differs from the one computed from the limit (its pauses, an extension, its own
    // rules): it is the one shown, and judged as the national indicator does, straight from the sync dates.
    const timeliness = syncedTimeliness(synced, new Date(now).toISOString());
    return {
      ...base,
      dueAt: synced.dueAt,
      pauses,
      paused: waiting,
      ...(timeliness && !(waiting && !finished) ? { timeliness } : {}),
    };
  }
  // A dossier waiting for the citizen's supplement, whose request the answer does not date: no countdown and no
  // verdict measured at the current time.
  const unknownPause = waiting && clock.state !== 'paused';
  return {
    ...base,
    dueAt: clock.originalDueAt,
    ...(clock.provisional ? { provisional: true } : {}),
    ...(clock.promisedDueAt !== clock.originalDueAt ? { promisedDueAt: clock.promisedDueAt } : {}),
    ...(clock.extension ? { extension: clock.extension } : {}),
    pauses,
    paused: clock.state === 'paused' || waiting,
    ...(unknownPause
      ? {}
      : {
          timeliness: classification.timeliness,
          remainingMinutes: classification.remainingMinutes,
          dayMinutes: classification.dayMinutes,
        }),
  };
}
