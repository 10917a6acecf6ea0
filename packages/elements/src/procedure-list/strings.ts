import type { OnlineLevel, ProcedureLevel } from '@motcua/core/catalogue';
import type { StringTable } from '../internal/i18n.js';

/** The keys of `<motcua-procedure-list>`'s strings. */
export type ProcedureListKey =
  | 'loading'
  | 'loadFailed'
  | 'invalid'
  | 'invalidDetail'
  | 'searchLabel'
  | 'searchHint'
  | 'filtersLabel'
  | 'field'
  | 'allFields'
  | 'level'
  | 'allLevels'
  | 'online'
  | 'allOnline'
  | 'immediateOnly'
  | 'countAll'
  | 'countFound'
  | 'none'
  | 'showMore'
  | 'shown'
  | 'resultsLabel'
  | 'print'
  | 'back'
  | 'number'
  | 'name'
  | 'code'
  | 'agency'
  | 'applicants'
  | 'timeLimits'
  | 'channel'
  | 'timeLimit'
  | 'fees'
  | 'statutory'
  | 'reduced'
  | 'whenAdded'
  | 'free'
  | 'unstated'
  | 'documents'
  | 'copies'
  | 'optional'
  | 'template'
  | 'steps'
  | 'eligibility'
  | 'result'
  | 'legalBasis'
  | 'articles'
  | 'fileOnline'
  | 'qrLabel'
  | 'qrCaption'
  | 'unconfirmed'
  | 'source'
  | 'levelProvince'
  | 'levelDistrict'
  | 'levelCommune'
  | 'channelInPerson'
  | 'channelOnline'
  | 'channelPostal'
  | 'onlineFull'
  | 'onlinePartial'
  | 'onlineNone'
  | 'formOriginal'
  | 'formCopy'
  | 'formCertifiedCopy'
  | 'formOriginalOrCopy'
  | 'flagImmediate'
  | 'flagBoundaryFree'
  | 'flagFourOnSite'
  | 'printTitle'
  | 'printVersion'
  | 'printScan'
  | 'printFrameTitle';

/** Vietnamese (default) and English strings of `<motcua-procedure-list>`; override any through `strings`. */
export const procedureListStrings: StringTable<ProcedureListKey> = {
  vi: {
    loading: 'Đang tải danh mục thủ tục hành chính…',
    loadFailed: 'Không tải được danh mục thủ tục hành chính ({reason}). Vui lòng thử lại sau.',
    invalid: 'Danh mục thủ tục hành chính có lỗi nên chưa hiển thị được.',
    invalidDetail: '{count} lỗi; chi tiết ở console của trình duyệt. Một số lỗi đầu tiên:',
    searchLabel: 'Tìm thủ tục',
    searchHint: 'Gõ tên, mã thủ tục hoặc lĩnh vực, có dấu hoặc không dấu.',
    filtersLabel: 'Lọc danh sách thủ tục',
    field: 'Lĩnh vực',
    allFields: 'Tất cả lĩnh vực',
    level: 'Cấp thực hiện',
    allLevels: 'Tất cả các cấp',
    online: 'Dịch vụ công trực tuyến',
    allOnline: 'Tất cả',
    immediateOnly: 'Chỉ thủ tục giải quyết ngay',
    countAll: 'Có {count} thủ tục.',
    countFound: 'Tìm thấy {count} thủ tục.',
    none: 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.',
    showMore: 'Xem thêm {count} thủ tục',
    shown: 'Đang hiện {shown} trên {count} thủ tục.',
    resultsLabel: 'Danh sách thủ tục',
    print: 'In danh mục niêm yết',
    back: 'Quay lại danh sách',
    number: 'STT',
    name: 'Tên thủ tục (lĩnh vực)',
    code: 'Mã thủ tục',
    agency: 'Cơ quan thực hiện',
    applicants: 'Đối tượng thực hiện',
    timeLimits: 'Cách thức thực hiện, thời hạn và phí',
    channel: 'Cách thức',
    timeLimit: 'Thời hạn giải quyết',
    fees: 'Phí, lệ phí',
    statutory: 'Theo quy định: {time}',
    reduced: 'Đã cắt giảm còn: {time}',
    whenAdded: '{when}: thêm {time}',
    free: 'Không thu phí, lệ phí',
    unstated: 'Chưa công bố',
    documents: 'Thành phần hồ sơ',
    copies: '{count} bản',
    optional: 'nếu có',
    template: 'Tải mẫu',
    steps: 'Trình tự thực hiện',
    eligibility: 'Yêu cầu, điều kiện',
    result: 'Kết quả thực hiện',
    legalBasis: 'Căn cứ pháp lý',
    articles: 'điều {articles}',
    fileOnline: 'Nộp hồ sơ trực tuyến',
    qrLabel: 'Mã QR dẫn đến thủ tục {name}',
    qrCaption: 'Quét mã để mở thủ tục này trên điện thoại',
    unconfirmed: 'Thông tin cần xác nhận lại tại Bộ phận Một cửa: {fields}.',
    source: 'Nguồn',
    levelProvince: 'Cấp tỉnh',
    levelDistrict: 'Cấp huyện',
    levelCommune: 'Cấp xã',
    channelInPerson: 'Trực tiếp',
    channelOnline: 'Trực tuyến',
    channelPostal: 'Qua dịch vụ bưu chính',
    onlineFull: 'Toàn trình',
    onlinePartial: 'Một phần',
    onlineNone: 'Không trực tuyến',
    formOriginal: 'bản chính',
    formCopy: 'bản sao',
    formCertifiedCopy: 'bản sao có chứng thực',
    formOriginalOrCopy: 'bản chính hoặc bản sao',
    flagImmediate: 'Giải quyết ngay',
    flagBoundaryFree: 'Không phụ thuộc địa giới hành chính',
    flagFourOnSite: '4 tại chỗ',
    printTitle: 'Danh mục thủ tục hành chính — {agency}',
    printVersion: 'Phiên bản {version}. Quét mã QR để xem chi tiết từng thủ tục.',
    printScan: 'Quét mã QR',
    printFrameTitle: 'Bản in danh mục thủ tục',
  },
  en: {
    loading: 'Loading the list of administrative procedures…',
    loadFailed: 'The list of administrative procedures could not be loaded ({reason}). Please try again later.',
    invalid: 'The list of administrative procedures has errors and cannot be shown yet.',
    invalidDetail: '{count} problems; details in the browser console. The first ones:',
    searchLabel: 'Search procedures',
    searchHint: 'Type a name, a procedure code or a field, with or without Vietnamese accents.',
    filtersLabel: 'Filter the procedures',
    field: 'Field',
    allFields: 'All fields',
    level: 'Level',
    allLevels: 'All levels',
    online: 'Online service',
    allOnline: 'Any',
    immediateOnly: 'Only procedures resolved on the spot',
    countAll: '{count} procedures.',
    countFound: '{count} procedures found.',
    none: 'No procedure matches. Try other words or fewer filters.',
    showMore: 'Show {count} more',
    shown: 'Showing {shown} of {count} procedures.',
    resultsLabel: 'Procedures',
    print: 'Print the noticeboard listing',
    back: 'Back to the list',
    number: 'No.',
    name: 'Procedure (field)',
    code: 'Code',
    agency: 'Agency',
    applicants: 'Who may apply',
    timeLimits: 'How to apply, time limits and fees',
    channel: 'Channel',
    timeLimit: 'Time limit',
    fees: 'Fees',
    statutory: 'By law: {time}',
    reduced: 'Reduced to: {time}',
    whenAdded: '{when}: {time} more',
    free: 'Free of charge',
    unstated: 'Not published',
    documents: 'Documents',
    copies: '{count} copies',
    optional: 'when applicable',
    template: 'Download the form',
    steps: 'Steps',
    eligibility: 'Requirements',
    result: 'Result',
    legalBasis: 'Legal basis',
    articles: 'art. {articles}',
    fileOnline: 'Apply online',
    qrLabel: 'QR code linking to the procedure {name}',
    qrCaption: 'Scan to open this procedure on a phone',
    unconfirmed: 'To be confirmed at the one-stop shop: {fields}.',
    source: 'Source',
    levelProvince: 'Province',
    levelDistrict: 'District',
    levelCommune: 'Commune',
    channelInPerson: 'In person',
    channelOnline: 'Online',
    channelPostal: 'By post',
    onlineFull: 'Fully online',
    onlinePartial: 'Partly online',
    onlineNone: 'Not online',
    formOriginal: 'original',
    formCopy: 'copy',
    formCertifiedCopy: 'certified copy',
    formOriginalOrCopy: 'original or copy',
    flagImmediate: 'Resolved on the spot',
    flagBoundaryFree: 'Accepted anywhere in the province',
    flagFourOnSite: 'Four steps on the spot',
    printTitle: 'Administrative procedures — {agency}',
    printVersion: 'Version {version}. Scan a QR code for the details of a procedure.',
    printScan: 'Scan the QR code',
    printFrameTitle: 'Printable list of procedures',
  },
};

/** The string of each level a procedure is carried out at. */
export const LEVEL_KEYS: Readonly<Record<ProcedureLevel, ProcedureListKey>> = {
  province: 'levelProvince',
  district: 'levelDistrict',
  commune: 'levelCommune',
};

/** The string of each online service level. */
export const ONLINE_KEYS: Readonly<Record<OnlineLevel, ProcedureListKey>> = {
  full: 'onlineFull',
  partial: 'onlinePartial',
  none: 'onlineNone',
};
