import type { StringTable } from '../internal/i18n.js';

/** The Vietnamese strings (the default); their keys are the string keys. */
const ticketStatusStringsVi = {
  title: 'Phiếu số thứ tự',
  loading: 'Đang tải phiếu…',
  number: 'Số của bạn',
  waiting: 'Đang chờ gọi',
  ahead: 'Còn {ahead} người trước bạn',
  next: 'Bạn là người tiếp theo',
  minutes: 'Dự kiến khoảng {low}–{high} phút',
  near: 'Sắp đến lượt bạn, xin quay lại khu chờ',
  called: 'Mời số {number} đến quầy {counter}',
  serving: 'Bạn đang được phục vụ tại quầy {counter}',
  done: 'Đã phục vụ xong. Cảm ơn bạn!',
  rate: 'Đánh giá mức độ hài lòng',
  noShow: 'Số của bạn đã được gọi nhưng bạn không có mặt. Xin liên hệ quầy hoặc lấy số mới.',
  cancelled: 'Phiếu này đã bị hủy.',
  otherDay: 'Phiếu này của ngày {date}, không còn hiệu lực hôm nay.',
  unknown: 'Không tìm thấy phiếu này. Xin kiểm tra lại mã QR trên phiếu.',
  noTicket: 'Chưa có mã phiếu: xin quét mã QR trên phiếu số thứ tự.',
  offline: 'Mất kết nối, đang thử lại…',
  keepOpen: 'Để trang này mở: số người chờ tự cập nhật.',
};

/**
 * The keys of the ticket status page's strings.
 *
 * @useDeclaredType
 */
export type TicketStatusStringKey = keyof typeof ticketStatusStringsVi;

/** The ticket status page's strings in Vietnamese and English. */
export const ticketStatusStrings: StringTable<TicketStatusStringKey> = {
  vi: ticketStatusStringsVi,
  en: {
    title: 'Queue ticket',
    loading: 'Loading the ticket…',
    number: 'Your number',
    waiting: 'Waiting to be called',
    ahead: '{ahead} people before you',
    next: 'You are next',
    minutes: 'About {low}–{high} minutes',
    near: 'Your turn is near: please come back to the waiting area',
    called: 'Number {number}, please go to counter {counter}',
    serving: 'You are being served at counter {counter}',
    done: 'Service finished. Thank you!',
    rate: 'Rate the service',
    noShow: 'Your number was called but you were not there. Please ask at a counter or take a new number.',
    cancelled: 'This ticket was cancelled.',
    otherDay: 'This ticket is from {date} and is no longer valid today.',
    unknown: 'This ticket was not found. Please check the QR code on the ticket.',
    noTicket: 'No ticket given: scan the QR code on your queue ticket.',
    offline: 'Connection lost, retrying…',
    keepOpen: 'Keep this page open: the count updates by itself.',
  },
};
