/**
 * The `Access-Control-Allow-Origin` answer for a request's `Origin`: the origin itself when it is listed (or the list
 * has `*`), else `null` (no header: the browser keeps the answer from the page).
 *
 * @example
 * ```ts
 * const allow = allowedOrigin(['https://xa-an-binh.gov.vn']);
 * allow('https://xa-an-binh.gov.vn'); // 'https://xa-an-binh.gov.vn'
 * allow('https://evil.example'); // null
 * ```
 */
export function allowedOrigin(origins: readonly string[]): (origin: string) => string | null {
  const list = origins.map(normalOrigin);
  return (origin) => (origin !== '' && (list.includes('*') || list.includes(origin)) ? origin : null);
}

/**
 * An origin as browsers send it in `Origin`: `http://localhost:8110/` and `HTTP://LocalHost:8110` are
 * `http://localhost:8110`; `*` stays; what is no URL is returned as it is (the configuration refuses it).
 *
 * @example
 * ```ts
 * normalOrigin('https://xa-an-binh.gov.vn/'); // 'https://xa-an-binh.gov.vn'
 * ```
 */
export function normalOrigin(origin: string): string {
  if (origin === '*') return origin;
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/**
 * Answer headers a page on another origin may read: `Retry-After` (how long to wait after 429, which
 * `<motcua-dossier-status>` shows), `Idempotent-Replayed` (a retry got the first answer) and `Content-Disposition`
 * (the file name of a CSV report).
 */
export const EXPOSED_HEADERS: readonly string[] = ['Retry-After', 'Idempotent-Replayed', 'Content-Disposition'];
