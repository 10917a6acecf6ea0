// The catalogue administration's wire shapes and readers (`/api/admin/catalogue/…`), apart from the settings' so
// that a page reads them only when it loads the catalogue's part (the office administration's lazily loaded history).

import type { CatalogueDiff } from '../catalogue/catalogue-diff.js';
import type { ApiProblem } from '../text/api-error.js';
import { isJsonObject } from '../text/json-object.js';
import { readSettingsAuthor, type SettingsAuthor } from './office-settings.js';

/**
 * A catalogue import checked against the published catalogue (`POST /api/admin/catalogue/check`): every problem
 * with its place — `[row, column]` of a CSV file, a JSON path — in Vietnamese and English; and, when it is valid,
 * what publishing it would change.
 *
 * @example
 * ```ts
 * const report = readCatalogueImportCheck(await response.json());
 * if (report && !report.ok) for (const p of report.problems) console.log(p.path, p.message.vi);
 * ```
 */
export interface CatalogueImportCheck {
  readonly ok: boolean;
  readonly problems: readonly ApiProblem[];
  /** Cells kept as text (a fee or time limit in words core could not read). */
  readonly warnings: readonly ApiProblem[];
  readonly diff?: CatalogueDiff;
  /** The published version it was compared with (0: none yet). */
  readonly publishedVersion: number;
}

/**
 * A published catalogue version (`GET /api/admin/catalogue/versions`).
 *
 * @example
 * ```ts
 * const version: CatalogueVersionView = {
 *   version: 2, publishedAt: '2026-12-05T09:00:00+07:00', publishedBy: { kind: 'user', id: 'u1', name: 'Admin' },
 *   catalogueVersion: '2026-12-05', procedures: 33,
 * };
 * ```
 */
export interface CatalogueVersionView {
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: SettingsAuthor;
  /** The catalogue's own `version` field. */
  readonly catalogueVersion: string;
  readonly procedures: number;
  readonly rollbackOf?: number;
}

function isApiProblem(value: unknown): value is ApiProblem {
  return (
    isJsonObject(value) &&
    typeof value.path === 'string' &&
    typeof value.code === 'string' &&
    isJsonObject(value.message) &&
    typeof value.message.vi === 'string' &&
    typeof value.message.en === 'string'
  );
}

/**
 * A catalogue check's JSON as a {@link CatalogueImportCheck}, or undefined when it is not one; malformed problems are left
 * out.
 *
 * @example
 * ```ts
 * readCatalogueImportCheck({ ok: false, problems: [], warnings: [], publishedVersion: 1 })?.ok; // false
 * ```
 */
export function readCatalogueImportCheck(value: unknown): CatalogueImportCheck | undefined {
  if (!isJsonObject(value) || typeof value.ok !== 'boolean' || !Number.isInteger(value.publishedVersion))
    return undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter(isApiProblem) : []);
  const diff = value.diff;
  const validDiff =
    isJsonObject(diff) && Array.isArray(diff.added) && Array.isArray(diff.removed) && Array.isArray(diff.changed);
  return {
    ok: value.ok,
    problems: list(value.problems),
    warnings: list(value.warnings),
    ...(validDiff ? { diff: diff as unknown as CatalogueDiff } : {}),
    publishedVersion: value.publishedVersion as number,
  };
}

/**
 * A catalogue version's JSON as a {@link CatalogueVersionView}, or undefined when it is not one.
 *
 * @example
 * ```ts
 * const { versions } = await (await fetch('/api/admin/catalogue/versions', { credentials: 'same-origin' })).json();
 * versions.map(readCatalogueVersionView).filter(Boolean);
 * ```
 */
export function readCatalogueVersionView(value: unknown): CatalogueVersionView | undefined {
  if (!isJsonObject(value) || !Number.isInteger(value.version) || typeof value.publishedAt !== 'string')
    return undefined;
  const publishedBy = readSettingsAuthor(value.publishedBy);
  if (!publishedBy || typeof value.catalogueVersion !== 'string' || !Number.isInteger(value.procedures)) {
    return undefined;
  }
  return value as unknown as CatalogueVersionView;
}
