import { css } from 'lit';

/** The date line's own styles: inline, in the page's font and colour unless themed. */
export const calendarDayStyles = css`
  :host {
    display: inline;
    color: var(--motcua-calendar-day-color, inherit);
    font-family: inherit;
  }
  [part='date'] {
    font-weight: var(--motcua-calendar-day-font-weight, 600);
  }
`;
