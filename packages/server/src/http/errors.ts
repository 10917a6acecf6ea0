import { type ApiErrorBody, formatPath, type LocalizedText, MotcuaError } from '@motcua/core/text';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type { ApiErrorBody } from '@motcua/core/text';

/** An error a route throws to answer with a status, a code and a Vietnamese and English message. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly text: LocalizedText,
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'ApiError';
  }
}

/** An error of PostgreSQL (PGlite or a server): a five-character SQLSTATE `code` and a `severity`. */
interface DatabaseFailure {
  readonly code: string;
  readonly severity?: string;
  readonly routine?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

function isDatabaseFailure(error: unknown): error is DatabaseFailure {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/** SQLSTATEs of text PostgreSQL cannot store: `invalid byte sequence` (a NUL), `untranslatable character`. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/**
 * Logs a failure without what the request carried: a database error holds the query's parameters (names, phone
 * numbers, PIN hashes) and its message and detail may quote them, so only its SQLSTATE and where it arose are logged;
 * any other error by its stack alone, not its other properties.
 */
function logFailure(error: unknown, c: Context): void {
  const where = `motcua-server: ${c.req.method} ${c.req.path} failed`;
  if (isDatabaseFailure(error)) {
    const parts = [`SQLSTATE ${error.code}`];
    for (const key of ['routine', 'table', 'column', 'constraint'] as const) {
      if (typeof error[key] === 'string') parts.push(`${key} ${error[key]}`);
    }
    console.error(`${where}: database error (${parts.join(', ')}; parameters not logged)`);
  } else if (error instanceof Error) {
    console.error(`${where}: ${error.stack ?? `${error.name}: ${error.message}`}`);
  } else {
    console.error(`${where}: ${typeof error} thrown`);
  }
}

/**
 * Answers any thrown error as JSON: `ApiError` as it says, `MotcuaError` as 400 with its problems, text the database
 * cannot store as 400 `unstorable-text`, others as 500 (logged without the request's data).
 */
export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json<ApiErrorBody>({ error: { code: error.code, message: error.text } }, error.status);
  }
  if (error instanceof MotcuaError) {
    return c.json<ApiErrorBody>(
      {
        error: {
          code: 'invalid-input',
          message: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
          problems: error.problems.map((p) => ({ path: formatPath(p.path), code: p.code, message: p.message })),
        },
      },
      400,
    );
  }
  if (isDatabaseFailure(error) && UNSTORABLE_TEXT.has(error.code)) {
    return c.json<ApiErrorBody>(
      {
        error: {
          code: 'unstorable-text',
          message: {
            vi: 'Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL hoặc nửa cặp thay thế UTF-16)',
            en: 'The request holds an invalid character (NUL, or half of a UTF-16 surrogate pair)',
          },
        },
      },
      400,
    );
  }
  logFailure(error, c);
  return c.json<ApiErrorBody>(
    {
      error: {
        code: 'internal-error',
        message: { vi: 'Máy chủ gặp lỗi, vui lòng thử lại', en: 'The server failed; please try again' },
      },
    },
    500,
  );
}
