import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/** `application/json`, or a JSON-based type such as `application/merge-patch+json`, with any parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

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
 * a body (counter commands) need no type.
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
    if (!JSON_MEDIA_TYPE.test(type)) {
      throw new ApiError(415, 'unsupported-media-type', {
        vi: 'Nội dung yêu cầu phải là JSON (Content-Type: application/json)',
        en: 'The request body must be JSON (Content-Type: application/json)',
      });
    }
    return next();
  };
}
