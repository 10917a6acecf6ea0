import type { StringTable } from '../internal/i18n.js';

const deskVi = {
  shortcuts:
    'Phím tắt: N gọi số tiếp theo, R gọi lại, S vắng mặt, D xong, T chọn dịch vụ để chuyển (trừ khi đang gõ trong ô nhập).',
  waiting: 'Đang chờ',
  waitingPriority: '({priority} ưu tiên)',
  deskFailed: 'Chưa tải được hàng chờ.',
  priorityMark: 'Ưu tiên: {name}',
  pause: 'Tạm dừng quầy',
  pausedNote: 'Quầy đang tạm dừng: không gọi số.',
  resumed: 'Quầy đã mở lại.',
  callNumber: 'Gọi số',
  callThis: 'Gọi số này',
  noShows: 'Vắng mặt',
  readmit: '{number} vào hàng lại',
  readmitted: '{number} đã vào hàng lại.',
  ratingQr: 'Mã QR đánh giá số {number}',
  ratingScan: 'Mời công dân quét mã để đánh giá số {number}.',
};

/**
 * The keys of the desk's strings (who waits, pause, a number out of turn, no-shows, the rating QR), in desk.ts.
 *
 * @useDeclaredType
 */
export type DeskStringKey = keyof typeof deskVi;

/** The desk's strings in Vietnamese and English. */
export const deskStrings: StringTable<DeskStringKey> = {
  vi: deskVi,
  en: {
    shortcuts:
      'Shortcuts: N call next, R recall, S no-show, D done, T choose a service to transfer to (not while typing).',
    waiting: 'Waiting',
    waitingPriority: '({priority} priority)',
    deskFailed: 'Waiting lines not loaded.',
    priorityMark: 'Priority: {name}',
    pause: 'Pause the counter',
    pausedNote: 'Counter paused: no calls.',
    resumed: 'Counter open again.',
    callNumber: 'Call number',
    callThis: 'Call this number',
    noShows: 'No-shows',
    readmit: 'Re-admit {number}',
    readmitted: '{number} is back in the queue.',
    ratingQr: 'QR code to rate number {number}',
    ratingScan: 'Scan the code to rate number {number}.',
  },
};
