// The keys of the rating form's strings: the element's own and those that load with the sending code.

/** The keys of the element's strings, for overrides through `strings` or `configure`. */
export type RatingFormStringKey =
  | 'required'
  | 'optional'
  | 'privacyHint'
  | 'willMask'
  | 'submit'
  | 'sending'
  | 'errorChoose'
  | 'errorRequired'
  | 'errorReason'
  | 'errorTooLong'
  | 'errorCount'
  | 'errorSend'
  | 'errorRateLimited'
  | 'errorNotSaved'
  | 'thanksTitle'
  | 'thanksBody'
  | 'queuedTitle'
  | 'queuedBody'
  | 'queuedInMemoryBody'
  | 'alreadyTitle'
  | 'alreadyBody'
  | 'expiredTitle'
  | 'expiredBody'
  | 'unavailable'
  | 'missingToken'
  | 'honeypot';

/** The strings shown only once the citizen has answered or sent: they load with the sending code (`messages.ts`). */
export type MessageStringKey = Extract<
  RatingFormStringKey,
  | 'privacyHint'
  | 'willMask'
  | 'sending'
  | 'errorTooLong'
  | 'errorRateLimited'
  | 'errorNotSaved'
  | 'thanksTitle'
  | 'thanksBody'
  | 'queuedTitle'
  | 'queuedBody'
  | 'queuedInMemoryBody'
  | 'alreadyTitle'
  | 'alreadyBody'
  | 'expiredTitle'
  | 'expiredBody'
>;
