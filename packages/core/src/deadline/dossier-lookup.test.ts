import { describe, it } from 'node:test';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  DOSSIER_STEP_TYPES,
  type DossierStepType,
  FINISHED_DOSSIER_STATUSES,
  statusAfterSteps,
  statusOfStep,
} from './dossier-lookup.js';
import { DOSSIER_STATUSES } from './status.js';

describe('dossier steps and statuses', () => {
  it('names every step a dossier status, or keeps the status for an extension and the authority’s receipt', () => {
    expect(statusAfterSteps([])).to.equal('received');
    expect(statusOfStep('supplement-completed', 'supplement-requested')).to.equal('processing');
    expect(statusOfStep('extended', 'processing')).to.equal('processing');
    expect(statusOfStep('authority-received', 'received')).to.equal('received');
    expect(statusAfterSteps([{ type: 'processing' }, { type: 'payment-requested' }, { type: 'resolved' }])).to.equal(
      'resolved',
    );
    for (const type of DOSSIER_STEP_TYPES) {
      const after = statusOfStep(type, 'processing');
      expect(DOSSIER_STATUSES, `${type} leads to a known status`).to.include(after);
    }
  });

  it('every finished status is a status, and a dossier whose last step ends it is finished', () => {
    for (const status of FINISHED_DOSSIER_STATUSES) expect(DOSSIER_STATUSES).to.include(status);
    const ending: DossierStepType[] = ['withdrawn', 'stopped', 'resolved', 'returned'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DOSSIER_STEP_TYPES)), fc.constantFrom(...ending), (steps, last) => {
        const status = statusAfterSteps([...steps, last].map((type) => ({ type })));
        expect(status).to.equal(last);
        expect(FINISHED_DOSSIER_STATUSES).to.include(status);
      }),
    );
  });
});
