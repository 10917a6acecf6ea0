import { type CivilDate, canChiOfYear, solarToLunar } from '@motcua/core/calendar';

/** The fields of a day's lunar date line, or `undefined` outside the lunar calendar's range (1900–2100). */
export function lunarParts(day: CivilDate): { day: number; month: number; leap: boolean; canChi: string } | undefined {
  try {
    const lunar = solarToLunar(day);
    return { day: lunar.day, month: lunar.month, leap: lunar.leap, canChi: canChiOfYear(lunar.year) };
  } catch {
    return undefined;
  }
}
