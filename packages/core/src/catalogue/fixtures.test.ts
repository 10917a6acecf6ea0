// Builders shared by the catalogue tests. Named *.test.ts so that it stays out of the published build;
// it declares no tests of its own.
import fc from 'fast-check';
import type { Catalogue, FeeRule, Procedure } from './schema.js';

/**
 * Loads the sample commune catalogue in examples/: as a JSON module under Node, with `fetch` in the
 * browser (whose test server serves JSON as a script).
 */
export async function loadSampleCatalogue(): Promise<unknown> {
  const url = new URL('../../../../examples/data/catalogue.json', import.meta.url);
  if (url.protocol !== 'file:') return (await fetch(url)).json();
  const module = (await import(url.href, { with: { type: 'json' } })) as { default: unknown };
  return module.default;
}

/** A small valid procedure. */
export function procedure(code: string, name: string, extra: Partial<Procedure> = {}): Procedure {
  return {
    code,
    name,
    field: 'Hộ tịch',
    levels: [{ level: 'commune' }],
    agency: 'Ủy ban nhân dân cấp xã',
    channels: [{ kind: 'in-person' }],
    ...extra,
  };
}

/** A valid catalogue of the given procedures. */
export function catalogueOf(procedures: readonly Procedure[]): Catalogue {
  return { formatVersion: 1, version: 'test', agency: { name: 'UBND xã thử nghiệm' }, procedures };
}

const SYLLABLES = [
  'đăng',
  'ký',
  'khai',
  'sinh',
  'kết',
  'hôn',
  'tử',
  'chứng',
  'thực',
  'bản',
  'sao',
  'giám',
  'hộ',
  'cấp',
  'giấy',
  'xác',
  'nhận',
  'thường',
  'trú',
  'tạm',
  'đất',
  'nhà',
  'ở',
  'di',
  'chúc',
  'lưu',
  'động',
];

/** Synthetic catalogues of `size` valid procedures with Vietnamese-looking names, deterministic. */
export function syntheticCatalogue(size: number, seed = 1): Catalogue {
  let state = seed >>> 0 || 1;
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const fields = ['Hộ tịch', 'Chứng thực', 'Cư trú', 'Đất đai', 'Bảo trợ xã hội'];
  const procedures: Procedure[] = [];
  for (let i = 0; i < size; i++) {
    const length = 3 + next(7);
    const name = Array.from({ length }, () => SYLLABLES[next(SYLLABLES.length)] as string).join(' ');
    procedures.push(
      procedure(`${1 + (i % 3)}.${String(100000 + i).padStart(6, '0')}`, name.charAt(0).toUpperCase() + name.slice(1), {
        field: fields[next(fields.length)] as string,
        statutoryTime: { value: 1 + next(20), unit: 'working-days' },
        fees: [{ kind: 'fee', per: 'case', amount: 1000 * next(100) }],
        onlineService: { level: (['full', 'partial', 'none'] as const)[next(3)] as 'full' },
        flags: { immediate: false, boundaryFree: next(2) === 0 },
      }),
    );
  }
  return catalogueOf(procedures);
}

/** Arbitrary fee rules as the schema allows them. */
export const feeRuleArbitrary: fc.Arbitrary<FeeRule> = fc
  .record({
    per: fc.constantFrom('page' as const, 'copy' as const, 'case' as const),
    amount: fc.integer({ min: 0, max: 100_000 }),
    tierFroms: fc.uniqueArray(fc.integer({ min: 2, max: 50 }), { maxLength: 3 }),
    tierAmounts: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 3, maxLength: 3 }),
    max: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  })
  .map(({ per, amount, tierFroms, tierAmounts, max }) => {
    const tiers = [...tierFroms].sort((a, b) => a - b).map((from, i) => ({ from, amount: tierAmounts[i] as number }));
    const rule: FeeRule = { kind: 'fee', per, amount };
    return {
      ...rule,
      ...(per !== 'case' && tiers.length > 0 ? { tiers } : {}),
      ...(per === 'page' && max !== undefined ? { maxPerCopy: Math.max(max, amount) } : {}),
    };
  });
