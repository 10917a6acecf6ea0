import { css } from 'lit';

/** The dashboard's own styles: a grid of figures, charts that scale to the width, A4 print, forced colours. */
export const officeDashboardStyles = css`
  :host {
    --accent: var(--motcua-office-dashboard-accent, #0b4f9c);
    max-width: 72em;
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.5em;
  }
  h3 {
    margin: 0;
    font-size: 1.15em;
  }
  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    font-weight: 600;
  }
  select,
  input,
  button,
  .csv,
  [part='message'] a {
    min-height: var(--motcua-touch-target, 44px);
    font: inherit;
  }
  select,
  input {
    padding: 0.3em 0.5em;
    border: 1px solid #6b6b6b;
    border-radius: 0.3em;
    background: #ffffff;
    color: inherit;
  }
  button,
  [part='message'] a {
    display: inline-flex;
    align-items: center;
    padding: 0.3em 1em;
    border: 2px solid var(--accent);
    border-radius: 0.3em;
    background: var(--accent);
    color: #ffffff;
    font-weight: 700;
    text-decoration: none;
    cursor: pointer;
  }
  .range,
  .live,
  figcaption p,
  .detail,
  .change {
    color: #4a4a4a;
  }
  [part='headline'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
    gap: 0.75em;
    padding: 0;
    margin: 1em 0;
    list-style: none;
  }
  [part='figure'] {
    display: flex;
    flex-direction: column;
    padding: 0.75em;
    border: 1px solid #c4c4c4;
    border-radius: 0.4em;
  }
  .value {
    font-size: 1.8em;
    font-variant-numeric: tabular-nums;
  }
  .change {
    font-size: 0.9em;
  }
  [part='chart'] {
    margin: 1.5em 0;
    break-inside: avoid;
  }
  figcaption p {
    margin: 0.2em 0 0.5em;
  }
  svg {
    display: block;
    height: auto;
    font-size: 13px;
  }
  .axis {
    fill: #1b1b1b;
  }
  .on-dark {
    fill: #ffffff;
  }
  .on-light {
    fill: #1b1b1b;
  }
  .p50 {
    fill: var(--accent);
  }
  .p90 {
    fill: #ffffff;
  }
  .hatch,
  .outline,
  .whisker {
    stroke: var(--accent);
    stroke-width: 2;
  }
  .grid {
    stroke: #c4c4c4;
  }
  /* The trend's lines: colours apart for most eyes (blue-violet, green, brown; 5:1 or more on white), dashes for all. */
  .trend-a {
    color: #414487;
  }
  .trend-b {
    color: #1f7a5c;
  }
  .trend-c {
    color: #9a3d00;
  }
  polyline,
  line[class^='trend'] {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
  }
  .point {
    fill: currentColor;
  }
  .dot {
    fill: #1b1b1b;
  }
  .csv {
    display: inline-flex;
    align-items: center;
    color: var(--accent);
  }
  /* A wide table scrolls within its chart instead of widening a phone's page. */
  details,
  section[part='chart'] {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.25em 0.6em;
    border: 1px solid #c4c4c4;
    text-align: end;
  }
  th[scope='row'],
  thead th:first-child,
  .text {
    text-align: start;
  }
  /* A name keeps a few words a line on a phone: the table scrolls within its chart instead. */
  td.text {
    min-width: 8em;
  }
  th small {
    display: block;
    font-weight: 400;
  }
  summary {
    min-height: var(--motcua-touch-target, 44px);
    display: flex;
    align-items: center;
    cursor: pointer;
  }
  @media (forced-colors: active) {
    .cell,
    .p90 {
      fill: Canvas;
      stroke: CanvasText;
    }
    .axis,
    .on-dark,
    .on-light,
    .p50,
    .dot {
      fill: CanvasText;
    }
    .hatch,
    .outline,
    .whisker,
    .grid {
      stroke: CanvasText;
    }
    .trend-a,
    .trend-b,
    .trend-c {
      color: CanvasText;
    }
    button,
    [part='message'] a {
      border-color: ButtonText;
    }
  }
  @media print {
    [part='controls'],
    .csv,
    .live,
    summary,
    button {
      display: none;
    }
    :host {
      max-width: none;
      font-size: 11pt !important;
    }
  }
`;
