import type { Language } from './i18n.js';

/** Strings to override, per element tag and language: `{ 'motcua-calendar-day': { en: { today: 'Today' } } }`. */
export type StringOverrides = Readonly<Record<string, Partial<Record<Language, Readonly<Record<string, string>>>>>>;

/** Settings every motcua element on the page reads. */
export interface MotcuaConfig {
  /**
   * Base URL of the motcua API, e.g. `https://motcua.xa-an-binh.gov.vn/` on another origin; default: the root of the
   * page's site. Every API path is relative to it, also one that starts with `/` (see `apiUrl`).
   */
  readonly apiBase: string;
  /** The language when neither the element nor the page says: `vi` (default) or `en`. */
  readonly lang: Language;
  /** Strings to override on every element of a tag. */
  readonly strings: StringOverrides;
}

/** Where the configuration lives: one global, so that two copies of the bundle on a page share it. */
const KEY = Symbol.for('motcua.config');
export const CONFIG_CHANGE_EVENT = 'motcua-config-change';

interface Holder {
  [KEY]?: MotcuaConfig;
}

function fromMeta(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

/**
 * The page's motcua configuration. Defaults come from `<meta name="motcua:api-base" content="…">` and
 * `<meta name="motcua:lang" content="en">` (CSP-safe: no inline script needed), then {@link configure}.
 *
 * @example
 * ```ts
 * const url = new URL('api/dossiers/A1', getConfig().apiBase);
 * ```
 */
export function getConfig(): MotcuaConfig {
  const holder = globalThis as Holder;
  holder[KEY] ??= {
    apiBase: fromMeta('motcua:api-base') ?? '/',
    lang: fromMeta('motcua:lang')?.toLowerCase().startsWith('en') ? 'en' : 'vi',
    strings: {},
  };
  return holder[KEY];
}

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
  (globalThis as Holder)[KEY] = next;
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
  delete (globalThis as Holder)[KEY];
  globalThis.dispatchEvent?.(new Event(CONFIG_CHANGE_EVENT));
}

/**
 * The one rule by which every motcua element (and the future shared API client) turns an API path into an
 * address. A full address (`https://…`, `//host/…`) is used as it is. Any other path, with or without a leading
 * `/`, is relative to the API base: the page's `<meta name="motcua:api-base">` or `configure({ apiBase })`, else
 * the root of the page's site — never the page's own folder. So `/api/catalogue`, `api/catalogue` and
 * `./api/catalogue` all mean `{apiBase}api/catalogue`, on `/vi/thu-tuc/trang.html` as on `/`, and an API base
 * `https://host/motcua` (with or without the final `/`) keeps its `/motcua/`.
 *
 * @example
 * ```ts
 * apiUrl('/api/catalogue', 'https://host/motcua'); // URL https://host/motcua/api/catalogue
 * apiUrl('https://cdn.example/catalogue.json'); // used as it is
 * ```
 */
export const apiUrl = (path: string, base: string = getConfig().apiBase): URL =>
  new URL(path.replace(/^\/(?!\/)/, ''), new URL(base.replace(/\/?$/, '/'), document.baseURI));
