import { css } from 'lit';

/** The office administration's own styles: one column on a 1366×768 office PC, 44px targets. */
export const officeAdminStyles = css`
  :host {
    font-size: var(--motcua-office-admin-font-size, 16px) !important;
    line-height: 1.5;
    color: var(--motcua-office-admin-color, #1b1b1b);
    background: var(--motcua-office-admin-background, #ffffff);
    padding: 1em;
    max-width: 60em;
  }
  section {
    border-top: 1px solid #8a8a8a;
    padding-block: 0.5em 1em;
  }
  fieldset {
    border: 1px solid #8a8a8a;
    margin: 0.5em 0;
  }
  label {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
  }
  input,
  textarea,
  button {
    font: inherit;
  }
  input[type='date'],
  input[type='text'] {
    min-height: 44px;
  }
  textarea {
    width: 100%;
    min-height: 10em;
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .procedures {
    max-height: 16em;
    overflow: auto;
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0 1em;
    margin-inline-end: 0.5em;
    border: 2px solid var(--motcua-office-admin-accent, #0b4f9c);
    border-radius: 4px;
    background: var(--motcua-office-admin-accent, #0b4f9c);
    color: #ffffff;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid #b35c00;
    outline-offset: 2px;
  }
  [role='alert'] {
    color: #a4000f;
  }
  [part~='status'] {
    color: #1c5c2c;
  }
`;
