/**
 * The console's requests to the motcua server: the counter's bearer token on every call, an `Idempotency-Key` on
 * every POST (the caller keeps it for a retry), and the server's refusals read as their Vietnamese and English
 * messages.
 */
import { apiUrl } from '../internal/config.js';

/** A message in both languages, as the server answers its refusals. */
export interface BilingualText {
  readonly vi: string;
  readonly en: string;
}

/** A request that did not succeed: `status` 0 when no answer came (network), else the server's status. */
export class RequestFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text?: BilingualText,
    /** For invalid input, each problem's message. */
    readonly problems: readonly BilingualText[] = [],
  ) {
    super(code);
    this.name = 'RequestFailed';
  }
}

/**
 * Whether a failed request may have been carried out, or may be carried out by a retry: no answer came, the server
 * failed, or the same key is still being processed. A retry must then send the same `Idempotency-Key`.
 */
export function retryable(error: unknown): boolean {
  return (
    !(error instanceof RequestFailed) ||
    error.status === 0 ||
    error.status >= 500 ||
    error.code === 'request-in-progress'
  );
}

function bilingual(value: unknown): BilingualText | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { vi, en } = value as Record<string, unknown>;
  return typeof vi === 'string' && typeof en === 'string' ? { vi, en } : undefined;
}

/**
 * Calls the API at `path` (resolved against the configured `apiBase`) and answers its JSON. A POST sends `body` as
 * JSON with `key` as its `Idempotency-Key`.
 */
export async function callApi<T>(
  path: string,
  options: { readonly token?: string; readonly body?: unknown; readonly key?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const post = options.body !== undefined;
  if (post) headers['content-type'] = 'application/json';
  if (options.key) headers['idempotency-key'] = options.key;
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: post ? 'POST' : 'GET',
      headers,
      ...(post ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new RequestFailed(0, 'network');
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown; problems?: unknown } } | undefined)?.error;
    const problems = Array.isArray(error?.problems)
      ? error.problems.flatMap((p: { message?: unknown } | null) => bilingual(p?.message) ?? [])
      : [];
    throw new RequestFailed(
      response.status,
      typeof error?.code === 'string' ? error.code : 'http',
      bilingual(error?.message),
      problems,
    );
  }
  if (data === undefined) throw new RequestFailed(response.status, 'malformed');
  return data as T;
}
