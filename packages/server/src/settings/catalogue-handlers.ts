import { civilDateOf } from '@motcua/core/calendar';
import { type Catalogue, diffCatalogues, importCatalogueCsv, parseCatalogue } from '@motcua/core/catalogue';
import type { CatalogueImportCheck, CatalogueVersionView } from '@motcua/core/staff';
import { formatPath, MotcuaError, type Problem, problem } from '@motcua/core/text';
import type { Context } from 'hono';
import type * as z from 'zod';
import { readJsonBody } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import type { SettingsDeps } from './deps.js';
import { catalogueImportBody, cataloguePublishBody, rollbackBody } from './inputs.js';
import { adminAuthor, withAudit } from './save.js';
import { catalogueVersion, catalogueVersions, insertCatalogueVersion, type StoredCatalogue } from './store.js';

/** The most versions a list answers. */
const VERSIONS_LISTED = 100;

type ImportBody = z.infer<typeof catalogueImportBody>;

interface Imported {
  readonly catalogue?: Catalogue;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/** The catalogue served now: the database's published one, else the configuration's file. */
async function publishedNow(deps: SettingsDeps): Promise<Catalogue | undefined> {
  return deps.live.publishedCatalogue()?.catalogue ?? (await deps.fileCatalogue().catch(() => undefined));
}

/**
 * Reads an import with core: JSON through `parseCatalogue` (problems at their JSON path), CSV through
 * `importCatalogueCsv` (problems at `[row, column]`, the header being row 1).
 */
function importOf(body: ImportBody, published: Catalogue | undefined, today: string, officeName: string): Imported {
  if (body.format === 'csv') {
    const agency = published?.agency ?? body.agency ?? { name: officeName };
    const result = importCatalogueCsv(body.text, { agency, version: body.catalogueVersion ?? today });
    return result.ok
      ? { catalogue: result.catalogue, problems: [], warnings: result.warnings }
      : { problems: result.problems, warnings: result.warnings };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch (error) {
    const message = (error as Error).message;
    return {
      problems: [
        problem([], 'invalid-json', { vi: `Tệp không phải JSON hợp lệ: ${message}`, en: `Not valid JSON: ${message}` }),
      ],
      warnings: [],
    };
  }
  const result = parseCatalogue(json);
  return result.ok
    ? { catalogue: result.catalogue, problems: [], warnings: [] }
    : { problems: result.problems, warnings: [] };
}

const wire = (problems: readonly Problem[]) =>
  problems.map((p) => ({ path: formatPath(p.path), code: p.code, message: p.message }));

function viewOf(stored: StoredCatalogue): CatalogueVersionView {
  return {
    version: stored.version,
    publishedAt: stored.publishedAt,
    publishedBy: stored.publishedBy,
    catalogueVersion: stored.catalogue.version,
    procedures: stored.catalogue.procedures.length,
    ...(stored.rollbackOf === undefined ? {} : { rollbackOf: stored.rollbackOf }),
  };
}

/**
 * `POST /api/admin/catalogue/check` (admins): checks an import (CSV or JSON text) and answers every problem with its
 * place in vi/en and, when valid, the diff against the published catalogue (`CatalogueImportCheck`); saves nothing.
 *
 * @example
 * ```ts
 * app.post('/api/admin/catalogue/check', (c) => checkCatalogue(c, deps));
 * ```
 */
export async function checkCatalogue(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  const body = await readJsonBody(c, catalogueImportBody);
  const published = await publishedNow(deps);
  const imported = importOf(body, published, civilDateOf(deps.now()), deps.office.name.vi);
  const answer: CatalogueImportCheck = {
    ok: imported.catalogue !== undefined,
    problems: wire(imported.problems),
    warnings: wire(imported.warnings),
    ...(imported.catalogue ? { diff: diffCatalogues(published, imported.catalogue) } : {}),
    publishedVersion: deps.live.publishedCatalogue()?.version ?? 0,
  };
  c.header('Cache-Control', 'no-store');
  return c.json(answer);
}

async function publish(
  c: Context,
  deps: SettingsDeps,
  expectedVersion: number,
  catalogue: Catalogue,
  rollbackOf?: number,
): Promise<Response> {
  const before = await publishedNow(deps);
  const by = adminAuthor(c);
  const stored = await withAudit(
    c,
    deps,
    (tx) =>
      insertCatalogueVersion(tx, deps.office.id, expectedVersion, {
        catalogue,
        ...(rollbackOf === undefined ? {} : { rollbackOf }),
        at: deps.now(),
        by,
      }),
    (v) => {
      const diff = diffCatalogues(before, catalogue);
      return {
        action: rollbackOf === undefined ? 'catalogue.publish' : 'catalogue.rollback',
        object: `catalogue:${v.version}`,
        detail: {
          added: diff.added.map((p) => p.code),
          removed: diff.removed.map((p) => p.code),
          changed: diff.changed.map((p) => p.code),
          ...(rollbackOf === undefined ? {} : { rollbackOf }),
        },
      };
    },
  );
  deps.live.applyCatalogue(stored);
  return c.json({ ...viewOf(stored), diff: diffCatalogues(before, catalogue) }, 201);
}

/**
 * `POST /api/admin/catalogue/publish` (admins): publishes an import after `expectedVersion` (the published version
 * it was checked against): 400 with every problem at its place, 409 when another was published since; recorded in
 * the audit trail; served at once by every instance. Dossiers received before keep their time limit and due date.
 *
 * @example
 * ```ts
 * app.post('/api/admin/catalogue/publish', (c) => publishCatalogue(c, deps));
 * ```
 */
export async function publishCatalogue(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  const body = await readJsonBody(c, cataloguePublishBody);
  const imported = importOf(body, await publishedNow(deps), civilDateOf(deps.now()), deps.office.name.vi);
  if (!imported.catalogue) throw new MotcuaError([...imported.problems]);
  return publish(c, deps, body.expectedVersion, imported.catalogue);
}

/**
 * `POST /api/admin/catalogue/rollback` (admins): publishes an earlier version again (`rollbackOf`).
 *
 * @example
 * ```ts
 * app.post('/api/admin/catalogue/rollback', (c) => rollbackCatalogue(c, deps));
 * ```
 */
export async function rollbackCatalogue(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  const body = await readJsonBody(c, rollbackBody);
  const earlier = await catalogueVersion(deps.db, deps.office.id, body.version);
  if (!earlier) {
    throw new ApiError(404, 'unknown-version', {
      vi: `Không có phiên bản danh mục số ${body.version}`,
      en: `There is no catalogue version ${body.version}`,
    });
  }
  return publish(c, deps, body.expectedVersion, earlier.catalogue, earlier.version);
}

/**
 * `GET /api/admin/catalogue/versions` (admins): the published versions, newest first (`{ versions }`).
 *
 * @example
 * ```ts
 * app.get('/api/admin/catalogue/versions', (c) => catalogueHistory(c, deps));
 * ```
 */
export async function catalogueHistory(c: Context, deps: SettingsDeps): Promise<Response> {
  adminAuthor(c);
  c.header('Cache-Control', 'no-store');
  return c.json({ versions: (await catalogueVersions(deps.db, deps.office.id, VERSIONS_LISTED)).map(viewOf) });
}
