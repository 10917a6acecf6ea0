import type { StringTable } from '../internal/i18n.js';

/** The keys of the console's own strings (the intake form's arrive with it: {@link IntakeStringKey}). */
export type ConsoleStringKey =
  | 'heading'
  | 'notConfigured'
  | 'nowServing'
  | 'noTicket'
  | 'service'
  | 'status-called'
  | 'status-serving'
  | 'status-done'
  | 'status-no-show'
  | 'status-transferred'
  | 'status-issued'
  | 'status-cancelled'
  | 'actions'
  | 'next'
  | 'recall'
  | 'skip'
  | 'done'
  | 'transfer'
  | 'transferTo'
  | 'chooseService'
  | 'sending'
  | 'called'
  | 'queueEmpty'
  | 'recalled'
  | 'skipped'
  | 'finished'
  | 'transferred'
  | 'transferredKeep'
  | 'needService'
  | 'network'
  | 'unauthorized'
  | 'refused'
  | 'servicesFailed'
  | 'restoreFailed'
  | 'intake'
  | 'intakeLoading'
  | 'intakeFailed';

/**
 * The console's strings in Vietnamese and English. `{key}` placeholders: `counter`, `number`, `service`, `from`,
 * `calls`, `status`.
 */
export const counterConsoleStrings: StringTable<ConsoleStringKey> = {
  vi: {
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
  },
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

/** The keys of the intake form's and the receipt slip's strings. */
export type IntakeStringKey =
  | 'intakeHeading'
  | 'catalogueLoading'
  | 'catalogueFailed'
  | 'retry'
  | 'searchLabel'
  | 'searchHint'
  | 'results'
  | 'noResults'
  | 'procedure'
  | 'changeProcedure'
  | 'documents'
  | 'noDocuments'
  | 'acrossBoundary'
  | 'otherDocument'
  | 'otherForm'
  | 'addDocument'
  | 'form-original'
  | 'form-copy'
  | 'form-certified-copy'
  | 'copies'
  | 'applicant'
  | 'name'
  | 'address'
  | 'phone'
  | 'email'
  | 'delivery'
  | 'delivery-counter'
  | 'delivery-post'
  | 'delivery-online'
  | 'linkTicket'
  | 'noTicketLink'
  | 'receive'
  | 'receiving'
  | 'needProcedure'
  | 'needName'
  | 'needDocuments'
  | 'malformedAnswer'
  | 'received'
  | 'code'
  | 'pin'
  | 'dueAt'
  | 'ticket'
  | 'print'
  | 'finishAndPrint'
  | 'printing'
  | 'another'
  | 'printFrameTitle'
  | 'slipNation'
  | 'slipMotto'
  | 'slipCode'
  | 'slipApplicant'
  | 'slipAddress'
  | 'slipPhone'
  | 'slipEmail'
  | 'slipProcedure'
  | 'slipDocuments'
  | 'slipDocName'
  | 'slipDocForm'
  | 'slipDocCopies'
  | 'slipSets'
  | 'slipLimit'
  | 'slipReceivedAt'
  | 'slipDueAt'
  | 'slipDelivery'
  | 'slipLedger'
  | 'slipPin'
  | 'slipStatusQr'
  | 'slipRatingQr'
  | 'slipApplicantSign'
  | 'slipOfficerSign'
  | 'slipSignHint';

/** The keys of the strings of the officer's sign-in and counter choice (loaded with them: `session.ts`). */
export type SessionStringKey = 'chooseCounter' | 'counterOption' | 'changeCounter' | 'countersFailed';

/** The keys of the desk's strings (who waits, pause, a number out of turn, no-shows, the rating QR), in desk.ts. */
export type DeskStringKey =
  | 'shortcuts'
  | 'waiting'
  | 'waitingPriority'
  | 'deskFailed'
  | 'priorityMark'
  | 'pause'
  | 'pausedNote'
  | 'resumed'
  | 'callNumber'
  | 'callThis'
  | 'noShows'
  | 'readmit'
  | 'readmitted'
  | 'ratingQr'
  | 'ratingScan';

/** Every key of the console's strings, the intake form's, receipt slip's, sign-in's and desk's included. */
export type CounterConsoleStringKey = ConsoleStringKey | IntakeStringKey | SessionStringKey | DeskStringKey;
