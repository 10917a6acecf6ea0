import { type LocalizedText, MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';

/**
 * One grade (xếp loại) of a points total. Bands are read from the top down: a total gets the first
 * band whose lower bound it reaches, so a list of bands never leaves a gap.
 */
export interface GradeBand {
  /** A stable code, e.g. `xuat-sac`. */
  readonly grade: string;
  /** The grade's name, e.g. `{ vi: 'Xuất sắc', en: 'Excellent' }`. */
  readonly label: LocalizedText;
  /** The lower bound of the band. */
  readonly minPoints: number;
  /** Whether a total equal to `minPoints` is in this band (`true`: ≥, `false`: >). */
  readonly minInclusive: boolean;
}

/**
 * The grades of the 18-point dossier evaluation as one DVC system applies them:
 * **> 15 Xuất sắc; 12–< 15 Tốt; 9–< 12 Khá; 6–< 9 Trung bình; < 6 Yếu**. Whether this matches the
 * Circular's text is unconfirmed, so pass your own bands wherever grades are computed. The source text
 * leaves a total of exactly 15 in no band; read top-down, these bands put 15 in Tốt.
 *
 * @example
 * ```ts
 * gradeFor(16, DOSSIER_EVALUATION_GRADE_BANDS).grade; // 'xuat-sac'
 * gradeFor(15, DOSSIER_EVALUATION_GRADE_BANDS).grade; // 'tot'
 * ```
 */
export const DOSSIER_EVALUATION_GRADE_BANDS: readonly GradeBand[] = [
  { grade: 'xuat-sac', label: { vi: 'Xuất sắc', en: 'Excellent' }, minPoints: 15, minInclusive: false },
  { grade: 'tot', label: { vi: 'Tốt', en: 'Good' }, minPoints: 12, minInclusive: true },
  { grade: 'kha', label: { vi: 'Khá', en: 'Fair' }, minPoints: 9, minInclusive: true },
  { grade: 'trung-binh', label: { vi: 'Trung bình', en: 'Average' }, minPoints: 6, minInclusive: true },
  { grade: 'yeu', label: { vi: 'Yếu', en: 'Poor' }, minPoints: 0, minInclusive: true },
];

/**
 * Every problem with a list of grade bands that must cover `floor` and up: empty list, duplicate
 * codes, bounds not descending, or a lowest band that does not reach down to `floor`.
 *
 * @example
 * ```ts
 * checkGradeBands(DOSSIER_EVALUATION_GRADE_BANDS, 0); // []
 * checkGradeBands([{ grade: 'a', label: { vi: 'A', en: 'A' }, minPoints: 5, minInclusive: true }], 0).length; // 1
 * ```
 */
export function checkGradeBands(bands: readonly GradeBand[], floor: number, path: ProblemPath = []): Problem[] {
  const problems: Problem[] = [];
  if (bands.length === 0) {
    problems.push(
      problem(path, 'invalid-grade-bands', {
        vi: 'Cần ít nhất một mức xếp loại',
        en: 'At least one grade band is needed',
      }),
    );
    return problems;
  }
  const seen = new Set<string>();
  bands.forEach((band, index) => {
    if (seen.has(band.grade)) {
      problems.push(
        problem([...path, index, 'grade'], 'invalid-grade-bands', {
          vi: `Mã xếp loại "${band.grade}" bị lặp`,
          en: `Grade code "${band.grade}" is repeated`,
        }),
      );
    }
    seen.add(band.grade);
    if (!Number.isFinite(band.minPoints)) {
      problems.push(
        problem([...path, index, 'minPoints'], 'invalid-grade-bands', {
          vi: `Ngưỡng điểm phải là số, nhận được ${band.minPoints}`,
          en: `A lower bound must be a number; got ${band.minPoints}`,
        }),
      );
      return;
    }
    const above = bands[index - 1];
    if (
      above &&
      (band.minPoints > above.minPoints ||
        (band.minPoints === above.minPoints && !(above.minInclusive === false && band.minInclusive)))
    ) {
      problems.push(
        problem([...path, index, 'minPoints'], 'invalid-grade-bands', {
          vi: `Các mức phải xếp từ cao xuống thấp: ${band.minPoints} không thấp hơn mức trên (${above.minPoints})`,
          en: `Bands must run from the top down: ${band.minPoints} is not below the band above (${above.minPoints})`,
        }),
      );
    }
  });
  const last = bands[bands.length - 1] as GradeBand;
  if (last.minPoints > floor || (last.minPoints === floor && !last.minInclusive)) {
    problems.push(
      problem([...path, bands.length - 1, 'minPoints'], 'invalid-grade-bands', {
        vi: `Mức thấp nhất phải bao gồm ${floor} điểm`,
        en: `The lowest band must include ${floor} points`,
      }),
    );
  }
  return problems;
}

/**
 * The grade band of a points total: the first band, from the top, whose lower bound it reaches.
 * Throws a {@link MotcuaError} when no band takes the total (bands that do not reach down far enough).
 *
 * @example
 * ```ts
 * gradeFor(12, DOSSIER_EVALUATION_GRADE_BANDS).label.vi; // 'Tốt'
 * gradeFor(5, DOSSIER_EVALUATION_GRADE_BANDS).label.en;  // 'Poor'
 * ```
 */
export function gradeFor(points: number, bands: readonly GradeBand[]): GradeBand {
  for (const band of bands) {
    if (points > band.minPoints || (band.minInclusive && points === band.minPoints)) return band;
  }
  throw new MotcuaError([
    problem(['points'], 'no-grade', {
      vi: `Không có mức xếp loại nào cho ${points} điểm`,
      en: `No grade band takes ${points} points`,
    }),
  ]);
}
