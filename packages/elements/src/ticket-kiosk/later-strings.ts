import type { StringTable } from '../internal/i18n.js';

const laterVi = {
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
  closedTitle: 'Ngoài giờ lấy số',
  closedDayTitle: 'Hôm nay không lấy số',
  capTitle: 'Đã hết số hôm nay',
  refusedTitle: 'Không lấy được số',
  failedBody: 'Máy chủ đang gặp sự cố nên chưa cấp số. Vui lòng thử lại sau giây lát hoặc hỏi cán bộ.',
  unauthorizedBody: 'Ki-ốt chưa có mã truy cập hợp lệ nên chưa cấp số. Vui lòng báo cán bộ.',
  busyBody: 'Có nhiều yêu cầu cùng lúc. Vui lòng thử lại sau giây lát.',
  printTitle: 'PHIẾU SỐ THỨ TỰ',
  printTime: 'Giờ lấy số: {time}',
  printAhead: 'Số người chờ trước bạn: {count}',
  printFooter: 'Vui lòng chờ đến lượt được gọi. Xin cảm ơn!',
  printFrameTitle: 'Phiếu số thứ tự để in',
};

/**
 * The strings of the ticket, refusal and print screens: loaded with the issuing code.
 *
 * @useDeclaredType
 */
export type TicketKioskLaterKey = keyof typeof laterVi;

/** The strings of the ticket, refusal and print screens, in Vietnamese and English: loaded with the issuing code. */
export const TICKET_KIOSK_LATER_STRINGS: StringTable<TicketKioskLaterKey> = {
  vi: laterVi,
  en: {
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
    closedTitle: 'Outside ticket hours',
    closedDayTitle: 'No tickets today',
    capTitle: 'No more tickets today',
    refusedTitle: 'No number was issued',
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
