import type { DossierStatus } from '@motcua/core/deadline';
import type { StringTable } from '../internal/i18n.js';
import type { PushStringKey } from '../internal/push-offer.js';

/**
 * The keys of `<motcua-dossier-status>`'s strings (override any with `strings` or `configure`): its own, core's status
 * names and the Web Push offer's.
 */
export type DossierStatusStringKey = DossierStatusBaseStringKey | `status-${DossierStatus}` | PushStringKey;

/** The Vietnamese strings (the default); their keys are the string keys. */
const baseStringsVi = {
  heading: 'Tra cứu tình trạng hồ sơ',
  codeLabel: 'Mã hồ sơ',
  codeHint: 'In trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, ví dụ {example}. Có thể quét mã vạch.',
  pinLabel: 'Mã tra cứu (PIN)',
  pinHint: 'Dãy số in cạnh mã hồ sơ trên giấy tiếp nhận.',
  submit: 'Tra cứu',
  retry: 'Thử lại',
  loading: 'Đang tra cứu hồ sơ…',
  invalidCode: 'Mã hồ sơ không đúng mẫu. Vui lòng kiểm tra lại mã in trên giấy tiếp nhận.',
  missingPin: 'Vui lòng nhập mã tra cứu (PIN) in trên giấy tiếp nhận.',
  invalidPin: 'Mã tra cứu (PIN) gồm 4 đến 8 chữ số.',
  notFound: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Vui lòng kiểm tra lại cả hai mã.',
  network: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  timeout: 'Máy chủ không trả lời kịp. Vui lòng thử lại sau ít phút.',
  server: 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.',
  malformed: 'Dữ liệu hồ sơ nhận được không hợp lệ. Vui lòng thử lại hoặc liên hệ Bộ phận Một cửa.',
  rateLimited: 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
  resultHeading: 'Hồ sơ {code}',
  procedure: 'Thủ tục',
  code: 'Mã hồ sơ',
  currentStatus: 'Tình trạng',
  receivedAt: 'Ngày tiếp nhận',
  stepAuthority: 'Cơ quan có thẩm quyền đã nhận',
  provisional: 'Ngày hẹn trả dự kiến',
  dueAt: 'Ngày hẹn trả kết quả',
  promisedDueAt: 'Ngày hẹn trả mới',
  remaining: 'Thời gian còn lại',
  paused: 'Tạm dừng tính thời gian: đang chờ bổ sung hồ sơ',
  pause: 'Tạm dừng chờ bổ sung từ {from} đến {to}',
  pauseOpen: 'Tạm dừng chờ bổ sung từ {from}',
  extension: 'Cơ quan đã gửi thư xin lỗi và hẹn lại ngày trả kết quả: {dueAt}.',
  extensionReason: 'Lý do: {reason}',
  overdue: 'Hồ sơ đã quá hạn giải quyết.',
  late: 'Hồ sơ được giải quyết trễ hạn.',
  early: 'Hồ sơ được giải quyết trước hạn.',
  onTime: 'Hồ sơ được giải quyết đúng hạn.',
  inTime: 'Hồ sơ đang được giải quyết trong hạn.',
  timeline: 'Quá trình giải quyết',
  stepExtended: 'Hẹn lại ngày trả kết quả',
  stepSupplementCompleted: 'Đã bổ sung hồ sơ',
  reason: 'Lý do: {reason}',
  rate: 'Đánh giá mức độ hài lòng',
  noPersonalData: 'Trang này không hiển thị thông tin cá nhân của người nộp hồ sơ.',
};

/**
 * The keys of the strings the element has before its first lookup (all but the status names).
 *
 * @useDeclaredType
 */
export type DossierStatusBaseStringKey = keyof typeof baseStringsVi;

/**
 * The element's strings but the status names, which are core's (the national portal's wording) and arrive with the
 * lazily loaded part, before any dossier is shown.
 */
export const baseStrings: StringTable<DossierStatusBaseStringKey> = {
  vi: baseStringsVi,
  en: {
    heading: 'Track your application',
    codeLabel: 'Application code',
    codeHint: 'Printed on your receipt, e.g. {example}. You can scan its barcode.',
    pinLabel: 'Lookup PIN',
    pinHint: 'The digits printed next to the code on your receipt.',
    submit: 'Look up',
    retry: 'Try again',
    loading: 'Looking up your application…',
    invalidCode: 'This is not a valid application code. Please check the code on your receipt.',
    missingPin: 'Please enter the lookup PIN printed on your receipt.',
    invalidPin: 'The lookup PIN has 4 to 8 digits.',
    notFound: 'No application matches this code and PIN. Please check both.',
    network: 'Could not reach the server. Check your connection and try again.',
    timeout: 'The server did not answer in time. Please try again in a few minutes.',
    server: 'The server has a problem. Please try again later.',
    malformed: 'The application data received is not valid. Please try again or contact the one-stop shop.',
    rateLimited: 'Too many lookups. Please try again in {seconds} seconds.',
    resultHeading: 'Application {code}',
    procedure: 'Procedure',
    code: 'Application code',
    currentStatus: 'Status',
    receivedAt: 'Received',
    stepAuthority: 'Received by the authority',
    provisional: 'Provisional due date',
    dueAt: 'Result due',
    promisedDueAt: 'New due date',
    remaining: 'Working time left',
    paused: 'The clock is paused: waiting for your additional documents',
    pause: 'Paused for additional documents from {from} to {to}',
    pauseOpen: 'Paused for additional documents since {from}',
    extension: 'The office apologised and set a new date for the result: {dueAt}.',
    extensionReason: 'Reason: {reason}',
    overdue: 'The application is past its due date.',
    late: 'The application was resolved late.',
    early: 'The application was resolved early.',
    onTime: 'The application was resolved on time.',
    inTime: 'The application is being processed within its time limit.',
    timeline: 'Progress',
    stepExtended: 'New date for the result',
    stepSupplementCompleted: 'Documents supplemented',
    reason: 'Reason: {reason}',
    rate: 'Rate our service',
    noPersonalData: 'This page shows no personal data of the applicant.',
  },
};
