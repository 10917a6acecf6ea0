import * as z from 'zod/mini';
import { CLOCK, isUncounted } from './time-limit-faults.js';

// The zod schema lives apart from the time limit's checks and formatting, so that code that counts deadlines does not
// load zod.

/**
 * The zod (`zod/mini`) schema of a {@link TimeLimit}, for embedding in larger schemas and for JSON
 * Schema generation. Use {@link parseTimeLimit} to validate with bilingual messages.
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * z.safeParse(timeLimitSchema, { value: 5, unit: 'working-days' }).success; // true
 * ```
 */
export const timeLimitSchema = /* @__PURE__ */ z
  .strictObject({
    value: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(0)),
    unit: /* @__PURE__ */ z.enum(['working-days', 'working-hours', 'days', 'same-day', 'immediate']),
    cutoff: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(CLOCK))),
  })
  .check(
    /* @__PURE__ */ z.refine((limit) => (isUncounted(limit.unit) ? limit.value === 0 : limit.value >= 1), {
      path: ['value'],
      params: { motcua: 'time-limit-value' },
    }),
  );
