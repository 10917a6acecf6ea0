/** A deterministic source of numbers in [0, 1), so that a demo history is the same on every machine. */
export type Random = () => number;

/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence everywhere. For demo data only,
 * never for secrets.
 *
 * @example
 * ```ts
 * const random = seededRandom(2026);
 * random(); // the same number on every run
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * One of `choices`, each as likely as its weight.
 *
 * @example
 * ```ts
 * pick(random, [['ho-tich', 5], ['dat-dai', 3]]); // 'ho-tich' five times in eight
 * ```
 */
export function pick<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [choice, weight] of choices) {
    left -= weight;
    if (left < 0) return choice;
  }
  return (choices.at(-1) as readonly [T, number])[0];
}

/**
 * A duration around `median` with a long right tail (log-normal), as service and waiting times are.
 *
 * @example
 * ```ts
 * skewed(random, 6); // minutes: mostly 3–12, sometimes 20
 * ```
 */
export function skewed(random: Random, median: number, spread = 0.5): number {
  // Box–Muller: a standard normal from two uniforms.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(spread * normal);
}
