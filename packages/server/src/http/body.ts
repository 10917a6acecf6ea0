import { MotcuaError, type Problem, type ProblemPath, problem } from '@motcua/core/text';
import type { Context } from 'hono';
import type * as z from 'zod';
import { ApiError } from './errors.js';

/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL character or a lone surrogate: text no database can store. */
function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * The places in a parsed JSON value (keys and strings) holding text that cannot be stored: a NUL character or a lone
 * surrogate. PostgreSQL refuses both; caught here, they answer 400 with their path instead of failing the query.
 *
 * @example
 * ```ts
 * unstorableText({ applicant: { name: 'A\u0000' } }); // one problem at $.applicant.name
 * ```
 */
export function unstorableText(value: unknown, path: ProblemPath = []): Problem[] {
  const found: Problem[] = [];
  const visit = (v: unknown, at: ProblemPath) => {
    if (typeof v === 'string') {
      if (isUnstorable(v)) {
        found.push(
          problem(at, 'unstorable-text', {
            vi: 'Văn bản có ký tự không hợp lệ (ký tự NUL hoặc nửa cặp thay thế UTF-16)',
            en: 'The text holds an invalid character (NUL, or half of a UTF-16 surrogate pair)',
          }),
        );
      }
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(item, [...at, i]);
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        if (isUnstorable(key)) visit(key, [...at, key]);
        else visit(item, [...at, key]);
      }
    }
  };
  visit(value, path);
  return found;
}

function refuseUnstorable(value: unknown): void {
  const problems = unstorableText(value);
  if (problems.length > 0) throw new MotcuaError(problems);
}

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
  refuseUnstorable(raw);
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
  const query = c.req.query();
  refuseUnstorable(query);
  const parsed = schema.safeParse(query);
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
