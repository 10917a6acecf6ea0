import type { Context } from 'hono';
import type * as z from 'zod';
import { ApiError } from './errors.js';

/**
 * Reads a JSON request body and checks it against `schema`; an empty body is `{}`. Anything else answers 400
 * with a code and a Vietnamese and English message naming each invalid field.
 *
 * @example
 * ```ts
 * const input = await readJsonBody(c, z.object({ service: z.string() }));
 * ```
 */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown = {};
  const text = await c.req.text();
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid-json', { vi: 'Nội dung không phải JSON', en: 'The body is not JSON' });
    }
  }
  return checkInput(schema, raw);
}

/**
 * Checks a parsed request body against `schema`: 400 `invalid-input` with a Vietnamese and English message naming
 * each invalid field, or the typed value.
 *
 * @example
 * ```ts
 * const rating = checkInput(ratingBody, await c.req.json());
 * ```
 */
export function checkInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(400, 'invalid-input', {
      vi: `Dữ liệu gửi lên không hợp lệ (${describeIssues(parsed.error)})`,
      en: `The request is not valid (${describeIssues(parsed.error)})`,
    });
  }
  return parsed.data;
}

/**
 * Reads the query string against `schema`: 400 `invalid-input` naming each invalid parameter, or the typed value.
 *
 * @example
 * ```ts
 * const { from, to } = readQuery(c, z.object({ from: z.iso.date(), to: z.iso.date() }));
 * ```
 */
export function readQuery<T>(c: Context, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ApiError(400, 'invalid-input', {
      vi: `Tham số truy vấn không hợp lệ (${describeIssues(parsed.error)})`,
      en: `Invalid query parameters (${describeIssues(parsed.error)})`,
    });
  }
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; ');
}
