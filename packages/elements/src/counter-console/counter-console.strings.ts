import type { StringTable } from '../internal/i18n.js';
import type { DeskStringKey } from './desk.strings.js';
import type { IntakeStringKey } from './intake.strings.js';
import type { SessionStringKey } from './session.strings.js';

export type { DeskStringKey } from './desk.strings.js';
export type { IntakeStringKey } from './intake.strings.js';
export type { SessionStringKey } from './session.strings.js';

/** The Vietnamese strings (the default); their keys are the string keys. */
const counterConsoleStringsVi = {
  heading: 'Quầy {counter}',
  notConfigured: 'Chưa cấu hình quầy: cần thuộc tính counter.',
  nowServing: 'Số đang phục vụ',
  noTicket: 'Chưa gọi số nào',
  service: 'Dịch vụ: {service}',
  'status-called': 'Đã gọi (lần {calls})',
  'status-serving': 'Đang phục vụ',
  'status-done': 'Đã xong',
  'status-no-show': 'Vắng mặt',
  'status-transferred': 'Đã chuyển dịch vụ',
  'status-issued': 'Đang chờ',
  'status-cancelled': 'Đã hủy',
  actions: 'Gọi số',
  next: 'Gọi số tiếp theo',
  recall: 'Gọi lại',
  skip: 'Vắng mặt',
  done: 'Xong',
  transfer: 'Chuyển',
  transferTo: 'Chuyển sang dịch vụ',
  chooseService: '— Chọn dịch vụ —',
  sending: 'Đang gửi…',
  called: 'Đã gọi số {number}',
  queueEmpty: 'Không còn ai đang chờ',
  recalled: 'Đã gọi lại số {number}',
  skipped: 'Số {number} vắng mặt',
  finished: 'Đã phục vụ xong số {number}',
  transferred: 'Đã chuyển số {from} sang {service}: số mới {number}',
  transferredKeep: 'Đã chuyển số {from} sang {service}',
  needService: 'Hãy chọn dịch vụ để chuyển',
  network: 'Không kết nối được máy chủ. Bấm lại để thử lại; yêu cầu sẽ không bị thực hiện hai lần.',
  unauthorized: 'Mã truy cập của quầy không hợp lệ',
  refused: 'Máy chủ từ chối yêu cầu (mã {status})',
  servicesFailed: 'Không tải được danh sách dịch vụ để chuyển',
  restoreFailed: 'Không tải được số đang phục vụ',
  intake: 'Tiếp nhận hồ sơ',
  intakeLoading: 'Đang tải biểu mẫu tiếp nhận hồ sơ…',
  intakeFailed: 'Không tải được biểu mẫu tiếp nhận hồ sơ. Bấm lại để thử lại.',
};

/**
 * The keys of the console's own strings (the intake form's arrive with it: {@link IntakeStringKey}).
 *
 * @useDeclaredType
 */
export type ConsoleStringKey = keyof typeof counterConsoleStringsVi;

/**
 * The console's strings in Vietnamese and English. `{key}` placeholders: `counter`, `number`, `service`, `from`,
 * `calls`, `status`.
 */
export const counterConsoleStrings: StringTable<ConsoleStringKey> = {
  vi: counterConsoleStringsVi,
  en: {
    heading: 'Counter {counter}',
    notConfigured: 'The console is not set up: it needs the counter attribute.',
    nowServing: 'Now serving',
    noTicket: 'No ticket called yet',
    service: 'Service: {service}',
    'status-called': 'Called (call {calls})',
    'status-serving': 'Being served',
    'status-done': 'Done',
    'status-no-show': 'No-show',
    'status-transferred': 'Transferred',
    'status-issued': 'Waiting',
    'status-cancelled': 'Cancelled',
    actions: 'Calling',
    next: 'Call next',
    recall: 'Recall',
    skip: 'No-show',
    done: 'Done',
    transfer: 'Transfer',
    transferTo: 'Transfer to service',
    chooseService: '— Choose a service —',
    sending: 'Sending…',
    called: 'Called ticket {number}',
    queueEmpty: 'Nobody is waiting',
    recalled: 'Recalled ticket {number}',
    skipped: 'Ticket {number} marked as no-show',
    finished: 'Finished serving ticket {number}',
    transferred: 'Transferred ticket {from} to {service}: new ticket {number}',
    transferredKeep: 'Transferred ticket {from} to {service}',
    needService: 'Choose the service to transfer to',
    network: 'The server cannot be reached. Press again to retry; the request will not be carried out twice.',
    unauthorized: 'The counter’s access token is not valid',
    refused: 'The server refused the request (status {status})',
    servicesFailed: 'The services to transfer to could not be loaded',
    restoreFailed: 'The ticket being served could not be loaded',
    intake: 'Receive a dossier',
    intakeLoading: 'Loading the dossier intake form…',
    intakeFailed: 'The dossier intake form could not be loaded. Press again to retry.',
  },
};

/** Every key of the console's strings, the intake form's, receipt slip's, sign-in's and desk's included. */
export type CounterConsoleStringKey = ConsoleStringKey | IntakeStringKey | SessionStringKey | DeskStringKey;
