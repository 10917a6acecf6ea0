/**
 * Where a citizen asked to be told of their dossier's status changes (Decree 224/2026 art. 15(1)(g)), given at
 * intake only when they want notifications (consent): an email address, a phone number (SMS or Zalo ZNS through
 * the office's gateway), or both, and the language of the messages (Vietnamese by default). Nothing here is printed
 * on the receipt slip; the service keeps it only for the notifications.
 *
 * @example
 * ```ts
 * const notify: DossierNotificationContact = { email: 'an@example.vn', phone: '0905000000', language: 'vi' };
 * ```
 */
export interface DossierNotificationContact {
  /** Told by email. */
  readonly email?: string;
  /** Told by SMS or Zalo ZNS (whichever gateway the office configured). */
  readonly phone?: string;
  /** The language of the messages: `vi` (default) or `en`. */
  readonly language?: 'vi' | 'en';
}

/**
 * One status notice of a dossier (Decree 224/2026 art. 15(1)(g)): what a webhook receives as its JSON body, and what
 * the email and gateway messages are written from. It names the agency and the person handling the dossier, the
 * times of receipt, of this processing step and of the result (the due date while there is none), the dossier code
 * and its new status — never the lookup PIN nor the applicant's name or contact.
 *
 * @example
 * ```ts
 * const notice: DossierStatusNotice = await request.json();
 * notice.dossier.statusName.vi; // 'Đã xử lý xong'
 * ```
 */
export interface DossierStatusNotice {
  /** The stable key of this notification: a receiver drops a second delivery with the same id. */
  readonly id: string;
  readonly type: 'dossier.status-changed';
  /** The office (motcua's id). */
  readonly office: string;
  /** When the change was recorded, ISO 8601 in Vietnam time (`+07:00`). */
  readonly occurredAt: string;
  readonly dossier: {
    /** Mã số hồ sơ. */
    readonly code: string;
    readonly procedure: { readonly code: string; readonly name: string };
    /** The agency handling the dossier (cơ quan tiếp nhận, giải quyết). */
    readonly agency: string;
    /** The step recorded (`received` for the receipt). */
    readonly step: string;
    /** The status after it, and its name as the national portal words it. */
    readonly status: string;
    readonly statusName: { readonly vi: string; readonly en: string };
    /** The person who recorded this step (an officer's name, else the counter), and the counter. */
    readonly handledBy: { readonly name: string; readonly counter?: string };
    /** Times, ISO 8601 with `+07:00`: receipt, this processing step, the result once there is one, the due date. */
    readonly receivedAt: string;
    readonly processedAt: string;
    readonly resultAt?: string;
    readonly dueAt: string;
    /** The supplement request's or the stop's reason, when the step has one. */
    readonly reason?: string;
    /** The citizen's status page, when the office configured one. */
    readonly statusUrl?: string;
  };
}
