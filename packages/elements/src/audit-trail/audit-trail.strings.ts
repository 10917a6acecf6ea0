import type { StringTable } from '../internal/i18n.js';

/** The audit trail's actions named for people (others are shown as the server names them). */
const ACTIONS = {
  vi: {
    'session.sign-in': 'Đăng nhập',
    'session.sign-in-failed': 'Đăng nhập không thành công',
    'session.sign-out': 'Đăng xuất',
    'queue.call': 'Gọi số',
    'queue.recall': 'Gọi lại số',
    'queue.start': 'Bắt đầu phục vụ',
    'queue.done': 'Phục vụ xong',
    'queue.no-show': 'Vắng mặt',
    'queue.transfer': 'Chuyển dịch vụ',
    'dossier.receive': 'Tiếp nhận hồ sơ',
    'dossier.step': 'Cập nhật tình trạng hồ sơ',
    'dossier.receipt-read': 'Xem lại giấy tiếp nhận',
    'dossier.unsubscribe': 'Người dân ngừng nhận thông báo',
    'device.pair-request': 'Thiết bị xin ghép nối',
    'device.pair-approve': 'Duyệt ghép nối thiết bị',
    'device.pair-reject': 'Từ chối ghép nối thiết bị',
    'device.pair-collect': 'Thiết bị nhận mã truy cập',
    'device.revoke': 'Thu hồi thiết bị',
    'user.create': 'Tạo tài khoản',
    'user.disable': 'Khóa tài khoản',
    'user.enable': 'Mở lại tài khoản',
    'user.password': 'Đặt lại mật khẩu',
    'user.roles': 'Đổi vai trò',
    'catalogue.publish': 'Công bố danh mục thủ tục',
    'catalogue.rollback': 'Quay lại danh mục cũ',
  },
  en: {
    'session.sign-in': 'Signed in',
    'session.sign-in-failed': 'Failed sign-in',
    'session.sign-out': 'Signed out',
    'queue.call': 'Called a number',
    'queue.recall': 'Called a number again',
    'queue.start': 'Started serving',
    'queue.done': 'Finished serving',
    'queue.no-show': 'No-show',
    'queue.transfer': 'Transferred to another service',
    'dossier.receive': 'Received a dossier',
    'dossier.step': 'Updated a dossier’s status',
    'dossier.receipt-read': 'Read a receipt again',
    'dossier.unsubscribe': 'A citizen stopped the notices',
    'device.pair-request': 'A device asked to pair',
    'device.pair-approve': 'Approved a device',
    'device.pair-reject': 'Rejected a device',
    'device.pair-collect': 'A device collected its credential',
    'device.revoke': 'Revoked a device',
    'user.create': 'Created an account',
    'user.disable': 'Disabled an account',
    'user.enable': 'Enabled an account',
    'user.password': 'Reset a password',
    'user.roles': 'Changed roles',
    'catalogue.publish': 'Published the catalogue',
    'catalogue.rollback': 'Rolled the catalogue back',
  },
};

const prefixed = <T extends Record<string, string>>(table: T) =>
  Object.fromEntries(Object.entries(table).map(([action, text]) => [`action-${action}`, text])) as {
    readonly [A in keyof T & string as `action-${A}`]: string;
  };

/** The Vietnamese strings (the default); their keys are the string keys. */
const auditTrailVi = {
  title: 'Nhật ký thao tác',
  hint: 'Ai đã làm gì, lúc nào, ở quầy nào, từ địa chỉ nào — theo giờ Việt Nam.',
  from: 'Từ ngày',
  to: 'Đến ngày',
  show: 'Xem',
  csv: 'Tải tệp CSV',
  loading: 'Đang tải nhật ký…',
  signIn: 'Vui lòng đăng nhập bằng tài khoản quản trị để xem nhật ký.',
  forbidden: 'Tài khoản này không phải quản trị viên của cơ quan.',
  failed: 'Không tải được nhật ký. Vui lòng thử lại.',
  empty: 'Không có thao tác nào trong khoảng ngày này.',
  count: '{count} thao tác',
  more: 'Xem tiếp',
  when: 'Thời gian',
  who: 'Người thực hiện',
  what: 'Thao tác',
  object: 'Đối tượng',
  counter: 'Quầy',
  address: 'Địa chỉ',
  'actor-device': 'Thiết bị {id}',
  'actor-token': 'Mã truy cập {id}',
  'actor-anonymous': 'Không rõ',
  ...prefixed(ACTIONS.vi),
};

/**
 * The keys of the audit trail screen's strings (an action's label is `action-<action>`, e.g. `action-queue.call`).
 *
 * @useDeclaredType
 */
export type AuditTrailStringKey = keyof typeof auditTrailVi;

/** The audit trail screen's strings in Vietnamese and English. */
export const auditTrailStrings: StringTable<AuditTrailStringKey> = {
  vi: auditTrailVi,
  en: {
    title: 'Audit trail',
    hint: 'Who did what, when, at which counter, from which address — in Vietnam time.',
    from: 'From',
    to: 'To',
    show: 'Show',
    csv: 'Download CSV',
    loading: 'Loading the audit trail…',
    signIn: 'Please sign in with an admin account to read the audit trail.',
    forbidden: 'This account is not an admin of the office.',
    failed: 'The audit trail could not be loaded. Please try again.',
    empty: 'No action in these days.',
    count: '{count} actions',
    more: 'Show more',
    when: 'When',
    who: 'Who',
    what: 'Action',
    object: 'Object',
    counter: 'Counter',
    address: 'Address',
    'actor-device': 'Device {id}',
    'actor-token': 'Token {id}',
    'actor-anonymous': 'Unknown',
    ...prefixed(ACTIONS.en),
  },
};
