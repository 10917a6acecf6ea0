// The result area of <motcua-dossier-status> below the form: the words of each problem, and the dossier's notes
// (pauses, extension, verdict) and timeline steps.

import { html, nothing } from 'lit';
import type { DossierView, StepView } from './compute.js';
import type { DossierLookupProblem } from './dossier-status.events.js';
import type { DossierStatusStringKey } from './dossier-status.strings.js';

/** The element's strings, with its overrides. */
type Translate = (key: DossierStatusStringKey, params?: Readonly<Record<string, string | number>>) => string;

/** The message of each problem. */
export const PROBLEM_KEYS: Readonly<Record<DossierLookupProblem, DossierStatusStringKey>> = {
  'invalid-code': 'invalidCode',
  'missing-pin': 'missingPin',
  'invalid-pin': 'invalidPin',
  'not-found': 'notFound',
  network: 'network',
  timeout: 'timeout',
  server: 'server',
  malformed: 'malformed',
  'rate-limited': 'rateLimited',
};

/** The problems a new try may solve: the message comes with a retry button. */
export const RETRYABLE = new Set<DossierLookupProblem>(['network', 'timeout', 'server', 'malformed', 'rate-limited']);

/** The verdict on a dossier's timeliness, and its tone. */
const TIMELINESS = {
  early: { key: 'early', tone: 'good' },
  'on-time': { key: 'onTime', tone: 'good' },
  late: { key: 'late', tone: 'late' },
  'in-time': { key: 'inTime', tone: 'good' },
  overdue: { key: 'overdue', tone: 'late' },
  withdrawn: undefined,
} as const;

/** The notes under the dossier's facts: a pause now, past pauses, an extension with its reason, the verdict. */
export function renderNotes(d: DossierView, t: Translate, time: (iso: string) => string) {
  const notes = [];
  if (d.paused) notes.push(html`<p>${t('paused')}</p>`);
  for (const p of d.pauses) {
    if (p.to) notes.push(html`<p>${t('pause', { from: time(p.from), to: time(p.to) })}</p>`);
    else if (!d.paused) notes.push(html`<p>${t('pauseOpen', { from: time(p.from) })}</p>`);
  }
  if (d.extension) {
    notes.push(html`<p>${t('extension', { dueAt: time(d.extension.dueAt) })}
      ${t('extensionReason', { reason: d.extension.reason })}</p>`);
  }
  const verdict = d.timeliness ? TIMELINESS[d.timeliness] : undefined;
  if (verdict) notes.push(html`<p class=${verdict.tone}>${t(verdict.key)}</p>`);
  return notes;
}

/** One step of the timeline; the current one has `aria-current="step"`. */
export function renderStep(step: StepView, current: boolean, t: Translate, time: (iso: string) => string) {
  const name =
    step.type === 'extended'
      ? t('stepExtended')
      : step.type === 'authority-received'
        ? t('stepAuthority')
        : step.type === 'supplement-completed'
          ? t('stepSupplementCompleted')
          : t(`status-${step.status}`);
  return html`<li part="step" aria-current=${current ? 'step' : nothing}>
    ${name}<span class="when"><time datetime=${step.at}>${time(step.at)}</time></span>
    ${step.dueAt ? html`<span class="when">${t('promisedDueAt')}: ${time(step.dueAt)}</span>` : nothing}
    ${step.reason ? html`<span class="when">${t('reason', { reason: step.reason })}</span>` : nothing}
  </li>`;
}
