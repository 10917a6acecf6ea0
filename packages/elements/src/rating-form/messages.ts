import type { StringTable } from '../internal/i18n.js';

const messagesVi = {
  privacyHint: 'Vui lòng không ghi họ tên, số điện thoại, số căn cước hay địa chỉ.',
  willMask: 'Số điện thoại, số căn cước và địa chỉ email sẽ được che đi khi gửi.',
  sending: 'Đang gửi đánh giá…',
  errorTooLong: 'Vui lòng viết tối đa {max} ký tự.',
  errorRateLimited: 'Có quá nhiều lượt gửi từ thiết bị này. Vui lòng thử lại sau ít phút.',
  errorNotSaved: 'Không có kết nối mạng và không lưu được đánh giá trên thiết bị này. Vui lòng thử lại khi có mạng.',
  thanksTitle: 'Cảm ơn ông/bà đã đánh giá',
  thanksBody: 'Ý kiến của ông/bà giúp Bộ phận Một cửa phục vụ tốt hơn.',
  queuedTitle: 'Đánh giá đã được lưu',
  queuedBody:
    'Hiện chưa gửi được vì mất kết nối. Đánh giá đã được lưu trên thiết bị này và sẽ tự động gửi khi có mạng; ông/bà không cần đánh giá lại.',
  queuedInMemoryBody:
    'Hiện chưa gửi được vì mất kết nối. Trình duyệt này không cho lưu lâu dài (có thể đang ở chế độ ẩn danh), nên đánh giá chỉ được giữ khi trang còn mở: vui lòng để trang mở đến khi có mạng, đánh giá sẽ tự động gửi.',
  alreadyTitle: 'Lượt giao dịch này đã được đánh giá',
  alreadyBody: 'Mỗi lượt giao dịch chỉ đánh giá một lần. Cảm ơn ông/bà.',
  expiredTitle: 'Đường dẫn đánh giá đã hết hạn',
  expiredBody:
    'Đường dẫn này đã hết hạn hoặc không hợp lệ. Ông/bà có thể đánh giá bằng mã QR hoặc máy tính bảng tại quầy.',
};

/**
 * The strings shown only once the citizen has answered or sent: they load with the sending code.
 *
 * @useDeclaredType
 */
export type MessageStringKey = keyof typeof messagesVi;

/**
 * The strings of `<motcua-rating-form>` shown only after the citizen has answered or sent (sending, thanks, saved
 * offline, already rated, expired link, and errors only the server or core's full check report), in Vietnamese and
 * English. They arrive with the sending code, so the first paint does not carry them; overrides through `strings` or
 * `configure` work as for the others.
 */
export const messageStrings: StringTable<MessageStringKey> = {
  vi: messagesVi,
  en: {
    privacyHint: 'Please do not include your name, phone number, ID number or address.',
    willMask: 'Phone numbers, ID numbers and e-mail addresses will be masked when sent.',
    sending: 'Sending your rating…',
    errorTooLong: 'Please write at most {max} characters.',
    errorRateLimited: 'Too many ratings from this device. Please try again in a few minutes.',
    errorNotSaved: 'There is no connection and your rating could not be saved on this device. Please try again online.',
    thanksTitle: 'Thank you for your rating',
    thanksBody: 'Your view helps the one-stop shop serve people better.',
    queuedTitle: 'Your rating is saved',
    queuedBody:
      'It could not be sent yet because there is no connection. It is saved on this device and will be sent automatically when you are back online; there is no need to rate again.',
    queuedInMemoryBody:
      'It could not be sent yet because there is no connection. This browser does not allow saving it for later (it may be a private window), so it is kept only while this page is open: please leave the page open until you are back online, and it will be sent automatically.',
    alreadyTitle: 'This service has already been rated',
    alreadyBody: 'Each transaction can be rated once. Thank you.',
    expiredTitle: 'This rating link has expired',
    expiredBody:
      'The link has expired or is not valid. You can still rate the service with the QR code or the tablet at the counter.',
  },
};
