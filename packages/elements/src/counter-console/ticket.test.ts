import { expect } from '@open-wc/testing';
import { asTicket } from './ticket.js';

describe('asTicket (the ticket of a counter’s answer)', () => {
  it('keeps the fields the console shows, when they have their types, and nothing else', () => {
    const full = {
      id: 't-1',
      number: 'A001',
      service: 'ho-tich',
      status: 'called',
      calls: 2,
      priority: 'p',
      counter: '1',
    };
    expect(asTicket(full)).to.deep.equal({
      id: 't-1',
      number: 'A001',
      service: 'ho-tich',
      status: 'called',
      calls: 2,
      priority: 'p',
    });
    expect(
      asTicket({ number: 'A001', status: 'serving', id: 7, service: null, calls: '2', priority: 1 }),
    ).to.deep.equal({
      number: 'A001',
      service: '',
      status: 'serving',
    });
  });

  it('reads no ticket from an answer without a number and a status', () => {
    for (const value of [undefined, null, false, 0, '', 'A001', 7, true, [], ['A001'], {}, { number: 'A001' }]) {
      expect(asTicket(value), JSON.stringify(value)).to.equal(undefined);
    }
    expect(asTicket({ status: 'called' })).to.equal(undefined);
    expect(asTicket({ number: 1, status: 'called' })).to.equal(undefined);
  });
});
