import { MotcuaError, type Problem, problem } from '../text/problem.js';
import type { FeeRule } from './schema.js';

/**
 * How much is requested: pages per copy, copies, and cases or transactions. Every field defaults to 1.
 *
 * @example
 * ```ts
 * const order: FeeQuantity = { pages: 12, copies: 2 }; // two certified copies of a 12-page document
 * ```
 */
export interface FeeQuantity {
  /** Pages of each copy (for `per: 'page'` rules). */
  readonly pages?: number;
  /** Copies (bản). */
  readonly copies?: number;
  /** Cases, transactions or dossiers (for `per: 'case' | 'transaction' | 'dossier'` rules). */
  readonly count?: number;
}

/** Price of the `n`-th unit (1-based) under a rule's tiers. */
function priceOf(rule: FeeRule, n: number): number {
  let price = rule.amount;
  for (const tier of rule.tiers ?? []) if (n >= tier.from) price = tier.amount;
  return price;
}

/** Total of units 1…`units` under the rule's tiers, in O(number of tiers). */
function tieredTotal(rule: FeeRule, units: number): number {
  let total = 0;
  let start = 1;
  let price = rule.amount;
  for (const tier of rule.tiers ?? []) {
    const end = Math.min(units, tier.from - 1);
    if (end >= start) total += (end - start + 1) * price;
    start = Math.max(start, tier.from);
    price = tier.amount;
  }
  if (units >= start) total += (units - start + 1) * price;
  return total;
}

function quantityProblems(quantity: FeeQuantity): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['pages', 'copies', 'count'] as const) {
    const value = quantity[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      problems.push(
        problem([key], 'invalid-quantity', {
          vi: 'Số lượng phải là số nguyên không âm',
          en: 'The quantity must be a non-negative whole number',
        }),
      );
    }
  }
  return problems;
}

/**
 * The fee in VND one rule charges for a quantity. Page rules count pages per copy, apply the tiers,
 * cap each copy at `maxPerCopy` and multiply by the copies; copy rules apply the tiers over the
 * copies; other rules charge `amount` per case, transaction or dossier. Throws a `MotcuaError` for a
 * negative or fractional quantity.
 *
 * @example
 * ```ts
 * // Chứng thực bản sao: 2.000 đ/trang, from page 3 1.000 đ/trang, max 200.000 đ/bản
 * const rule: FeeRule = {
 *   kind: 'fee', per: 'page', amount: 2000, tiers: [{ from: 3, amount: 1000 }], maxPerCopy: 200000,
 * };
 * computeFee(rule, { pages: 5 }); // 7000
 * computeFee(rule, { pages: 500, copies: 2 }); // 400000
 * ```
 */
export function computeFee(rule: FeeRule, quantity: FeeQuantity = {}): number {
  const problems = quantityProblems(quantity);
  if (problems.length > 0) throw new MotcuaError(problems);
  const copies = quantity.copies ?? 1;
  switch (rule.per) {
    case 'page': {
      const perCopy = tieredTotal(rule, quantity.pages ?? 1);
      return copies * (rule.maxPerCopy === undefined ? perCopy : Math.min(perCopy, rule.maxPerCopy));
    }
    case 'copy':
      return tieredTotal(rule, copies);
    default:
      return rule.amount * (quantity.count ?? 1);
  }
}

/**
 * The total in VND of several fee rules (e.g. a channel's fees) for one quantity; `0` for `[]`.
 *
 * @example
 * ```ts
 * computeFees([{ kind: 'fee', per: 'case', amount: 10000 }], { count: 3 }); // 30000
 * ```
 */
export function computeFees(rules: readonly FeeRule[], quantity: FeeQuantity = {}): number {
  let total = 0;
  for (const rule of rules) total += computeFee(rule, quantity);
  return total;
}

/**
 * The price of the `n`-th page (or copy) under a rule, before any cap, e.g. for a price list.
 *
 * @example
 * ```ts
 * unitPrice({ kind: 'fee', per: 'page', amount: 2000, tiers: [{ from: 3, amount: 1000 }] }, 3); // 1000
 * ```
 */
export function unitPrice(rule: FeeRule, n: number): number {
  return priceOf(rule, n);
}

/**
 * Writes an amount of đồng the Vietnamese way: dots between thousands and ` đ` after
 * (`200.000 đ`). Throws a `MotcuaError` for an amount that is not a whole number of đồng.
 *
 * @example
 * ```ts
 * formatVnd(200000); // '200.000 đ'
 * formatVnd(0); // '0 đ'
 * formatVnd(-25000); // '-25.000 đ'
 * ```
 */
export function formatVnd(amount: number): string {
  if (!Number.isSafeInteger(amount)) {
    throw new MotcuaError([
      problem([], 'invalid-amount', {
        vi: 'Số tiền phải là số nguyên đồng',
        en: 'The amount must be a whole number of đồng',
      }),
    ]);
  }
  const digits = String(Math.abs(amount));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return `${amount < 0 ? '-' : ''}${out} đ`;
}

const PER_WORDS: Readonly<Record<FeeRule['per'], { vi: string; en: string }>> = {
  case: { vi: 'trường hợp', en: 'case' },
  page: { vi: 'trang', en: 'page' },
  copy: { vi: 'bản', en: 'copy' },
  transaction: { vi: 'giao dịch', en: 'transaction' },
  dossier: { vi: 'hồ sơ', en: 'dossier' },
};

/**
 * Writes a fee rule in words, in Vietnamese (default) or English.
 *
 * @example
 * ```ts
 * formatFeeRule({
 *   kind: 'fee', per: 'page', amount: 2000, tiers: [{ from: 3, amount: 1000 }], maxPerCopy: 200000,
 * });
 * // '2.000 đ/trang; từ trang thứ 3: 1.000 đ/trang; tối đa 200.000 đ/bản'
 * ```
 */
export function formatFeeRule(rule: FeeRule, language: 'vi' | 'en' = 'vi'): string {
  const per = PER_WORDS[rule.per][language];
  const parts = [`${formatVnd(rule.amount)}/${per}`];
  for (const tier of rule.tiers ?? []) {
    parts.push(
      language === 'vi'
        ? `từ ${per} thứ ${tier.from}: ${formatVnd(tier.amount)}/${per}`
        : `from ${per} ${tier.from}: ${formatVnd(tier.amount)}/${per}`,
    );
  }
  if (rule.maxPerCopy !== undefined) {
    parts.push(
      language === 'vi' ? `tối đa ${formatVnd(rule.maxPerCopy)}/bản` : `at most ${formatVnd(rule.maxPerCopy)}/copy`,
    );
  }
  return parts.join('; ');
}
