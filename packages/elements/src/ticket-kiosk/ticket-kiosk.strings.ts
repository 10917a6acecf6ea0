import type { StringTable } from '../internal/i18n.js';
import type { TicketKioskLaterKey } from './later-strings.js';

export type { TicketKioskLaterKey } from './later-strings.js';

/**
 * The keys of `<motcua-ticket-kiosk>`'s strings, for overrides through `strings` or `configure`.
 *
 * @useDeclaredType
 */
export type TicketKioskStringKey = TicketKioskFirstKey | TicketKioskLaterKey;

const firstVi = {
  title: 'Lấy số thứ tự',
  instruction: 'Chạm vào dịch vụ bạn cần.',
  loading: 'Đang tải danh sách dịch vụ…',
  unavailable: 'Chưa tải được danh sách dịch vụ. Ki-ốt sẽ tự thử lại; nếu cần, vui lòng hỏi cán bộ.',
  noServices: 'Hiện không có dịch vụ nào để lấy số.',
  priority: 'Tôi cần được ưu tiên',
  priorityHint: 'Không cần nêu lý do.',
  priorityOn: 'Đã chọn. Chạm vào dịch vụ để lấy số.',
  issuing: 'Đang lấy số…',
  opensAt: 'Mở lại lúc {time}',
  opensOn: 'Mở lại lúc {time}, {day}',
  offlineTitle: 'Mất kết nối',
  offlineBody: 'Ki-ốt không liên lạc được với máy chủ nên chưa cấp số. Vui lòng thử lại sau giây lát hoặc hỏi cán bộ.',
  back: 'Quay lại',
  retry: 'Thử lại',
  returning: 'Màn hình sẽ tự trở về sau {seconds} giây.',
};

/**
 * The strings of the services screen (and of a press that cannot reach the issuing code): shipped with the element.
 *
 * @useDeclaredType
 */
export type TicketKioskFirstKey = keyof typeof firstVi;

/** The strings the kiosk paints with, in Vietnamese and English. */
export const TICKET_KIOSK_STRINGS: StringTable<TicketKioskFirstKey> = {
  vi: firstVi,
  en: {
    title: 'Take a number',
    instruction: 'Touch the service you need.',
    loading: 'Loading the services…',
    unavailable: 'The services could not be loaded. The kiosk will try again; please ask a staff member if needed.',
    noServices: 'No service is taking tickets now.',
    priority: 'I need priority service',
    priorityHint: 'No reason needed.',
    priorityOn: 'Chosen. Now touch a service to take a number.',
    issuing: 'Taking a number…',
    opensAt: 'Opens again at {time}',
    opensOn: 'Opens again at {time}, {day}',
    offlineTitle: 'No connection',
    offlineBody:
      'The kiosk cannot reach the server, so no number was issued. Please try again in a moment or ask a staff member.',
    back: 'Back',
    retry: 'Try again',
    returning: 'This screen goes back in {seconds} seconds.',
  },
};
