/**
 * The astronomy behind the Vietnamese lunar calendar, after Hồ Ngọc Đức's description of the
 * method: mean new moons corrected with the main periodic terms and the Sun's apparent longitude,
 * both from J. Meeus, "Astronomical Algorithms" (1998). Days are counted as epoch days
 * (days since 1970-01-01) in a fixed time zone given in hours east of UTC (Vietnam: 7).
 *
 * Internal to the calendar room; the public API is in `lunar.ts`.
 */

const DEG = Math.PI / 180;
/** Julian day number (noon-based) of 1970-01-01. */
const JDN_OF_EPOCH_DAY_0 = 2_440_588;
/** The mean synodic month as used by the method to number new moons. */
const SYNODIC_MONTH = 29.530588853;
/** Julian date of new moon number 0 (1900-01-01) used to number new moons. */
const NEW_MOON_0 = 2_415_021;

/**
 * The Julian date (UT) of new moon number `k`, counted from the new moon of 1900-01-01.
 * Accurate to a few minutes over 1900–2100, which is what the method specifies.
 */
export function newMoonJulianDate(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-00.5
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd = jd + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let c = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly * DEG) + 0.0021 * Math.sin(2 * DEG * sunAnomaly);
  c = c - 0.4068 * Math.sin(moonAnomaly * DEG) + 0.0161 * Math.sin(DEG * 2 * moonAnomaly);
  c = c - 0.0004 * Math.sin(DEG * 3 * moonAnomaly);
  c = c + 0.0104 * Math.sin(DEG * 2 * moonLatitude) - 0.0051 * Math.sin(DEG * (sunAnomaly + moonAnomaly));
  c =
    c - 0.0074 * Math.sin(DEG * (sunAnomaly - moonAnomaly)) + 0.0004 * Math.sin(DEG * (2 * moonLatitude + sunAnomaly));
  c =
    c -
    0.0004 * Math.sin(DEG * (2 * moonLatitude - sunAnomaly)) -
    0.0006 * Math.sin(DEG * (2 * moonLatitude + moonAnomaly));
  c =
    c +
    0.001 * Math.sin(DEG * (2 * moonLatitude - moonAnomaly)) +
    0.0005 * Math.sin(DEG * (2 * moonAnomaly + sunAnomaly));
  // ΔT (TT − UT) in days, a polynomial fit.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - deltaT;
}

/** The Sun's apparent longitude in radians, in [0, 2π), at Julian date `jd` (UT). */
export function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const t2 = t * t;
  const anomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * anomaly);
  center = center + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * anomaly) + 0.00029 * Math.sin(DEG * 3 * anomaly);
  const longitude = (meanLongitude + center) * DEG;
  return longitude - Math.PI * 2 * Math.floor(longitude / (Math.PI * 2));
}

/** The local civil day (epoch day) on which new moon number `k` falls, `zoneHours` east of UTC. */
export function newMoonDay(k: number, zoneHours: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + zoneHours / 24) - JDN_OF_EPOCH_DAY_0;
}

/**
 * Which 30° sector of the ecliptic (0 = 0°–30° … 11 = 330°–360°) the Sun is in at local midnight
 * starting `epochDay`. A lunar month holds a major solar term (trung khí) exactly when the sector
 * at its first midnight differs from the sector at the next month's first midnight.
 */
export function sunSectorAtMidnight(epochDay: number, zoneHours: number): number {
  const jd = epochDay + JDN_OF_EPOCH_DAY_0 - 0.5 - zoneHours / 24;
  return Math.floor((sunLongitude(jd) / Math.PI) * 6);
}

/** The number of the last new moon whose (approximate) mean date is on or before `epochDay`. */
export function newMoonNumberNear(epochDay: number): number {
  return Math.floor((epochDay + JDN_OF_EPOCH_DAY_0 - NEW_MOON_0) / SYNODIC_MONTH);
}
