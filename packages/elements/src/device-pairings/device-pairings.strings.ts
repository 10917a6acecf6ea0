import type { StringTable } from '../internal/i18n.js';

/** The Vietnamese strings (the default); their keys are the string keys. */
const devicePairingsStringsVi = {
  title: 'Ghép nối thiết bị',
  loading: 'Đang tải danh sách thiết bị…',
  signIn: 'Cần đăng nhập bằng tài khoản quản trị viên.',
  forbidden: 'Tài khoản này không có vai trò quản trị viên.',
  failed: 'Không tải được danh sách thiết bị. Thử lại sau.',
  refresh: 'Làm mới',
  pending: 'Yêu cầu ghép nối đang chờ',
  pendingHint: 'Chỉ duyệt mã đang hiện trên màn hình của thiết bị trước mặt bạn. Mã lạ (không ai chờ) thì từ chối.',
  noPending: 'Không có yêu cầu nào đang chờ.',
  code: 'Mã {code}',
  requested: 'Yêu cầu lúc {at}, hết hạn lúc {expires}',
  name: 'Tên thiết bị',
  namePlaceholder: '{kind} {code}',
  kind: 'Loại thiết bị',
  'kind-kiosk': 'Ki-ốt lấy số',
  'kind-counter': 'Máy tính bảng tại quầy',
  'kind-board': 'Màn hình gọi số',
  counter: 'Quầy',
  counterOption: 'Quầy {label}',
  approve: 'Duyệt',
  reject: 'Từ chối',
  approved: 'Đã duyệt mã {code}: thiết bị sẽ nhận quyền truy cập trong vài giây.',
  rejected: 'Đã từ chối mã {code}.',
  devices: 'Thiết bị đã ghép nối',
  noDevices: 'Chưa có thiết bị nào được ghép nối.',
  pairedAt: 'Ghép nối lúc {at}',
  lastSeen: 'Hoạt động gần nhất: {at}',
  never: 'chưa',
  revokedAt: 'Đã thu hồi lúc {at}',
  revoke: 'Thu hồi',
  confirmRevoke: 'Thu hồi “{name}”? Thiết bị sẽ bị từ chối ngay từ yêu cầu tiếp theo.',
  confirm: 'Thu hồi ngay',
  cancel: 'Hủy',
  revoked: 'Đã thu hồi “{name}”.',
};

/**
 * The keys of the device pairings screen's strings.
 *
 * @useDeclaredType
 */
export type DevicePairingsStringKey = keyof typeof devicePairingsStringsVi;

/** The device pairings screen's strings in Vietnamese and English. */
export const devicePairingsStrings: StringTable<DevicePairingsStringKey> = {
  vi: devicePairingsStringsVi,
  en: {
    title: 'Device pairing',
    loading: 'Loading the devices…',
    signIn: 'Sign in with an admin account.',
    forbidden: 'This account does not hold the admin role.',
    failed: 'The devices could not be loaded. Try again later.',
    refresh: 'Refresh',
    pending: 'Pairing requests waiting',
    pendingHint:
      'Approve only the code shown on the screen of the device in front of you. Reject a code nobody expects.',
    noPending: 'No request is waiting.',
    code: 'Code {code}',
    requested: 'Requested at {at}, expires at {expires}',
    name: 'Device name',
    namePlaceholder: '{kind} {code}',
    kind: 'Device kind',
    'kind-kiosk': 'Ticket kiosk',
    'kind-counter': 'Counter tablet',
    'kind-board': 'Queue board',
    counter: 'Counter',
    counterOption: 'Counter {label}',
    approve: 'Approve',
    reject: 'Reject',
    approved: 'Code {code} approved: the device collects its access within a few seconds.',
    rejected: 'Code {code} rejected.',
    devices: 'Paired devices',
    noDevices: 'No device is paired yet.',
    pairedAt: 'Paired at {at}',
    lastSeen: 'Last seen: {at}',
    never: 'never',
    revokedAt: 'Revoked at {at}',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke “{name}”? The device is refused from its next request on.',
    confirm: 'Revoke now',
    cancel: 'Cancel',
    revoked: '“{name}” revoked.',
  },
};
