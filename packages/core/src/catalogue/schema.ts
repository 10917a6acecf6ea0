import * as z from 'zod/mini';
import { isCivilDate } from '../calendar/civil-date.js';
import type { NoAppointmentDay } from '../deadline/no-appointment.js';
import type { TimeLimit } from '../deadline/time-limit.js';
import { timeLimitSchema } from '../deadline/time-limit-schema.js';
import type { LocalizedText } from '../text/problem.js';

/**
 * National procedure code as in the CSDLQG về TTHC, e.g. `1.001193`, `2.000815`.
 *
 * @example
 * ```ts
 * PROCEDURE_CODE_PATTERN.test('1.001193'); // true
 * ```
 */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;
/**
 * The suffix provinces append to a national code, e.g. `000.00.00.H61` (Vĩnh Long).
 *
 * @example
 * ```ts
 * LOCAL_SUFFIX_PATTERN.test('000.00.00.H61'); // true
 * ```
 */
export const LOCAL_SUFFIX_PATTERN = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** `params.motcua` marks a check so that its problems get our own bilingual message. */
const civilDate = z.string().check(
  z.regex(DATE_SHAPE, { abort: true }),
  z.refine((value) => isCivilDate(value), { params: { motcua: 'civil-date' } }),
);
/**
 * Text fields must contain at least one non-space character.
 *
 * @example
 * ```ts
 * NON_BLANK_PATTERN.test('  '); // false
 * ```
 */
export const NON_BLANK_PATTERN = /\S/;
const text = z.string().check(z.regex(NON_BLANK_PATTERN));
const url = z.string().check(z.regex(HTTP_URL));
const vnd = z.number().check(z.int(), z.minimum(0));
const count = z.number().check(z.int(), z.minimum(1));

/**
 * A level of government that carries out a procedure (cấp thực hiện). `district` (cấp huyện) was
 * abolished on 1/7/2025; records for it keep their validity dates.
 *
 * @example
 * ```ts
 * const level: ProcedureLevel = 'commune'; // cấp xã
 * ```
 */
export type ProcedureLevel = 'province' | 'district' | 'commune';

/**
 * A level with the dates it applied, e.g. `{ level: 'district', validTo: '2025-06-30' }`.
 *
 * @example
 * ```ts
 * const entry: ProcedureLevelEntry = { level: 'commune', validFrom: '2025-07-01' };
 * ```
 */
export interface ProcedureLevelEntry {
  /** Cấp tỉnh, cấp huyện (until 30/6/2025) or cấp xã. */
  readonly level: ProcedureLevel;
  /** First day the level applies (inclusive). */
  readonly validFrom?: string;
  /** Last day the level applies (inclusive). */
  readonly validTo?: string;
}

/**
 * How a dossier is submitted (cách thức thực hiện): at the counter (trực tiếp), online on Cổng DVCQG
 * (trực tuyến) or by post (bưu chính, including couriers and authorised persons).
 *
 * @example
 * ```ts
 * const channel: ChannelKind = 'online';
 * ```
 */
export type ChannelKind = 'in-person' | 'online' | 'postal';

/**
 * What one fee amount is charged for: a case (trường hợp / lần), a page (trang), a copy (bản), a
 * transaction (giao dịch) or a whole dossier (hồ sơ).
 *
 * @example
 * ```ts
 * const per: FeeUnit = 'page';
 * ```
 */
export type FeeUnit = 'case' | 'page' | 'copy' | 'transaction' | 'dossier';

/**
 * A lower (or higher) price from the `from`-th unit on, e.g. "from page 3: 1.000 đ/trang" is
 * `{ from: 3, amount: 1000 }`.
 *
 * @example
 * ```ts
 * const tier: FeeTier = { from: 3, amount: 1000 };
 * ```
 */
export interface FeeTier {
  /** The first unit (1-based) this price applies to; at least 2. */
  readonly from: number;
  /** VND per unit from `from` on. */
  readonly amount: number;
}

/**
 * A structured fee (phí) or charge (lệ phí) rule in whole VND.
 * For `per: 'page'`, pages are counted per copy and `maxPerCopy` caps each copy.
 *
 * @example
 * ```ts
 * // Chứng thực bản sao từ bản chính — Circular 226/2016/TT-BTC art. 4
 * const rule: FeeRule = {
 *   kind: 'charge', per: 'page', amount: 2000, tiers: [{ from: 3, amount: 1000 }], maxPerCopy: 200000,
 * };
 * ```
 */
export interface FeeRule {
  /** `fee` = phí, `charge` = lệ phí. */
  readonly kind: 'fee' | 'charge';
  /** What the amount is charged for. */
  readonly per: FeeUnit;
  /** VND per unit (for the first units when `tiers` are given). */
  readonly amount: number;
  /** Prices from a given unit on, in increasing `from` order. */
  readonly tiers?: readonly FeeTier[];
  /** The most charged for one copy (only with `per: 'page'`), e.g. 200.000 đ/bản. */
  readonly maxPerCopy?: number;
  /** Label, e.g. "Lệ phí chứng thực". */
  readonly label?: string;
  /** Conditions and exemptions in words. */
  readonly note?: string;
}

/**
 * One submission channel with its own time limit and fees, when they differ from the procedure's.
 *
 * @example
 * ```ts
 * const online: ProcedureChannel = { kind: 'online', fees: [] }; // free online
 * ```
 */
export interface ProcedureChannel {
  /** Trực tiếp, trực tuyến or bưu chính. */
  readonly kind: ChannelKind;
  /** Time limit for this channel; default: the procedure's reduced or statutory time. */
  readonly timeLimit?: TimeLimit;
  /** Fees for this channel; default: the procedure's fees. `[]` means free. */
  readonly fees?: readonly FeeRule[];
  /** Description, e.g. where to file. */
  readonly description?: string;
}

/**
 * What form a document is submitted in: bản chính, bản sao, bản sao có chứng thực, or bản chính hoặc
 * bản sao.
 *
 * @example
 * ```ts
 * const form: DocumentForm = 'certified-copy';
 * ```
 */
export type DocumentForm = 'original' | 'copy' | 'certified-copy' | 'original-or-copy';

/**
 * One document of the dossier (thành phần hồ sơ).
 *
 * @example
 * ```ts
 * const doc: ProcedureDocument = { name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 };
 * ```
 */
export interface ProcedureDocument {
  /** Name of the document. */
  readonly name: string;
  /** Original or copy. */
  readonly form?: DocumentForm;
  /** Number of copies (số lượng), default 1. */
  readonly copies?: number;
  /** Link to the form template (mẫu đơn, tờ khai). */
  readonly template?: string;
  /** Whether it is always required (default `true`). */
  readonly required?: boolean;
  /** Conditions, e.g. "trường hợp ủy quyền". */
  readonly note?: string;
}

/**
 * A legal instrument the procedure rests on (căn cứ pháp lý).
 *
 * @example
 * ```ts
 * const basis: LegalBasis = { instrument: 'Luật Hộ tịch 60/2014/QH13', issuedOn: '2014-11-20', articles: '16' };
 * ```
 */
export interface LegalBasis {
  /** Number and name of the instrument. */
  readonly instrument: string;
  /** Signing date. */
  readonly issuedOn?: string;
  /** Articles relied on, e.g. "16; 5(3)". */
  readonly articles?: string;
  /** Where to read it. */
  readonly url?: string;
}

/**
 * Online service level under Decree 42/2022 (kept by Decree 224/2026): `full` = toàn trình,
 * `partial` = một phần, `none` = not online.
 *
 * @example
 * ```ts
 * const level: OnlineLevel = 'full';
 * ```
 */
export type OnlineLevel = 'full' | 'partial' | 'none';

/**
 * The online service: current level plus the legacy and Decree 224/2026 levels as separate fields.
 *
 * @example
 * ```ts
 * const online: OnlineService = { level: 'full', legacyLevel: 4 };
 * ```
 */
export interface OnlineService {
  /** Toàn trình / một phần / none (Decree 42/2022 art. 11). */
  readonly level: OnlineLevel;
  /** Mức độ 1–4 of Decree 43/2011 (before 2022). */
  readonly legacyLevel?: 1 | 2 | 3 | 4;
  /** "DVCTT chủ động" mức 1–4 of Decree 224/2026 art. 16 (from 1/7/2026). */
  readonly proactiveLevel?: 1 | 2 | 3 | 4;
  /** Why the service is only partly online (Decree 224/2026 art. 14). */
  readonly partialReason?: string;
  /** The service's page on Cổng DVCQG. */
  readonly url?: string;
}

/**
 * Yes/no properties of a procedure.
 *
 * @example
 * ```ts
 * const flags: ProcedureFlags = { immediate: true, boundaryFree: true };
 * ```
 */
export interface ProcedureFlags {
  /** Giải quyết ngay: resolved while the applicant waits. */
  readonly immediate?: boolean;
  /** Không phụ thuộc địa giới hành chính: accepted anywhere in the province. */
  readonly boundaryFree?: boolean;
  /**
   * On the published list of procedures accepted regardless of administrative boundary nationwide
   * (Decree 309/2026 → Decree 118/2025 art. 14(4)): any commune's counter may receive the dossier for
   * the competent authority elsewhere, whose receipt starts the clock.
   */
  readonly nationwide?: boolean;
  /** "4 tại chỗ": received, appraised, approved and returned on the spot. */
  readonly fourOnSite?: boolean;
}

/**
 * A time limit that applies in a stated case, either instead of the statutory one (`instead`: "≤ 5
 * working days if verification is needed") or on top of it (`added`: "+ up to 5 working days").
 *
 * @example
 * ```ts
 * const verification: ConditionalTime = {
 *   when: 'Cần xác minh', limit: { value: 5, unit: 'working-days' }, mode: 'added',
 * };
 * ```
 */
export interface ConditionalTime {
  /** The case, in words. */
  readonly when: string;
  /** The time limit in that case. */
  readonly limit: TimeLimit;
  /** Replaces the statutory time or is added to it. */
  readonly mode: 'instead' | 'added';
}

/**
 * One administrative procedure (thủ tục hành chính) with the components Decree 63/2010 art. 8(2)
 * requires and the fields the national portal adds.
 *
 * @example
 * ```ts
 * const khaiSinh: Procedure = {
 *   code: '1.001193',
 *   name: 'Đăng ký khai sinh',
 *   field: 'Hộ tịch',
 *   levels: [{ level: 'commune' }],
 *   agency: 'Ủy ban nhân dân cấp xã',
 *   channels: [{ kind: 'in-person' }, { kind: 'online' }],
 *   statutoryTime: { value: 0, unit: 'immediate', cutoff: '15:00' },
 * };
 * ```
 */
export interface Procedure {
  /** National code, e.g. `1.001193`. Unique in a catalogue. */
  readonly code: string;
  /** Provincial suffix, e.g. `000.00.00.H61`, making `2.000815.000.00.00.H61`. */
  readonly localSuffix?: string;
  /** Name (tên thủ tục). */
  readonly name: string;
  /** Field (lĩnh vực), e.g. "Hộ tịch", "Chứng thực". */
  readonly field: string;
  /** Levels that carry it out (cấp thực hiện), at least one. */
  readonly levels: readonly ProcedureLevelEntry[];
  /** The deciding agency (cơ quan thực hiện). */
  readonly agency: string;
  /** Who may apply (đối tượng thực hiện). */
  readonly applicants?: string;
  /** Steps (trình tự thực hiện). */
  readonly steps?: readonly string[];
  /** Submission channels (cách thức thực hiện), at least one. */
  readonly channels: readonly ProcedureChannel[];
  /** Documents of the dossier (thành phần, số lượng hồ sơ). */
  readonly documents?: readonly ProcedureDocument[];
  /** Requirements and conditions (yêu cầu, điều kiện). */
  readonly eligibility?: string;
  /** The result (kết quả thực hiện). */
  readonly result?: string;
  /** Legal basis (căn cứ pháp lý). */
  readonly legalBasis?: readonly LegalBasis[];
  /** Online service level. */
  readonly onlineService?: OnlineService;
  /** Giải quyết ngay, không phụ thuộc địa giới, 4 tại chỗ. */
  readonly flags?: ProcedureFlags;
  /** Time limit set by law (thời hạn giải quyết theo quy định). */
  readonly statutoryTime?: TimeLimit;
  /** Time limit the locality committed to (cắt giảm thời gian); not longer than `statutoryTime`. */
  readonly reducedTime?: TimeLimit;
  /** Time limits in particular cases (verification, bulk copies…). */
  readonly conditionalTimes?: readonly ConditionalTime[];
  /** Fees for every channel unless a channel sets its own; `[]` means free; absent means not stated. */
  readonly fees?: readonly FeeRule[];
  /** Fees in words, e.g. "Do HĐND cấp tỉnh quy định". */
  readonly feeNote?: string;
  /** First day the record applies. */
  readonly validFrom?: string;
  /** Last day the record applies. */
  readonly validTo?: string;
  /** Where the record comes from. */
  readonly sourceUrl?: string;
  /** Free note, e.g. which facts are unconfirmed. */
  readonly note?: string;
  /** Names of the fields whose values are unconfirmed and must be checked locally. */
  readonly unconfirmed?: readonly string[];
}

/**
 * The agency that publishes a catalogue.
 *
 * @example
 * ```ts
 * const agency: CatalogueAgency = { name: 'UBND xã Tân Hòa', province: 'Vĩnh Long' };
 * ```
 */
export interface CatalogueAgency {
  /** Name, e.g. "Trung tâm Phục vụ hành chính công xã …". */
  readonly name: string;
  /** Agency code in the one-door system. */
  readonly code?: string;
  /** Province. */
  readonly province?: string;
  /** Postal address. */
  readonly address?: string;
  /** Telephone. */
  readonly phone?: string;
  /** E-mail. */
  readonly email?: string;
  /** Web site. */
  readonly website?: string;
}

/**
 * A versioned list of procedures plus the publishing agency.
 *
 * @example
 * ```ts
 * const catalogue: Catalogue = {
 *   formatVersion: 1,
 *   version: '2025-11-16',
 *   agency: { name: 'UBND xã mẫu' },
 *   procedures: [],
 * };
 * ```
 */
export interface Catalogue {
  /** Version of this data format; currently `1`. */
  readonly formatVersion: 1;
  /** The publisher's version of the list, e.g. the date of the approving decision. */
  readonly version: string;
  /** Date the list was published or approved. */
  readonly publishedOn?: string;
  /** The approving decision or source, in words. */
  readonly source?: string;
  /** Publishing agency. */
  readonly agency: CatalogueAgency;
  /** The procedures; codes are unique. */
  readonly procedures: readonly Procedure[];
  /**
   * The office's no-appointment day ("Thứ Tư không hẹn") in force, as a server serves it with its catalogue so that
   * the procedure list can say it, with its note in words (`noAppointmentNote`, e.g. "Thứ Tư không hẹn: giải quyết
   * ngay trong ngày"): the office's settings hold it, catalogue files need not.
   */
  readonly noAppointment?: NoAppointmentDay & { readonly note?: LocalizedText };
}

const level1to4 = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const feeRuleSchema = z.strictObject({
  kind: z.enum(['fee', 'charge']),
  per: z.enum(['case', 'page', 'copy', 'transaction', 'dossier']),
  amount: vnd,
  tiers: z.optional(z.array(z.strictObject({ from: z.number().check(z.int(), z.minimum(2)), amount: vnd }))),
  maxPerCopy: z.optional(vnd),
  label: z.optional(text),
  note: z.optional(text),
});

const procedureSchema = z.strictObject({
  code: z.string().check(z.regex(PROCEDURE_CODE_PATTERN)),
  localSuffix: z.optional(z.string().check(z.regex(LOCAL_SUFFIX_PATTERN))),
  name: text,
  field: text,
  levels: z
    .array(
      z.strictObject({
        level: z.enum(['province', 'district', 'commune']),
        validFrom: z.optional(civilDate),
        validTo: z.optional(civilDate),
      }),
    )
    .check(z.minLength(1)),
  agency: text,
  applicants: z.optional(text),
  steps: z.optional(z.array(text)),
  channels: z
    .array(
      z.strictObject({
        kind: z.enum(['in-person', 'online', 'postal']),
        timeLimit: z.optional(timeLimitSchema),
        fees: z.optional(z.array(feeRuleSchema)),
        description: z.optional(text),
      }),
    )
    .check(z.minLength(1)),
  documents: z.optional(
    z.array(
      z.strictObject({
        name: text,
        form: z.optional(z.enum(['original', 'copy', 'certified-copy', 'original-or-copy'])),
        copies: z.optional(count),
        template: z.optional(url),
        required: z.optional(z.boolean()),
        note: z.optional(text),
      }),
    ),
  ),
  eligibility: z.optional(text),
  result: z.optional(text),
  legalBasis: z.optional(
    z.array(
      z.strictObject({
        instrument: text,
        issuedOn: z.optional(civilDate),
        articles: z.optional(text),
        url: z.optional(url),
      }),
    ),
  ),
  onlineService: z.optional(
    z.strictObject({
      level: z.enum(['full', 'partial', 'none']),
      legacyLevel: z.optional(level1to4),
      proactiveLevel: z.optional(level1to4),
      partialReason: z.optional(text),
      url: z.optional(url),
    }),
  ),
  flags: z.optional(
    z.strictObject({
      immediate: z.optional(z.boolean()),
      boundaryFree: z.optional(z.boolean()),
      nationwide: z.optional(z.boolean()),
      fourOnSite: z.optional(z.boolean()),
    }),
  ),
  statutoryTime: z.optional(timeLimitSchema),
  reducedTime: z.optional(timeLimitSchema),
  conditionalTimes: z.optional(
    z.array(z.strictObject({ when: text, limit: timeLimitSchema, mode: z.enum(['instead', 'added']) })),
  ),
  fees: z.optional(z.array(feeRuleSchema)),
  feeNote: z.optional(text),
  validFrom: z.optional(civilDate),
  validTo: z.optional(civilDate),
  sourceUrl: z.optional(url),
  note: z.optional(text),
  unconfirmed: z.optional(z.array(text)),
});

/**
 * The zod (`zod/mini`) schema of a {@link Catalogue}: types and formats only. `parseCatalogue` adds
 * the checks across fields (unique codes, dates in order, reduced time within the statutory one…)
 * and bilingual messages; use it rather than this schema to validate.
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * z.toJSONSchema(catalogueSchema); // the JSON Schema for systems not written in TypeScript
 * ```
 */
export const catalogueSchema = z.strictObject({
  formatVersion: z.literal(1),
  version: text,
  publishedOn: z.optional(civilDate),
  source: z.optional(text),
  agency: z.strictObject({
    name: text,
    code: z.optional(text),
    province: z.optional(text),
    address: z.optional(text),
    phone: z.optional(text),
    email: z.optional(text),
    website: z.optional(url),
  }),
  procedures: z.array(procedureSchema),
  noAppointment: z.optional(
    z.strictObject({
      weekdays: z.array(z.number().check(z.int(), z.minimum(0), z.maximum(6))),
      procedures: z.array(text),
      limit: z.optional(timeLimitSchema),
      from: z.optional(civilDate),
      note: z.optional(z.strictObject({ vi: text, en: text })),
    }),
  ),
});

// The hand-written interfaces document the fields; this keeps them and the schema in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;
const schemaMatchesTypes: Same<DeepMutable<Catalogue>, DeepMutable<z.infer<typeof catalogueSchema>>> = true;
void schemaMatchesTypes;
