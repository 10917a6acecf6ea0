import { css } from 'lit';

/** The ticket status page's own styles (a phone first: one column, large number, no layout shift). */
export const ticketStatusStyles = css`
  :host {
    font-size: var(--motcua-ticket-status-font-size, 18px) !important;
    line-height: 1.4;
    color: var(--motcua-ticket-status-color, #1b1b1b);
    background: var(--motcua-ticket-status-background, #ffffff);
    padding: 1em;
    max-width: 32em;
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.2em;
  }
  [part='number'] {
    display: block;
    min-height: 1.2em;
    font-size: 3.5em;
    font-weight: 800;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
    color: var(--motcua-ticket-status-accent, #0b4f9c);
  }
  [part='service'] {
    margin: 0 0 0.75em;
    font-weight: 600;
  }
  [part~='state'] {
    margin: 0 0 0.5em;
    padding: 0.6em 0.8em;
    border-radius: 0.4em;
    background: #eef3fa;
    font-weight: 600;
  }
  [part~='state-near'],
  [part~='state-called'] {
    background: #fff4cc;
    border: 2px solid #8a6100;
  }
  [part='wait'],
  [part='hint'] {
    margin: 0 0 0.5em;
  }
  [part='hint'],
  .hint {
    color: #4a4a4a;
    font-size: 0.9em;
  }
  [part='connection'] {
    margin: 0 0 0.5em;
    padding: 0.2em 0.5em;
    border-radius: 0.3em;
    background: #ffd84d;
    color: #1b1b1b;
  }
  [part='rate'],
  [part='notify'] button {
    font: inherit;
    border: 0;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    min-height: var(--motcua-touch-target, 44px);
    padding: 0.3em 1em;
    border-radius: 0.4em;
    background: var(--motcua-ticket-status-accent, #0b4f9c);
    color: #ffffff;
    font-weight: 700;
    text-decoration: none;
  }
  [part='rate']:focus-visible,
  [part='notify'] button:focus-visible {
    outline: 3px solid #1b1b1b;
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    [part~='state'],
    [part='rate'],
    [part='notify'] button {
      border: 2px solid CanvasText;
    }
  }
`;
