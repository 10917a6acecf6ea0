import { css } from 'lit';

/** The sign-in's own styles: one column, labels above fields, 44 px targets; the name and sign-out on one line. */
export const signInStyles = css`
  form {
    max-width: 24em;
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.2em;
  }
  label {
    display: block;
    margin: 0.75em 0 0.25em;
    font-weight: 600;
  }
  input,
  button {
    min-height: var(--motcua-touch-target, 44px);
    min-width: var(--motcua-touch-target, 44px);
    font: inherit;
    border-radius: var(--motcua-radius, 6px);
  }
  input {
    display: block;
    width: 100%;
    padding: 0.4em 0.6em;
    border: 1px solid var(--motcua-color-border, #6b6b6b);
    background: var(--motcua-color-surface, #ffffff);
    color: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--motcua-color-danger, #b3261e);
  }
  button {
    margin-top: 1em;
    padding: 0.4em 1.2em;
    border: 1px solid var(--motcua-color-primary, #0b57d0);
    background: var(--motcua-color-primary, #0b57d0);
    color: var(--motcua-color-on-primary, #ffffff);
    font-weight: 600;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: default;
  }
  [part='error']:not(:empty) {
    margin: 0.75em 0 0;
    color: var(--motcua-color-danger, #b3261e);
    font-weight: 600;
  }
  [part='status'] {
    margin: 0.5em 0 0;
  }
  [part='session'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.5em;
  }
  [part='session'] button {
    margin: 0;
    background: transparent;
    color: var(--motcua-color-primary, #0b57d0);
  }
`;
