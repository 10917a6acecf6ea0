import { css } from 'lit';

/** The queue settings' own styles: fields in rows on a 1366×768 office PC, one column on a phone, 44px targets. */
export const queueSettingsStyles = css`
  :host {
    font-size: var(--motcua-queue-settings-font-size, 16px) !important;
    line-height: 1.5;
    color: var(--motcua-queue-settings-color, #1b1b1b);
    background: var(--motcua-queue-settings-background, #ffffff);
  }
  fieldset {
    border: 1px solid #8a8a8a;
    border-radius: 4px;
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
  }
  legend {
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.25em 1em;
  }
  label {
    display: flex;
    flex-direction: column;
    min-height: 44px;
  }
  label.check {
    flex-direction: row;
    align-items: center;
    gap: 0.35em;
    min-width: 44px;
  }
  input,
  select,
  button {
    font: inherit;
    min-height: 44px;
    box-sizing: border-box;
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    min-height: 0;
  }
  input[name$='prefix'] {
    width: 5em;
  }
  input[type='number'] {
    width: 8em;
  }
  button {
    min-width: 44px;
    padding: 0 1em;
    border: 2px solid var(--motcua-queue-settings-accent, #0b4f9c);
    border-radius: 4px;
    background: var(--motcua-queue-settings-accent, #0b4f9c);
    color: #ffffff;
    cursor: pointer;
  }
  button.secondary {
    background: #ffffff;
    color: var(--motcua-queue-settings-accent, #0b4f9c);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid #b35c00;
    outline-offset: 2px;
  }
  small {
    color: #595959;
  }
  [role='alert'],
  .field-problem {
    color: #a4000f;
  }
  [part~='status'],
  .open {
    color: #1c5c2c;
  }
  .closed {
    color: #8a4b00;
  }
`;
