import {
  type Classification,
  classifyDossier,
  type DossierChannel,
  type DossierClock,
  type DossierClockOptions,
  type DossierEvent,
  type DossierStatus,
  type DossierTimeline,
  dossierClock,
  type SupplementReason,
  type TimeLimit,
  toNationalStatusCode,
} from '@motcua/core/deadline';
import { type DossierStep, type DossierStepType, type StoredDossier, statusOfStep } from './store.js';

/** One entry of a dossier's status timeline. */
export interface DossierTimelineEntry {
  /** `received`, or the step recorded. */
  readonly type: 'received' | DossierStepType;
  /** The status the dossier was in after it. */
  readonly status: DossierStatus;
  /** When, ISO 8601 with its offset. */
  readonly at: string;
  readonly reason?: string;
  /** The reason codes of a supplement request. */
  readonly reasons?: readonly SupplementReason[];
  /** The new due date of an extension (the apology letter's), or the one counted from the authority's receipt. */
  readonly dueAt?: string;
}

/**
 * What `GET /api/dossiers/{code}` answers and `<motcua-dossier-status>` reads: the procedure, the status timeline,
 * the receipt and due times, pauses and extension, the classification — never the applicant's name, address or
 * contact, nor the documents.
 */
export interface DossierLookup {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly name: string };
  readonly channel: DossierChannel;
  readonly status: DossierStatus;
  /** The national status code (1–10) of `status`. */
  readonly statusCode: number;
  readonly receivedAt: string;
  /** Received regardless of administrative boundary: the clock runs from the competent authority's receipt. */
  readonly acrossBoundary?: true;
  readonly limit: TimeLimit;
  /** The clock events, as core's `dossierClock` takes them (so a browser can recompute the clock). */
  readonly events: readonly DossierEvent[];
  readonly timeline: readonly DossierTimelineEntry[];
  /** Due dates, pauses, extension and state from core's dossier clock. */
  readonly clock: DossierClock;
  /** Timeliness and remaining working minutes at `checkedAt`. */
  readonly classification: Classification;
  /** Whether processing has ended (resolved, returned, withdrawn or stopped): the service can be rated. */
  readonly finished: boolean;
  /** When the server computed this, ISO 8601 with its offset. */
  readonly checkedAt: string;
  /** A finished dossier's rating token (when the server signs tokens): the link to rate the service carries it. */
  readonly ratingToken?: string;
}

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

const FINISHED = new Set<DossierStatus>(['resolved', 'returned', 'withdrawn', 'stopped', 'refused']);

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
    finished: FINISHED.has(d.status),
    checkedAt: now,
  };
}
