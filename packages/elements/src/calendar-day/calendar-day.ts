import { type CivilDate, civilDateOf, fromVietnamTime, isCivilDate, toVietnamTime } from '@motcua/core/calendar';
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../internal/define.js';

/**
 * Shows a day as the commune reads it, in Vietnamese by default: `Chủ Nhật, 22/11/2026`.
 * Without a `date` it shows today in Vietnam (Asia/Ho_Chi_Minh, whatever the visitor's time zone)
 * and rolls over at midnight in Hà Nội.
 *
 * @summary A date line for a commune page.
 * @csspart date - The `<time>` element holding the date.
 * @cssproperty --motcua-calendar-day-color - Text colour (default: inherited).
 * @cssproperty --motcua-calendar-day-font-weight - Font weight (default: 600).
 *
 * @example
 * ```html
 * <motcua-calendar-day></motcua-calendar-day>
 * <motcua-calendar-day date="2026-09-02" lang="en"></motcua-calendar-day>
 * ```
 */
export class MotcuaCalendarDay extends LitElement {
  /** The element's styles. */
  static override styles = css`
    :host {
      display: inline;
      color: var(--motcua-calendar-day-color, inherit);
      font-weight: var(--motcua-calendar-day-font-weight, 600);
    }
  `;

  /** The day to show, `YYYY-MM-DD`; empty for today in Vietnam. */
  @property({ reflect: true }) date = '';

  /** `vi` (default) or `en`; when empty, the nearest `lang` attribute of the page decides. */
  @property({ reflect: true }) override lang = '';

  @state() private today: CivilDate = civilDateOf(Date.now());

  private midnightTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleMidnight();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.midnightTimer);
  }

  override render() {
    const day = isCivilDate(this.date) ? this.date : this.today;
    const language = this.language();
    const text = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
      timeZone: 'UTC',
      weekday: 'long',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(`${day}T00:00:00Z`));
    return html`<time part="date" datetime=${day}>${text}</time>`;
  }

  private language(): 'vi' | 'en' {
    const lang = this.lang || this.closest('[lang]')?.getAttribute('lang') || 'vi';
    return lang.toLowerCase().startsWith('en') ? 'en' : 'vi';
  }

  private scheduleMidnight(): void {
    clearTimeout(this.midnightTimer);
    const now = Date.now();
    const { date } = toVietnamTime(now);
    const nextMidnight = fromVietnamTime(date, 0) + 86_400_000;
    this.midnightTimer = setTimeout(
      () => {
        this.today = civilDateOf(Date.now());
        this.scheduleMidnight();
      },
      nextMidnight - now + 1000,
    );
  }
}

defineElement('motcua-calendar-day', MotcuaCalendarDay);

declare global {
  interface HTMLElementTagNameMap {
    'motcua-calendar-day': MotcuaCalendarDay;
  }
}
