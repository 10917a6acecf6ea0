import type { StringTable } from '../internal/i18n.js';
import type { OfficeDashboardLaterKey } from './later-strings.js';

export type { OfficeDashboardLaterKey } from './later-strings.js';

/** The keys of the office dashboard's strings. */
export type OfficeDashboardStringKey = OfficeDashboardFirstKey | OfficeDashboardLaterKey;

/** The Vietnamese strings (the default); their keys are the string keys. */
const officeDashboardStringsVi = {
  title: 'Bảng điều hành của lãnh đạo',
  period: 'Kỳ báo cáo',
  thisMonth: 'Tháng này',
  lastMonth: 'Tháng trước',
  custom: 'Tùy chọn',
  from: 'Từ ngày',
  to: 'Đến ngày',
  service: 'Dịch vụ',
  allServices: 'Tất cả dịch vụ',
  show: 'Xem',
  print: 'In báo cáo',
  loading: 'Đang tải số liệu…',
  signedOut: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
  forbidden: 'Tài khoản của bạn không có quyền xem báo cáo: cần vai trò lãnh đạo hoặc quản trị.',
  signIn: 'Đăng nhập',
  failed: 'Không tải được số liệu: {message}',
  retry: 'Thử lại',
  range: 'Từ {from} đến {to}',
  compared: 'So với kỳ trước cùng độ dài: {from} – {to}',
  onTimeRate: 'Giải quyết trước và đúng hạn',
  onTimeDetail: '{count}/{total} hồ sơ đã giải quyết',
  onlineRate: 'Tiếp nhận trực tuyến',
  onlineDetail: '{count}/{total} hồ sơ',
  satisfaction: 'Mức độ hài lòng',
  satisfactionDetail: '{n} đánh giá',
  tickets: 'Lượt lấy số',
  ticketsDetail: '{served} lượt đã phục vụ',
  waitP50: 'Thời gian chờ trung vị',
  waitP90: '90% người dân chờ không quá',
  waitDetail: '{count} lượt được gọi',
  minutes: '{value} phút',
  points: '{value} điểm %',
  previous: 'Kỳ trước: {value} ({change})',
  noData: '—',
  live: 'Số liệu hàng đợi tự cập nhật. Cập nhật lúc {time}.',
};

/**
 * The keys of the strings the dashboard shows before its figures (shipped with the element).
 *
 * @useDeclaredType
 */
export type OfficeDashboardFirstKey = keyof typeof officeDashboardStringsVi;

/** The office dashboard's strings in Vietnamese and English. */
export const officeDashboardStrings: StringTable<OfficeDashboardFirstKey> = {
  vi: officeDashboardStringsVi,
  en: {
    title: "Leader's dashboard",
    period: 'Period',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    custom: 'Custom',
    from: 'From',
    to: 'To',
    service: 'Service',
    allServices: 'All services',
    show: 'Show',
    print: 'Print the report',
    loading: 'Loading the figures…',
    signedOut: 'You are not signed in, or your session has expired.',
    forbidden: 'Your account may not see the reports: it needs the leader or admin role.',
    signIn: 'Sign in',
    failed: 'The figures could not be loaded: {message}',
    retry: 'Try again',
    range: 'From {from} to {to}',
    compared: 'Compared with the previous period of the same length: {from} – {to}',
    onTimeRate: 'Resolved early or on time',
    onTimeDetail: '{count}/{total} dossiers resolved',
    onlineRate: 'Received online',
    onlineDetail: '{count}/{total} dossiers',
    satisfaction: 'Satisfaction',
    satisfactionDetail: '{n} ratings',
    tickets: 'Queue tickets',
    ticketsDetail: '{served} served',
    waitP50: 'Median wait',
    waitP90: '90% of people waited at most',
    waitDetail: '{count} called',
    minutes: '{value} min',
    points: '{value} points',
    previous: 'Previous period: {value} ({change})',
    noData: '—',
    live: 'Queue figures update by themselves. Updated at {time}.',
  },
};
