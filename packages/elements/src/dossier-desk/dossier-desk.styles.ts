import { css } from 'lit';

/** The dossier desk's own styles: an office PC first, one column on a phone, 44px targets. */
export const dossierDeskStyles = css`
  :host {
    --accent: var(--motcua-dossier-desk-accent, #0b4f9c);
    --danger: var(--motcua-dossier-desk-danger, #a4000f);
    font-size: var(--motcua-dossier-desk-font-size, 16px) !important;
    color: var(--motcua-dossier-desk-color, #1b1b1b);
    background: var(--motcua-dossier-desk-background, #ffffff);
    padding: 1em;
    max-width: 60em;
  }
  section + section {
    border-top: 1px solid #8a8a8a;
    margin-top: 1em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  ul {
    list-style: none;
    padding: 0;
  }
  li[part='dossier'] {
    display: grid;
    grid-template-columns: minmax(0, 16em) minmax(0, 1fr);
    gap: 0 1em;
    align-items: center;
    border-left: 6px solid var(--accent);
    padding: 0.25em 0.75em;
    margin-block: 0.5em;
    background: #f4f6f9;
  }
  li.overdue {
    border-left-color: var(--danger);
  }
  li.overdue strong,
  .late {
    color: var(--danger);
  }
  ol li {
    margin-block: 0.4em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .column {
    display: grid;
    gap: 0.25em;
    max-width: 36em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0.5em 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16em, 1fr));
    gap: 0 1em;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea,
  button {
    font: inherit;
    min-height: 44px;
    box-sizing: border-box;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    padding: 0.25em 0.5em;
    border: 1px solid #747775;
    border-radius: 4px;
    max-width: 100%;
  }
  button {
    min-width: 44px;
    padding: 0 1em;
    border: 2px solid var(--accent);
    border-radius: 4px;
    background: var(--accent);
    color: #ffffff;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button.link {
    background: transparent;
    color: var(--accent);
    text-decoration: underline;
    text-align: start;
    border-color: transparent;
    padding: 0;
  }
  [part='message'][role='alert'] {
    color: var(--danger);
  }
  .hint {
    font-size: 0.9em;
    color: #4a4a4a;
  }
  :focus-visible {
    outline: 3px solid #1b1b1b;
    outline-offset: 2px;
  }
  @media (max-width: 600px) {
    li[part='dossier'] {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (forced-colors: active) {
    button,
    li[part='dossier'] {
      border-color: ButtonText;
    }
  }
`;
