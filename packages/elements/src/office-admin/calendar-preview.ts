// The calendar preview of `<motcua-office-admin>` (the days and open dossiers a calendar change affects), loaded with
// the element's history after its first paint, so that the first paint carries neither its markup nor its strings.
import type { CalendarPreview } from '@motcua/core/staff';
import { html, nothing } from 'lit';
import type { Language } from '../internal/i18n.js';
import type { CalendarPreviewStringKey } from './types.js';

/** The preview: each day counted differently, then each open dossier whose due date the change recounts. */
export function calendarPreviewView(
  p: CalendarPreview,
  label: string,
  t: (key: CalendarPreviewStringKey, params?: Readonly<Record<string, string | number>>) => string,
  language: Language,
) {
  const state = (working: boolean) => t(working ? 'working' : 'dayOff');
  return html`<div part="preview" role="region" aria-label=${label}>
    <h4>${t('previewDays')}</h4>
    ${
      p.days.length === 0
        ? html`<p>${t('previewNoDays')}</p>`
        : html`<ul>
          ${p.days.map(
            (d) =>
              html`<li>
                ${d.date}: ${state(d.before.working)} → ${state(d.after.working)}${
                  d.after.name ? html` (${d.after.name[language]})` : nothing
                }
              </li>`,
          )}
        </ul>`
    }
    <h4>${t(p.dossiers.length === 0 ? 'previewNoDossiers' : 'previewDossiers', { open: p.open })}</h4>
    ${
      p.dossiers.length === 0
        ? nothing
        : html`<ul>
          ${p.dossiers.map(
            (d) =>
              html`<li>${d.code} — ${d.procedure.name}: ${t('dueChange', { due: d.dueAt, recounted: d.recountedDueAt })}</li>`,
          )}
        </ul>`
    }
  </div>`;
}
