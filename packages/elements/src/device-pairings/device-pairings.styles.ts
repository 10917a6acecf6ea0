import { css } from 'lit';

/** The device pairings screen's own styles: one column on an office PC or a tablet, 44px targets, codes large. */
export const devicePairingsStyles = css`
  :host {
    font-size: var(--motcua-device-pairings-font-size, 16px) !important;
    color: var(--motcua-device-pairings-color, #1b1b1b);
    background: var(--motcua-device-pairings-background, #ffffff);
    padding: 1em;
    max-width: 60em;
  }
  section {
    border-top: 1px solid #8a8a8a;
    padding-block: 0.5em 1em;
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  li {
    border: 1px solid #8a8a8a;
    border-radius: 4px;
    padding: 0.75em;
    margin-block: 0.5em;
  }
  li.revoked {
    color: #595959;
  }
  h4 {
    margin: 0;
  }
  [part='code'] {
    font-size: 2.5em;
    font-family: ui-monospace, monospace;
    letter-spacing: 0.1em;
    color: var(--motcua-device-pairings-accent, #0b4f9c);
  }
  .fields {
    display: grid;
    grid-template-columns: max-content minmax(0, 24em);
    gap: 0.5em 1em;
    align-items: center;
    margin-block: 0.5em;
  }
  input,
  select,
  button {
    font: inherit;
    min-height: 44px;
  }
  button {
    min-width: 44px;
    padding: 0 1em;
    margin: 0.5em 0.5em 0 0;
    border: 2px solid var(--motcua-device-pairings-accent, #0b4f9c);
    border-radius: 4px;
    background: var(--motcua-device-pairings-accent, #0b4f9c);
    color: #ffffff;
    cursor: pointer;
  }
  button.danger {
    border-color: var(--motcua-device-pairings-danger, #a4000f);
    background: var(--motcua-device-pairings-background, #ffffff);
    color: var(--motcua-device-pairings-danger, #a4000f);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [part='message']:focus-visible {
    outline: 3px solid #b35c00;
    outline-offset: 2px;
  }
  [role='alert'] {
    color: #a4000f;
  }
  [part~='message'][role='status'] {
    color: #1c5c2c;
  }
  .confirm {
    border-left: 4px solid var(--motcua-device-pairings-danger, #a4000f);
    padding-left: 0.75em;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
