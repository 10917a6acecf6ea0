import {
  classifyDossier,
  DOSSIER_STEP_TYPES,
  type DossierClockOptions,
  type DossierEvent,
  type DossierLookup,
  type DossierStatus,
  type DossierStepType,
  type DossierTimeline,
  type DossierTimelineEntry,
  type DossierWorkItem,
  dossierClock,
  ENDED_DOSSIER_STATUSES,
  FINISHED_DOSSIER_STATUSES,
  parseOffsetDateTime,
  statusOfStep,
  toNationalStatusCode,
} from '@motcua/core/deadline';
import { MotcuaError } from '@motcua/core/text';
import { clockInputOf, type DossierClockRow, type DossierStep, type StoredDossier } from './store.js';
import { vietnamIso } from './vietnam-iso.js';

/**
 * A stored dossier as core's dossier clock takes it: with the printed due date, which binds, and whether it was
 * received regardless of boundary.
 */
export function timelineOf(
  d: Pick<StoredDossier, 'receivedAt' | 'limit' | 'procedureCode' | 'dueAt' | 'acrossBoundary'>,
  events: readonly DossierEvent[],
): DossierTimeline {
  return {
    receivedAt: d.receivedAt,
    limit: d.limit,
    procedure: d.procedureCode,
    dueAt: d.dueAt,
    ...(d.acrossBoundary ? { acrossBoundary: true } : {}),
    events,
  };
}

/** The clock events among a dossier's steps. */
export function clockEvents(steps: readonly DossierStep[]): DossierEvent[] {
  const events: DossierEvent[] = [];
  for (const s of steps) {
    switch (s.type) {
      case 'processing':
      case 'payment-requested':
        break;
      case 'extended':
        events.push({ type: 'extended', at: s.at, dueAt: s.dueAt as string, reason: s.reason ?? '' });
        break;
      case 'authority-received':
        events.push({ type: s.type, at: s.at, ...(s.dueAt ? { dueAt: s.dueAt } : {}) });
        break;
      case 'supplement-requested':
        events.push({
          type: s.type,
          at: s.at,
          ...(s.reason ? { reason: s.reason } : {}),
          ...(s.reasons ? { reasons: s.reasons } : {}),
        });
        break;
      case 'stopped':
        events.push({ type: s.type, at: s.at, ...(s.reason ? { reason: s.reason } : {}) });
        break;
      default:
        events.push({ type: s.type, at: s.at });
    }
  }
  return events;
}

/**
 * The public view of a dossier at `now` (ISO 8601 with offset), computed with core's dossier clock.
 *
 * @example
 * ```ts
 * const view = lookupView(dossier, '2026-03-10T09:00:00+07:00', { calendar: vietnamCalendar() });
 * view.classification.timeliness; // 'in-time'
 * ```
 */
export function lookupView(d: StoredDossier, now: string, options: DossierClockOptions): DossierLookup {
  const events = clockEvents(d.steps);
  const timeline: DossierTimelineEntry[] = [{ type: 'received', status: 'received', at: d.receivedAt }];
  let status: DossierStatus = 'received';
  for (const s of d.steps) {
    status = statusOfStep(s.type, status);
    timeline.push({
      type: s.type,
      status,
      at: s.at,
      ...(s.reason ? { reason: s.reason } : {}),
      ...(s.reasons ? { reasons: s.reasons } : {}),
      ...(s.dueAt ? { dueAt: s.dueAt } : {}),
    });
  }
  const dossier = timelineOf(d, events);
  return {
    code: d.code,
    procedure: { code: d.procedureCode, name: d.procedureName },
    channel: d.channel,
    status: d.status,
    statusCode: toNationalStatusCode(d.status),
    receivedAt: d.receivedAt,
    ...(d.acrossBoundary ? { acrossBoundary: true as const } : {}),
    limit: d.limit,
    events,
    timeline,
    clock: dossierClock(dossier, options),
    classification: classifyDossier(dossier, { ...options, now }),
    finished: FINISHED_DOSSIER_STATUSES.includes(d.status),
    checkedAt: now,
  };
}

/**
 * The steps core's dossier clock accepts on `d` at `now` that change its status or its clock, and `processing` and
 * `payment-requested` (which the clock does not see) unless a supplement is pending: what an officer's desk offers.
 * An extension is tried with a due date a year later than the current one (the officer's own date is checked when
 * recorded). None once the dossier has ended.
 *
 * @example
 * ```ts
 * nextSteps(dossier, '2026-03-10T09:00:00+07:00', clock); // ['supplement-requested', 'extended', …]
 * ```
 */
export function nextSteps(
  d: Pick<StoredDossier, 'receivedAt' | 'limit' | 'procedureCode' | 'dueAt' | 'acrossBoundary' | 'steps' | 'status'>,
  now: string,
  options: DossierClockOptions,
): DossierStepType[] {
  if (ENDED_DOSSIER_STATUSES.includes(d.status)) return [];
  const current = dossierClock(timelineOf(d, clockEvents(d.steps)), options);
  const later = new Date((parseOffsetDateTime(current.promisedDueAt) as number) + 366 * 86_400_000);
  return DOSSIER_STEP_TYPES.filter((type) => {
    // A step that leaves the status as it is only makes sense when it moves the clock.
    const keeps = type !== 'extended' && type !== 'authority-received' && statusOfStep(type, d.status) === d.status;
    if (keeps) return false;
    // Processing resumes through the supplement's completion.
    if (type === 'processing' || type === 'payment-requested') return d.status !== 'supplement-requested';
    const step: DossierStep = {
      type,
      at: now,
      ...(type === 'extended' ? { dueAt: vietnamIso(later.getTime()), reason: '-' } : {}),
      ...(type === 'supplement-requested' ? { reasons: ['incomplete' as const] } : {}),
    };
    try {
      dossierClock(timelineOf(d, clockEvents([...d.steps, step])), options);
      return true;
    } catch (error) {
      if (error instanceof MotcuaError) return false;
      throw error;
    }
  });
}

/**
 * One open dossier of an officer's worklist at `now`, classified by core's dossier clock.
 *
 * @example
 * ```ts
 * const item = workItem(row, '2026-03-10T09:00:00+07:00', clock);
 * ```
 */
export function workItem(
  row: DossierClockRow & { status: DossierStatus },
  now: string,
  options: DossierClockOptions,
): DossierWorkItem {
  const { stored, steps } = clockInputOf(row);
  return {
    code: row.code,
    procedure: { code: row.procedure_code, name: row.procedure_name },
    status: row.status,
    receivedAt: row.received_at,
    classification: classifyDossier(timelineOf(stored, clockEvents(steps)), { ...options, now }),
  };
}
