import { type DossierClockOptions, receiptSlip, statusAfterSteps } from '@motcua/core/deadline';
import type { Database } from '../db/database.js';
import { hashPin } from './pin.js';
import { type DossierStep, insertDossier } from './store.js';

/**
 * The dossier the demo office serves, so that the example site's lookup page has something to show: a
 * permanent-residence registration received on Monday 9 November 2026, with a supplement pause, an extension with
 * its apology and a result ready. Its code and PIN are public, like the demo office's tokens.
 *
 * @example
 * ```ts
 * await fetch(`/api/dossiers/${DEMO_DOSSIER.code}`, { headers: { 'Dossier-Pin': DEMO_DOSSIER.pin } });
 * ```
 */
export const DEMO_DOSSIER = { code: '000.00.00.H00-261109-0001', pin: '246810' } as const;

const STEPS: readonly DossierStep[] = [
  { type: 'processing', at: '2026-11-09T09:00:00+07:00', counter: '1' },
  {
    type: 'supplement-requested',
    at: '2026-11-10T10:00:00+07:00',
    reason: 'Bổ sung giấy tờ chứng minh chỗ ở hợp pháp',
    counter: '1',
  },
  { type: 'supplement-completed', at: '2026-11-12T09:00:00+07:00', counter: '1' },
  {
    type: 'extended',
    at: '2026-11-16T10:00:00+07:00',
    dueAt: '2026-11-25T17:00:00+07:00',
    reason: 'Cần xác minh thông tin nơi cư trú',
    counter: '1',
  },
  { type: 'resolved', at: '2026-11-20T10:00:00+07:00', counter: '1' },
];

/**
 * Stores {@link DEMO_DOSSIER} for the demo office, once: a second call (or another instance) changes nothing.
 *
 * @example
 * ```ts
 * if (office.demo) await seedDemoDossier(db, 'demo', { calendar: vietnamCalendar() });
 * ```
 */
export async function seedDemoDossier(db: Database, office: string, clock: DossierClockOptions): Promise<void> {
  const [exists] = await db.query('select 1 from dossiers where code = $1', [DEMO_DOSSIER.code]);
  if (exists) return;
  const receivedAt = '2026-11-09T08:15:00+07:00';
  const limit = { value: 7, unit: 'working-days' } as const;
  const slip = receiptSlip(
    {
      code: DEMO_DOSSIER.code,
      agency: 'UBND xã Mẫu (trình diễn)',
      applicant: { name: 'Người nộp hồ sơ mẫu' },
      procedure: 'Đăng ký thường trú',
      procedureCode: '1.004222',
      documents: [
        { name: 'Tờ khai thay đổi thông tin cư trú' },
        { name: 'Giấy tờ chứng minh chỗ ở hợp pháp', form: 'copy' },
      ],
      receivedAt,
      limit,
      receivedBy: '1',
    },
    clock,
  );
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into dossier_sequences (office, agency, business_date, last_value) values ($3, $1, $2, 1)
       on conflict (agency, business_date) do nothing`,
      ['000.00.00.H00', '2026-11-09', office],
    );
    await insertDossier(tx, {
      code: DEMO_DOSSIER.code,
      office,
      procedureCode: '1.004222',
      procedureName: 'Đăng ký thường trú',
      channel: 'in-person',
      limit,
      receivedAt,
      dueAt: slip.dueAt,
      acrossBoundary: false,
      pinHash: await hashPin(DEMO_DOSSIER.pin),
      ticket: null,
      status: statusAfterSteps(STEPS),
      steps: STEPS,
      slip,
    });
  });
}
