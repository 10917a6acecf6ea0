import {
  DOSSIER_STATUS_NAMES,
  DOSSIER_STATUSES,
  type DossierStatus,
  type DossierStepType,
  SUPPLEMENT_REASON_CODES,
  SUPPLEMENT_REASONS,
  type SupplementReason,
} from '@motcua/core/deadline';
import type { Language, StringTable } from '../internal/i18n.js';

/** Core's names of the statuses and of the supplement reasons, as overridable strings. */
const coreNames = (lang: Language) =>
  ({
    ...Object.fromEntries(DOSSIER_STATUSES.map((s) => [`status-${s}`, DOSSIER_STATUS_NAMES[s][lang]])),
    ...Object.fromEntries(SUPPLEMENT_REASON_CODES.map((r) => [`reason-${r}`, SUPPLEMENT_REASONS[r][lang]])),
  }) as Record<`status-${DossierStatus}` | `reason-${SupplementReason}`, string>;

/** The keys of the dossier desk's strings; `status-…` and `reason-…` come from core's names. */
export type DossierDeskStringKey =
  | 'title'
  | 'loading'
  | 'signIn'
  | 'forbidden'
  | 'failed'
  | 'find'
  | 'code'
  | 'open'
  | 'worklist'
  | 'empty'
  | 'more'
  | 'checkedAt'
  | 'show'
  | 'show-all'
  | 'show-late'
  | 'show-supplement'
  | 'show-result'
  | 'noneShown'
  | 'colDue'
  | 'overdue'
  | 'inTime'
  | 'early'
  | 'onTime'
  | 'late'
  | 'timeline'
  | 'dueAt'
  | 'close'
  | 'record'
  | 'stepType'
  | 'noSteps'
  | 'reasons'
  | 'reason'
  | 'reasonHint'
  | 'newDue'
  | 'submit'
  | 'recorded'
  | 'unknown'
  | `step-${DossierStepType}`
  | `status-${DossierStatus}`
  | `reason-${SupplementReason}`;

/** The dossier desk's strings in Vietnamese and English. */
export const dossierDeskStrings: StringTable<DossierDeskStringKey> = {
  vi: {
    title: 'Hồ sơ đang giải quyết',
    loading: 'Đang tải danh sách hồ sơ…',
    signIn: 'Vui lòng đăng nhập bằng tài khoản cán bộ để xử lý hồ sơ.',
    forbidden: 'Tài khoản này không có quyền cán bộ xử lý hồ sơ.',
    failed: 'Không tải được. Vui lòng thử lại.',
    find: 'Tìm hồ sơ theo mã',
    code: 'Mã hồ sơ',
    open: 'Mở hồ sơ',
    worklist: 'Hồ sơ chưa kết thúc (hạn sớm nhất trước)',
    empty: 'Không có hồ sơ nào đang giải quyết.',
    more: 'Còn hồ sơ khác chưa hiện; tìm theo mã hồ sơ.',
    checkedAt: 'Cập nhật lúc {time}',
    show: 'Hiện',
    'show-all': 'Tất cả ({count})',
    'show-late': 'Quá hạn ({count})',
    'show-supplement': 'Chờ công dân bổ sung ({count})',
    'show-result': 'Có kết quả, chờ trả ({count})',
    noneShown: 'Không có hồ sơ nào ở mục này.',
    colDue: 'Hạn trả',
    overdue: 'Quá hạn',
    inTime: 'Trong hạn',
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Trễ hạn',
    timeline: 'Các bước đã ghi',
    dueAt: 'Hạn trả kết quả: {time}',
    close: 'Quay lại danh sách',
    record: 'Ghi nhận bước tiếp theo',
    stepType: 'Bước',
    noSteps: 'Hồ sơ đã kết thúc: không ghi thêm bước nào.',
    reasons: 'Lý do yêu cầu bổ sung (Nghị định 309/2026: nêu đủ trong một lần)',
    reason: 'Nội dung, lý do',
    reasonHint: 'Bắt buộc: lý do ghi trong Phiếu xin lỗi và hẹn lại ngày trả kết quả.',
    newDue: 'Ngày hẹn trả mới',
    submit: 'Ghi nhận',
    recorded: 'Đã ghi nhận “{step}” cho hồ sơ {code}.',
    unknown: 'Không tìm thấy hồ sơ {code} ở cơ quan này.',
    'step-supplement-requested': 'Yêu cầu bổ sung hồ sơ',
    'step-supplement-completed': 'Công dân đã bổ sung hồ sơ',
    'step-authority-received': 'Cơ quan có thẩm quyền đã tiếp nhận',
    'step-extended': 'Gia hạn (xin lỗi và hẹn lại ngày trả)',
    'step-withdrawn': 'Công dân rút hồ sơ',
    'step-stopped': 'Dừng xử lý',
    'step-resolved': 'Đã có kết quả',
    'step-returned': 'Đã trả kết quả',
    'step-processing': 'Đang xử lý',
    'step-payment-requested': 'Yêu cầu thực hiện nghĩa vụ tài chính',
    ...coreNames('vi'),
  },
  en: {
    title: 'Dossiers in progress',
    loading: 'Loading the dossiers…',
    signIn: 'Please sign in with an officer’s account to work on dossiers.',
    forbidden: 'This account has no officer role.',
    failed: 'Could not load. Please try again.',
    find: 'Find a dossier by its code',
    code: 'Dossier code',
    open: 'Open',
    worklist: 'Dossiers not yet ended (earliest due first)',
    empty: 'No dossier is in progress.',
    more: 'More dossiers are open than shown; find them by their code.',
    checkedAt: 'Updated at {time}',
    show: 'Show',
    'show-all': 'All ({count})',
    'show-late': 'Overdue ({count})',
    'show-supplement': 'Waiting for the applicant’s supplement ({count})',
    'show-result': 'Result ready to return ({count})',
    noneShown: 'No dossier here.',
    colDue: 'Due',
    overdue: 'Overdue',
    inTime: 'In time',
    early: 'Early',
    onTime: 'On time',
    late: 'Late',
    timeline: 'Steps recorded',
    dueAt: 'Result due: {time}',
    close: 'Back to the list',
    record: 'Record the next step',
    stepType: 'Step',
    noSteps: 'The dossier has ended: no further step can be recorded.',
    reasons: 'Why a supplement is needed (Decree 309/2026: all of it in one go)',
    reason: 'Content, reason',
    reasonHint: 'Required: the reason given in the apology letter with the new date.',
    newDue: 'New due date',
    submit: 'Record',
    recorded: '“{step}” recorded for dossier {code}.',
    unknown: 'No dossier {code} at this office.',
    'step-supplement-requested': 'Supplement requested',
    'step-supplement-completed': 'The applicant supplied it',
    'step-authority-received': 'Received by the competent authority',
    'step-extended': 'Extension (apology and new date)',
    'step-withdrawn': 'Withdrawn by the applicant',
    'step-stopped': 'Processing stopped',
    'step-resolved': 'Result ready',
    'step-returned': 'Result returned',
    'step-processing': 'Processing',
    'step-payment-requested': 'Payment of fees requested',
    ...coreNames('en'),
  },
};
