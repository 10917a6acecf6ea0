import type { StringTable } from '../internal/i18n.js';

/** The Vietnamese strings (the default); their keys are the string keys. */
const queueBoardStringsVi = {
  title: 'Đang phục vụ',
  counter: 'Quầy {counter}',
  free: 'Chưa gọi số',
  called: 'Mời đến quầy',
  serving: 'Đang phục vụ',
  recent: 'Số vừa gọi',
  noCalls: 'Chưa gọi số nào',
  connecting: 'Đang kết nối…',
  offline: 'Mất kết nối với máy chủ, đang thử lại…',
  enableSound: 'Bật âm thanh',
  announce: 'Xin mời số {number} đến quầy số {counter}',
};

/**
 * The keys of the board's strings.
 *
 * @useDeclaredType
 */
export type QueueBoardStringKey = keyof typeof queueBoardStringsVi;

/** The board's strings in Vietnamese and English; `{number}` and `{counter}` are filled in. */
export const queueBoardStrings: StringTable<QueueBoardStringKey> = {
  vi: queueBoardStringsVi,
  en: {
    title: 'Now serving',
    counter: 'Counter {counter}',
    free: 'No number called',
    called: 'Please come to the counter',
    serving: 'Being served',
    recent: 'Recent calls',
    noCalls: 'No number called yet',
    connecting: 'Connecting…',
    offline: 'Connection to the server lost, retrying…',
    enableSound: 'Enable sound',
    announce: 'Ticket {number}, please go to counter {counter}',
  },
};
