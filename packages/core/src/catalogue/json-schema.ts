import * as z from 'zod/mini';
import { catalogueSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a catalogue, generated from the zod schema, for systems not
 * written in TypeScript. It checks types, formats and unknown fields; the checks across fields
 * (unique codes, dates in order, reduced time within the statutory one, fee tiers) are only in
 * `parseCatalogue`.
 *
 * @example
 * ```ts
 * const schema = catalogueJsonSchema();
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function catalogueJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(catalogueSchema) as Record<string, unknown>),
    title: 'motcua procedure catalogue (danh mục thủ tục hành chính), format version 1',
  };
}
