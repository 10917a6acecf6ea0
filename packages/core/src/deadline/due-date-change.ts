/**
 * One open dossier whose printed due date differs from the one a calendar (the current one, or one about to be
 * saved) would give: what `GET /api/reports/due-date-changes` and the calendar preview of the office administration
 * list.
 *
 * @example
 * ```ts
 * const change: DueDateChange = {
 *   code: '000.00.00.H00-261207-0001',
 *   procedure: { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
 *   receivedAt: '2026-12-07T09:00:00+07:00',
 *   dueAt: '2026-12-10T17:00:00+07:00',
 *   recountedDueAt: '2026-12-11T17:00:00+07:00',
 * };
 * ```
 */
export interface DueDateChange {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly name: string };
  readonly receivedAt: string;
  /** The due date the dossier is measured against: the printed one, moved by its pauses (binding). */
  readonly dueAt: string;
  /** What counting again under the calendar and office hours would give, moved by the same pauses. */
  readonly recountedDueAt: string;
}
