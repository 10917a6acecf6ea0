import { isJsonObject } from '../text/json-object.js';
import { type Problem, problem } from '../text/problem.js';

/**
 * The `duplicate-code` problems of a catalogue's procedures (any values, as read): one for each procedure whose full
 * code (`code`, and `localSuffix` when it has one) an earlier procedure already has, at its `code` with a Vietnamese
 * and English message naming the earlier one. `parseCatalogue` reports them; a reader that checks a large catalogue
 * part by part compares the codes of every part with this.
 *
 * @example
 * ```ts
 * duplicateCodeProblems([{ code: '1.001193' }, { code: '1.001193', localSuffix: 'H61' }, { code: '1.001193' }]);
 * // [{ path: ['procedures', 2, 'code'], code: 'duplicate-code', message: { vi: 'Mã thủ tục 1.001193 bị trùng với thủ tục thứ 1 ($.procedures[0])', en: … } }]
 * ```
 */
export function duplicateCodeProblems(procedures: readonly unknown[]): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  procedures.forEach((procedure, i) => {
    if (!isJsonObject(procedure) || typeof procedure.code !== 'string') return;
    const key =
      typeof procedure.localSuffix === 'string' ? `${procedure.code}.${procedure.localSuffix}` : procedure.code;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      out.push(
        problem(['procedures', i, 'code'], 'duplicate-code', {
          vi: `Mã thủ tục ${key} bị trùng với thủ tục thứ ${first + 1} ($.procedures[${first}])`,
          en: `Procedure code ${key} duplicates procedure ${first + 1} ($.procedures[${first}])`,
        }),
      );
    }
  });
  return out;
}
