import { type CivilDate, civilDateOf, isCivilDate } from '../calendar/civil-date.js';
import { MotcuaError, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { parseOffsetDateTime } from './instant.js';

/**
 * How dossier codes (mã số hồ sơ) are written. `pattern` uses the tokens `{agency}`, `{yyyy}`, `{yy}`,
 * `{MM}`, `{dd}` and `{seq:N}` (the daily sequence, N digits); everything else is literal. The
 * default is Circular 01/2018/TT-VPCP art. 19: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` [C], that is
 * `{agency}-{yy}{MM}{dd}-{seq:4}` with the agency's QCVN 102:2016 identifier. Circular 03/2025 may
 * change it [U]: pass another pattern then.
 *
 * @example
 * ```ts
 * const format: DossierCodeFormat = {
 *   pattern: '{agency}-{yyyy}{MM}{dd}-{seq:5}',
 *   agency: /^[0-9A-Z.]+$/,
 * };
 * ```
 */
export interface DossierCodeFormat {
  /** The pattern (default `{agency}-{yy}{MM}{dd}-{seq:4}`). */
  readonly pattern?: string;
  /**
   * What an agency identifier looks like (default `V1V2V3.Z1Z2.Y1Y2.MX1X2`: three, two and two
   * letters or digits, then a letter and two letters or digits, e.g. `000.00.15.H41`).
   */
  readonly agency?: RegExp;
}

/**
 * The parts of a dossier code.
 *
 * @example
 * ```ts
 * const parts: DossierCodeParts = { agency: '000.00.15.H41', date: '2026-02-13', sequence: 7 };
 * ```
 */
export interface DossierCodeParts {
  /** The agency identifier (QCVN 102:2016 by default). */
  readonly agency: string;
  /** The civil date of receipt, in Vietnam. */
  readonly date: CivilDate;
  /** The number of the dossier among those received that day, from 1. */
  readonly sequence: number;
}

/**
 * Where the daily sequence comes from: the next number (from 1) for an agency on a date. Back it with
 * a database counter on a server; {@link memoryDailySequence} keeps it in memory.
 *
 * @example
 * ```ts
 * const source: DailySequence = { next: async (agency, date) => db.increment(`${agency}/${date}`) };
 * ```
 */
export interface DailySequence {
  /** The next number for `agency` on `date`, from 1, never repeated. */
  next(agency: string, date: CivilDate): number | Promise<number>;
}

const DEFAULT_PATTERN = '{agency}-{yy}{MM}{dd}-{seq:4}';
const DEFAULT_AGENCY = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/;
const TOKEN = /\{(agency|yyyy|yy|MM|dd|seq:(\d))\}/g;

interface Compiled {
  readonly regex: RegExp;
  readonly groups: readonly string[];
  readonly seqDigits: number;
  readonly pieces: readonly string[];
  readonly agency: RegExp;
}

const compiledCache = new Map<string, Compiled>();

function compile(format: DossierCodeFormat = {}): Compiled {
  const pattern = format.pattern ?? DEFAULT_PATTERN;
  const agency = format.agency ?? DEFAULT_AGENCY;
  const key = `${pattern}\u0000${agency.source}\u0000${agency.flags}`;
  const cached = compiledCache.get(key);
  if (cached) return cached;
  const groups: string[] = [];
  const pieces: string[] = [];
  let seqDigits = 0;
  let source = '^';
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    const literal = pattern.slice(last, match.index);
    source += literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pieces.push(literal);
    const token = match[1] as string;
    const name = token.startsWith('seq') ? 'seq' : token;
    if (groups.includes(name)) throw patternError(`{${token}} appears twice`, `{${token}} lặp lại`);
    groups.push(name);
    pieces.push(`\u0000${name}`);
    if (name === 'seq') seqDigits = Number(match[2]);
    source +=
      name === 'agency' ? '(.+?)' : name === 'yyyy' ? '(\\d{4})' : name === 'seq' ? `(\\d{${seqDigits}})` : '(\\d{2})';
    last = match.index + match[0].length;
  }
  const tail = pattern.slice(last);
  source += `${tail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  pieces.push(tail);
  const needed = ['agency', 'MM', 'dd', 'seq'];
  const missing = needed.filter((g) => !groups.includes(g));
  if (missing.length > 0 || (!groups.includes('yy') && !groups.includes('yyyy')) || seqDigits < 1) {
    throw patternError(
      'the pattern needs {agency}, {yy} or {yyyy}, {MM}, {dd} and {seq:N} with N ≥ 1',
      'mẫu cần có {agency}, {yy} hoặc {yyyy}, {MM}, {dd} và {seq:N} với N ≥ 1',
    );
  }
  const compiled: Compiled = { regex: new RegExp(source), groups, seqDigits, pieces, agency };
  compiledCache.set(key, compiled);
  return compiled;
}

function patternError(en: string, vi: string): MotcuaError {
  return new MotcuaError([
    problem(['pattern'], 'invalid-dossier-code-pattern', {
      vi: `Mẫu mã hồ sơ không hợp lệ: ${vi}`,
      en: `Invalid dossier code pattern: ${en}`,
    }),
  ]);
}

/** The parts of a code that are invalid under a compiled format, in order (none for valid parts). */
function invalidParts(parts: DossierCodeParts, compiled: Compiled): (keyof DossierCodeParts)[] {
  const invalid: (keyof DossierCodeParts)[] = [];
  if (typeof parts.agency !== 'string' || !compiled.agency.test(parts.agency)) invalid.push('agency');
  const yearDigits = compiled.groups.includes('yyyy') ? 4 : 2;
  if (!isCivilDate(parts.date) || (yearDigits === 2 && (parts.date < '2000-01-01' || parts.date > '2099-12-31'))) {
    invalid.push('date');
  }
  const sequence = parts.sequence;
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 10 ** compiled.seqDigits - 1) {
    invalid.push('sequence');
  }
  return invalid;
}

/** Problems with the parts of a code under a compiled format. */
function partProblems(parts: DossierCodeParts, compiled: Compiled, path: ProblemPath): Problem[] {
  const max = 10 ** compiled.seqDigits - 1;
  return invalidParts(parts, compiled).map((part) =>
    part === 'agency'
      ? problem([...path, 'agency'], 'invalid-agency-code', {
          vi: `Mã định danh cơ quan không đúng định dạng (mặc định V1V2V3.Z1Z2.Y1Y2.MX1X2, ví dụ 000.00.15.H41): ${JSON.stringify(parts.agency)}`,
          en: `The agency identifier does not have the expected form (by default V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.15.H41): ${JSON.stringify(parts.agency)}`,
        })
      : part === 'date'
        ? problem([...path, 'date'], 'invalid-date', {
            vi: `Ngày tiếp nhận không hợp lệ: ${JSON.stringify(parts.date)}`,
            en: `Invalid date of receipt: ${JSON.stringify(parts.date)}`,
          })
        : problem([...path, 'sequence'], 'invalid-sequence', {
            vi: `Số thứ tự trong ngày phải từ 1 đến ${max}, nhận được ${String(parts.sequence)}`,
            en: `The daily sequence must be 1–${max}; got ${String(parts.sequence)}`,
          }),
  );
}

/**
 * Writes a dossier code from its parts.
 *
 * @throws MotcuaError for a malformed agency identifier, date or sequence (out of range for the
 * pattern's digits), or a bad pattern.
 * @example
 * ```ts
 * formatDossierCode({ agency: '000.00.15.H41', date: '2026-02-13', sequence: 7 });
 * // '000.00.15.H41-260213-0007'
 * ```
 */
export function formatDossierCode(parts: DossierCodeParts, format?: DossierCodeFormat): string {
  const compiled = compile(format);
  const problems = partProblems(parts, compiled, []);
  if (problems.length > 0) throw new MotcuaError(problems);
  const values: Record<string, string> = {
    agency: parts.agency,
    yyyy: parts.date.slice(0, 4),
    yy: parts.date.slice(2, 4),
    MM: parts.date.slice(5, 7),
    dd: parts.date.slice(8, 10),
    seq: String(parts.sequence).padStart(compiled.seqDigits, '0'),
  };
  return compiled.pieces.map((p) => (p.startsWith('\u0000') ? (values[p.slice(1)] as string) : p)).join('');
}

/**
 * Every problem with a dossier code under a format (`[]` for a valid one).
 *
 * @example
 * ```ts
 * dossierCodeProblems('000.00.15.H41-260230-0007').map((p) => p.code); // ['invalid-date']
 * ```
 */
export function dossierCodeProblems(code: unknown, format?: DossierCodeFormat, path: ProblemPath = []): Problem[] {
  const compiled = compile(format);
  const match = typeof code === 'string' ? compiled.regex.exec(code) : null;
  if (!match) {
    return [
      problem(path, 'invalid-dossier-code', {
        vi: `Mã hồ sơ không đúng mẫu ${format?.pattern ?? DEFAULT_PATTERN}: ${JSON.stringify(code) ?? String(code)}`,
        en: `The dossier code does not match ${format?.pattern ?? DEFAULT_PATTERN}: ${JSON.stringify(code) ?? String(code)}`,
      }),
    ];
  }
  const parts = partsOf(match, compiled);
  return partProblems(parts, compiled, []).map((p) => ({ ...p, path: [...path, ...p.path.slice(-1)] }));
}

function partsOf(match: RegExpExecArray, compiled: Compiled): DossierCodeParts {
  const value = (name: string) => match[compiled.groups.indexOf(name) + 1] as string;
  const year = compiled.groups.includes('yyyy') ? value('yyyy') : `20${value('yy')}`;
  return { agency: value('agency'), date: `${year}-${value('MM')}-${value('dd')}`, sequence: Number(value('seq')) };
}

/**
 * Reads a dossier code into its parts.
 *
 * @throws MotcuaError when the code does not match the pattern or a part is invalid.
 * @example
 * ```ts
 * parseDossierCode('000.00.15.H41-260213-0007');
 * // { agency: '000.00.15.H41', date: '2026-02-13', sequence: 7 }
 * ```
 */
export function parseDossierCode(code: unknown, format?: DossierCodeFormat, path: ProblemPath = []): DossierCodeParts {
  const problems = dossierCodeProblems(code, format, path);
  if (problems.length > 0) throw new MotcuaError(problems);
  const compiled = compile(format);
  return partsOf(compiled.regex.exec(code as string) as RegExpExecArray, compiled);
}

/**
 * Whether a text is a valid dossier code under a format.
 *
 * @example
 * ```ts
 * isDossierCode('000.00.15.H41-260213-0007'); // true
 * isDossierCode('H41-260213-7');              // false
 * ```
 */
export function isDossierCode(code: unknown, format?: DossierCodeFormat): boolean {
  const compiled = compile(format);
  const match = typeof code === 'string' ? compiled.regex.exec(code) : null;
  return match !== null && invalidParts(partsOf(match, compiled), compiled).length === 0;
}

/**
 * A {@link DailySequence} kept in memory: 1, 2, 3, … per agency and date. For tests and single-process
 * counters; a server shares one through its database.
 *
 * @example
 * ```ts
 * const seq = memoryDailySequence();
 * seq.next('000.00.15.H41', '2026-02-13'); // 1
 * seq.next('000.00.15.H41', '2026-02-13'); // 2
 * seq.next('000.00.15.H41', '2026-02-14'); // 1
 * ```
 */
export function memoryDailySequence(): DailySequence & { next(agency: string, date: CivilDate): number } {
  const counters = new Map<string, number>();
  return {
    next(agency: string, date: CivilDate): number {
      const key = `${agency}\u0000${date}`;
      const value = (counters.get(key) ?? 0) + 1;
      counters.set(key, value);
      return value;
    },
  };
}

/**
 * Issues the code of a dossier received at `receivedAt` (an ISO string with its offset, or a
 * `Date`): the date is the civil date of receipt in Vietnam, the number the next from `sequence`.
 *
 * @throws MotcuaError for a bad agency identifier or receipt time, or a sequence past the pattern's digits.
 * @example
 * ```ts
 * const seq = memoryDailySequence();
 * await issueDossierCode({ agency: '000.00.15.H41', receivedAt: '2026-02-13T22:10:00+07:00' }, seq);
 * // '000.00.15.H41-260213-0001'
 * ```
 */
export async function issueDossierCode(
  input: { readonly agency: string; readonly receivedAt: string | Date },
  sequence: DailySequence,
  format?: DossierCodeFormat,
): Promise<string> {
  const compiled = compile(format);
  const ms =
    typeof input.receivedAt === 'string'
      ? parseOffsetDateTime(input.receivedAt)
      : input.receivedAt instanceof Date
        ? input.receivedAt.getTime()
        : undefined;
  if (ms === undefined || !Number.isFinite(ms)) {
    throw new MotcuaError([
      problem(['receivedAt'], 'invalid-date-time', {
        vi: 'Thời điểm tiếp nhận phải có dạng ISO 8601 kèm múi giờ, ví dụ 2026-02-13T10:00:00+07:00',
        en: 'The receipt time must be ISO 8601 with its offset, e.g. 2026-02-13T10:00:00+07:00',
      }),
    ]);
  }
  const date = civilDateOf(ms);
  const agencyProblems = partProblems({ agency: input.agency, date, sequence: 1 }, compiled, []);
  if (agencyProblems.length > 0) throw new MotcuaError(agencyProblems);
  const next = await sequence.next(input.agency, date);
  return formatDossierCode({ agency: input.agency, date, sequence: next }, format);
}
