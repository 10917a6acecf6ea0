import type { OnlineLevel, ProcedureLevel } from '@motcua/core/catalogue';
import type { StringTable } from '../internal/i18n.js';
import type { ProcedureListDetailKey } from './detail-strings.js';

export type { ProcedureListDetailKey } from './detail-strings.js';

/** The keys of `<motcua-procedure-list>`'s strings, each overridable through `strings`. */
export type ProcedureListKey = ProcedureListListKey | ProcedureListDetailKey;

const listVi = {
  loading: 'Đang tải danh mục thủ tục hành chính…',
  loadFailed: 'Không tải được danh mục thủ tục hành chính. Kiểm tra kết nối mạng rồi thử lại.',
  partFailed: 'Không tải được phần này của trang. Kiểm tra kết nối mạng rồi thử lại.',
  retry: 'Thử lại',
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
  printFailed: 'Không tải được bản in. Kiểm tra kết nối mạng rồi bấm in lại.',
  back: 'Quay lại danh sách',
  levelProvince: 'Cấp tỉnh',
  levelDistrict: 'Cấp huyện',
  levelCommune: 'Cấp xã',
  onlineFull: 'Toàn trình',
  onlinePartial: 'Một phần',
  onlineNone: 'Không trực tuyến',
  flagImmediate: 'Giải quyết ngay',
};

/**
 * The keys of the strings `<motcua-procedure-list>` shows before a procedure is opened or the list printed.
 *
 * @useDeclaredType
 */
export type ProcedureListListKey = keyof typeof listVi;

/**
 * Vietnamese (default) and English strings of `<motcua-procedure-list>` before a procedure is opened or the list
 * printed (those of the detail and print views are in detail-strings.ts); override any through `strings`.
 */
export const procedureListStrings: StringTable<ProcedureListListKey> = {
  vi: listVi,
  en: {
    loading: 'Loading the list of administrative procedures…',
    loadFailed:
      'The list of administrative procedures could not be loaded. Check the network connection and try again.',
    partFailed: 'This part of the page could not be loaded. Check the network connection and try again.',
    retry: 'Try again',
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
    printFailed: 'The print view could not be loaded. Check the network connection and print again.',
    back: 'Back to the list',
    levelProvince: 'Province',
    levelDistrict: 'District',
    levelCommune: 'Commune',
    onlineFull: 'Fully online',
    onlinePartial: 'Partly online',
    onlineNone: 'Not online',
    flagImmediate: 'Resolved on the spot',
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
