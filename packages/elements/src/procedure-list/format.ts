import { type FeeRule, formatFeeRule, type Procedure, type ProcedureChannel } from '@motcua/core/catalogue';
import type { TimeLimit } from '@motcua/core/deadline';
import type { Language } from '../internal/i18n.js';

/** The code with the provincial suffix when there is one, e.g. `2.000815.000.00.00.H61`. */
export function fullCode(procedure: Procedure): string {
  return procedure.localSuffix === undefined ? procedure.code : `${procedure.code}.${procedure.localSuffix}`;
}

/**
 * The fragment id of a procedure, `tthc-1-001193`: the one `catalogueToHtml` gives the fallback's
 * `<article>`, so that a deep link works with and without JavaScript.
 */
export function anchorOf(procedure: Procedure): string {
  return `tthc-${fullCode(procedure).replace(/[^0-9A-Za-z]+/g, '-')}`;
}

/** The fragment id by the national code alone, `tthc-2-000815`, for links that leave out the provincial suffix. */
export function nationalAnchorOf(procedure: Procedure): string {
  return `tthc-${procedure.code.replace(/[^0-9A-Za-z]+/g, '-')}`;
}

/** The URL when it is http(s), else `undefined`: data never becomes a `javascript:` link. */
export function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The time limit that applies on a channel: its own, else the reduced one, else the statutory one. */
export function timeOf(procedure: Procedure, channel?: ProcedureChannel): TimeLimit | undefined {
  return channel?.timeLimit ?? procedure.reducedTime ?? procedure.statutoryTime;
}

/** Fees in words: each rule (with its label), then the note; `free`/`unstated` words for `[]`/nothing. */
export function feesText(
  rules: readonly FeeRule[] | undefined,
  note: string | undefined,
  language: Language,
  words: { readonly free: string; readonly unstated: string },
): string {
  const parts: string[] = [];
  if (rules !== undefined && rules.length === 0 && note === undefined) parts.push(words.free);
  for (const rule of rules ?? []) {
    const amount = formatFeeRule(rule, language);
    parts.push(rule.label === undefined ? amount : `${rule.label}: ${amount}`);
  }
  if (note !== undefined) parts.push(note);
  return parts.length === 0 ? words.unstated : parts.join('; ');
}
