import { css } from 'lit';

/** The styles of `<motcua-dossier-status>`: the lookup form, the dossier's facts and its timeline, 44 px targets. */
export const dossierStatusStyles = css`
  h2,
  h3 {
    font-size: 1.25em;
    margin: 0 0 0.5em;
  }
  h3 {
    font-size: 1.1em;
    margin-top: 1em;
  }
  form {
    display: grid;
    gap: 0.25em;
    max-width: 32em;
  }
  label {
    font-weight: 600;
    margin-top: 0.5em;
  }
  .hint {
    color: var(--motcua-color-muted, #444746);
    font-size: 0.875em;
    margin: 0;
  }
  input {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    padding: 0 0.5em;
    border: 1px solid var(--motcua-color-border, #747775);
    border-radius: var(--motcua-radius, 4px);
  }
  input[aria-invalid='true'] {
    border-color: var(--motcua-color-danger, #b3261e);
  }
  button,
  [part='rate'] {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    min-width: var(--motcua-touch-target, 44px);
    padding: 0 1em;
    margin-top: 0.75em;
    border: 1px solid transparent;
    border-radius: var(--motcua-radius, 4px);
    background: var(--motcua-color-primary, #0b57d0);
    color: var(--motcua-color-on-primary, #fff);
    cursor: pointer;
    justify-self: start;
  }
  [part='rate'] {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  [part='message'][data-kind='error'],
  .late {
    color: var(--motcua-color-danger, #b3261e);
  }
  .good {
    color: var(--motcua-color-success, #146c2e);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0.75em 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ol {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  li {
    border-inline-start: 4px solid var(--motcua-color-border, #c4c7c5);
    padding: 0.25em 0 0.5em 0.75em;
  }
  li[aria-current='step'] {
    border-color: var(--motcua-color-primary, #0b57d0);
    font-weight: 600;
  }
  .when {
    display: block;
    font-weight: normal;
    color: var(--motcua-color-muted, #444746);
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    button,
    [part='rate'] {
      border-color: ButtonText;
    }
    li[aria-current='step'] {
      border-color: Highlight;
    }
  }
`;
