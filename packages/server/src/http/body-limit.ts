import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.js';

/** The largest request body, in bytes, each API route reads; the first entry whose path prefix matches applies. */
export const BODY_LIMITS: readonly { readonly prefix: string; readonly maxBytes: number }[] = [
  // A ticket is a service id and a priority class.
  { prefix: '/api/queue/tickets', maxBytes: 2 * 1024 },
  // A rating: its token and answers, with a free-text reason.
  { prefix: '/api/ratings', maxBytes: 16 * 1024 },
  // A receipt: the applicant, the documents handed in, notes.
  { prefix: '/api/dossiers', maxBytes: 64 * 1024 },
  // An admin's catalogue import (a province's list as CSV or JSON text, a few hundred procedures).
  { prefix: '/api/admin/catalogue', maxBytes: 4 * 1024 * 1024 },
  // An admin's settings section: calendar overlays with their days, the queue's services and counters.
  { prefix: '/api/admin/settings', maxBytes: 256 * 1024 },
];

/** Any other API route (counter commands, reports): small JSON commands. */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

/** The limit of a request path, from {@link BODY_LIMITS}, else {@link DEFAULT_BODY_LIMIT}. */
export function bodyLimitFor(path: string): number {
  return BODY_LIMITS.find((limit) => path.startsWith(limit.prefix))?.maxBytes ?? DEFAULT_BODY_LIMIT;
}

/**
 * Refuses a request body larger than its route's limit with 413 `body-too-large`, before anything reads it: a
 * `Content-Length` above the limit is refused at once, and a body without one is read only up to the limit. Mount
 * it first, before the token checks, which read bodies (a rating's token) and must not hold unauthenticated ones.
 *
 * @example
 * ```ts
 * app.use('/api/*', limitBodies());
 * ```
 */
export function limitBodies(limitOf: (path: string) => number = bodyLimitFor): MiddlewareHandler {
  return (c, next) => {
    const maxSize = limitOf(c.req.path);
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, 'body-too-large', {
          vi: `Nội dung yêu cầu lớn quá ${maxSize} byte`,
          en: `The request body is larger than ${maxSize} bytes`,
        });
      },
    })(c, next);
  };
}
