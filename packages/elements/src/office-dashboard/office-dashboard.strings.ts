import type { StringTable } from '../internal/i18n.js';

/** The keys of the office dashboard's strings. */
export type OfficeDashboardStringKey =
  | 'title'
  | 'period'
  | 'thisMonth'
  | 'lastMonth'
  | 'custom'
  | 'from'
  | 'to'
  | 'service'
  | 'allServices'
  | 'show'
  | 'print'
  | 'loading'
  | 'signedOut'
  | 'forbidden'
  | 'signIn'
  | 'failed'
  | 'retry'
  | 'range'
  | 'compared'
  | 'onTimeRate'
  | 'onTimeDetail'
  | 'onlineRate'
  | 'onlineDetail'
  | 'satisfaction'
  | 'satisfactionDetail'
  | 'tickets'
  | 'ticketsDetail'
  | 'waitP50'
  | 'waitP90'
  | 'waitDetail'
  | 'called'
  | 'minutes'
  | 'points'
  | 'previous'
  | 'noData'
  | 'live'
  | 'heatmap'
  | 'heatmapSummary'
  | 'weekdays'
  | 'hour'
  | 'waitsByService'
  | 'waitsByCounter'
  | 'waitsSummary'
  | 'median'
  | 'p90'
  | 'satisfactionBy'
  | 'group_counter'
  | 'group_officer'
  | 'group_procedure'
  | 'satisfactionSummary'
  | 'score'
  | 'interval'
  | 'ratings'
  | 'suppressed'
  | 'longestWaits'
  | 'number'
  | 'date'
  | 'counter'
  | 'wait'
  | 'table'
  | 'csv'
  | 'empty';

/** The office dashboard's strings in Vietnamese and English. */
export const officeDashboardStrings: StringTable<OfficeDashboardStringKey> = {
  vi: {
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
    called: 'Lượt được gọi',
    minutes: '{value} phút',
    points: '{value} điểm %',
    previous: 'Kỳ trước: {value} ({change})',
    noData: '—',
    live: 'Số liệu hàng đợi tự cập nhật. Cập nhật lúc {time}.',
    heatmap: 'Lượt lấy số theo thứ và giờ',
    heatmapSummary: 'Đông nhất: {day}, {hour} giờ, {count} lượt.',
    weekdays: 'Thứ Hai,Thứ Ba,Thứ Tư,Thứ Năm,Thứ Sáu,Thứ Bảy,Chủ nhật',
    hour: '{hour} giờ',
    waitsByService: 'Thời gian chờ theo dịch vụ (phút)',
    waitsByCounter: 'Thời gian chờ theo quầy (phút)',
    waitsSummary: 'Trung vị và phân vị 90 của thời gian chờ, {count} nhóm.',
    median: 'Trung vị',
    p90: 'Phân vị 90',
    satisfactionBy: 'Mức độ hài lòng theo {group}',
    group_counter: 'quầy',
    group_officer: 'cán bộ',
    group_procedure: 'thủ tục',
    satisfactionSummary: 'Điểm và khoảng tin cậy 95% (Wilson) của {count} nhóm; nhóm ít đánh giá có khoảng rộng hơn.',
    score: 'Điểm',
    interval: 'Khoảng tin cậy 95%',
    ratings: 'Số đánh giá',
    suppressed: 'Quá ít đánh giá, không công bố',
    longestWaits: 'Các lượt chờ lâu nhất',
    number: 'Số',
    date: 'Ngày',
    counter: 'Quầy',
    wait: 'Thời gian chờ',
    table: 'Bảng số liệu',
    csv: 'Tải CSV',
    empty: 'Chưa có số liệu trong kỳ này.',
  },
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
    called: 'Called',
    minutes: '{value} min',
    points: '{value} points',
    previous: 'Previous period: {value} ({change})',
    noData: '—',
    live: 'Queue figures update by themselves. Updated at {time}.',
    heatmap: 'Queue tickets by weekday and hour',
    heatmapSummary: 'Busiest: {day}, {hour}:00, {count} tickets.',
    weekdays: 'Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday',
    hour: '{hour}:00',
    waitsByService: 'Waiting time by service (minutes)',
    waitsByCounter: 'Waiting time by counter (minutes)',
    waitsSummary: 'Median and 90th percentile of the waiting time, {count} groups.',
    median: 'Median',
    p90: '90th percentile',
    satisfactionBy: 'Satisfaction by {group}',
    group_counter: 'counter',
    group_officer: 'officer',
    group_procedure: 'procedure',
    satisfactionSummary:
      'Score and 95% (Wilson) interval of {count} groups; groups with few ratings have wider intervals.',
    score: 'Score',
    interval: '95% interval',
    ratings: 'Ratings',
    suppressed: 'Too few ratings to publish',
    longestWaits: 'The longest waits',
    number: 'Number',
    date: 'Date',
    counter: 'Counter',
    wait: 'Wait',
    table: 'Data table',
    csv: 'Download CSV',
    empty: 'No figures for this period yet.',
  },
};
