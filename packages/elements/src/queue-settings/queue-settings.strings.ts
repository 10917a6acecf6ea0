import type { StringTable } from '../internal/i18n.js';

/** The keys of `<motcua-queue-settings>`'s strings. */
export type QueueSettingsStringKey =
  | 'title'
  | 'hint'
  | 'loading'
  | 'signIn'
  | 'forbidden'
  | 'failed'
  | 'services'
  | 'service'
  | 'newService'
  | 'id'
  | 'idHint'
  | 'prefix'
  | 'nameVi'
  | 'nameEn'
  | 'dailyCap'
  | 'noCap'
  | 'windows'
  | 'windowsNone'
  | 'window'
  | 'from'
  | 'to'
  | 'days'
  | 'addWindow'
  | 'removeWindow'
  | 'addService'
  | 'removeService'
  | 'issuingNow'
  | 'closedUntil'
  | 'closedNoNext'
  | 'counters'
  | 'counter'
  | 'label'
  | 'counterServices'
  | 'addCounter'
  | 'removeCounter'
  | 'priorities'
  | 'priority'
  | 'weight'
  | 'defaultPriority'
  | 'addPriority'
  | 'removePriority'
  | 'closedDates'
  | 'closedDatesHint'
  | 'closedDate'
  | 'addClosedDate'
  | 'removeClosedDate'
  | 'save'
  | 'saved'
  | 'stale'
  | 'problems'
  | 'saveFailed'
  | 'day-0'
  | 'day-1'
  | 'day-2'
  | 'day-3'
  | 'day-4'
  | 'day-5'
  | 'day-6';

/** `<motcua-queue-settings>`'s strings in Vietnamese and English; each can be overridden. */
export const queueSettingsStrings: StringTable<QueueSettingsStringKey> = {
  vi: {
    title: 'Lĩnh vực, quầy và giờ cấp số',
    hint: 'Thay đổi có hiệu lực ngay khi lưu, trên mọi máy chủ: ki-ốt, quầy và màn hình dùng cài đặt mới.',
    loading: 'Đang tải cài đặt…',
    signIn: 'Hãy đăng nhập bằng tài khoản quản trị của cơ quan.',
    forbidden: 'Tài khoản này không có quyền quản trị.',
    failed: 'Không tải được cài đặt. Hãy thử lại.',
    services: 'Lĩnh vực cấp số',
    service: 'Lĩnh vực {prefix} — {name}',
    newService: 'Lĩnh vực mới',
    id: 'Mã lĩnh vực',
    idHint: 'chữ thường, số và dấu gạch ngang; không đổi được sau khi lưu',
    prefix: 'Chữ đầu số thứ tự',
    nameVi: 'Tên (tiếng Việt)',
    nameEn: 'Tên (tiếng Anh)',
    dailyCap: 'Số phiếu tối đa mỗi ngày',
    noCap: 'Để trống: không giới hạn',
    windows: 'Giờ cấp số',
    windowsNone: 'Không có khung giờ: cấp số cả ngày, trừ ngày nghỉ.',
    window: 'Khung giờ {n}',
    from: 'Từ',
    to: 'Đến',
    days: 'Các ngày',
    addWindow: 'Thêm khung giờ',
    removeWindow: 'Xóa khung giờ {n}',
    addService: 'Thêm lĩnh vực',
    removeService: 'Xóa lĩnh vực {name}',
    issuingNow: 'Đang cấp số.',
    closedUntil: 'Đang dừng cấp số; cấp lại lúc {time} ngày {date}.',
    closedNoNext: 'Đang dừng cấp số; chưa có giờ cấp lại.',
    counters: 'Quầy',
    counter: 'Quầy {label}',
    label: 'Số quầy được đọc và hiển thị',
    counterServices: 'Lĩnh vực quầy này gọi',
    addCounter: 'Thêm quầy',
    removeCounter: 'Xóa quầy {label}',
    priorities: 'Đối tượng ưu tiên',
    priority: 'Đối tượng {name}',
    weight: 'Mức ưu tiên (0: thường)',
    defaultPriority: 'Đối tượng mặc định khi lấy số',
    addPriority: 'Thêm đối tượng',
    removePriority: 'Xóa đối tượng {name}',
    closedDates: 'Ngày không cấp số',
    closedDatesHint: 'Ngày nghỉ theo lịch làm việc đã được tính; ở đây thêm ngày nghỉ riêng của cơ quan.',
    closedDate: 'Ngày',
    addClosedDate: 'Thêm ngày',
    removeClosedDate: 'Xóa ngày {date}',
    save: 'Lưu lĩnh vực, quầy và giờ cấp số',
    saved: 'Đã lưu: phiên bản cài đặt {version}, có hiệu lực ngay.',
    stale: 'Người khác vừa lưu cài đặt (phiên bản {version}). Đã tải lại; hãy xem và sửa lại nếu cần.',
    problems: 'Chưa lưu: hãy sửa các lỗi sau.',
    saveFailed: 'Chưa lưu được. Hãy thử lại.',
    'day-0': 'CN',
    'day-1': 'T2',
    'day-2': 'T3',
    'day-3': 'T4',
    'day-4': 'T5',
    'day-5': 'T6',
    'day-6': 'T7',
  },
  en: {
    title: 'Services, counters and issuing hours',
    hint: 'Changes take effect when saved, on every server: kiosks, counters and screens use the new settings.',
    loading: 'Loading the settings…',
    signIn: 'Sign in with an admin account of the office.',
    forbidden: 'This account is not an admin.',
    failed: 'The settings could not be loaded. Try again.',
    services: 'Services that issue tickets',
    service: 'Service {prefix} — {name}',
    newService: 'New service',
    id: 'Service id',
    idHint: 'lower-case letters, digits and hyphens; fixed once saved',
    prefix: 'Ticket number prefix',
    nameVi: 'Name (Vietnamese)',
    nameEn: 'Name (English)',
    dailyCap: 'Most tickets per day',
    noCap: 'Empty: no limit',
    windows: 'Issuing hours',
    windowsNone: 'No hours: tickets all day, except days off.',
    window: 'Hours {n}',
    from: 'From',
    to: 'To',
    days: 'Days',
    addWindow: 'Add hours',
    removeWindow: 'Remove hours {n}',
    addService: 'Add a service',
    removeService: 'Remove the service {name}',
    issuingNow: 'Issuing now.',
    closedUntil: 'Not issuing; issues again at {time} on {date}.',
    closedNoNext: 'Not issuing; no issuing time is scheduled.',
    counters: 'Counters',
    counter: 'Counter {label}',
    label: 'Counter number as announced and shown',
    counterServices: 'Services this counter calls',
    addCounter: 'Add a counter',
    removeCounter: 'Remove counter {label}',
    priorities: 'Priority groups',
    priority: 'Group {name}',
    weight: 'Priority weight (0: normal)',
    defaultPriority: 'Group of a ticket taken without one',
    addPriority: 'Add a group',
    removePriority: 'Remove the group {name}',
    closedDates: 'Days without tickets',
    closedDatesHint: 'The days off of the working calendar are counted already; add the office’s own closures here.',
    closedDate: 'Date',
    addClosedDate: 'Add a date',
    removeClosedDate: 'Remove {date}',
    save: 'Save services, counters and hours',
    saved: 'Saved: settings version {version}, in effect now.',
    stale: 'Someone else just saved the settings (version {version}). Reloaded; check your changes again.',
    problems: 'Not saved: correct the following.',
    saveFailed: 'Could not save. Try again.',
    'day-0': 'Sun',
    'day-1': 'Mon',
    'day-2': 'Tue',
    'day-3': 'Wed',
    'day-4': 'Thu',
    'day-5': 'Fri',
    'day-6': 'Sat',
  },
};
