import { getConfig } from './config.js';

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
