import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readDossierDeskView } from './dossier-desk-view.js';
import { readDossierWorklist } from './dossier-worklist.js';

const CLASSIFICATION = {
  timeliness: 'in-time',
  dueAt: '2026-12-08T17:00:00+07:00',
  remainingMinutes: 900,
  dayMinutes: 450,
};
const ITEM = {
  code: '000.00.00.H00-261204-0001',
  procedure: { code: '1.004194', name: 'Chứng thực bản sao' },
  status: 'received',
  receivedAt: '2026-12-04T08:00:00+07:00',
  classification: CLASSIFICATION,
};

describe('an officer desk’s wire contracts', () => {
  it('reads a worklist, leaving out entries that are not dossiers', () => {
    const list = readDossierWorklist({
      dossiers: [ITEM, { ...ITEM, status: 'lost' }, { ...ITEM, classification: {} }, null, { ...ITEM, code: 7 }],
      more: true,
      checkedAt: '2026-12-04T09:00:00+07:00',
    });
    expect(list).to.deep.equal({ dossiers: [ITEM], more: true, checkedAt: '2026-12-04T09:00:00+07:00' });
    expect(readDossierWorklist({ dossiers: [], checkedAt: 'x' })?.more).to.equal(false);
    for (const bad of [null, [], { dossiers: {} }, { dossiers: [] }, 'x'])
      expect(readDossierWorklist(bad)).to.equal(undefined);
  });

  it('reads a desk view, keeping only known steps in their canonical order', () => {
    const dossier = { ...ITEM, timeline: [], clock: {} };
    const view = readDossierDeskView({ dossier, nextSteps: ['resolved', 'fly', 'supplement-requested'] });
    expect(view?.nextSteps).to.deep.equal(['supplement-requested', 'resolved']);
    expect(view?.dossier.code).to.equal(ITEM.code);
    expect(readDossierDeskView({ dossier: ITEM, nextSteps: [] }), 'no timeline').to.equal(undefined);
    expect(readDossierDeskView({ dossier, nextSteps: 'resolved' })).to.equal(undefined);
    expect(readDossierDeskView({ dossier: { ...dossier, status: 'x' }, nextSteps: [] })).to.equal(undefined);
  });
});
