import type { StringTable } from '../internal/i18n.js';

/** The keys of the office administration's strings. */
export type OfficeAdminStringKey =
  | 'title'
  | 'loading'
  | 'signIn'
  | 'forbidden'
  | 'failed'
  | 'version'
  | 'noAppointment'
  | 'noAppointmentHint'
  | 'enabled'
  | 'weekdays'
  | 'procedures'
  | 'from'
  | 'save'
  | 'saved'
  | 'stale'
  | 'problems'
  | 'calendar'
  | 'calendarHint'
  | 'activeOverlays'
  | 'none'
  | 'overlaysJson'
  | 'loadFile'
  | 'localDay'
  | 'localDayDate'
  | 'localDayName'
  | 'localDayWorking'
  | 'addLocalDay'
  | 'preview'
  | 'notJson'
  | 'previewFirst'
  | 'day0'
  | 'day1'
  | 'day2'
  | 'day3'
  | 'day4'
  | 'day5'
  | 'day6';

/** The office administration's strings in Vietnamese and English; each can be overridden. */
export const officeAdminStrings: StringTable<OfficeAdminStringKey> = {
  vi: {
    title: 'Quản trị văn phòng',
    loading: 'Đang tải cài đặt…',
    signIn: 'Cần đăng nhập bằng tài khoản quản trị viên.',
    forbidden: 'Tài khoản này không có vai trò quản trị viên.',
    failed: 'Không tải được cài đặt. Thử lại sau.',
    version: 'Phiên bản {version}, lưu lúc {at}',
    noAppointment: 'Ngày không hẹn',
    noAppointmentHint: 'Vào các thứ đã chọn, hồ sơ của các thủ tục đã chọn được giải quyết ngay trong ngày.',
    enabled: 'Áp dụng ngày không hẹn',
    weekdays: 'Thứ trong tuần',
    procedures: 'Thủ tục áp dụng',
    from: 'Áp dụng từ ngày',
    save: 'Lưu',
    saved: 'Đã lưu phiên bản {version}.',
    stale: 'Người khác vừa lưu thay đổi (phiên bản {version}). Cài đặt đã được tải lại; hãy làm lại thay đổi của bạn.',
    problems: 'Chưa lưu được vì:',
    calendar: 'Lịch làm việc',
    calendarHint: 'Các lớp lịch áp dụng lần lượt lên lịch quốc gia: quyết định nghỉ Tết, ngày nghỉ của địa phương.',
    activeOverlays: 'Đang áp dụng',
    none: 'Không có',
    overlaysJson: 'Các lớp lịch (JSON)',
    loadFile: 'Nạp tệp quyết định (JSON)',
    localDay: 'Thêm ngày của địa phương',
    localDayDate: 'Ngày',
    localDayName: 'Tên ngày',
    localDayWorking: 'Là ngày làm việc (bỏ chọn: ngày nghỉ)',
    addLocalDay: 'Thêm ngày',
    preview: 'Xem trước thay đổi',
    notJson: 'Nội dung không phải JSON hợp lệ: {message}',
    previewFirst: 'Hãy xem trước thay đổi trước khi lưu.',
    day0: 'Chủ nhật',
    day1: 'Thứ Hai',
    day2: 'Thứ Ba',
    day3: 'Thứ Tư',
    day4: 'Thứ Năm',
    day5: 'Thứ Sáu',
    day6: 'Thứ Bảy',
  },
  en: {
    title: 'Office administration',
    loading: 'Loading the settings…',
    signIn: 'Sign in with an admin account.',
    forbidden: 'This account does not hold the admin role.',
    failed: 'The settings could not be loaded. Try again later.',
    version: 'Version {version}, saved at {at}',
    noAppointment: 'No-appointment day',
    noAppointmentHint: 'On the chosen weekdays, dossiers of the chosen procedures are resolved within the day.',
    enabled: 'Apply the no-appointment day',
    weekdays: 'Weekdays',
    procedures: 'Procedures',
    from: 'From',
    save: 'Save',
    saved: 'Version {version} saved.',
    stale: 'Someone else just saved a change (version {version}). The settings were reloaded; make your change again.',
    problems: 'Not saved because:',
    calendar: 'Working calendar',
    calendarHint: 'Overlays applied in order on the national calendar: a Tết decision, local days off.',
    activeOverlays: 'In force',
    none: 'None',
    overlaysJson: 'Calendar overlays (JSON)',
    loadFile: 'Load a decision file (JSON)',
    localDay: 'Add a local day',
    localDayDate: 'Date',
    localDayName: 'Name',
    localDayWorking: 'A working day (unchecked: a day off)',
    addLocalDay: 'Add the day',
    preview: 'Preview the change',
    notJson: 'Not valid JSON: {message}',
    previewFirst: 'Preview the change before saving it.',
    day0: 'Sunday',
    day1: 'Monday',
    day2: 'Tuesday',
    day3: 'Wednesday',
    day4: 'Thursday',
    day5: 'Friday',
    day6: 'Saturday',
  },
};
