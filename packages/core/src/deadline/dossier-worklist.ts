import { isJsonObject } from '../text/json-object.js';
import type { Classification } from './classify.js';
import { DOSSIER_STATUSES, type DossierStatus } from './status.js';

/**
 * The wire contract of the office's dossiers still to be worked on (`GET /api/dossiers`, and the leaders' early
 * warning), which `<motcua-dossier-desk>` and the dashboard read; one dossier of the desk is `dossier-desk-view.ts`.
 */

/** The statuses after which no step can be recorded: the dossier has left the office's hands. */
export const ENDED_DOSSIER_STATUSES: readonly DossierStatus[] = Object.freeze([
  'withdrawn',
  'stopped',
  'returned',
  'refused',
]);

/** One dossier of the office still to be worked on: no applicant data, only what the list needs. */
export interface DossierWorkItem {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly name: string };
  readonly status: DossierStatus;
  readonly receivedAt: string;
  /** Timeliness, binding due date and working time left, at the list's `checkedAt`. */
  readonly classification: Classification;
}

/** What `GET /api/dossiers` answers: the open dossiers, the most urgent (earliest due) first. */
export interface DossierWorklist {
  readonly dossiers: readonly DossierWorkItem[];
  /** More dossiers are open than the list holds (find the others by their code). */
  readonly more: boolean;
  /** When the server computed this, ISO 8601 with its offset. */
  readonly checkedAt: string;
}

function readClassification(value: unknown): Classification | undefined {
  if (!isJsonObject(value)) return undefined;
  const { timeliness, dueAt, remainingMinutes, dayMinutes } = value;
  if (typeof timeliness !== 'string' || typeof dueAt !== 'string') return undefined;
  if (typeof remainingMinutes !== 'number' || typeof dayMinutes !== 'number') return undefined;
  return value as unknown as Classification;
}

/**
 * One entry of a worklist, or `undefined` when it is not one.
 *
 * @example
 * ```ts
 * readWorkItem(json.dossiers[0])?.classification.timeliness; // 'in-time'
 * ```
 */
export function readWorkItem(value: unknown): DossierWorkItem | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.procedure)) return undefined;
  const { code, status, receivedAt, procedure } = value;
  if (typeof code !== 'string' || typeof receivedAt !== 'string') return undefined;
  if (typeof procedure.code !== 'string' || typeof procedure.name !== 'string') return undefined;
  if (!DOSSIER_STATUSES.includes(status as DossierStatus)) return undefined;
  const classification = readClassification(value.classification);
  if (!classification) return undefined;
  return {
    code,
    procedure: { code: procedure.code, name: procedure.name },
    status: status as DossierStatus,
    receivedAt,
    classification,
  };
}

/**
 * Reads what `GET /api/dossiers` answered; entries that are not dossiers are left out, and an answer that is not a
 * worklist is `undefined`.
 *
 * @example
 * ```ts
 * const list = readDossierWorklist(await (await fetch('/api/dossiers', { credentials: 'same-origin' })).json());
 * list?.dossiers.filter((d) => d.classification.timeliness === 'overdue');
 * ```
 */
export function readDossierWorklist(value: unknown): DossierWorklist | undefined {
  if (!isJsonObject(value) || !Array.isArray(value.dossiers) || typeof value.checkedAt !== 'string') return undefined;
  const dossiers = value.dossiers.map(readWorkItem).filter((d): d is DossierWorkItem => d !== undefined);
  return { dossiers, more: value.more === true, checkedAt: value.checkedAt };
}
