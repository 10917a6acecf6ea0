import type { StringTable } from '../internal/i18n.js';

/** The keys of `<motcua-ticket-kiosk>`'s strings, for overrides through `strings` or `configure`. */
export type TicketKioskStringKey =
  | 'title'
  | 'instruction'
  | 'loading'
  | 'unavailable'
  | 'noServices'
  | 'priority'
  | 'priorityHint'
  | 'issuing'
  | 'yourNumber'
  | 'service'
  | 'aheadNone'
  | 'aheadOne'
  | 'ahead'
  | 'wait'
  | 'priorityNoted'
  | 'takeSlip'
  | 'scan'
  | 'qrLabel'
  | 'done'
  | 'returning'
  | 'back'
  | 'retry'
  | 'closedTitle'
  | 'closedDayTitle'
  | 'capTitle'
  | 'refusedTitle'
  | 'offlineTitle'
  | 'offlineBody'
  | 'failedBody'
  | 'unauthorizedBody'
  | 'busyBody'
  | 'printTitle'
  | 'printTime'
  | 'printAhead'
  | 'printFooter'
  | 'printFrameTitle';

/** Every string of the kiosk and of its printed ticket, in Vietnamese and English. */
export const TICKET_KIOSK_STRINGS: StringTable<TicketKioskStringKey> = {
  vi: {
    title: 'Lấy số thứ tự',
    instruction: 'Chạm vào dịch vụ bạn cần.',
    loading: 'Đang tải danh sách dịch vụ…',
    unavailable: 'Chưa tải được danh sách dịch vụ. Ki-ốt sẽ tự thử lại; nếu cần, vui lòng hỏi cán bộ.',
    noServices: 'Hiện không có dịch vụ nào để lấy số.',
    priority: 'Tôi cần được ưu tiên',
    priorityHint: 'Không cần nêu lý do.',
    issuing: 'Đang lấy số…',
    yourNumber: 'Số thứ tự của bạn',
    service: 'Dịch vụ: {service}',
    aheadNone: 'Bạn là người tiếp theo.',
    aheadOne: 'Trước bạn còn 1 người.',
    ahead: 'Trước bạn còn {count} người.',
    wait: 'Thời gian chờ dự kiến: khoảng {low}–{high} phút.',
    priorityNoted: 'Đã ghi nhận yêu cầu ưu tiên.',
    takeSlip: 'Vui lòng nhận phiếu in.',
    scan: 'Quét mã để theo dõi lượt và đánh giá.',
    qrLabel: 'Mã QR tới trang theo dõi số {number}',
    done: 'Xong',
    returning: 'Màn hình sẽ tự trở về sau {seconds} giây.',
    back: 'Quay lại',
    retry: 'Thử lại',
    closedTitle: 'Ngoài giờ lấy số',
    closedDayTitle: 'Hôm nay không lấy số',
    capTitle: 'Đã hết số hôm nay',
    refusedTitle: 'Không lấy được số',
    offlineTitle: 'Mất kết nối',
    offlineBody:
      'Ki-ốt không liên lạc được với máy chủ nên chưa cấp số. Vui lòng thử lại sau giây lát hoặc hỏi cán bộ.',
    failedBody: 'Máy chủ đang gặp sự cố nên chưa cấp số. Vui lòng thử lại sau giây lát hoặc hỏi cán bộ.',
    unauthorizedBody: 'Ki-ốt chưa có mã truy cập hợp lệ nên chưa cấp số. Vui lòng báo cán bộ.',
    busyBody: 'Có nhiều yêu cầu cùng lúc. Vui lòng thử lại sau giây lát.',
    printTitle: 'PHIẾU SỐ THỨ TỰ',
    printTime: 'Giờ lấy số: {time}',
    printAhead: 'Số người chờ trước bạn: {count}',
    printFooter: 'Vui lòng chờ đến lượt được gọi. Xin cảm ơn!',
    printFrameTitle: 'Phiếu số thứ tự để in',
  },
  en: {
    title: 'Take a number',
    instruction: 'Touch the service you need.',
    loading: 'Loading the services…',
    unavailable: 'The services could not be loaded. The kiosk will try again; please ask a staff member if needed.',
    noServices: 'No service is taking tickets now.',
    priority: 'I need priority service',
    priorityHint: 'No reason needed.',
    issuing: 'Taking a number…',
    yourNumber: 'Your number',
    service: 'Service: {service}',
    aheadNone: 'You are next.',
    aheadOne: '1 person ahead of you.',
    ahead: '{count} people ahead of you.',
    wait: 'Expected wait: about {low}–{high} minutes.',
    priorityNoted: 'Your priority request is noted.',
    takeSlip: 'Please take your printed ticket.',
    scan: 'Scan to follow your turn and rate the service.',
    qrLabel: 'QR code to the status page of ticket {number}',
    done: 'Done',
    returning: 'This screen goes back in {seconds} seconds.',
    back: 'Back',
    retry: 'Try again',
    closedTitle: 'Outside ticket hours',
    closedDayTitle: 'No tickets today',
    capTitle: 'No more tickets today',
    refusedTitle: 'No number was issued',
    offlineTitle: 'No connection',
    offlineBody:
      'The kiosk cannot reach the server, so no number was issued. Please try again in a moment or ask a staff member.',
    failedBody:
      'The server has a problem, so no number was issued. Please try again in a moment or ask a staff member.',
    unauthorizedBody: 'This kiosk has no valid access token, so no number was issued. Please tell a staff member.',
    busyBody: 'Too many requests at once. Please try again in a moment.',
    printTitle: 'QUEUE TICKET',
    printTime: 'Issued: {time}',
    printAhead: 'People ahead of you: {count}',
    printFooter: 'Please wait for your number to be called. Thank you!',
    printFrameTitle: 'Queue ticket to print',
  },
};
