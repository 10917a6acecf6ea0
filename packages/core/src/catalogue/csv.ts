import { formatTimeLimit } from '../deadline/format-time-limit.js';
import { foldVietnamese } from '../text/fold.js';
import { type Problem, type ProblemPath, problem } from '../text/problem.js';
import { parseFeeText, parseTimeLimitText } from './csv-text.js';
import { formatFeeRule } from './fees.js';
import { parseCatalogue } from './parse-catalogue.js';
import type {
  Catalogue,
  CatalogueAgency,
  ChannelKind,
  OnlineLevel,
  OnlineService,
  Procedure,
  ProcedureLevel,
} from './schema.js';

/**
 * The columns the CSV import understands.
 *
 * @example
 * ```ts
 * const column: CsvColumn = 'time'; // "Thời hạn giải quyết"
 * ```
 */
export type CsvColumn =
  | 'code'
  | 'name'
  | 'field'
  | 'level'
  | 'agency'
  | 'time'
  | 'fees'
  | 'documents'
  | 'channels'
  | 'legalBasis'
  | 'onlineLevel';

/**
 * The headers each column is recognised by (compared without diacritics, case or spacing), as
 * provinces' published lists write them. The first header of each column is the one
 * {@link catalogueToCsv} writes. Override any of them with the `columns` option.
 *
 * @example
 * ```ts
 * DEFAULT_CSV_COLUMNS.time; // ['Thời hạn giải quyết', 'Thời gian giải quyết', 'Thời hạn']
 * ```
 */
export const DEFAULT_CSV_COLUMNS: Readonly<Record<CsvColumn, readonly string[]>> = Object.freeze({
  code: ['Mã thủ tục', 'Mã TTHC', 'Mã số', 'Mã'],
  name: ['Tên thủ tục', 'Tên TTHC', 'Tên thủ tục hành chính'],
  field: ['Lĩnh vực'],
  level: ['Cấp thực hiện'],
  agency: ['Cơ quan thực hiện'],
  time: ['Thời hạn giải quyết', 'Thời gian giải quyết', 'Thời hạn'],
  fees: ['Phí/Lệ phí', 'Phí, lệ phí', 'Phí, Lệ phí', 'Lệ phí', 'Phí'],
  documents: ['Thành phần hồ sơ'],
  channels: ['Cách thức thực hiện'],
  legalBasis: ['Căn cứ pháp lý'],
  onlineLevel: ['Mức độ DVC', 'Mức độ DVCTT', 'Mức độ dịch vụ công', 'Mức độ'],
});

/**
 * Options of {@link importCatalogueCsv}.
 *
 * @example
 * ```ts
 * const options: CsvImportOptions = {
 *   agency: { name: 'UBND xã mẫu', province: 'Vĩnh Long' },
 *   version: '2025-11-16',
 *   columns: { code: ['Mã số TTHC'] },
 * };
 * ```
 */
export interface CsvImportOptions {
  /** The publishing agency; also the default of an empty "Cơ quan thực hiện". */
  readonly agency: CatalogueAgency;
  /** The catalogue's version. */
  readonly version: string;
  /** Headers per column, replacing the defaults for the columns given. */
  readonly columns?: { readonly [K in CsvColumn]?: readonly string[] };
  /**
   * How a legacy "mức độ 1–4" alone maps to today's level. Default `{1: 'none', 2: 'none', 3:
   * 'partial', 4: 'full'}` (level 3 filed online, level 4 also paid and returned online); the
   * legacy level itself is kept in `legacyLevel`.
   */
  readonly legacyOnlineLevels?: Readonly<Record<1 | 2 | 3 | 4, OnlineLevel>>;
}

/**
 * The outcome of {@link importCatalogueCsv}. Problem paths are `[row, header, …]`, `row` being the
 * spreadsheet row (the header is row 1). Warnings name cells whose text could not be read into
 * structure and was kept as text (in the procedure's `note` or `feeNote`).
 *
 * @example
 * ```ts
 * const result: CsvImportResult = importCatalogueCsv(text, { agency, version: '1' });
 * for (const w of result.warnings) console.warn(formatPath(w.path), w.message.vi);
 * ```
 */
export type CsvImportResult =
  | { readonly ok: true; readonly catalogue: Catalogue; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly warnings: readonly Problem[] };

/**
 * Splits CSV text into rows of cells (RFC 4180: quoted cells, `""` for a quote, line breaks inside
 * quotes). Strips a UTF-8 byte order mark and detects the delimiter (comma or semicolon) from the
 * first line unless one is given.
 *
 * @example
 * ```ts
 * parseCsv('\uFEFFMã thủ tục;Tên thủ tục\n1.001193;"Đăng ký ""khai sinh"""');
 * // [['Mã thủ tục', 'Tên thủ tục'], ['1.001193', 'Đăng ký "khai sinh"']]
 * ```
 */
export function parseCsv(text: string, delimiter?: ',' | ';'): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = delimiter ?? detectDelimiter(input);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell.length === 0) quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (c === '\r' && input[i + 1] === '\n') i++;
    } else cell += c;
    i++;
  }
  if (cell.length > 0 || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const headerKey = (header: string): string => foldVietnamese(header).replace(/[^a-z0-9]+/g, '');

function splitList(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((s) => s.replace(/^\s*[-•+*]\s*/, '').trim())
    .filter((s) => s.length > 0);
}

const LEVEL_WORDS: readonly [RegExp, ProcedureLevel][] = [
  [/\b(xa|phuong|dac khu)\b/, 'commune'],
  [/\bhuyen\b/, 'district'],
  [/\btinh\b/, 'province'],
];

const CHANNEL_WORDS: readonly [RegExp, ChannelKind][] = [
  [/\btruc tiep\b/, 'in-person'],
  [/\btruc tuyen\b/, 'online'],
  [/\bbuu chinh\b/, 'postal'],
];

const DEFAULT_LEGACY: Readonly<Record<1 | 2 | 3 | 4, OnlineLevel>> = { 1: 'none', 2: 'none', 3: 'partial', 4: 'full' };

function onlineServiceOf(
  text: string,
  legacyLevels: Readonly<Record<1 | 2 | 3 | 4, OnlineLevel>>,
): OnlineService | undefined {
  const folded = foldVietnamese(text);
  const legacy = /(?:^|muc(?: do)? ?)([1-4])\b/.exec(folded);
  const legacyLevel = legacy === null ? undefined : (Number(legacy[1]) as 1 | 2 | 3 | 4);
  let level: OnlineLevel | undefined;
  if (/toan trinh/.test(folded)) level = 'full';
  else if (/mot phan/.test(folded)) level = 'partial';
  else if (/^khong\b/.test(folded)) level = 'none';
  else if (legacyLevel !== undefined) level = legacyLevels[legacyLevel];
  if (level === undefined) return undefined;
  return legacyLevel === undefined ? { level } : { level, legacyLevel };
}

/**
 * Imports a catalogue from CSV as provinces publish their lists (UTF-8, with or without BOM, comma
 * or semicolon, Vietnamese headers — see {@link DEFAULT_CSV_COLUMNS}). Time limits and fees written
 * in words are read into structure where they can be ("05 ngày làm việc", "Trong ngày", "2.000
 * đồng/trang") and kept as text with a warning where they cannot. The result is validated like
 * `parseCatalogue`; every problem carries its spreadsheet row and column.
 *
 * @example
 * ```ts
 * const result = importCatalogueCsv(
 *   'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thời hạn giải quyết,Phí/Lệ phí\n' +
 *     '2.000884,Chứng thực chữ ký,Chứng thực,Cấp xã,Trong ngày,10.000 đồng/trường hợp\n',
 *   { agency: { name: 'UBND xã mẫu' }, version: '1' },
 * );
 * if (result.ok) result.catalogue.procedures[0]?.fees; // [{ kind: 'fee', per: 'case', amount: 10000 }]
 * ```
 */
export function importCatalogueCsv(text: string, options: CsvImportOptions): CsvImportResult {
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const columns: Record<CsvColumn, readonly string[]> = { ...DEFAULT_CSV_COLUMNS, ...options.columns };
  const legacyLevels = options.legacyOnlineLevels ?? DEFAULT_LEGACY;
  const position = new Map<CsvColumn, number>();
  for (const [column, names] of Object.entries(columns) as [CsvColumn, readonly string[]][]) {
    const keys = new Set(names.map(headerKey));
    const at = header.findIndex((h) => keys.has(headerKey(h)));
    if (at >= 0) position.set(column, at);
  }
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const required of ['code', 'name'] as const) {
    if (!position.has(required)) {
      problems.push(
        problem([1], 'missing-column', {
          vi: `Dòng tiêu đề thiếu cột "${columns[required][0]}"`,
          en: `The header row has no "${columns[required][0]}" column`,
        }),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems, warnings };

  const headerOf = (column: CsvColumn): string => header[position.get(column) ?? -1] ?? (columns[column][0] as string);
  const rowOf: number[] = [];
  const procedures: Record<string, unknown>[] = [];
  rows.slice(1).forEach((cells, r) => {
    const rowNumber = r + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (column: CsvColumn): string => {
      const at = position.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const warn = (column: CsvColumn, vi: string, en: string): void => {
      warnings.push(
        problem([rowNumber, headerOf(column)], 'kept-as-text', {
          vi: `Dòng ${rowNumber}: ${vi}`,
          en: `Row ${rowNumber}: ${en}`,
        }),
      );
    };
    const notes: string[] = [];
    const record: Record<string, unknown> = {};
    const code = cell('code');
    const codeMatch = /^(\d\.\d{6})\.(.+)$/.exec(code);
    if (codeMatch === null) record.code = code;
    else {
      record.code = codeMatch[1];
      record.localSuffix = codeMatch[2];
    }
    record.name = cell('name');
    record.field = cell('field');
    const levelText = foldVietnamese(cell('level'));
    const levels = LEVEL_WORDS.filter(([re]) => re.test(levelText)).map(([, level]) => ({ level }));
    if (levels.length === 0) {
      warn('level', 'không đọc được cấp thực hiện, dùng cấp xã', 'level not readable, commune assumed');
      levels.push({ level: 'commune' });
    }
    record.levels = levels;
    record.agency = cell('agency') || options.agency.name;
    const channelText = foldVietnamese(cell('channels'));
    const channels = CHANNEL_WORDS.filter(([re]) => re.test(channelText)).map(([, kind]) => ({ kind }));
    if (channels.length === 0) {
      warn(
        'channels',
        'không đọc được cách thức thực hiện, dùng trực tiếp',
        'channels not readable, in person assumed',
      );
      channels.push({ kind: 'in-person' });
    }
    record.channels = channels;
    const timeText = cell('time');
    if (timeText !== '') {
      const time = parseTimeLimitText(timeText);
      if (time === undefined) {
        warn('time', 'không đọc được thời hạn, giữ nguyên văn bản', 'time limit not readable, kept as text');
        notes.push(`Thời hạn giải quyết: ${timeText}`);
      } else {
        record.statutoryTime = time.limit;
        if (!time.exact) {
          warn(
            'time',
            'thời hạn có thêm điều kiện, giữ nguyên văn bản trong ghi chú',
            'time limit has conditions, text kept in the note',
          );
          notes.push(`Thời hạn giải quyết: ${timeText}`);
        }
      }
    }
    const feeText = cell('fees');
    if (feeText !== '') {
      const fees = parseFeeText(feeText);
      if (fees === undefined) {
        warn('fees', 'không đọc được phí, lệ phí, giữ nguyên văn bản', 'fees not readable, kept as text');
        record.feeNote = feeText;
      } else record.fees = fees;
    }
    const documents = splitList(cell('documents'));
    if (documents.length > 0) record.documents = documents.map((name) => ({ name }));
    const legal = splitList(cell('legalBasis'));
    if (legal.length > 0) record.legalBasis = legal.map((instrument) => ({ instrument }));
    const onlineText = cell('onlineLevel');
    if (onlineText !== '') {
      const online = onlineServiceOf(onlineText, legacyLevels);
      if (online === undefined) {
        warn('onlineLevel', 'không đọc được mức độ dịch vụ công, bỏ qua', 'online level not readable, left out');
        notes.push(`Mức độ DVC: ${onlineText}`);
      } else record.onlineService = online;
    }
    if (notes.length > 0) record.note = notes.join('\n');
    rowOf.push(rowNumber);
    procedures.push(record);
  });

  const fieldColumn: Readonly<Record<string, CsvColumn>> = {
    code: 'code',
    localSuffix: 'code',
    name: 'name',
    field: 'field',
    levels: 'level',
    agency: 'agency',
    channels: 'channels',
    statutoryTime: 'time',
    fees: 'fees',
    feeNote: 'fees',
    documents: 'documents',
    legalBasis: 'legalBasis',
    onlineService: 'onlineLevel',
  };
  const input = { formatVersion: 1, version: options.version, agency: options.agency, procedures };
  const result = parseCatalogue(input);
  if (result.ok) return { ok: true, catalogue: result.catalogue, warnings };
  const located = result.problems.map((p): Problem => {
    const [first, index, key, ...rest] = p.path;
    if (first !== 'procedures' || typeof index !== 'number') return p;
    const rowNumber = rowOf[index] ?? index + 2;
    const column = typeof key === 'string' ? fieldColumn[key] : undefined;
    const path: ProblemPath = column === undefined ? [rowNumber] : [rowNumber, headerOf(column), ...rest];
    return problem(path, p.code, { vi: `Dòng ${rowNumber}: ${p.message.vi}`, en: `Row ${rowNumber}: ${p.message.en}` });
  });
  return { ok: false, problems: located, warnings };
}

/**
 * Options of {@link catalogueToCsv}.
 *
 * @example
 * ```ts
 * const options: CsvExportOptions = { delimiter: ';', bom: true };
 * ```
 */
export interface CsvExportOptions {
  /** Cell separator. Default `','`. */
  readonly delimiter?: ',' | ';';
  /** Start with a UTF-8 byte order mark so that Excel reads the Vietnamese letters. Default `true`. */
  readonly bom?: boolean;
}

const LEVEL_TEXT: Readonly<Record<ProcedureLevel, string>> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
const CHANNEL_TEXT: Readonly<Record<ChannelKind, string>> = {
  'in-person': 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Bưu chính',
};
const ONLINE_TEXT: Readonly<Record<OnlineLevel, string>> = { full: 'Toàn trình', partial: 'Một phần', none: 'Không' };

function feesCell(procedure: Procedure): string {
  if (procedure.fees === undefined) return procedure.feeNote ?? '';
  if (procedure.fees.length === 0) return 'Không';
  return procedure.fees.map((r) => `${r.kind === 'charge' ? 'Lệ phí: ' : ''}${formatFeeRule(r)}`).join('\n');
}

/**
 * Writes a catalogue as CSV with the Vietnamese headers {@link importCatalogueCsv} reads back:
 * structured time limits and fees in words, lists one item per line inside the cell.
 *
 * @example
 * ```ts
 * const csv = catalogueToCsv(catalogue, { delimiter: ';' });
 * importCatalogueCsv(csv, { agency: catalogue.agency, version: catalogue.version }).ok; // true
 * ```
 */
export function catalogueToCsv(catalogue: Catalogue, options: CsvExportOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const quote = (value: string): string =>
    value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  const order: CsvColumn[] = [
    'code',
    'name',
    'field',
    'level',
    'agency',
    'time',
    'fees',
    'documents',
    'channels',
    'legalBasis',
    'onlineLevel',
  ];
  const lines = [order.map((c) => quote(DEFAULT_CSV_COLUMNS[c][0] as string)).join(delimiter)];
  for (const p of catalogue.procedures) {
    const cells: Record<CsvColumn, string> = {
      code: p.localSuffix === undefined ? p.code : `${p.code}.${p.localSuffix}`,
      name: p.name,
      field: p.field,
      level: p.levels.map((l) => LEVEL_TEXT[l.level]).join(', '),
      agency: p.agency,
      time: p.statutoryTime === undefined ? '' : formatTimeLimit(p.statutoryTime),
      fees: feesCell(p),
      documents: (p.documents ?? []).map((d) => d.name).join('\n'),
      channels: p.channels.map((c) => CHANNEL_TEXT[c.kind]).join(', '),
      legalBasis: (p.legalBasis ?? [])
        .map((b) => (b.articles === undefined ? b.instrument : `${b.instrument}, điều ${b.articles}`))
        .join('\n'),
      onlineLevel: p.onlineService === undefined ? '' : ONLINE_TEXT[p.onlineService.level],
    };
    lines.push(order.map((c) => quote(cells[c])).join(delimiter));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
