import type { Classification } from './classify.js';
import { DOSSIER_EVENT_TYPES, type DossierClock, type DossierEvent } from './dossier-clock.js';
import type { DossierChannel, DossierStatus } from './status.js';
import type { SupplementReason } from './supplement-reason-codes.js';
import type { TimeLimit } from './time-limit.js';

/**
 * The wire contract of a dossier's public status (`GET /api/dossiers/{code}`): what the server answers and
 * `<motcua-dossier-status>` reads, with the steps staff record and the statuses they lead to.
 */

/**
 * What staff record on a dossier after its receipt: the clock events of the dossier clock (supplement requested /
 * completed, extension with apology, the competent authority's receipt, withdrawn, stopped, resolved, returned) and
 * the two statuses that do not move the clock (`processing`, `payment-requested`).
 */
export type DossierStepType = DossierEvent['type'] | 'processing' | 'payment-requested';

/** Every {@link DossierStepType}. */
export const DOSSIER_STEP_TYPES: readonly DossierStepType[] = /* @__PURE__ */ Object.freeze([
  ...DOSSIER_EVENT_TYPES,
  'processing',
  'payment-requested',
]);

/** The statuses after which processing has ended: the service can be rated. */
export const FINISHED_DOSSIER_STATUSES: readonly DossierStatus[] = Object.freeze([
  'resolved',
  'returned',
  'withdrawn',
  'stopped',
  'refused',
]);

/**
 * The status a step leads to from `current`: a completed supplement resumes processing; an extension or the
 * authority's receipt keeps the status; any other step is the status of its name.
 *
 * @example
 * ```ts
 * statusOfStep('supplement-completed', 'supplement-requested'); // 'processing'
 * statusOfStep('extended', 'processing'); // 'processing'
 * ```
 */
export function statusOfStep(type: DossierStepType, current: DossierStatus): DossierStatus {
  switch (type) {
    case 'supplement-completed':
      return 'processing';
    case 'extended':
    case 'authority-received':
      return current;
    default:
      return type;
  }
}

/**
 * The status after a list of steps (a dossier starts `received`).
 *
 * @example
 * ```ts
 * statusAfterSteps([{ type: 'processing' }, { type: 'resolved' }]); // 'resolved'
 * ```
 */
export function statusAfterSteps(steps: readonly { readonly type: DossierStepType }[]): DossierStatus {
  let status: DossierStatus = 'received';
  for (const step of steps) status = statusOfStep(step.type, status);
  return status;
}

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
  /** The clock events, as `dossierClock` takes them (so a browser can recompute the clock). */
  readonly events: readonly DossierEvent[];
  readonly timeline: readonly DossierTimelineEntry[];
  /** Due dates, pauses, extension and state from the dossier clock. */
  readonly clock: DossierClock;
  /** Timeliness and remaining working minutes at `checkedAt`. */
  readonly classification: Classification;
  /** Whether processing has ended ({@link FINISHED_DOSSIER_STATUSES}): the service can be rated. */
  readonly finished: boolean;
  /** When the server computed this, ISO 8601 with its offset. */
  readonly checkedAt: string;
  /** A finished dossier's rating token (when the server signs tokens): the link to rate the service carries it. */
  readonly ratingToken?: string;
}
