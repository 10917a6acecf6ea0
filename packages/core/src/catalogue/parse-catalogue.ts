import * as z from 'zod/mini';
import { isCivilDate } from '../calendar/civil-date.js';
import type { TimeLimit } from '../deadline/time-limit.js';
import { timeLimitFaults } from '../deadline/time-limit-faults.js';
import { isJsonObject } from '../text/json-object.js';
import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { duplicateCodeProblems } from './duplicate-codes.js';
import { type Catalogue, catalogueSchema } from './schema.js';
import { problemsFromZodIssues } from './zod-problems.js';

/**
 * The outcome of {@link parseCatalogue}: the typed catalogue, or every problem found.
 *
 * @example
 * ```ts
 * const result: ParseCatalogueResult = parseCatalogue(json);
 * if (!result.ok) console.table(result.problems.map((p) => [formatPath(p.path), p.message.vi]));
 * ```
 */
export type ParseCatalogueResult =
  | { readonly ok: true; readonly catalogue: Catalogue }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Options of {@link parseCatalogue}.
 *
 * @example
 * ```ts
 * const options: ParseCatalogueOptions = { districtLevelAbolishedOn: null }; // historical data
 * ```
 */
export interface ParseCatalogueOptions {
  /**
   * The day cấp huyện stopped carrying out procedures; a `district` level must end (`validTo`)
   * before it. Default `'2025-07-01'` (Law on Local Government Organisation 2025). `null` turns the
   * check off.
   */
  readonly districtLevelAbolishedOn?: string | null;
}

type Loose = Record<string, unknown>;

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The time limit at `value` when it is valid, else `undefined` (its faults are not worded: none is reported here). */
function validLimit(value: unknown): TimeLimit | undefined {
  return value !== undefined && timeLimitFaults(value).length === 0 ? (value as TimeLimit) : undefined;
}

/**
 * Whether `limit` is certainly longer than `statutory`. Limits in different counted units (calendar
 * days against working days) cannot be compared without a calendar and are not reported.
 */
function longerThan(limit: TimeLimit, statutory: TimeLimit): boolean {
  const rank = (l: TimeLimit): number => (l.unit === 'immediate' ? 0 : l.unit === 'same-day' ? 1 : 2);
  if (rank(limit) !== rank(statutory)) return rank(limit) > rank(statutory);
  if (rank(limit) < 2) return false;
  return limit.unit === statutory.unit && limit.value > statutory.value;
}

function datesInOrder(record: Loose, path: ProblemPath, out: Problem[]): void {
  const from = record.validFrom;
  const to = record.validTo;
  if (isCivilDate(from) && isCivilDate(to) && to < from) {
    out.push(
      problem([...path, 'validTo'], 'validity-ends-before-start', {
        vi: `Ngày hết hiệu lực (${to}) trước ngày bắt đầu hiệu lực (${from})`,
        en: `Validity ends (${to}) before it starts (${from})`,
      }),
    );
  }
}

function checkFeeRules(rules: unknown, path: ProblemPath, out: Problem[]): void {
  asArray(rules).forEach((rule, r) => {
    if (!isJsonObject(rule)) return;
    const rulePath = [...path, r];
    const amount = rule.amount;
    const max = rule.maxPerCopy;
    if (max !== undefined && rule.per !== 'page') {
      out.push(
        problem([...rulePath, 'maxPerCopy'], 'max-per-copy-without-pages', {
          vi: 'Mức thu tối đa mỗi bản chỉ dùng cho phí tính theo trang (per: "page")',
          en: 'A maximum per copy only applies to fees charged per page (per: "page")',
        }),
      );
    }
    if (typeof max === 'number' && typeof amount === 'number' && max >= 0 && amount > max) {
      out.push(
        problem([...rulePath, 'maxPerCopy'], 'max-below-amount', {
          vi: `Mức thu tối đa mỗi bản (${max}) nhỏ hơn giá của trang đầu (${amount})`,
          en: `The maximum per copy (${max}) is below the price of the first page (${amount})`,
        }),
      );
    }
    const tiers = asArray(rule.tiers);
    if (tiers.length > 0 && rule.per !== 'page' && rule.per !== 'copy') {
      out.push(
        problem([...rulePath, 'tiers'], 'tiers-need-counted-unit', {
          vi: 'Bậc phí chỉ dùng cho phí tính theo trang hoặc theo bản',
          en: 'Fee tiers only apply to fees charged per page or per copy',
        }),
      );
    }
    let previous = 1;
    tiers.forEach((tier, t) => {
      if (!isJsonObject(tier) || typeof tier.from !== 'number' || tier.from < 2) return; // the schema reports < 2
      if (tier.from <= previous) {
        out.push(
          problem([...rulePath, 'tiers', t, 'from'], 'tiers-out-of-order', {
            vi: `Bậc phí phải theo thứ tự tăng dần (gặp ${tier.from} sau ${previous})`,
            en: `Fee tiers must be in increasing order (found ${tier.from} after ${previous})`,
          }),
        );
      }
      previous = Math.max(previous, tier.from);
    });
  });
}

function checkProcedure(procedure: Loose, path: ProblemPath, options: ParseCatalogueOptions, out: Problem[]): void {
  datesInOrder(procedure, path, out);
  const abolished = options.districtLevelAbolishedOn === undefined ? '2025-07-01' : options.districtLevelAbolishedOn;
  asArray(procedure.levels).forEach((entry, l) => {
    if (!isJsonObject(entry)) return;
    datesInOrder(entry, [...path, 'levels', l], out);
    if (abolished !== null && entry.level === 'district') {
      const to = entry.validTo;
      if (!isCivilDate(to) || to >= abolished) {
        out.push(
          problem([...path, 'levels', l, isCivilDate(to) ? 'validTo' : 'level'], 'district-level-abolished', {
            vi: `Cấp huyện không còn thực hiện thủ tục từ ngày ${abolished}: cần ngày hết hiệu lực trước ngày đó`,
            en: `The district level no longer carries out procedures from ${abolished}: give a validTo before it`,
          }),
        );
      }
    }
  });

  const statutory = validLimit(procedure.statutoryTime);
  const longer = (value: unknown, at: ProblemPath): void => {
    const limit = validLimit(value);
    if (statutory !== undefined && limit !== undefined && longerThan(limit, statutory)) {
      out.push(
        problem(at, 'longer-than-statutory', {
          vi: 'Thời hạn dài hơn thời hạn theo quy định (statutoryTime)',
          en: 'The time limit is longer than the statutory one (statutoryTime)',
        }),
      );
    }
  };
  longer(procedure.reducedTime, [...path, 'reducedTime']);
  asArray(procedure.channels).forEach((channel, c) => {
    if (!isJsonObject(channel)) return;
    longer(channel.timeLimit, [...path, 'channels', c, 'timeLimit']);
    checkFeeRules(channel.fees, [...path, 'channels', c, 'fees'], out);
  });
  checkFeeRules(procedure.fees, [...path, 'fees'], out);

  const flags = procedure.flags;
  if (isJsonObject(flags) && flags.immediate === true && statutory !== undefined) {
    if (statutory.unit !== 'immediate' && statutory.unit !== 'same-day') {
      out.push(
        problem([...path, 'flags', 'immediate'], 'immediate-with-counted-time', {
          vi: 'Thủ tục "giải quyết ngay" nhưng thời hạn theo quy định tính bằng ngày hoặc giờ',
          en: 'Marked "resolved immediately" but its statutory time counts days or hours',
        }),
      );
    }
  }
}

/**
 * Problems across fields, found on the raw input so they are reported with the type problems. Duplicate codes come
 * first; sorted by procedure, each procedure's duplicate code still comes before its other problems.
 */
function crossFieldProblems(input: unknown, options: ParseCatalogueOptions): Problem[] {
  if (!isJsonObject(input)) return [];
  const procedures = asArray(input.procedures);
  const out = duplicateCodeProblems(procedures);
  procedures.forEach((procedure, i) => {
    if (isJsonObject(procedure)) checkProcedure(procedure, ['procedures', i], options, out);
  });
  return out;
}

/** Orders problems by the procedure they belong to (top-level problems first), keeping ties stable. */
function byProcedure(a: Problem, b: Problem): number {
  const index = (p: Problem): number => (p.path[0] === 'procedures' && typeof p.path[1] === 'number' ? p.path[1] : -1);
  return index(a) - index(b);
}

/**
 * Validates a procedure catalogue (for example parsed JSON) and returns it typed, or returns
 * **every** problem at once — wrong types, unknown fields and units, bad codes and dates, negative
 * fees, duplicate codes, validity ending before it starts, a reduced or channel time longer than the
 * statutory one — each with its path into the input and a Vietnamese and English message.
 * It does not throw for bad input; use {@link assertCatalogue} for that.
 *
 * @example
 * ```ts
 * const result = parseCatalogue(JSON.parse(text));
 * if (result.ok) console.log(result.catalogue.procedures.length);
 * else for (const p of result.problems) console.log(formatPath(p.path), p.message.vi);
 * ```
 */
export function parseCatalogue(input: unknown, options: ParseCatalogueOptions = {}): ParseCatalogueResult {
  const parsed = z.safeParse(catalogueSchema, input);
  const problems = parsed.success ? [] : problemsFromZodIssues(parsed.error.issues, input);
  problems.push(...crossFieldProblems(input, options));
  if (problems.length > 0) {
    // Group the problems of one procedure together (stable sort by array index).
    return { ok: false, problems: problems.sort(byProcedure) };
  }
  return { ok: true, catalogue: (parsed as { data: Catalogue }).data };
}

/**
 * Like {@link parseCatalogue}, but throws a `MotcuaError` carrying every problem.
 *
 * @example
 * ```ts
 * const catalogue = assertCatalogue(JSON.parse(text)); // throws MotcuaError on bad input
 * ```
 */
export function assertCatalogue(input: unknown, options: ParseCatalogueOptions = {}): Catalogue {
  const result = parseCatalogue(input, options);
  if (!result.ok) throw new MotcuaError(result.problems);
  return result.catalogue;
}
