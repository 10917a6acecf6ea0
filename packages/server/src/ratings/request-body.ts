import type { Context } from 'hono';

const parsedBodies = new WeakMap<Request, Promise<unknown>>();

/** The JSON body, read once per request (the guards and the route share it). */
export function jsonBody(c: Context): Promise<unknown> {
  let parsed = parsedBodies.get(c.req.raw);
  if (!parsed) {
    parsed = c.req.text().then((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    });
    parsedBodies.set(c.req.raw, parsed);
  }
  return parsed;
}

/** A non-empty string field of a JSON object, if there is one. */
export function field(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
