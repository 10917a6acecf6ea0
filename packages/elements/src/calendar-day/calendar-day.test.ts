import { civilDateOf } from '@motcua/core/calendar';
import { expect, fixture, html } from '@open-wc/testing';
import { MotcuaCalendarDay } from './calendar-day.js';

describe('<motcua-calendar-day>', () => {
  it('shows a given day in Vietnamese by default', async () => {
    const el = await fixture<MotcuaCalendarDay>(html`<motcua-calendar-day date="2026-09-02"></motcua-calendar-day>`);
    const time = el.shadowRoot?.querySelector('time');
    expect(time?.getAttribute('datetime')).to.equal('2026-09-02');
    expect(time?.textContent).to.match(/thứ tư/i);
    expect(time?.textContent).to.contain('02/09/2026');
    await expect(el).to.be.accessible();
  });

  it('follows the page language and its own lang attribute', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><motcua-calendar-day date="2026-09-02"></motcua-calendar-day></div>`,
    );
    const el = wrapper.querySelector('motcua-calendar-day') as MotcuaCalendarDay;
    expect(el.shadowRoot?.textContent).to.contain('Wednesday');
    el.lang = 'vi';
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.match(/thứ tư/i);
  });

  it('shows today in Vietnam when no date is given', async () => {
    const el = await fixture<MotcuaCalendarDay>(html`<motcua-calendar-day></motcua-calendar-day>`);
    expect(el.shadowRoot?.querySelector('time')?.getAttribute('datetime')).to.equal(civilDateOf(Date.now()));
  });

  it('exposes its date as a part for theming', async () => {
    const el = await fixture<MotcuaCalendarDay>(html`<motcua-calendar-day date="2026-01-01"></motcua-calendar-day>`);
    expect(el.shadowRoot?.querySelector('[part="date"]')).to.exist;
  });

  it('can be defined twice without throwing', async () => {
    const { defineElement } = await import('../internal/define.js');
    expect(() => defineElement('motcua-calendar-day', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('motcua-calendar-day')).to.equal(MotcuaCalendarDay);
  });
});
