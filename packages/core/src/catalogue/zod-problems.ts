import type * as z from 'zod/mini';
import { type LocalizedText, type Problem, type ProblemPath, problem } from '../text/problem.js';
import { LOCAL_SUFFIX_PATTERN, NON_BLANK_PATTERN, PROCEDURE_CODE_PATTERN } from './schema.js';

type Issue = z.core.$ZodIssue;

/** Vietnamese and English names of the catalogue's fields, for messages. */
const FIELD_LABELS: Readonly<Record<string, LocalizedText>> = {
  formatVersion: { vi: 'Phiên bản định dạng', en: 'Format version' },
  version: { vi: 'Phiên bản danh mục', en: 'Catalogue version' },
  publishedOn: { vi: 'Ngày công bố', en: 'Publication date' },
  source: { vi: 'Nguồn', en: 'Source' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  procedures: { vi: 'Danh sách thủ tục', en: 'Procedures' },
  code: { vi: 'Mã', en: 'Code' },
  localSuffix: { vi: 'Mã địa phương', en: 'Local code suffix' },
  name: { vi: 'Tên', en: 'Name' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  levels: { vi: 'Cấp thực hiện', en: 'Levels' },
  level: { vi: 'Cấp', en: 'Level' },
  validFrom: { vi: 'Ngày bắt đầu hiệu lực', en: 'Valid from' },
  validTo: { vi: 'Ngày hết hiệu lực', en: 'Valid to' },
  applicants: { vi: 'Đối tượng thực hiện', en: 'Applicants' },
  steps: { vi: 'Trình tự thực hiện', en: 'Steps' },
  channels: { vi: 'Cách thức thực hiện', en: 'Channels' },
  kind: { vi: 'Loại', en: 'Kind' },
  timeLimit: { vi: 'Thời hạn giải quyết', en: 'Time limit' },
  statutoryTime: { vi: 'Thời hạn theo quy định', en: 'Statutory time limit' },
  reducedTime: { vi: 'Thời hạn đã cắt giảm', en: 'Reduced time limit' },
  conditionalTimes: { vi: 'Thời hạn trong trường hợp riêng', en: 'Conditional time limits' },
  limit: { vi: 'Thời hạn', en: 'Time limit' },
  when: { vi: 'Trường hợp', en: 'Case' },
  mode: { vi: 'Cách áp dụng', en: 'Mode' },
  value: { vi: 'Số lượng', en: 'Value' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  cutoff: { vi: 'Giờ giới hạn tiếp nhận', en: 'Cutoff time' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  feeNote: { vi: 'Ghi chú phí, lệ phí', en: 'Fee note' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  per: { vi: 'Đơn vị tính phí', en: 'Charged per' },
  tiers: { vi: 'Bậc phí', en: 'Fee tiers' },
  from: { vi: 'Áp dụng từ', en: 'From unit' },
  maxPerCopy: { vi: 'Mức thu tối đa mỗi bản', en: 'Maximum per copy' },
  label: { vi: 'Nhãn', en: 'Label' },
  note: { vi: 'Ghi chú', en: 'Note' },
  documents: { vi: 'Thành phần hồ sơ', en: 'Documents' },
  form: { vi: 'Loại bản', en: 'Form' },
  copies: { vi: 'Số lượng bản', en: 'Copies' },
  template: { vi: 'Mẫu đơn, tờ khai', en: 'Form template' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  eligibility: { vi: 'Yêu cầu, điều kiện', en: 'Eligibility' },
  result: { vi: 'Kết quả thực hiện', en: 'Result' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  instrument: { vi: 'Văn bản', en: 'Instrument' },
  issuedOn: { vi: 'Ngày ban hành', en: 'Issue date' },
  articles: { vi: 'Điều khoản', en: 'Articles' },
  url: { vi: 'Đường dẫn', en: 'Link' },
  onlineService: { vi: 'Dịch vụ công trực tuyến', en: 'Online service' },
  legacyLevel: { vi: 'Mức độ DVC (cũ)', en: 'Legacy online level' },
  proactiveLevel: { vi: 'Mức DVCTT chủ động', en: 'Proactive online level' },
  partialReason: { vi: 'Lý do một phần', en: 'Reason for partial service' },
  flags: { vi: 'Đặc điểm', en: 'Flags' },
  immediate: { vi: 'Giải quyết ngay', en: 'Resolved immediately' },
  boundaryFree: { vi: 'Không phụ thuộc địa giới', en: 'Regardless of boundary' },
  nationwide: { vi: 'Tiếp nhận toàn quốc', en: 'Accepted nationwide' },
  fourOnSite: { vi: '4 tại chỗ', en: '"4 on the spot"' },
  sourceUrl: { vi: 'Nguồn dữ liệu', en: 'Source link' },
  unconfirmed: { vi: 'Trường chưa xác nhận', en: 'Unconfirmed fields' },
  province: { vi: 'Tỉnh', en: 'Province' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  website: { vi: 'Trang thông tin', en: 'Web site' },
  description: { vi: 'Mô tả', en: 'Description' },
};

/**
 * The Vietnamese and English label of the field a path ends in (`['procedures', 0, 'fees']` → "Phí,
 * lệ phí" / "Fees"); for an array element, the array's label.
 */
export function fieldLabel(path: ProblemPath): LocalizedText {
  if (path[path.length - 1] === 'level' && path[path.length - 2] === 'onlineService') {
    return { vi: 'Mức độ dịch vụ công trực tuyến', en: 'Online service level' };
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') return FIELD_LABELS[key] ?? { vi: key, en: key };
  }
  return { vi: 'Dữ liệu', en: 'Input' };
}

/** The value found at `path` in `input`, and whether its parent holds the key at all. */
function lookUp(input: unknown, path: ProblemPath): { present: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (
      typeof current !== 'object' ||
      current === null ||
      // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn needs Safari 15.4; the widgets support iOS 15.0.
      !Object.prototype.hasOwnProperty.call(current, key)
    ) {
      return { present: false, value: undefined };
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return { present: true, value: current };
}

function say(path: ProblemPath, code: string, vi: string, en: string): Problem {
  const label = fieldLabel(path);
  return problem(path, code, { vi: `${label.vi}: ${vi}`, en: `${label.en}: ${en}` });
}

const TYPE_WORDS: Readonly<Record<string, LocalizedText>> = {
  string: { vi: 'phải là chuỗi ký tự', en: 'must be text' },
  number: { vi: 'phải là số', en: 'must be a number' },
  int: { vi: 'phải là số nguyên', en: 'must be a whole number' },
  boolean: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  array: { vi: 'phải là danh sách (mảng)', en: 'must be a list (array)' },
  object: { vi: 'phải là đối tượng { … }', en: 'must be an object { … }' },
};

function list(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Our message for a format (regex) check, by the pattern it failed. */
function formatProblem(path: ProblemPath, issue: Extract<Issue, { code: 'invalid_format' }>): Problem {
  const pattern = issue.pattern;
  if (pattern === String(PROCEDURE_CODE_PATTERN)) {
    return say(path, 'invalid-procedure-code', 'phải có dạng 1.001193', 'must look like 1.001193');
  }
  if (pattern === String(LOCAL_SUFFIX_PATTERN)) {
    return say(
      path,
      'invalid-local-suffix',
      'chỉ gồm chữ, số và dấu chấm, ví dụ 000.00.00.H61',
      'must be letters and digits separated by dots, e.g. 000.00.00.H61',
    );
  }
  if (pattern === String(NON_BLANK_PATTERN)) {
    return say(path, 'empty-text', 'không được để trống', 'must not be empty');
  }
  if (pattern === String(/^\d{4}-\d{2}-\d{2}$/)) {
    return say(path, 'invalid-date', 'phải là ngày có thật dạng YYYY-MM-DD', 'must be a real date YYYY-MM-DD');
  }
  if (pattern?.startsWith('/^https?')) {
    return say(path, 'invalid-url', 'phải là đường dẫn http(s)://…', 'must be an http(s):// link');
  }
  if (pattern?.includes('[0-5]')) {
    return say(path, 'invalid-time-of-day', 'phải có dạng HH:MM, ví dụ 15:00', 'must be a time HH:MM, e.g. 15:00');
  }
  return say(path, 'invalid-format', 'sai định dạng', 'has the wrong format');
}

/**
 * Turns zod issues into our problems, with a message in Vietnamese and English and a path that
 * points into `input`. An object with several unknown fields gives one problem per field.
 */
export function problemsFromZodIssues(issues: readonly Issue[], input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
      const found = lookUp(input, path);
      if (!found.present || found.value === undefined) {
        out.push(say(path, 'missing-field', 'bắt buộc nhưng bị thiếu', 'is required but missing'));
        continue;
      }
    }
    switch (issue.code) {
      case 'invalid_type': {
        const words = TYPE_WORDS[issue.expected] ?? {
          vi: `phải có kiểu ${issue.expected}`,
          en: `must be of type ${issue.expected}`,
        };
        out.push(say(path, issue.expected === 'int' ? 'not-whole-number' : 'wrong-type', words.vi, words.en));
        break;
      }
      case 'too_small': {
        const min = String(issue.minimum);
        if (issue.origin === 'array') {
          out.push(say(path, 'too-few-items', `cần ít nhất ${min} mục`, `needs at least ${min} item(s)`));
        } else if (issue.origin === 'string') {
          out.push(say(path, 'empty-text', 'không được để trống', 'must not be empty'));
        } else {
          const code = Number(issue.minimum) === 0 ? 'negative-number' : 'too-small';
          out.push(say(path, code, `phải lớn hơn hoặc bằng ${min}`, `must be at least ${min}`));
        }
        break;
      }
      case 'too_big': {
        const max = String(issue.maximum);
        out.push(say(path, 'too-large', `phải nhỏ hơn hoặc bằng ${max}`, `must be at most ${max}`));
        break;
      }
      case 'invalid_format':
        out.push(formatProblem(path, issue));
        break;
      case 'invalid_value':
        out.push(
          say(
            path,
            'unknown-value',
            `phải là một trong: ${list(issue.values)}`,
            `must be one of: ${list(issue.values)}`,
          ),
        );
        break;
      case 'invalid_union': {
        const values = issue.errors.flatMap((branch) =>
          branch.flatMap((inner) => (inner.code === 'invalid_value' ? inner.values : [])),
        );
        if (values.length > 0) {
          out.push(say(path, 'unknown-value', `phải là một trong: ${list(values)}`, `must be one of: ${list(values)}`));
        } else {
          out.push(say(path, 'invalid-value', 'giá trị không hợp lệ', 'is not a valid value'));
        }
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push(
            problem([...path, key], 'unknown-field', {
              vi: `Trường không được hỗ trợ: "${key}"`,
              en: `Unsupported field: "${key}"`,
            }),
          );
        }
        break;
      case 'custom': {
        const kind = issue.params?.motcua;
        if (kind === 'civil-date') {
          out.push(say(path, 'invalid-date', 'phải là ngày có thật dạng YYYY-MM-DD', 'must be a real date YYYY-MM-DD'));
        } else if (kind === 'time-limit-value') {
          out.push(
            say(
              path,
              'invalid-time-limit-value',
              'phải là 0 với "same-day"/"immediate" và từ 1 trở lên với ngày, giờ',
              'must be 0 for "same-day"/"immediate" and at least 1 for days and hours',
            ),
          );
        } else {
          out.push(say(path, 'invalid-value', 'giá trị không hợp lệ', 'is not a valid value'));
        }
        break;
      }
      default:
        out.push(say(path, 'invalid-value', 'giá trị không hợp lệ', 'is not a valid value'));
    }
  }
  return out;
}
