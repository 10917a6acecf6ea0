import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/** `application/json`, or a JSON-based type such as `application/merge-patch+json`, with any parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The one form body accepted: RFC 8058 one-click unsubscribe, posted by mail clients (and by its own page). */
const ONE_CLICK_PATH = /^\/api\/dossiers\/[^/]+\/unsubscribe$/;
const FORM_MEDIA_TYPE = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;

/**
 * Whether a request carries a body: a length above zero, or a stream without a length that is not empty. The Node
 * server gives every request but GET and HEAD a body stream, empty for a browser's `DELETE` without a body (which sends
 * no length); the body limit before this check has read it, so looking costs nothing.
 */
async function hasBody(request: Request): Promise<boolean> {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.body !== null && (await request.clone().arrayBuffer()).byteLength > 0;
}

/**
 * Refuses a request body that is not JSON with 415 `unsupported-media-type`. A browser sends `text/plain`,
 * `application/x-www-form-urlencoded` and `multipart/form-data` from any website without asking the server first
 * (no CORS preflight); `application/json` needs the preflight, which only the allowed origins pass. Requests without
 * a body (counter commands) need no type. One deliberate exception: `POST /api/dossiers/{code}/unsubscribe` takes the
 * RFC 8058 one-click form (`List-Unsubscribe=One-Click`), which mail clients send as a form without asking; the token in
 * its query is the only authority (no cookie or session is read there), so a forged post only does what the link's
 * holder may do anyway.
 *
 * @example
 * ```ts
 * app.use('/api/*', requireJsonBodies());
 * ```
 */
export function requireJsonBodies(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (!(await hasBody(c.req.raw))) return next();
    const type = c.req.header('content-type') ?? '';
    // Deliberate: the one-click unsubscribe form (see above), on that route only.
    if (c.req.method === 'POST' && FORM_MEDIA_TYPE.test(type) && ONE_CLICK_PATH.test(c.req.path)) return next();
    if (!JSON_MEDIA_TYPE.test(type)) {
      throw new ApiError(415, 'unsupported-media-type', {
        vi: 'Nội dung yêu cầu phải là JSON (Content-Type: application/json)',
        en: 'The request body must be JSON (Content-Type: application/json)',
      });
    }
    return next();
  };
}
