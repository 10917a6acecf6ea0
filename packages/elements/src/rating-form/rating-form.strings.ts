// The rating form's strings: the keys of all of them, and the table of those it paints with; the others load with
// the sending code (`messages.ts`).
import type { StringTable } from '../internal/i18n.js';
import type { MessageStringKey } from './messages.js';

export type { MessageStringKey } from './messages.js';

/**
 * The keys of the element's strings, for overrides through `strings` or `configure`.
 *
 * @useDeclaredType
 */
export type RatingFormStringKey = FormStringKey | MessageStringKey;

const formVi = {
  required: '(bắt buộc)',
  optional: '(không bắt buộc)',
  submit: 'Gửi đánh giá',
  errorChoose: 'Vui lòng chọn một mức.',
  errorRequired: 'Vui lòng trả lời câu hỏi này.',
  errorReason: 'Vui lòng cho biết lý do không hài lòng.',
  errorCount: 'Có {count} chỗ cần sửa trước khi gửi.',
  errorSend: 'Chưa gửi được đánh giá. Vui lòng thử lại.',
  unavailable: 'Không tải được phiếu đánh giá. Vui lòng tải lại trang.',
  missingToken: 'Liên kết thiếu mã đánh giá. Vui lòng quét mã QR trên phiếu hẹn hoặc hỏi tại quầy.',
  honeypot: 'Để trống ô này',
};

/**
 * The keys of the strings the form ships with.
 *
 * @useDeclaredType
 */
export type FormStringKey = keyof typeof formVi;

/** The strings the form paints with, in Vietnamese and English; the others arrive with the sending code. */
export const ratingFormStrings: StringTable<FormStringKey> = {
  vi: formVi,
  en: {
    required: '(required)',
    optional: '(optional)',
    submit: 'Send rating',
    errorChoose: 'Please choose one.',
    errorRequired: 'Please answer this question.',
    errorReason: 'Please tell us why you were not satisfied.',
    errorCount: 'There are {count} things to fix before sending.',
    errorSend: 'Your rating could not be sent. Please try again.',
    unavailable: 'The rating form could not be loaded. Please reload the page.',
    missingToken: 'This link has no rating code. Please scan the QR code on your receipt or ask at the counter.',
    honeypot: 'Leave this field empty',
  },
};
