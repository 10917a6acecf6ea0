/**
 * The procedure catalogue (danh mục thủ tục hành chính): schema, validation with bilingual problems,
 * Vietnamese diacritic-insensitive search, fees, CSV import and export, static HTML, JSON-LD and JSON Schema.
 *
 * @module catalogue
 */

export {
  type CatalogueDiff,
  canonicalJson,
  diffCatalogues,
  type ProcedureChangeField,
  type ProcedureFieldChange,
  type ProcedureRef,
} from './catalogue-diff.js';
export {
  type CsvColumn,
  type CsvExportOptions,
  type CsvImportOptions,
  type CsvImportResult,
  catalogueToCsv,
  DEFAULT_CSV_COLUMNS,
  importCatalogueCsv,
  parseCsv,
} from './csv.js';
export { parseFeeText, parseTimeLimitText } from './csv-text.js';
export { duplicateCodeProblems } from './duplicate-codes.js';
export {
  computeFee,
  computeFees,
  type FeeQuantity,
  formatFeeRule,
  formatVnd,
  unitPrice,
} from './fees.js';
export { type CatalogueHtmlOptions, catalogueToHtml, escapeHtml } from './html.js';
export { catalogueJsonSchema } from './json-schema.js';
export { type JsonLd, procedureToCpsvAp, procedureToJsonLd } from './linked-data.js';
export {
  assertCatalogue,
  type ParseCatalogueOptions,
  type ParseCatalogueResult,
  parseCatalogue,
} from './parse-catalogue.js';
export {
  type Catalogue,
  type CatalogueAgency,
  type ChannelKind,
  type ConditionalTime,
  catalogueSchema,
  type DocumentForm,
  type FeeRule,
  type FeeTier,
  type FeeUnit,
  type LegalBasis,
  LOCAL_SUFFIX_PATTERN,
  NON_BLANK_PATTERN,
  type OnlineLevel,
  type OnlineService,
  PROCEDURE_CODE_PATTERN,
  type Procedure,
  type ProcedureChannel,
  type ProcedureDocument,
  type ProcedureFlags,
  type ProcedureLevel,
  type ProcedureLevelEntry,
} from './schema.js';
export {
  buildSearchIndex,
  type SearchFilters,
  type SearchHit,
  type SearchIndex,
  type SearchMatch,
  type SearchOptions,
  type SearchPage,
  type SearchTolerance,
  searchProcedurePage,
  searchProcedures,
} from './search.js';
export { defaultAbbreviations, typoTolerance } from './search-typos.js';
