// Test support: one request to the app, its answer read as status, JSON body (when the answer is JSON), text and
// headers.
import type { Hono } from 'hono';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and let chai check their shape
export type Json = Record<string, any>;

/** Sends `method path` to the app, with `body` as JSON when given. */
export async function call(
  app: Hono,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: Json; text: string; headers: Headers }> {
  const res = await app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Json) : {};
  return { status: res.status, body: json, text, headers: res.headers };
}
