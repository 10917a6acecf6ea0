import { type CivilDate, civilDateOf, fromVietnamTime, isCivilDate, toVietnamTime } from '@motcua/core/calendar';
import { html, nothing } from 'lit';
import { MotcuaElement } from '../internal/base.js';
import { property, state } from '../internal/decorators.js';
import { defineElement } from '../internal/define.js';
import { type CalendarDayStringKey, calendarDayStrings } from './calendar-day.strings.js';
import { calendarDayStyles } from './calendar-day.styles.js';

export type { CalendarDayStringKey } from './calendar-day.strings.js';

/**
 * Shows a day as the commune reads it, in Vietnamese by default: `Chủ Nhật, 22/11/2026`, and on request
 * its lunar date (`Âm lịch: 3/10 năm Bính Ngọ`). Without a `date` it shows today in Vietnam
 * (Asia/Ho_Chi_Minh, whatever the visitor's time zone) and rolls over at midnight in Hà Nội.
 *
 * @summary A date line for a commune page.
 * @csspart date - The `<time>` element holding the date.
 * @csspart lunar - The lunar date, when `show-lunar` is set.
 * @cssproperty --motcua-calendar-day-color - Text colour (default: inherited).
 * @cssproperty --motcua-calendar-day-font-weight - Font weight of the date (default: 600).
 *
 * @example
 * ```html
 * <motcua-calendar-day show-lunar></motcua-calendar-day>
 * <motcua-calendar-day date="2026-09-02" lang="en"></motcua-calendar-day>
 * ```
 */
export class MotcuaCalendarDay extends MotcuaElement<CalendarDayStringKey> {
  /** The element's styles. */
  static override styles = [...MotcuaElement.styles, calendarDayStyles];

  /** The day to show, `YYYY-MM-DD`; empty (or not a real date) for today in Vietnam. */
  @property({ reflect: true }) date = '';

  /** Also show the Vietnamese lunar date. */
  @property({ type: Boolean, attribute: 'show-lunar' }) showLunar = false;

  @state() private today: CivilDate = civilDateOf(Date.now());

  /** The lunar calendar, loaded on first use so that pages without `show-lunar` do not download it. */
  @state() private lunar: typeof import('./lunar-line.js') | undefined;

  protected readonly defaultStrings = calendarDayStrings;

  private midnightTimer: ReturnType<typeof setTimeout> | undefined;

  override render() {
    const day = isCivilDate(this.date) ? this.date : this.today;
    const text = new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'vi-VN', {
      timeZone: 'UTC',
      weekday: 'long',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(`${day}T00:00:00Z`));
    return html`<time part="date" datetime=${day}>${text}</time>${this.showLunar ? this.renderLunar(day) : nothing}`;
  }

  private renderLunar(day: CivilDate) {
    if (!this.lunar) {
      this.lunarLoading ??= import('./lunar-line.js').then(
        (module) => {
          this.lunar = module;
        },
        () => {
          this.lunarLoading = undefined; // offline: the solar date alone, and the next update tries again
        },
      );
      return nothing;
    }
    const parts = this.lunar.lunarParts(day);
    if (!parts) return nothing; // outside the lunar calendar's range (1900–2100): the solar date alone
    const text = this.t('lunar', { ...parts, leap: parts.leap ? this.t('leap') : '' });
    return html` <span part="lunar">(${text})</span>`;
  }

  private lunarLoading: Promise<void> | undefined;

  /** Resolves once everything the element shows is rendered, the lazily loaded lunar date included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    if (this.lunarLoading) {
      await this.lunarLoading;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleMidnight();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.midnightTimer);
  }

  private scheduleMidnight(): void {
    clearTimeout(this.midnightTimer);
    const now = Date.now();
    const nextMidnight = fromVietnamTime(toVietnamTime(now).date, 0) + 86_400_000;
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
