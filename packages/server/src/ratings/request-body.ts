import { MotcuaError } from '@motcua/core/text';
import type { Context } from 'hono';
import { unstorableText } from '../http/body.js';

const parsedBodies = new WeakMap<Request, Promise<unknown>>();

/**
 * The JSON body, read once per request (the guards and the route share it). Text the database cannot store (a NUL,
 * a lone surrogate) is refused here with its path, before a guard uses it as a rate-limit key.
 */
export function jsonBody(c: Context): Promise<unknown> {
  let parsed = parsedBodies.get(c.req.raw);
  if (!parsed) {
    parsed = c.req.text().then((text) => {
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
      const problems = unstorableText(value);
      if (problems.length > 0) throw new MotcuaError(problems);
      return value;
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
