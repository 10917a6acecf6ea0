import { readFile, stat } from 'node:fs/promises';
import { assertCatalogue, type Catalogue } from '@motcua/core/catalogue';

/**
 * The catalogue in a JSON file, checked by core and read again when the file changes; `undefined` without a file.
 *
 * @example
 * ```ts
 * const catalogue = catalogueFromFile('examples/data/catalogue.json');
 * (await catalogue())?.procedures.length; // 33
 * ```
 */
export function catalogueFromFile(path: string | undefined): () => Promise<Catalogue | undefined> {
  let cached: { mtime: number; catalogue: Catalogue } | undefined;
  return async () => {
    if (path === undefined) return undefined;
    const { mtimeMs } = await stat(path);
    if (cached?.mtime !== mtimeMs) {
      cached = { mtime: mtimeMs, catalogue: assertCatalogue(JSON.parse(await readFile(path, 'utf8'))) };
    }
    return cached.catalogue;
  };
}
