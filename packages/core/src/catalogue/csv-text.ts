import type { TimeLimit } from '../deadline/time-limit.js';
import { foldVietnamese } from '../text/fold.js';
import type { FeeRule, FeeTier, FeeUnit } from './schema.js';

/**
 * Reads a time limit written in words as provinces publish it: "05 ngày làm việc", "Trong ngày",
 * "Giải quyết ngay", "08 giờ làm việc", "30 ngày"; "sau 15 giờ" / "sau 15h00" sets a cutoff.
 * Only the first limit in the text is read; `exact` is false when the text says more than that
 * (a second limit, conditions), so the caller can keep the text. `undefined` when none is found.
 *
 * @example
 * ```ts
 * parseTimeLimitText('05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ');
 * // { limit: { value: 5, unit: 'working-days' }, exact: false }
 * parseTimeLimitText('Trong ngày');
 * // { limit: { value: 0, unit: 'same-day' }, exact: true }
 * ```
 */
export function parseTimeLimitText(text: string): { limit: TimeLimit; exact: boolean } | undefined {
  const folded = foldVietnamese(text);
  if (folded.length === 0) return undefined;
  const cutoffMatch = /sau (\d{1,2}) ?(?:gio|h)(?: ?(\d{2}))?/.exec(folded);
  const cutoff = cutoffMatch === null ? undefined : `${cutoffMatch[1]?.padStart(2, '0')}:${cutoffMatch[2] ?? '00'}`;
  const withCutoff = (limit: TimeLimit): TimeLimit => (cutoff === undefined ? limit : { ...limit, cutoff });
  // Remove the cutoff clause so its "15 giờ" is not read as a limit.
  const body = cutoffMatch === null ? folded : folded.replace(cutoffMatch[0], ' ');
  const counted = /(\d+) ?(ngay lam viec|gio lam viec|gio|ngay)\b/.exec(body);
  const immediate = /\b(giai quyet ngay|ngay khi nhan|ngay sau khi nhan|tra ngay)\b/.exec(body);
  const sameDay = /\btrong ngay\b/.exec(body);
  const first = [counted, immediate, sameDay]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (first === undefined) return undefined;
  let limit: TimeLimit;
  if (first === counted) {
    const value = Number(counted[1]);
    const unit = counted[2] === 'ngay lam viec' ? 'working-days' : counted[2] === 'ngay' ? 'days' : 'working-hours';
    if (value < 1) return undefined;
    limit = withCutoff({ value, unit });
  } else {
    limit = withCutoff({ value: 0, unit: first === immediate ? 'immediate' : 'same-day' });
  }
  // Exact when nothing but the limit (and the cutoff wording formatTimeLimit writes) is left.
  const rest = body
    .replace(first[0], ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return { limit, exact: rest === '' || rest === 'tiep nhan tinh tu ngay lam viec tiep theo' };
}

const UNIT_WORDS: readonly [string, FeeUnit][] = [
  ['trang', 'page'],
  ['ban sao', 'copy'],
  ['ban', 'copy'],
  ['truong hop', 'case'],
  ['lan', 'case'],
  ['viec', 'case'],
  ['giao dich', 'transaction'],
  ['hop dong', 'transaction'],
  ['ho so', 'dossier'],
];

const AMOUNT = String.raw`(\d{1,3}(?:[.,]\d{3})+|\d+) ?(?:dong|d|vnd|vnđ)\b`;

function amountOf(text: string): number {
  return Number(text.replace(/[.,]/g, ''));
}

function unitOf(words: string): FeeUnit | undefined {
  for (const [word, unit] of UNIT_WORDS) if (words.startsWith(word)) return unit;
  return undefined;
}

/**
 * Reads fees written in words: "Không" / "Miễn phí" (free → `[]`), "10.000 đồng/trường hợp",
 * "50.000 đ/giao dịch", and the per-page rule "2.000 đồng/trang; từ trang thứ 3 trở lên 1.000
 * đồng/trang; tối đa 200.000 đồng/bản". Each line (or `|`-separated part) is one rule; "lệ phí"
 * makes it a charge, otherwise a fee. `undefined` when a part cannot be read, so the caller keeps
 * the text.
 *
 * @example
 * ```ts
 * parseFeeText('10.000 đồng/trường hợp'); // [{ kind: 'fee', per: 'case', amount: 10000 }]
 * parseFeeText('Không'); // []
 * parseFeeText('Theo quy định của HĐND tỉnh'); // undefined
 * ```
 */
export function parseFeeText(text: string): FeeRule[] | undefined {
  const parts = text
    .split(/\r?\n|\|/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const rules: FeeRule[] = [];
  for (const part of parts) {
    const folded = foldVietnamese(part);
    if (/^(khong|khong co|khong thu|mien|mien phi|mien le phi|0 ?(dong|d))\.?$/.test(folded)) continue;
    const base = new RegExp(`${AMOUNT} ?/ ?([a-z ]+)`).exec(folded);
    if (base === null) return undefined;
    const per = unitOf(base[2] ?? '');
    if (per === undefined) return undefined;
    const tiers: FeeTier[] = [];
    const tierPattern = new RegExp(`tu (?:trang|ban) thu (\\d+)[a-z ]*?:? ?${AMOUNT}`, 'g');
    for (const m of folded.matchAll(tierPattern)) tiers.push({ from: Number(m[1]), amount: amountOf(m[2] ?? '') });
    const max = new RegExp(`(?:toi da|khong qua) ?:? ?${AMOUNT}`).exec(folded);
    const kind = /\ble phi\b/.test(folded) ? 'charge' : 'fee';
    rules.push({
      kind,
      per,
      amount: amountOf(base[1] ?? ''),
      ...(tiers.length > 0 ? { tiers } : {}),
      ...(max === null ? {} : { maxPerCopy: amountOf(max[1] ?? '') }),
    });
  }
  return rules;
}
