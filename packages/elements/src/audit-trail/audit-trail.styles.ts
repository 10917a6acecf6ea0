import { css } from 'lit';

/** The audit trail screen's own styles: an office PC first, the table scrolls sideways on a narrow screen. */
export const auditTrailStyles = css`
  :host {
    font-size: var(--motcua-audit-trail-font-size, 16px) !important;
    color: var(--motcua-audit-trail-color, #1b1b1b);
    background: var(--motcua-audit-trail-background, #ffffff);
    padding: 1em;
    max-width: 80em;
  }
  [part='period'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: end;
    margin-block: 0.5em 1em;
  }
  label {
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  input,
  button,
  [part='csv'] {
    font: inherit;
    min-height: 44px;
    box-sizing: border-box;
  }
  input {
    padding: 0 0.5em;
    border: 1px solid #747775;
    border-radius: 4px;
  }
  button,
  [part='csv'] {
    display: inline-flex;
    align-items: center;
    min-width: 44px;
    padding: 0 1em;
    border: 2px solid var(--motcua-audit-trail-accent, #0b4f9c);
    border-radius: 4px;
    background: var(--motcua-audit-trail-accent, #0b4f9c);
    color: #ffffff;
    cursor: pointer;
    text-decoration: none;
  }
  [part='csv'] {
    background: transparent;
    color: var(--motcua-audit-trail-accent, #0b4f9c);
  }
  button:focus-visible,
  [part='csv']:focus-visible,
  input:focus-visible {
    outline: 3px solid #1b1b1b;
    outline-offset: 2px;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.4em 0.6em;
    border-bottom: 1px solid #c4c7c5;
  }
  td.when {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  code {
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    button,
    [part='csv'] {
      border-color: ButtonText;
    }
  }
`;
