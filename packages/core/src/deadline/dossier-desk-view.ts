import { isJsonObject } from '../text/json-object.js';
import { DOSSIER_STEP_TYPES, type DossierLookup, type DossierStepType } from './dossier-lookup.js';
import { readWorkItem } from './dossier-worklist.js';

// The wire contract of one dossier on an officer's desk (`GET /api/dossiers/{code}/steps`), apart from the worklist's
// so that a screen reading only the worklist (the leaders' early warning) loads nothing of the steps.

/** What `GET /api/dossiers/{code}/steps` answers: the dossier's status view and what may be recorded next. */
export interface DossierDeskView {
  readonly dossier: DossierLookup;
  /** The steps the dossier clock accepts now, in {@link DOSSIER_STEP_TYPES} order; none once the dossier ended. */
  readonly nextSteps: readonly DossierStepType[];
}

/**
 * Reads what `GET /api/dossiers/{code}/steps` answered (`undefined` when it is not a dossier desk view); steps that
 * are not {@link DOSSIER_STEP_TYPES} are left out.
 *
 * @example
 * ```ts
 * const view = readDossierDeskView(await (await fetch('/api/dossiers/000.00.00.H12-261204-0001/steps')).json());
 * view?.nextSteps.includes('supplement-requested');
 * ```
 */
export function readDossierDeskView(value: unknown): DossierDeskView | undefined {
  if (!isJsonObject(value) || !Array.isArray(value.nextSteps)) return undefined;
  const dossier = value.dossier;
  if (!isJsonObject(dossier) || !Array.isArray(dossier.timeline) || !isJsonObject(dossier.clock)) return undefined;
  if (!readWorkItem(dossier)) return undefined;
  const nextSteps = DOSSIER_STEP_TYPES.filter((t) => (value.nextSteps as unknown[]).includes(t));
  return { dossier: dossier as unknown as DossierLookup, nextSteps };
}
