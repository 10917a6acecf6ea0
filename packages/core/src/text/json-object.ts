/**
 * Whether a parsed JSON value is an object (neither `null` nor an array): the first check of every reader of an
 * answer, a settings file or an uploaded document, before it looks at the fields.
 *
 * @example
 * ```ts
 * isJsonObject(JSON.parse('{"code":"A1"}')); // true
 * isJsonObject(JSON.parse('[1, 2]')); // false
 * ```
 */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
