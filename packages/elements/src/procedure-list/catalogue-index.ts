// What <motcua-procedure-list> finds once per catalogue: the levels and fields its filters offer, and the procedure
// each deep link names.

import type { Catalogue, Procedure, ProcedureLevel } from '@motcua/core/catalogue';
import { anchorOf, nationalAnchorOf } from './format.js';

/** The levels each catalogue has, found once per catalogue. */
const LEVELS = new WeakMap<Catalogue, readonly ProcedureLevel[]>();

/**
 * Only the levels the catalogue has (a commune's own catalogue offers no province or district filter), found once per
 * catalogue: a scan of 5,000 procedures at every render took most of a keystroke's time.
 */
export function levelsOf(data: Catalogue): readonly ProcedureLevel[] {
  let levels = LEVELS.get(data);
  if (!levels) {
    levels = (['commune', 'province', 'district'] as const).filter((l) =>
      data.procedures.some((p) => p.levels.some((entry) => entry.level === l)),
    );
    LEVELS.set(data, levels);
  }
  return levels;
}

/** The catalogue's fields for the field filter: each once, whatever its case, sorted in Vietnamese. */
export function fieldsOf(catalogue: Catalogue): string[] {
  const fields = new Map<string, string>();
  for (const p of catalogue.procedures) {
    const key = p.field.trim();
    if (!fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), key);
  }
  return [...fields.values()].sort((a, b) => a.localeCompare(b, 'vi'));
}

/** The procedures by the fragment ids that link to them (`#tthc-…`, see `anchorOf`). */
export function anchorsOf(catalogue: Catalogue): Map<string, Procedure> {
  const byAnchor = new Map<string, Procedure>();
  for (const p of catalogue.procedures) byAnchor.set(anchorOf(p), p);
  // A national code alone also links, when no other procedure has it: `#tthc-2-000815`.
  for (const p of catalogue.procedures) {
    const national = nationalAnchorOf(p);
    if (!byAnchor.has(national)) byAnchor.set(national, p);
  }
  return byAnchor;
}
