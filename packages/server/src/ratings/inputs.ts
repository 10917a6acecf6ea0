import { isCivilDate } from '@motcua/core/calendar';
import { FORMULA_NAMES, type FormulaName, type GroupDimension } from '@motcua/core/satisfaction';
import * as z from 'zod';

// What the rating API accepts: the rating body and the report query.

/** The default instrument family: the one-stop rating (very satisfied / satisfied / not satisfied). */
export const DEFAULT_RATING_INSTRUMENT = 'vn-one-stop-rating';

/** The name of the hidden form field that only bots fill in. */
export const HONEYPOT_FIELD = 'honeypot';

export const ratingBody = z
  .object({
    token: z.string().min(1).max(2000).optional(),
    /**
     * Kept for tablets set up before pairing: a counter-level rating is now bound to the counter credential the
     * request sends (`Authorization: Bearer`), whatever key the body names.
     */
    deviceKey: z.string().min(8).max(200).optional(),
    counter: z.string().min(1).max(100).optional(),
    /** An instrument family (the version in force is used), or an exact version as `<motcua-rating-form>` sends it. */
    instrument: z
      .union([
        z.string().min(1).max(100),
        z.object({ id: z.string().min(1).max(100), version: z.string().min(1).max(100) }).strict(),
      ])
      .optional(),
    channel: z.string().min(1).max(50).optional(),
    answers: z.record(z.string(), z.unknown()),
    [HONEYPOT_FIELD]: z.unknown().optional(),
  })
  .strict()
  .refine((b) => b.token === undefined || b.deviceKey === undefined, {
    message: 'a token or a deviceKey, not both',
  });

/** A rating as sent. */
export type RatingBody = z.infer<typeof ratingBody>;

const DIMENSIONS: readonly GroupDimension[] = [
  'counter',
  'officer',
  'procedure',
  'channel',
  'binding',
  'day',
  'month',
  'quarter',
  'year',
];

export const reportQuery = z.object({
  instrument: z.string().min(1).max(100).default(DEFAULT_RATING_INSTRUMENT),
  groupBy: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((d) => d.trim()) : []))
    .pipe(z.array(z.enum(DIMENSIONS as [GroupDimension, ...GroupDimension[]]))),
  from: z.string().refine(isCivilDate, 'a date YYYY-MM-DD').optional(),
  to: z.string().refine(isCivilDate, 'a date YYYY-MM-DD').optional(),
  minN: z.coerce.number().int().min(1).max(10_000).optional(),
  question: z.string().min(1).max(100).optional(),
  formula: z.enum(FORMULA_NAMES as [FormulaName, ...FormulaName[]]).optional(),
  format: z.enum(['json', 'csv']).optional(),
});
