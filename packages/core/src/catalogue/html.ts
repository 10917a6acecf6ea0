import { formatTimeLimit } from '../deadline/format-time-limit.js';
import { foldVietnamese } from '../text/fold.js';
import { formatFeeRule } from './fees.js';
import type { Catalogue, ChannelKind, FeeRule, Procedure, ProcedureLevel } from './schema.js';

/**
 * Options of {@link catalogueToHtml}.
 *
 * @example
 * ```ts
 * const options: CatalogueHtmlOptions = { language: 'en', headingLevel: 3 };
 * ```
 */
export interface CatalogueHtmlOptions {
  /** Language of the labels (the data stays as written). Default `'vi'`. */
  readonly language?: 'vi' | 'en';
  /** Level of the catalogue's heading (`<h2>` by default); fields and procedures go one and two deeper. */
  readonly headingLevel?: 1 | 2 | 3 | 4;
}

const LABELS = {
  vi: {
    catalogue: 'Danh mục thủ tục hành chính',
    version: 'Phiên bản',
    code: 'Mã thủ tục',
    field: 'Lĩnh vực',
    level: 'Cấp thực hiện',
    agency: 'Cơ quan thực hiện',
    time: 'Thời hạn giải quyết',
    reduced: 'Thời hạn đã cắt giảm',
    fees: 'Phí, lệ phí',
    free: 'Không thu phí, lệ phí',
    channels: 'Cách thức thực hiện',
    documents: 'Thành phần hồ sơ',
    legal: 'Căn cứ pháp lý',
    note: 'Ghi chú',
    unstated: 'Chưa công bố',
    copies: 'bản',
    source: 'Nguồn',
  },
  en: {
    catalogue: 'Administrative procedures',
    version: 'Version',
    code: 'Code',
    field: 'Field',
    level: 'Level',
    agency: 'Agency',
    time: 'Time limit',
    reduced: 'Reduced time limit',
    fees: 'Fees',
    free: 'Free of charge',
    channels: 'How to apply',
    documents: 'Documents',
    legal: 'Legal basis',
    note: 'Note',
    unstated: 'Not published',
    copies: 'copies',
    source: 'Source',
  },
} as const;

const LEVELS: Readonly<Record<ProcedureLevel, { vi: string; en: string }>> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};

const CHANNELS: Readonly<Record<ChannelKind, { vi: string; en: string }>> = {
  'in-person': { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Qua dịch vụ bưu chính', en: 'By post' },
};

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"Hộ tịch" & Co</b>'); // '&lt;b&gt;&quot;Hộ tịch&quot; &amp; Co&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A fragment id for a procedure, e.g. `tthc-2-000815`. */
function anchorOf(procedure: Procedure): string {
  const code = procedure.localSuffix === undefined ? procedure.code : `${procedure.code}.${procedure.localSuffix}`;
  return `tthc-${code.replace(/[^0-9A-Za-z]+/g, '-')}`;
}

function feesText(fees: readonly FeeRule[] | undefined, note: string | undefined, language: 'vi' | 'en'): string {
  const labels = LABELS[language];
  const parts: string[] = [];
  if (fees !== undefined && fees.length === 0 && note === undefined) parts.push(labels.free);
  for (const rule of fees ?? []) {
    parts.push(
      rule.label === undefined ? formatFeeRule(rule, language) : `${rule.label}: ${formatFeeRule(rule, language)}`,
    );
  }
  if (note !== undefined) parts.push(note);
  return parts.length === 0 ? labels.unstated : parts.join('; ');
}

function row(label: string, html: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`;
}

function procedureHtml(procedure: Procedure, heading: number, language: 'vi' | 'en'): string {
  const labels = LABELS[language];
  const rows: string[] = [];
  const code = procedure.localSuffix === undefined ? procedure.code : `${procedure.code}.${procedure.localSuffix}`;
  rows.push(row(labels.code, escapeHtml(code)));
  rows.push(row(labels.level, escapeHtml(procedure.levels.map((l) => LEVELS[l.level][language]).join(', '))));
  rows.push(row(labels.agency, escapeHtml(procedure.agency)));
  const time = procedure.statutoryTime;
  rows.push(row(labels.time, escapeHtml(time === undefined ? labels.unstated : formatTimeLimit(time, language))));
  for (const extra of procedure.conditionalTimes ?? []) {
    rows.push(
      row(
        labels.time,
        escapeHtml(`${extra.when}: ${extra.mode === 'added' ? '+ ' : ''}${formatTimeLimit(extra.limit, language)}`),
      ),
    );
  }
  if (procedure.reducedTime !== undefined) {
    rows.push(row(labels.reduced, escapeHtml(formatTimeLimit(procedure.reducedTime, language))));
  }
  rows.push(row(labels.fees, escapeHtml(feesText(procedure.fees, procedure.feeNote, language))));
  const channels = procedure.channels.map((c) => {
    const parts = [CHANNELS[c.kind][language]];
    if (c.timeLimit !== undefined) parts.push(formatTimeLimit(c.timeLimit, language));
    if (c.fees !== undefined) parts.push(feesText(c.fees, undefined, language));
    if (c.description !== undefined) parts.push(c.description);
    return `<li>${escapeHtml(parts.join(' — '))}</li>`;
  });
  rows.push(row(labels.channels, `<ul>${channels.join('')}</ul>`));
  if (procedure.documents !== undefined && procedure.documents.length > 0) {
    const docs = procedure.documents.map((d) => {
      const name = escapeHtml(`${d.name}${d.copies === undefined ? '' : ` (${d.copies} ${labels.copies})`}`);
      return `<li>${d.template === undefined ? name : `<a href="${escapeHtml(d.template)}">${name}</a>`}</li>`;
    });
    rows.push(row(labels.documents, `<ul>${docs.join('')}</ul>`));
  }
  if (procedure.legalBasis !== undefined && procedure.legalBasis.length > 0) {
    const items = procedure.legalBasis.map((b) => {
      const text = escapeHtml(
        b.articles === undefined
          ? b.instrument
          : `${b.instrument}, ${language === 'vi' ? 'điều' : 'art.'} ${b.articles}`,
      );
      return `<li>${b.url === undefined ? text : `<a href="${escapeHtml(b.url)}">${text}</a>`}</li>`;
    });
    rows.push(row(labels.legal, `<ul>${items.join('')}</ul>`));
  }
  if (procedure.note !== undefined) rows.push(row(labels.note, escapeHtml(procedure.note)));
  if (procedure.sourceUrl !== undefined) {
    rows.push(
      row(labels.source, `<a href="${escapeHtml(procedure.sourceUrl)}">${escapeHtml(procedure.sourceUrl)}</a>`),
    );
  }
  const h = `h${Math.min(heading, 6)}`;
  return `<article id="${anchorOf(procedure)}" data-code="${escapeHtml(procedure.code)}"><${h} lang="vi">${escapeHtml(procedure.name)}</${h}><dl>${rows.join('')}</dl></article>`;
}

/**
 * Renders a catalogue as plain, accessible HTML (headings, definition lists, links; no scripts, no
 * styles) that a commune pastes inside `<motcua-procedure-list>` as its no-JavaScript fallback.
 * Procedures are grouped by field in catalogue order; every string from the data is escaped.
 *
 * @example
 * ```ts
 * const html = catalogueToHtml(catalogue);
 * // '<section class="motcua-catalogue" lang="vi">\n<h2>Danh mục thủ tục hành chính — …</h2>…'
 * ```
 */
export function catalogueToHtml(catalogue: Catalogue, options: CatalogueHtmlOptions = {}): string {
  const language = options.language ?? 'vi';
  const level = options.headingLevel ?? 2;
  const labels = LABELS[language];
  const groups = new Map<string, { field: string; procedures: Procedure[] }>();
  for (const procedure of catalogue.procedures) {
    const key = foldVietnamese(procedure.field);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { field: procedure.field, procedures: [procedure] });
    else group.procedures.push(procedure);
  }
  const out: string[] = [
    `<section class="motcua-catalogue" lang="${language}">`,
    `<h${level}>${escapeHtml(`${labels.catalogue} — ${catalogue.agency.name}`)}</h${level}>`,
    `<p>${escapeHtml(`${labels.version}: ${catalogue.version}`)}</p>`,
  ];
  for (const group of groups.values()) {
    out.push(`<section><h${level + 1} lang="vi">${escapeHtml(group.field)}</h${level + 1}>`);
    for (const procedure of group.procedures) out.push(procedureHtml(procedure, level + 2, language));
    out.push('</section>');
  }
  out.push('</section>');
  return out.join('\n');
}
