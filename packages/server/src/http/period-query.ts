import { isCivilDate } from '@motcua/core/calendar';
import * as z from 'zod';

/** A Vietnamese civil date `YYYY-MM-DD` in a query. */
export const civilDateParameter = z.string().refine(isCivilDate, 'a date YYYY-MM-DD');

/** The parameters of a report over a period: optional `from` and `to` civil dates and an optional `format`. */
export const PERIOD_PARAMETERS = {
  from: civilDateParameter.optional(),
  to: civilDateParameter.optional(),
  format: z.enum(['json', 'csv']).optional(),
};

/**
 * The period's check, for `.refine(...PERIOD_ORDER)`: `from` not after `to`.
 *
 * @example
 * ```ts
 * const query = z.object({ ...PERIOD_PARAMETERS, procedure: z.string().optional() }).strict().refine(...PERIOD_ORDER);
 * ```
 */
export const PERIOD_ORDER: [
  (q: { readonly from?: string | undefined; readonly to?: string | undefined }) => boolean,
  { message: string; path: PropertyKey[] },
] = [
  (q) => q.from === undefined || q.to === undefined || q.from <= q.to,
  { message: 'from must not be after to', path: ['from'] },
];
