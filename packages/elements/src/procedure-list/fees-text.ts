// Fees in words, for the detail view and the printed listing (both loaded lazily), with core's fee formatting.
import { type FeeRule, formatFeeRule } from '@motcua/core/catalogue';
import type { Language } from '../internal/i18n.js';

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
