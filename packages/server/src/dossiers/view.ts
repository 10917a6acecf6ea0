import {
  classifyDossier,
  type DossierClockOptions,
  type DossierEvent,
  type DossierLookup,
  type DossierStatus,
  type DossierTimeline,
  type DossierTimelineEntry,
  dossierClock,
  FINISHED_DOSSIER_STATUSES,
  statusOfStep,
  toNationalStatusCode,
} from '@motcua/core/deadline';
import type { DossierStep, StoredDossier } from './store.js';

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
