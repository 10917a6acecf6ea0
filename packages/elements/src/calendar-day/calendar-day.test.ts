import { civilDateOf } from '@motcua/core/calendar';
import { expect, fixture, html } from '@open-wc/testing';
import { configure, resetConfig } from '../internal/configure.js';
import { defineElement } from '../internal/define.js';
import { MotcuaCalendarDay } from './calendar-day.js';

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<motcua-calendar-day>', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    resetConfig();
  });

  it('shows a given day in Vietnamese by default', async () => {
    const el = await fixture<MotcuaCalendarDay>(html`<motcua-calendar-day date="2026-09-02"></motcua-calendar-day>`);
    const time = el.shadowRoot?.querySelector('time');
    expect(time?.getAttribute('datetime')).to.equal('2026-09-02');
    expect(time?.textContent).to.match(/thứ tư/i);
    expect(time?.textContent).to.contain('02/09/2026');
    await expect(el).to.be.accessible();
  });

  it('follows an ancestor lang, then its own lang attribute', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><motcua-calendar-day date="2026-09-02"></motcua-calendar-day></div>`,
    );
    const el = wrapper.querySelector('motcua-calendar-day') as MotcuaCalendarDay;
    await el.updateComplete;
    expect(text(el)).to.contain('Wednesday');
    el.lang = 'vi';
    await el.updateComplete;
    expect(text(el)).to.match(/thứ tư/i);
  });

  it('switches language when the page changes <html lang>', async () => {
    const el = await fixture<MotcuaCalendarDay>(html`<motcua-calendar-day date="2026-09-02"></motcua-calendar-day>`);
    document.documentElement.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(text(el)).to.contain('Wednesday');
  });

  it('shows the lunar date on request, with leap months and can-chi years', async () => {
    const el = await fixture<MotcuaCalendarDay>(
      html`<motcua-calendar-day date="2026-02-17" show-lunar></motcua-calendar-day>`,
    );
    expect(el.shadowRoot?.querySelector('[part="lunar"]')?.textContent).to.equal('(Âm lịch: 1/1 năm Bính Ngọ)');
    el.date = '2025-08-01'; // in the leap sixth month of Ất Tỵ
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="lunar"]')?.textContent).to.contain('nhuận');
    await expect(el).to.be.accessible();
  });

  it('lets the page and the instance override its strings', async () => {
    configure({ strings: { 'motcua-calendar-day': { vi: { lunar: 'ÂL {day}/{month}' } } } });
    const el = await fixture<MotcuaCalendarDay>(
      html`<motcua-calendar-day date="2026-02-17" show-lunar></motcua-calendar-day>`,
    );
    expect(el.shadowRoot?.querySelector('[part="lunar"]')?.textContent).to.equal('(ÂL 1/1)');
    el.setAttribute('strings', '{"vi": {"lunar": "Ngày âm {day} tháng {month}"}}');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="lunar"]')?.textContent).to.equal('(Ngày âm 1 tháng 1)');
  });

  it('ignores a malformed strings attribute instead of breaking', async () => {
    const el = await fixture<MotcuaCalendarDay>(
      html`<motcua-calendar-day date="2026-02-17" show-lunar strings="{not json"></motcua-calendar-day>`,
    );
    expect(el.shadowRoot?.querySelector('[part="lunar"]')?.textContent).to.contain('Âm lịch: 1/1');
  });

  it('shows today in Vietnam when no date, or no real date, is given', async () => {
    const el = await fixture<MotcuaCalendarDay>(html`<motcua-calendar-day date="2026-02-30"></motcua-calendar-day>`);
    expect(el.shadowRoot?.querySelector('time')?.getAttribute('datetime')).to.equal(civilDateOf(Date.now()));
  });

  it('is themable through custom properties and parts', async () => {
    const el = await fixture<MotcuaCalendarDay>(
      html`<motcua-calendar-day date="2026-01-01" style="--motcua-calendar-day-color: rgb(165, 14, 14)"></motcua-calendar-day>`,
    );
    const date = el.shadowRoot?.querySelector('[part="date"]') as HTMLElement;
    expect(getComputedStyle(date).color).to.equal('rgb(165, 14, 14)');
  });

  it('can be defined twice without throwing', () => {
    expect(() => defineElement('motcua-calendar-day', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('motcua-calendar-day')).to.equal(MotcuaCalendarDay);
  });
});
