import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { vietnamCalendar } from '@motcua/core/calendar';
import type { OnTimeFigures, ProvinceOnTimeReport } from '@motcua/core/deadline';
import { expect } from 'chai';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { TEST_DATABASES } from '../db/databases.test-support.js';
import { migrate } from '../db/migrations.js';
import { onTimeReport } from '../dossiers/on-time-report.js';
import { vietnamIso } from '../dossiers/vietnam-iso.js';
import { call, type Json } from '../http/call.test-support.js';
import { DEMO_OFFICE, type Office, parseOffice } from '../office/office.js';
import { officerHeaders } from '../staff/staff.test-support.js';
import { reportCommand } from './report-cli.js';

const CATALOGUE = new URL('../../../../examples/data/catalogue.json', import.meta.url).pathname;
/** Vietnam time (UTC+7) as epoch ms. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const NOW = vn('2026-03-02T10:00:00');

const officeOf = (id: string, vi: string): Office =>
  parseOffice({
    ...DEMO_OFFICE,
    id,
    name: { vi, en: id },
    queue: { ...DEMO_OFFICE.queue, counters: [{ id: '1', services: ['ho-tich'], token: `${id}-counter-1` }] },
    kiosks: [],
  });
const OFFICES = [officeOf('xa-a', 'Xã A'), officeOf('xa-b', 'Xã B')];

/**
 * Each office's dossiers, received through its own app (on different days: the offices share the sample catalogue's
 * agency code, and a dossier's code is its agency's, its day's and its number): in xa-a one resolved early, one late
 * and one still open past its due date; in xa-b one filed online and resolved on time, one withdrawn.
 */
async function province(db: Database): Promise<void> {
  await migrate(db);
  const clock = { now: vn('2026-02-10T09:00:00') };
  const dossiers = async (office: Office, receivedAt: string, steps: readonly (readonly [string, string])[][]) => {
    const app = createApp({ db: db.forOffice(office.id), office, catalogue: CATALOGUE, now: () => clock.now });
    const counter = { authorization: `Bearer ${office.id}-counter-1`, 'content-type': 'application/json' };
    const officer = await officerHeaders(db, office.id);
    for (const [i, list] of steps.entries()) {
      const received = await call(app, 'POST', '/api/dossiers', counter, {
        procedure: '1.004194', // 3 working days
        receivedAt,
        channel: office.id === 'xa-b' && i === 0 ? 'online' : 'in-person',
        applicant: { name: `Người nộp ${i}` },
        documents: [{ name: 'Tờ khai' }],
      });
      expect(received.status, received.text).to.equal(201);
      for (const [type, when] of list) {
        // 'due day': 16:00 on the day the dossier is due.
        const at = when === 'due day' ? `${String(received.body.dueAt).slice(0, 10)}T16:00:00+07:00` : when;
        const step = await call(app, 'POST', `/api/dossiers/${received.body.code}/steps`, officer, { type, at });
        expect(step.status, step.text).to.equal(201);
      }
    }
  };
  clock.now = vn('2026-02-27T09:00:00');
  // Received Tuesday 10 and Wednesday 11 February, before Tết's days off (14 to 22 February).
  await dossiers(OFFICES[0] as Office, '2026-02-10T09:00:00+07:00', [
    [['resolved', '2026-02-11T10:00:00+07:00']],
    [['resolved', '2026-02-26T10:00:00+07:00']],
    [['processing', '2026-02-11T08:00:00+07:00']],
  ]);
  await dossiers(OFFICES[1] as Office, '2026-02-11T09:00:00+07:00', [
    [['resolved', 'due day']],
    [['withdrawn', '2026-02-12T11:00:00+07:00']],
  ]);
}

function output() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, print: (l: string) => lines.push(l), printError: (l: string) => errors.push(l) };
}

for (const target of TEST_DATABASES) {
  describe(`motcua-server report on ${target.name}`, () => {
    it('gives each office the figures of its own on-time report, and the province those of all its dossiers', async () => {
      const db = await target.open();
      try {
        await province(db);
        const out = output();
        const deps = { db, offices: OFFICES, calendarOverlays: [], now: () => NOW, ...out };
        const code = await reportCommand(deps, [
          'on-time',
          '--from',
          '2026-02-01',
          '--to',
          '2026-02-28',
          '--format',
          'json',
        ]);
        expect(code, out.errors.join('\n')).to.equal(0);
        const report = JSON.parse(out.lines.join('\n')) as ProvinceOnTimeReport;
        expect(report.offices.map((o) => o.office)).to.deep.equal([
          { id: 'xa-a', name: 'Xã A' },
          { id: 'xa-b', name: 'Xã B' },
        ]);
        const own: OnTimeFigures[] = [];
        for (const office of OFFICES) {
          const alone = await onTimeReport(
            db.forOffice(office.id),
            { office: office.id, from: '2026-02-01', to: '2026-02-28', now: NOW },
            { calendar: vietnamCalendar() },
            vietnamIso,
          );
          own.push(alone.total);
        }
        const [a, b] = own as [OnTimeFigures, OnTimeFigures];
        const { office: _a, ...figuresA } = report.offices[0] as Json;
        const { office: _b, ...figuresB } = report.offices[1] as Json;
        expect(figuresA).to.deep.equal(a);
        expect(figuresB).to.deep.equal(b);
        expect([a.dossiers, a.early, a.late, a.overdue]).to.deep.equal([3, 1, 1, 1]);
        expect([b.dossiers, b.onTime, b.withdrawn, b.online]).to.deep.equal([2, 1, 1, 1]);
        // The province counts every dossier once: its rates are not the mean of the offices' rates.
        const { total } = report;
        expect([total.dossiers, total.finished, total.early, total.onTime, total.late, total.overdue]).to.deep.equal([
          5, 3, 1, 1, 1, 1,
        ]);
        expect(total.onTimeRate).to.be.closeTo(2 / 3, 1e-12);
        expect(total.onlineRate).to.be.closeTo(1 / 5, 1e-12);
        expect(total.averageProcessingMinutes).to.be.closeTo(
          ((a.averageProcessingMinutes ?? 0) * a.finished + (b.averageProcessingMinutes ?? 0) * b.finished) / 3,
          1e-9,
        );
        expect(report.checkedAt).to.equal(vietnamIso(NOW));
      } finally {
        await db.close();
      }
    });

    it('writes CSV by default, a row per office then the province, and refuses a wrong use naming the option', async () => {
      const db = await target.open();
      const dir = mkdtempSync(join(tmpdir(), 'motcua-report-'));
      try {
        await province(db);
        const out = output();
        const deps = { db, offices: OFFICES, calendarOverlays: [], now: () => NOW, ...out };
        const file = join(dir, 'thang-2.csv');
        expect(await reportCommand(deps, ['on-time', '--from', '2026-02-01', '--output', file])).to.equal(0);
        const rows = readFileSync(file, 'utf8').trimEnd().split('\r\n');
        expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).to.deep.equal([
          'office_id,office_name,dossiers',
          'xa-a,Xã A,3',
          'xa-b,Xã B,2',
          ',Toàn tỉnh / Province,5',
        ]);
        expect(out.lines.at(-1)).to.include(file);
        // A commune's own configuration: its line, then the total.
        const one = output();
        expect(await reportCommand({ ...deps, ...one, offices: [OFFICES[0] as Office] }, ['on-time'])).to.equal(0);
        expect(
          one.lines
            .join('\n')
            .split('\r\n')
            .map((r) => r.split(',').slice(0, 3).join(',')),
        ).to.deep.equal(['office_id,office_name,dossiers', 'xa-a,Xã A,3', ',Tổng cộng / Total,3']);
        for (const wrong of [
          ['on-time', '--from', '2026-13-01'],
          ['on-time', '--from', '2026-03-01', '--to', '2026-02-01'],
          ['on-time', '--format', 'pdf'],
          ['satisfaction'],
          ['on-time', 'extra'],
        ]) {
          const refused = output();
          expect(await reportCommand({ ...deps, ...refused }, wrong), wrong.join(' ')).to.equal(2);
          expect(refused.errors.join('\n')).to.include('motcua-server report on-time');
        }
        const bad = output();
        await reportCommand({ ...deps, ...bad }, ['on-time', '--from', '2026-13-01']);
        expect(bad.errors.join('\n')).to.include('--from');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await db.close();
      }
    });
  });
}
