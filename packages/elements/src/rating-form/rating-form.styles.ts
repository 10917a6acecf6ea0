import { css } from 'lit';

/**
 * The rating form's first-paint styles: the questions, the options with 44px targets, errors, the send button and the
 * honeypot. The chosen and focused option, free text and the panel after sending come with the sending code
 * (`laterStyles` in `submission.ts`).
 */
export const ratingFormStyles = css`
  form {
    display: grid;
    gap: var(--motcua-rating-form-gap, 1.25em);
  }
  [part='title'] {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    display: block;
    padding: 0;
    margin-bottom: 0.5em;
    font-weight: 600;
  }
  .marker {
    font-weight: 400;
    color: var(--motcua-color-muted, #555);
  }
  .options {
    display: grid;
    gap: 0.5em;
  }
  [part='option'] {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: var(--motcua-touch-target, 44px);
    padding: 0.5em 0.75em;
    border: 1px solid var(--motcua-color-border, #767676);
    border-radius: var(--motcua-radius, 4px);
    background: var(--motcua-rating-form-option-background, var(--motcua-color-surface, #fff));
    cursor: pointer;
  }
  [part='option']:has(input:disabled) {
    cursor: default;
    opacity: 0.7;
  }
  input[type='radio'] {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--motcua-color-primary, #0b57d0);
  }
  .error {
    margin: 0 0 0.5em;
    color: var(--motcua-color-danger, #b3261e);
    font-weight: 600;
  }
  button {
    justify-self: start;
    min-height: var(--motcua-touch-target, 44px);
    min-width: var(--motcua-touch-target, 44px);
    padding: 0.5em 1.25em;
    font: inherit;
    font-weight: 600;
    color: var(--motcua-color-on-primary, #fff);
    background: var(--motcua-color-primary, #0b57d0);
    border: 2px solid transparent;
    border-radius: var(--motcua-radius, 4px);
    cursor: pointer;
  }
  [part='status'] {
    margin: 0;
  }
  [part='status']:empty {
    display: none;
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
