import { formatPath, type LocalizedText, MotcuaError } from '@motcua/core/text';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON body of every error the API answers. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: LocalizedText;
    /** For invalid input: each problem with its JSON path. */
    readonly problems?: readonly { readonly path: string; readonly code: string; readonly message: LocalizedText }[];
  };
}

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

/** Answers any thrown error as JSON: `ApiError` as it says, `MotcuaError` as 400 with its problems, others as 500. */
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
  console.error(error);
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
