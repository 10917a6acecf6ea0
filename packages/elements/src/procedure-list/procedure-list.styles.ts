import { css } from 'lit';

/** The styles of `<motcua-procedure-list>`; every colour and size is a `--motcua-…` token with a default. */
export const procedureListStyles = css`
  :host {
    --_primary: var(--motcua-procedure-list-accent, var(--motcua-color-primary, #0b57d0));
    --_on-primary: var(--motcua-color-on-primary, #fff);
    --_surface: var(--motcua-color-surface, #fff);
    --_border: var(--motcua-color-border, #757575);
    --_muted: var(--motcua-color-muted, #4d4d4d);
    --_danger: var(--motcua-color-danger, #b3261e);
    --_radius: var(--motcua-radius, 6px);
    --_space: var(--motcua-space, 12px);
    --_touch: var(--motcua-touch-target, 44px);
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button,
  select,
  input[type='search'] {
    min-height: var(--_touch);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0 0.75em;
  }
  button {
    cursor: pointer;
  }
  a {
    color: var(--_primary);
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin-bottom: var(--_space);
  }
  .search label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding: 0.5em var(--_space) var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .filter {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 12em;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_touch);
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    margin-bottom: 0.5em;
  }
  [part='count'] {
    margin: 0;
    font-weight: 600;
  }
  ul.results {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.results li {
    border-bottom: 1px solid var(--_border);
  }
  ul.results a {
    display: block;
    min-height: var(--_touch);
    padding: 0.5em 0.25em;
    text-decoration: none;
    color: inherit;
  }
  ul.results a:hover .name,
  ul.results a:focus-visible .name {
    text-decoration: underline;
  }
  .name {
    display: block;
    color: var(--_primary);
    font-weight: 600;
  }
  .meta {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .badge {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 0.5em;
    margin-inline-start: 0.25em;
    font-size: 0.8125em;
  }
  .more {
    margin-top: var(--_space);
  }
  [part='error'] {
    border-inline-start: 4px solid var(--_danger);
    padding: 0.5em var(--_space);
  }
  [part='error'] code {
    font-size: 0.875em;
  }
  .note {
    color: var(--_muted);
  }
`;
