import { css } from 'lit';

/** The staff accounts screen's own styles: an office PC first, one column on a phone, 44px targets. */
export const staffUsersStyles = css`
  :host {
    font-size: var(--motcua-staff-users-font-size, 16px) !important;
    color: var(--motcua-staff-users-color, #1b1b1b);
    background: var(--motcua-staff-users-background, #ffffff);
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
  li.disabled {
    color: #595959;
  }
  h4 {
    margin: 0 0 0.25em;
  }
  .fields {
    display: grid;
    grid-template-columns: max-content minmax(0, 24em);
    gap: 0.5em 1em;
    align-items: center;
    margin-block: 0.5em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0.5em 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  legend {
    font-weight: 600;
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
  }
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
  }
  input:not([type='checkbox']),
  button {
    font: inherit;
    min-height: 44px;
    box-sizing: border-box;
  }
  input:not([type='checkbox']) {
    padding: 0 0.5em;
    border: 1px solid #747775;
    border-radius: 4px;
  }
  button {
    min-width: 44px;
    padding: 0 1em;
    margin: 0.5em 0.5em 0 0;
    border: 2px solid var(--motcua-staff-users-accent, #0b4f9c);
    border-radius: 4px;
    background: var(--motcua-staff-users-accent, #0b4f9c);
    color: #ffffff;
    cursor: pointer;
  }
  button.danger {
    border-color: var(--motcua-staff-users-danger, #a4000f);
    background: var(--motcua-staff-users-danger, #a4000f);
  }
  .hint {
    font-size: 0.9em;
    color: #4a4a4a;
    margin: 0;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid #1b1b1b;
    outline-offset: 2px;
  }
  @media (max-width: 600px) {
    .fields {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
