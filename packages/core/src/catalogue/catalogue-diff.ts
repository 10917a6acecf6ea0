import { isJsonObject } from '../text/json-object.js';
import type { Catalogue, Procedure } from './schema.js';

/** The fields of a procedure a {@link CatalogueDiff} compares one by one; any other difference counts as `other`. */
export type ProcedureChangeField =
  | 'name'
  | 'field'
  | 'statutoryTime'
  | 'reducedTime'
  | 'channels'
  | 'fees'
  | 'feeNote'
  | 'documents'
  | 'other';

/** A procedure's field that changed, with its value before and after (absent: not stated). */
export interface ProcedureFieldChange {
  readonly field: ProcedureChangeField;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** A procedure by its code and name, as a diff lists it. */
export interface ProcedureRef {
  readonly code: string;
  readonly name: string;
}

/**
 * What publishing a catalogue would change against the published one: procedures added, removed (withdrawn; their
 * open dossiers keep their limit and due date), and changed, with each changed field (time limits, fees…).
 *
 * @example
 * ```ts
 * const diff: CatalogueDiff = {
 *   added: [],
 *   removed: [],
 *   changed: [{ code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', changes: [
 *     { field: 'fees', before: [{ kind: 'charge', per: 'case', amount: 0 }], after: [{ kind: 'charge', per: 'case', amount: 5000 }] },
 *   ] }],
 *   unchanged: 32,
 * };
 * ```
 */
export interface CatalogueDiff {
  readonly added: readonly ProcedureRef[];
  readonly removed: readonly ProcedureRef[];
  readonly changed: readonly (ProcedureRef & { readonly changes: readonly ProcedureFieldChange[] })[];
  readonly unchanged: number;
}

const COMPARED: readonly Exclude<ProcedureChangeField, 'other'>[] = [
  'name',
  'field',
  'statutoryTime',
  'reducedTime',
  'channels',
  'fees',
  'feeNote',
  'documents',
];

/**
 * JSON with object keys sorted, so that key order never counts as a change: two values are the same data when their
 * canonical JSON is.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isJsonObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function fieldChanges(before: Procedure, after: Procedure): ProcedureFieldChange[] {
  const changes: ProcedureFieldChange[] = [];
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const field of COMPARED) {
    if (canonicalJson(b[field]) === canonicalJson(a[field])) continue;
    changes.push({
      field,
      ...(b[field] === undefined ? {} : { before: b[field] }),
      ...(a[field] === undefined ? {} : { after: a[field] }),
    });
  }
  const rest = (p: Record<string, unknown>) =>
    canonicalJson(Object.fromEntries(Object.entries(p).filter(([k]) => !(COMPARED as readonly string[]).includes(k))));
  if (rest(b) !== rest(a)) changes.push({ field: 'other' });
  return changes;
}

/**
 * Compares a catalogue about to be published (`next`) with the published one (`published`, or `undefined` when
 * none is): procedures by code, added and removed in `next`'s and `published`'s order, changed ones with each field.
 *
 * @example
 * ```ts
 * const diff = diffCatalogues(published, imported);
 * diff.changed.map((p) => `${p.code}: ${p.changes.map((c) => c.field).join(', ')}`); // ['1.004873: fees']
 * ```
 */
export function diffCatalogues(published: Catalogue | undefined, next: Catalogue): CatalogueDiff {
  const before = new Map((published?.procedures ?? []).map((p) => [p.code, p]));
  const after = new Map(next.procedures.map((p) => [p.code, p]));
  const ref = (p: Procedure): ProcedureRef => ({ code: p.code, name: p.name });
  const added = next.procedures.filter((p) => !before.has(p.code)).map(ref);
  const removed = (published?.procedures ?? []).filter((p) => !after.has(p.code)).map(ref);
  const changed: (ProcedureRef & { changes: ProcedureFieldChange[] })[] = [];
  let unchanged = 0;
  for (const p of next.procedures) {
    const old = before.get(p.code);
    if (!old) continue;
    const changes = fieldChanges(old, p);
    if (changes.length === 0) unchanged++;
    else changed.push({ ...ref(p), changes });
  }
  return { added, removed, changed, unchanged };
}
