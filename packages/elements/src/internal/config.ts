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
export const CONFIG_KEY = Symbol.for('motcua.config');
export const CONFIG_CHANGE_EVENT = 'motcua-config-change';

/** The global that holds the configuration. */
export interface ConfigHolder {
  [CONFIG_KEY]?: MotcuaConfig;
}

function fromMeta(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

/**
 * The page's motcua configuration. Defaults come from `<meta name="motcua:api-base" content="…">` and
 * `<meta name="motcua:lang" content="en">` (CSP-safe: no inline script needed), then `configure`.
 *
 * @example
 * ```ts
 * const url = new URL('api/dossiers/A1', getConfig().apiBase);
 * ```
 */
export function getConfig(): MotcuaConfig {
  const holder = globalThis as ConfigHolder;
  holder[CONFIG_KEY] ??= {
    apiBase: fromMeta('motcua:api-base') ?? '/',
    lang: fromMeta('motcua:lang')?.toLowerCase().startsWith('en') ? 'en' : 'vi',
    strings: {},
  };
  return holder[CONFIG_KEY];
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
