import { MotcuaError, problem } from '../text/problem.js';

/** The ten Heavenly Stems (thiên can), starting from Giáp. */
const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
/** The twelve Earthly Branches (địa chi), starting from Tý. */
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/**
 * The can-chi (sexagenary) name of a lunar year, as printed on Vietnamese calendars. The cycle
 * repeats every 60 years, so any integer year is accepted (1984 and 2044 are both Giáp Tý).
 *
 * @example
 * ```ts
 * canChiOfYear(2026); // 'Bính Ngọ'
 * canChiOfYear(2023); // 'Quý Mão' — the cat, not the rabbit, in Vietnam
 * ```
 */
export function canChiOfYear(year: number): string {
  if (!Number.isInteger(year)) {
    throw new MotcuaError([
      problem([], 'invalid-lunar-year', {
        vi: `Năm âm lịch phải là số nguyên, nhận được ${String(year)}`,
        en: `A lunar year must be an integer; got ${String(year)}`,
      }),
    ]);
  }
  const can = CAN[(((year + 6) % 10) + 10) % 10] as string;
  const chi = CHI[(((year + 8) % 12) + 12) % 12] as string;
  return `${can} ${chi}`;
}
