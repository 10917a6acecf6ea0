import { MotcuaError, type Problem, problem } from '../text/problem.js';
import { type DossierCodeFormat, dossierCodeProblems } from './dossier-code.js';
import { checkedLimit, type DueDateOptions, dueDateContext, dueMoments, dueMomentsFor } from './due-date.js';
import { formatTimeLimit } from './format-time-limit.js';
import { vietnamMinute } from './instant.js';
import { noAppointmentNote } from './no-appointment-note.js';
import type { TimeLimit } from './time-limit.js';

/**
 * One document received with a dossier: its name, whether it is an original, a copy or a certified
 * copy (bản chính / bản sao / bản sao chứng thực) and how many.
 *
 * @example
 * ```ts
 * const doc: ReceivedDocument = { name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 };
 * ```
 */
export interface ReceivedDocument {
  /** The document's name. */
  readonly name: string;
  /** Original, copy or certified copy (default original). */
  readonly form?: 'original' | 'copy' | 'certified-copy';
  /** How many (default 1). */
  readonly copies?: number;
}

/**
 * Where the applicant collects the result: at the counter, by post, or online.
 *
 * @example
 * ```ts
 * const where: ResultDelivery = 'post';
 * ```
 */
export type ResultDelivery = 'counter' | 'post' | 'online';

/**
 * What the counter knows when it receives a dossier, for the receipt slip.
 *
 * @example
 * ```ts
 * const input: ReceiptSlipInput = {
 *   code: '000.00.15.H41-260309-0001',
 *   agency: 'UBND xã Cẩm Thanh',
 *   place: 'Cẩm Thanh',
 *   applicant: { name: 'Nguyễn Văn A', phone: '0905 000 000' },
 *   procedure: 'Đăng ký khai sinh',
 *   documents: [{ name: 'Tờ khai đăng ký khai sinh' }, { name: 'Giấy chứng sinh', form: 'copy' }],
 *   receivedAt: '2026-03-09T10:00:00+07:00',
 *   limit: { value: 0, unit: 'immediate', cutoff: '15:00' },
 *   delivery: 'counter',
 * };
 * ```
 */
export interface ReceiptSlipInput {
  /** Mã số hồ sơ. */
  readonly code: string;
  /** The receiving agency, for the header. */
  readonly agency: string;
  /** The place written before the date ("Cẩm Thanh, ngày … tháng … năm …"). */
  readonly place?: string;
  /** Who filed the dossier. */
  readonly applicant: {
    readonly name: string;
    readonly address?: string;
    readonly phone?: string;
    readonly email?: string;
  };
  /** Nội dung yêu cầu giải quyết: the procedure's name. */
  readonly procedure: string;
  /** The procedure's code, for a no-appointment day. */
  readonly procedureCode?: string;
  /** The documents received, in order. */
  readonly documents: readonly ReceivedDocument[];
  /** Số lượng hồ sơ (bộ), default 1. */
  readonly sets?: number;
  /** When the dossier was received, with its UTC offset. */
  readonly receivedAt: string | Date;
  /** The procedure's time limit. */
  readonly limit: TimeLimit;
  /** Where the result is collected (default `counter`). */
  readonly delivery?: ResultDelivery;
  /** The entry in the dossier ledger (Sổ theo dõi hồ sơ): book and number. */
  readonly ledger?: { readonly book: string; readonly number: number };
  /** The receiving officer. */
  readonly receivedBy?: string;
  /** A lookup address for the QR code. */
  readonly lookupUrl?: string;
  /**
   * Received regardless of administrative boundary for another competent authority (Decree
   * 309/2026): the time limit runs from when that authority receives the dossier, so the due date
   * printed is provisional.
   */
  readonly acrossBoundary?: boolean;
}

/**
 * Everything Mẫu 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Circular 01/2018, kept in Circular
 * 03/2025 [S]) prints, as one object: the input, the documents numbered with their forms in words,
 * the time limit in words, and the receipt and due times as ISO strings and in the slip's wording
 * ("10 giờ 00 phút, ngày 09 tháng 03 năm 2026"). The layout is the counter screen's [U].
 *
 * @example
 * ```ts
 * const slip: ReceiptSlip = receiptSlip(input, { calendar: vietnamCalendar() });
 * slip.dueAtText; // '10 giờ 00 phút, ngày 09 tháng 03 năm 2026'
 * ```
 */
export interface ReceiptSlip {
  /** `'01'`: the form number. */
  readonly form: '01';
  /** The form's title. */
  readonly title: string;
  /** Mã số hồ sơ. */
  readonly code: string;
  /** The receiving agency and the unit that receives. */
  readonly agency: string;
  /** "Bộ phận tiếp nhận và trả kết quả". */
  readonly unit: string;
  /** "Cẩm Thanh, ngày 09 tháng 03 năm 2026" (or without the place). */
  readonly placeAndDate: string;
  /** The applicant. */
  readonly applicant: ReceiptSlipInput['applicant'];
  /** The procedure's name. */
  readonly procedure: string;
  /** The documents, numbered from 1, with their form in words. */
  readonly documents: readonly {
    readonly number: number;
    readonly name: string;
    readonly form: string;
    readonly copies: number;
  }[];
  /** Số lượng hồ sơ (bộ). */
  readonly sets: number;
  /** The time limit. */
  readonly limit: TimeLimit;
  /**
   * The time limit in words, e.g. "3 ngày làm việc" (`formatTimeLimit`); on a no-appointment day that binds, followed
   * by its note ("3 ngày làm việc; Thứ Tư không hẹn: giải quyết ngay trong ngày").
   */
  readonly limitText: string;
  /**
   * Received on the office's no-appointment day for a procedure it covers, and due by that day's limit: the weekday
   * (0 = Sunday … 6 = Saturday), that limit and the note printed with the limit.
   */
  readonly noAppointment?: { readonly weekday: number; readonly limit: TimeLimit; readonly note: string };
  /** Receipt, ISO in Vietnam time. */
  readonly receivedAt: string;
  /** "… giờ … phút, ngày … tháng … năm …". */
  readonly receivedAtText: string;
  /** When counting started (after the receipt rule and the cutoff). */
  readonly deemedReceivedAt: string;
  /** Due time, ISO in Vietnam time. */
  readonly dueAt: string;
  /** "… giờ … phút, ngày … tháng … năm …". */
  readonly dueAtText: string;
  /** Where the result is collected, and in words. */
  readonly delivery: ResultDelivery;
  /** "Bộ phận tiếp nhận và trả kết quả", "Dịch vụ bưu chính công ích" or "Trực tuyến". */
  readonly deliveryText: string;
  /** The ledger entry. */
  readonly ledger?: { readonly book: string; readonly number: number };
  /** The receiving officer. */
  readonly receivedBy?: string;
  /** A lookup address for the QR code. */
  readonly lookupUrl?: string;
  /** Received regardless of boundary: the note the slip prints under the due date. */
  readonly acrossBoundary?: { readonly note: string };
}

/** The slip's note on a dossier received regardless of boundary (Decree 309/2026 → Decree 118/2025 art. 17(3)). */
const ACROSS_BOUNDARY_NOTE =
  'Hồ sơ tiếp nhận không phụ thuộc địa giới hành chính: thời hạn giải quyết được tính từ thời điểm cơ quan có thẩm quyền nhận được hồ sơ; ngày hẹn trả trên đây là dự kiến.';

/**
 * Options of {@link receiptSlip}: the due-date options and the dossier-code format to check the code
 * against.
 *
 * @example
 * ```ts
 * const options: ReceiptSlipOptions = { calendar: vietnamCalendar(), codeFormat: { pattern: '{agency}-{yyyy}{MM}{dd}-{seq:5}' } };
 * ```
 */
export interface ReceiptSlipOptions extends DueDateOptions {
  /** The dossier-code format (default Circular 01/2018 art. 19). */
  readonly codeFormat?: DossierCodeFormat;
}

const FORMS = { original: 'Bản chính', copy: 'Bản sao', 'certified-copy': 'Bản sao chứng thực' } as const;
const DELIVERY: Readonly<Record<ResultDelivery, string>> = {
  counter: 'Bộ phận tiếp nhận và trả kết quả',
  post: 'Dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
};

/**
 * Writes an ISO time in Vietnam (`+07:00`) as the slip words it.
 *
 * @example
 * ```ts
 * slipTime('2026-03-09T10:05:00+07:00'); // '10 giờ 05 phút, ngày 09 tháng 03 năm 2026'
 * ```
 */
export function slipTime(iso: string): string {
  return `${iso.slice(11, 13)} giờ ${iso.slice(14, 16)} phút, ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;
}

function text(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Builds the data of the receipt slip (Mẫu 01): validates the input, computes the due time with
 * hour and minute, and words every field as the slip prints it.
 *
 * @throws MotcuaError listing every missing or malformed field (code, agency, applicant name,
 * procedure, documents, receipt time, limit), in Vietnamese and English.
 * @example
 * ```ts
 * const slip = receiptSlip(
 *   {
 *     code: '000.00.15.H41-260309-0001', agency: 'UBND xã Cẩm Thanh', place: 'Cẩm Thanh',
 *     applicant: { name: 'Nguyễn Văn A' }, procedure: 'Đăng ký khai sinh',
 *     documents: [{ name: 'Tờ khai đăng ký khai sinh' }],
 *     receivedAt: '2026-03-09T15:30:00+07:00', limit: { value: 0, unit: 'immediate', cutoff: '15:00' },
 *   },
 *   { calendar: vietnamCalendar() },
 * );
 * slip.dueAtText; // '17 giờ 00 phút, ngày 10 tháng 03 năm 2026'
 * ```
 */
export function receiptSlip(input: ReceiptSlipInput, options: ReceiptSlipOptions): ReceiptSlip {
  const problems: Problem[] = [];
  const context = dueDateContext(options);
  problems.push(...dossierCodeProblems(input.code, options.codeFormat, ['code']));
  const required = (value: unknown, path: (string | number)[], vi: string, en: string) => {
    if (!text(value)) problems.push(problem(path, 'missing-field', { vi: `Thiếu ${vi}`, en: `Missing ${en}` }));
  };
  required(input.agency, ['agency'], 'tên cơ quan tiếp nhận', 'the receiving agency');
  required(input.applicant?.name, ['applicant', 'name'], 'tên người nộp hồ sơ', "the applicant's name");
  required(input.procedure, ['procedure'], 'nội dung yêu cầu giải quyết', 'the procedure');
  if (!Array.isArray(input.documents) || input.documents.length === 0) {
    problems.push(
      problem(['documents'], 'missing-documents', {
        vi: 'Phải liệt kê ít nhất một thành phần hồ sơ đã nhận',
        en: 'List at least one document received',
      }),
    );
  } else {
    input.documents.forEach((doc, i) => {
      required(doc?.name, ['documents', i, 'name'], 'tên giấy tờ', "the document's name");
      if (doc?.form !== undefined && !(doc.form in FORMS)) {
        problems.push(
          problem(['documents', i, 'form'], 'invalid-document-form', {
            vi: 'Hình thức giấy tờ phải là original (bản chính), copy (bản sao) hoặc certified-copy (bản sao chứng thực)',
            en: 'A document form must be original, copy or certified-copy',
          }),
        );
      }
      if (doc?.copies !== undefined && (!Number.isInteger(doc.copies) || doc.copies < 1)) {
        problems.push(
          problem(['documents', i, 'copies'], 'invalid-copies', {
            vi: 'Số lượng bản phải là số nguyên từ 1 trở lên',
            en: 'The number of copies must be a whole number of at least 1',
          }),
        );
      }
    });
  }
  const sets = input.sets ?? 1;
  if (!Number.isInteger(sets) || sets < 1) {
    problems.push(
      problem(['sets'], 'invalid-sets', {
        vi: 'Số lượng hồ sơ (bộ) phải là số nguyên từ 1 trở lên',
        en: 'The number of sets must be a whole number of at least 1',
      }),
    );
  }
  const delivery = input.delivery ?? 'counter';
  if (!(delivery in DELIVERY)) {
    problems.push(
      problem(['delivery'], 'invalid-delivery', {
        vi: 'Nơi nhận kết quả phải là counter, post hoặc online',
        en: 'Delivery must be counter, post or online',
      }),
    );
  }
  let limit: TimeLimit | undefined;
  let local: number | undefined;
  try {
    limit = checkedLimit(input.limit, ['limit']);
  } catch (error) {
    if (!(error instanceof MotcuaError)) throw error;
    problems.push(...error.problems);
  }
  try {
    local = vietnamMinute(input.receivedAt, ['receivedAt']);
  } catch (error) {
    if (!(error instanceof MotcuaError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || limit === undefined || local === undefined) throw new MotcuaError(problems);
  const time = context.time;
  const { deemed, due } = dueMomentsFor(context, local, limit, input.procedureCode, ['receivedAt']);
  // The no-appointment day bound the due date when it is earlier than the procedure's own; its weekday is the day
  // counting starts on, as the rule reads it (1/1/1970 was a Thursday).
  const own = dueMoments(context, local, limit, ['receivedAt']);
  const rule = context.noAppointment;
  const noAppointment =
    rule && (own.due[0] !== due[0] || own.due[1] !== due[1])
      ? { weekday: (time.base + own.deemed[0] + 4) % 7, limit: rule.limit }
      : undefined;
  const note = noAppointment && noAppointmentNote(noAppointment.weekday, noAppointment.limit);
  const day = Math.floor(local / 1440);
  const receivedAt = time.iso(day - time.base, local - day * 1440);
  const dueAt = time.iso(due[0], due[1]);
  const date = `ngày ${receivedAt.slice(8, 10)} tháng ${receivedAt.slice(5, 7)} năm ${receivedAt.slice(0, 4)}`;
  return {
    form: '01',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    code: input.code,
    agency: input.agency,
    unit: 'Bộ phận tiếp nhận và trả kết quả',
    placeAndDate: text(input.place) ? `${input.place}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1),
    applicant: input.applicant,
    procedure: input.procedure,
    documents: input.documents.map((doc, i) => ({
      number: i + 1,
      name: doc.name,
      form: FORMS[doc.form ?? 'original'],
      copies: doc.copies ?? 1,
    })),
    sets,
    limit,
    limitText: note ? `${formatTimeLimit(limit, 'vi')}; ${note}` : formatTimeLimit(limit, 'vi'),
    ...(noAppointment && note ? { noAppointment: { ...noAppointment, note } } : {}),
    receivedAt,
    receivedAtText: slipTime(receivedAt),
    deemedReceivedAt: time.iso(deemed[0], deemed[1]),
    dueAt,
    dueAtText: slipTime(dueAt),
    delivery,
    deliveryText: DELIVERY[delivery],
    ...(input.ledger ? { ledger: input.ledger } : {}),
    ...(input.receivedBy ? { receivedBy: input.receivedBy } : {}),
    ...(input.lookupUrl ? { lookupUrl: input.lookupUrl } : {}),
    ...(input.acrossBoundary === true ? { acrossBoundary: { note: ACROSS_BOUNDARY_NOTE } } : {}),
  };
}
