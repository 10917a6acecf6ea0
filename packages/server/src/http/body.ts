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
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; ');
    throw new ApiError(400, 'invalid-input', {
      vi: `Dữ liệu gửi lên không hợp lệ (${detail})`,
      en: `The request is not valid (${detail})`,
    });
  }
  return parsed.data;
}
