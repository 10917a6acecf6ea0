import { css } from 'lit';

/**
 * The console's own styles: the ticket being served with its big number, the rows of command buttons and the service
 * choice with 44px targets, the shortcut keys, the live region and the errors. The desk's, the intake form's and the
 * sign-in's styles come with their parts.
 */
export const counterConsoleStyles = css`
  h2 {
    font-size: 1.25em;
    margin: 0 0 0.5em;
  }
  [part='ticket'] {
    border: 1px solid var(--motcua-color-border, #c4c7c5);
    border-radius: var(--motcua-radius, 4px);
    padding: 0.5em 1em;
    margin-bottom: 0.75em;
  }
  .label {
    margin: 0;
    color: var(--motcua-color-muted, #444746);
  }
  [part='number'] {
    font-size: var(--motcua-counter-console-number-size, 3em);
    font-weight: 700;
    line-height: 1.2;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: 0 0 0.75em;
  }
  button,
  select {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    min-width: var(--motcua-touch-target, 44px);
    border-radius: var(--motcua-radius, 4px);
  }
  button {
    padding: 0 1em;
    border: 1px solid transparent;
    background: var(--motcua-color-primary, #0b57d0);
    color: var(--motcua-color-on-primary, #fff);
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    background: #e3e3e3;
    color: #5e5e5e;
    cursor: not-allowed;
  }
  select {
    padding: 0 0.5em;
    border: 1px solid var(--motcua-color-border, #747775);
    background: var(--motcua-color-surface, #fff);
    color: inherit;
  }
  kbd {
    font: inherit;
    font-size: 0.75em;
    border: 1px solid currentColor;
    border-radius: 3px;
    padding: 0 0.3em;
    margin-inline-start: 0.4em;
  }
  [part='shortcuts'] {
    font-size: 0.875em;
    color: var(--motcua-color-muted, #444746);
  }
  [part='error'] {
    color: var(--motcua-color-danger, #b3261e);
    font-weight: 600;
  }
  [part='status'],
  [part='error'] {
    margin: 0.5em 0;
    min-height: 1.5em;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
