import { MotcuaError, type ProblemPath, problem } from '../text/problem.js';
import type { SupplementReason } from './supplement-reason-codes.js';

export type { SupplementReason } from './supplement-reason-codes.js';

/**
 * Every {@link SupplementReason} with its wording in Vietnamese and English, for the notice and the
 * status page. Decree 309/2026 (→ Decree 118/2025 art. 17(2)(a)) asks for one notice that states the
 * content, the reason and complete guidance in one go ("trong một lần"), when the dossier is
 * incomplete (`incomplete`) or inaccurate (`inaccurate`), outside the body's competence
 * (`not-competent`), or when database information cannot be retrieved (`data-unavailable`) or must be
 * updated or corrected (`data-incorrect`).
 *
 * @example
 * ```ts
 * SUPPLEMENT_REASONS['data-unavailable'].vi; // 'Không khai thác được thông tin trong cơ sở dữ liệu'
 * ```
 */
export const SUPPLEMENT_REASONS: Readonly<Record<SupplementReason, { readonly vi: string; readonly en: string }>> =
  Object.freeze({
    incomplete: { vi: 'Hồ sơ chưa đầy đủ', en: 'The dossier is incomplete' },
    inaccurate: {
      vi: 'Hồ sơ chưa chính xác hoặc chưa đúng quy định',
      en: 'The dossier is inaccurate or not in due form',
    },
    'not-competent': {
      vi: 'Không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận',
      en: 'Outside the receiving body’s competence',
    },
    'data-unavailable': {
      vi: 'Không khai thác được thông tin trong cơ sở dữ liệu',
      en: 'The information cannot be retrieved from the database',
    },
    'data-incorrect': {
      vi: 'Thông tin trong cơ sở dữ liệu cần được cập nhật, điều chỉnh',
      en: 'The information in the database must be updated or corrected',
    },
  });

/**
 * Checks the reasons of a supplement notice: at least one, each a {@link SupplementReason}, none
 * twice. Throws a `MotcuaError` (paths under `path`) in Vietnamese and English.
 *
 * @example
 * ```ts
 * parseSupplementReasons(['incomplete', 'data-incorrect']); // ['incomplete', 'data-incorrect']
 * parseSupplementReasons(['lost']); // throws MotcuaError (unknown-supplement-reason at [0])
 * ```
 */
export function parseSupplementReasons(input: unknown, path: ProblemPath = []): SupplementReason[] {
  const known = Object.keys(SUPPLEMENT_REASONS);
  if (!Array.isArray(input) || input.length === 0) {
    throw new MotcuaError([
      problem(path, 'missing-supplement-reason', {
        vi: 'Thông báo bổ sung phải nêu ít nhất một lý do',
        en: 'A supplement notice must give at least one reason',
      }),
    ]);
  }
  const problems = input.flatMap((code: unknown, i) =>
    typeof code === 'string' && known.includes(code) && input.indexOf(code) === i
      ? []
      : [
          problem([...path, i], 'unknown-supplement-reason', {
            vi: `Lý do bổ sung không hợp lệ hoặc bị lặp; phải là một trong: ${known.join(', ')}`,
            en: `Unknown or repeated supplement reason; expected one of: ${known.join(', ')}`,
          }),
        ],
  );
  if (problems.length > 0) throw new MotcuaError(problems);
  return input as SupplementReason[];
}
