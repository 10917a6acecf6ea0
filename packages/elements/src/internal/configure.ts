// What a page calls to configure the elements (exported by `@motcua/elements`); the elements themselves only read the
// configuration (config.ts), so a page with one element does not download this.
import { CONFIG_CHANGE_EVENT, CONFIG_KEY, type ConfigHolder, getConfig, type MotcuaConfig } from './config.js';
import type { Language } from './i18n.js';

/**
 * Changes the configuration of every motcua element on the page; elements already shown update.
 * String overrides merge with those set before.
 *
 * @example
 * ```ts
 * import { configure } from '@motcua/elements';
 * configure({
 *   apiBase: 'https://motcua.example.gov.vn/',
 *   strings: { 'motcua-calendar-day': { vi: { label: 'Hôm nay là' } } },
 * });
 * ```
 */
export function configure(changes: Partial<MotcuaConfig>): MotcuaConfig {
  const current = getConfig();
  const strings: Record<string, Partial<Record<Language, Readonly<Record<string, string>>>>> = { ...current.strings };
  for (const [tag, byLang] of Object.entries(changes.strings ?? {})) {
    const merged = { ...strings[tag] };
    for (const [lang, values] of Object.entries(byLang) as [Language, Readonly<Record<string, string>>][]) {
      merged[lang] = { ...merged[lang], ...values };
    }
    strings[tag] = merged;
  }
  const next: MotcuaConfig = {
    apiBase: changes.apiBase ?? current.apiBase,
    lang: changes.lang ?? current.lang,
    strings,
  };
  (globalThis as ConfigHolder)[CONFIG_KEY] = next;
  globalThis.dispatchEvent?.(new Event(CONFIG_CHANGE_EVENT));
  return next;
}

/**
 * Forgets every change made with {@link configure}, back to the defaults (and the page's `<meta>` tags).
 *
 * @example
 * ```ts
 * resetConfig();
 * ```
 */
export function resetConfig(): void {
  delete (globalThis as ConfigHolder)[CONFIG_KEY];
  globalThis.dispatchEvent?.(new Event(CONFIG_CHANGE_EVENT));
}
