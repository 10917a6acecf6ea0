// The strings of the parts of <motcua-office-admin> that load after its first paint (the history, the rating and
// points split sections, the calendar preview), in Vietnamese and English; their keys are the Vietnamese tables'.
// The first paint imports only their key types.

import type { StringTable } from '../internal/i18n.js';

const settingsSectionsVi = {
  rating: 'Bộ câu hỏi đánh giá',
  ratingHint: 'Bộ câu hỏi dùng khi người dân đánh giá; phiên bản đang có hiệu lực trong ngày được dùng.',
  ratingCounter: 'Máy tính bảng tại quầy',
  ratingQr: 'Biểu mẫu quét mã QR',
  'instrument-vn-one-stop-rating': 'Đánh giá tại bộ phận một cửa',
  'instrument-vn-dossier-evaluation': 'Đánh giá giải quyết hồ sơ (Nghị định 61/118)',
  'instrument-vn-sipas': 'Khảo sát hài lòng (SIPAS)',
  'instrument-csat': 'Mức hài lòng (CSAT)',
  'instrument-nps': 'Mức sẵn lòng giới thiệu (NPS)',
  'instrument-ces': 'Mức dễ dàng (CES)',
  scorecard: 'Chia điểm Bộ chỉ số 766',
  scorecardHint:
    'Nhập cách chia điểm tỉnh đã giao cho các chỉ số máy chủ đo được nhưng chưa có điểm tối đa được xác nhận. Chỉ số 1.2 (4 điểm) và 5.4 (6 điểm) đã cố định, không cần nhập. Để trống một chỉ số: chỉ số đó chỉ hiện là tạm tính.',
  'indicator-2.1': '2.1 — Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn',
  'indicator-3.3': '3.3 — Tỷ lệ hồ sơ nộp trực tuyến',
  maxPoints: 'Điểm tối đa',
  target: 'Tỷ lệ đạt điểm tối đa (%)',
  targetDefault: 'Để trống: 50 %',
};

/**
 * The keys of the table below.
 *
 * @useDeclaredType
 */
export type SettingsSectionsStringKey = keyof typeof settingsSectionsVi;

/** The sections' strings in Vietnamese and English; each can be overridden like the element's own. */
export const settingsSectionsStrings: StringTable<SettingsSectionsStringKey> = {
  vi: settingsSectionsVi,
  en: {
    rating: 'Rating instruments',
    ratingHint: 'The questions people answer when they rate; the version in force on the day is used.',
    ratingCounter: 'Counter tablets',
    ratingQr: 'QR form',
    'instrument-vn-one-stop-rating': 'One-stop shop rating',
    'instrument-vn-dossier-evaluation': 'Dossier evaluation (Decrees 61/118)',
    'instrument-vn-sipas': 'Satisfaction survey (SIPAS)',
    'instrument-csat': 'Satisfaction (CSAT)',
    'instrument-nps': 'Would recommend (NPS)',
    'instrument-ces': 'Ease (CES)',
    scorecard: 'Decision 766 points split',
    scorecardHint:
      'Enter the split the province gave for the indicators the server measures whose full points are not confirmed. Indicators 1.2 (4 points) and 5.4 (6 points) are fixed and need nothing. Leave an indicator empty and it shows as provisional.',
    'indicator-2.1': '2.1 — Share of dossiers resolved early or on time',
    'indicator-3.3': '3.3 — Share of dossiers filed online',
    maxPoints: 'Full points',
    target: 'Share earning full points (%)',
    targetDefault: 'Empty: 50 %',
  },
};

const calendarPreviewVi = {
  previewDays: 'Các ngày thay đổi',
  previewNoDays: 'Không ngày nào thay đổi.',
  previewDossiers: 'Hồ sơ đang giải quyết có ngày hẹn khác ({open} hồ sơ đã xét)',
  previewNoDossiers: 'Không hồ sơ nào có ngày hẹn khác ({open} hồ sơ đã xét).',
  working: 'làm việc',
  dayOff: 'nghỉ',
  dueChange: 'hẹn {due}, tính lại {recounted}',
};

/**
 * The keys of the table below.
 *
 * @useDeclaredType
 */
export type CalendarPreviewStringKey = keyof typeof calendarPreviewVi;

/** The calendar preview's strings in Vietnamese and English; each can be overridden like the element's own. */
export const calendarPreviewStrings: StringTable<CalendarPreviewStringKey> = {
  vi: calendarPreviewVi,
  en: {
    previewDays: 'Days that change',
    previewNoDays: 'No day changes.',
    previewDossiers: 'Open dossiers whose due date differs ({open} looked at)',
    previewNoDossiers: 'No open dossier gets another due date ({open} looked at).',
    working: 'working',
    dayOff: 'off',
    dueChange: 'due {due}, recounted {recounted}',
  },
};

const adminHistoryVi = {
  catalogue: 'Danh mục thủ tục',
  catalogueHint:
    'Chọn tệp danh mục (CSV của tỉnh hoặc JSON) hoặc dán nội dung, rồi kiểm tra: mọi lỗi được chỉ rõ dòng, cột hoặc đường dẫn JSON, và các thay đổi so với danh mục đang công bố được liệt kê trước khi công bố. Hồ sơ đã tiếp nhận giữ nguyên thời hạn và ngày hẹn.',
  catalogueFile: 'Tệp danh mục (CSV hoặc JSON)',
  cataloguePaste: 'Hoặc dán nội dung danh mục',
  catalogueCheck: 'Kiểm tra danh mục',
  catalogueEmpty: 'Hãy chọn tệp hoặc dán nội dung danh mục trước.',
  catalogueProblems: 'Danh mục có lỗi, chưa công bố được. Sửa các chỗ sau rồi kiểm tra lại:',
  catalogueWarnings: 'Lưu ý (giữ nguyên dạng chữ):',
  catalogueValid: 'Danh mục hợp lệ. Thay đổi so với danh mục đang công bố (phiên bản {version}):',
  catalogueValidFirst: 'Danh mục hợp lệ. Chưa công bố phiên bản nào; thay đổi so với danh mục của tệp cấu hình:',
  catalogueAdded: 'Thủ tục thêm mới ({count})',
  catalogueRemoved: 'Thủ tục bãi bỏ ({count})',
  catalogueChanged: 'Thủ tục thay đổi ({count})',
  catalogueUnchanged: '{count} thủ tục không đổi.',
  catalogueNoChange: 'Không có thay đổi nào so với danh mục đang công bố.',
  publish: 'Công bố danh mục',
  published: 'Đã công bố danh mục phiên bản {version}.',
  publishStale:
    'Trong lúc bạn xem, một quản trị viên khác đã công bố danh mục (phiên bản {version}). Chưa công bố gì: danh mục của bạn đã được kiểm tra lại với danh mục mới, hãy xem lại các thay đổi rồi công bố.',
  catalogueVersions: 'Các phiên bản danh mục đã công bố',
  catalogueVersionLine: 'Phiên bản {version} ({catalogueVersion}, {procedures} thủ tục), {who}, {at}',
  catalogueRolledBack: 'Đã công bố lại danh mục phiên bản {from} thành phiên bản {version}.',
  settingsVersions: 'Lịch sử cài đặt',
  settingsVersionLine: 'Phiên bản {version}: {change}, {who}, {at}',
  settingsRolledBack: 'Đã quay lại cài đặt phiên bản {from}: phiên bản mới {version}.',
  rollbackOfNote: '(quay lại phiên bản {version})',
  current: '(đang áp dụng)',
  rollBack: 'Quay lại',
  rollBackLabel: 'Quay lại phiên bản {version}',
  confirmRollback:
    'Quay lại phiên bản {version}? Một phiên bản mới có nội dung của phiên bản {version} sẽ được áp dụng ngay.',
  confirm: 'Đồng ý quay lại',
  cancel: 'Huỷ',
  historyStale: 'Người khác vừa thay đổi (phiên bản {version}). Danh sách đã được tải lại; hãy chọn lại.',
  noVersions: 'Chưa có phiên bản nào.',
  historyFailed: 'Không tải được lịch sử phiên bản.',
  byConfiguration: 'tệp cấu hình',
  byUnknown: 'không rõ',
  absent: '(không có)',
  'change-bootstrap': 'Cài đặt ban đầu từ tệp cấu hình',
  'change-import': 'Nhập từ tệp cấu hình',
  'change-rollback': 'Quay lại phiên bản cũ',
  'change-no-appointment': 'Ngày không hẹn',
  'change-calendar': 'Lịch làm việc',
  'change-queue': 'Hàng chờ',
  'change-rating': 'Đánh giá',
  'change-scorecard': 'Chia điểm Bộ chỉ số 766',
  'field-name': 'Tên thủ tục',
  'field-field': 'Lĩnh vực',
  'field-statutoryTime': 'Thời hạn giải quyết',
  'field-reducedTime': 'Thời hạn cắt giảm',
  'field-channels': 'Cách nộp',
  'field-fees': 'Phí, lệ phí',
  'field-feeNote': 'Ghi chú phí',
  'field-documents': 'Thành phần hồ sơ',
  'field-other': 'Nội dung khác',
  ...settingsSectionsStrings.vi,
};

/**
 * The keys of the table below.
 *
 * @useDeclaredType
 */
export type AdminHistoryStringKey = keyof typeof adminHistoryVi;

/** The history sections' strings (with the rating and points split sections') in Vietnamese and English; each can be overridden like the element's own. */
export const adminHistoryStrings: StringTable<AdminHistoryStringKey> = {
  vi: adminHistoryVi,
  en: {
    catalogue: 'Procedure catalogue',
    catalogueHint:
      'Pick a catalogue file (a province’s CSV or JSON) or paste its text, then check it: every problem is shown with its row, column or JSON path, and the changes against the published catalogue are listed before anything is published. Dossiers already received keep their time limit and due date.',
    catalogueFile: 'Catalogue file (CSV or JSON)',
    cataloguePaste: 'Or paste the catalogue',
    catalogueCheck: 'Check the catalogue',
    catalogueEmpty: 'Pick a file or paste the catalogue first.',
    catalogueProblems: 'The catalogue has problems and cannot be published. Fix these and check again:',
    catalogueWarnings: 'Notes (kept as text):',
    catalogueValid: 'The catalogue is valid. Changes against the published catalogue (version {version}):',
    catalogueValidFirst:
      'The catalogue is valid. None published yet; changes against the configuration file’s catalogue:',
    catalogueAdded: 'Procedures added ({count})',
    catalogueRemoved: 'Procedures withdrawn ({count})',
    catalogueChanged: 'Procedures changed ({count})',
    catalogueUnchanged: '{count} procedures unchanged.',
    catalogueNoChange: 'Nothing differs from the published catalogue.',
    publish: 'Publish the catalogue',
    published: 'Catalogue version {version} published.',
    publishStale:
      'While you were looking, another admin published the catalogue (version {version}). Nothing was published: your catalogue was checked again against the new one; review the changes, then publish.',
    catalogueVersions: 'Published catalogue versions',
    catalogueVersionLine: 'Version {version} ({catalogueVersion}, {procedures} procedures), {who}, {at}',
    catalogueRolledBack: 'Catalogue version {from} published again as version {version}.',
    settingsVersions: 'Settings history',
    settingsVersionLine: 'Version {version}: {change}, {who}, {at}',
    settingsRolledBack: 'Settings back to version {from}: new version {version}.',
    rollbackOfNote: '(back to version {version})',
    current: '(in force)',
    rollBack: 'Roll back',
    rollBackLabel: 'Roll back to version {version}',
    confirmRollback:
      'Roll back to version {version}? A new version with the content of version {version} applies at once.',
    confirm: 'Yes, roll back',
    cancel: 'Cancel',
    historyStale: 'Someone else just made a change (version {version}). The list was reloaded; choose again.',
    noVersions: 'No version yet.',
    historyFailed: 'The version history could not be loaded.',
    byConfiguration: 'the configuration file',
    byUnknown: 'unknown',
    absent: '(none)',
    'change-bootstrap': 'Initial settings from the configuration file',
    'change-import': 'Imported from the configuration file',
    'change-rollback': 'Rolled back to an earlier version',
    'change-no-appointment': 'No-appointment day',
    'change-calendar': 'Working calendar',
    'change-queue': 'Queue',
    'change-rating': 'Rating',
    'change-scorecard': 'Decision 766 points split',
    'field-name': 'Name',
    'field-field': 'Field',
    'field-statutoryTime': 'Time limit',
    'field-reducedTime': 'Reduced time limit',
    'field-channels': 'Channels',
    'field-fees': 'Fees',
    'field-feeNote': 'Fee note',
    'field-documents': 'Documents',
    'field-other': 'Other content',
    ...settingsSectionsStrings.en,
  },
};
