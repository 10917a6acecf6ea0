/** The languages motcua elements speak. */
export type Language = 'vi' | 'en';

/** An element's strings in every language; the Vietnamese set is the reference. */
export type StringTable<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

/** Reads a `lang` attribute value as one of our languages (`en-GB` → `en`); anything else → undefined. */
export function toLanguage(value: string | null | undefined): Language | undefined {
  // `vi` or `en`, alone or before a `-` (a region, a script).
  return /^(vi|en)(-|$)/.exec(value?.trim().toLowerCase() ?? '')?.[1] as Language | undefined;
}

/**
 * Fills `{name}` placeholders: `format('{count} thủ tục', { count: 3 })` → `'3 thủ tục'`.
 * Unknown placeholders are left as they are, so an override with a typo shows rather than vanishes.
 *
 * @example
 * ```ts
 * format('Còn {days} ngày làm việc', { days: 2 }); // 'Còn 2 ngày làm việc'
 * ```
 */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn needs Safari 15.4; the widgets support iOS 15.0.
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
