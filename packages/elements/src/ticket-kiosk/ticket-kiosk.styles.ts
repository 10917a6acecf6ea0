import { css } from 'lit';

/** The kiosk's own styles: the screen's height shared by the services, big touch targets, the number in large type. */
export const ticketKioskStyles = css`
  /* The kiosk takes the screen's height, portrait (1080×1920) or landscape, and the services share it. */
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    min-height: var(--motcua-ticket-kiosk-min-height, 100dvh);
    container-type: inline-size;
    font-size: var(--motcua-ticket-kiosk-font-size, 24px) !important;
    color: var(--motcua-color-text, #000);
    background: var(--motcua-color-surface, #fff);
  }
  [part='header'] {
    text-align: center;
    margin-bottom: 0.75em;
  }
  [part='office'] {
    margin: 0;
    font-weight: 600;
    color: var(--motcua-color-muted, #333);
  }
  h2 {
    margin: 0.1em 0;
    font-size: 1.6em;
    line-height: 1.2;
  }
  p {
    margin: 0 0 0.5em;
  }
  [part='services'] {
    flex: 1;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--motcua-ticket-kiosk-columns, 16em)), 1fr));
    grid-auto-rows: 1fr;
    gap: 0.6em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  button {
    min-height: var(--motcua-touch-target, 44px);
    min-width: var(--motcua-touch-target, 44px);
    font: inherit;
    touch-action: manipulation;
    user-select: none;
    border-radius: var(--motcua-radius, 8px);
    cursor: pointer;
  }
  [part='service'] {
    display: flex;
    align-items: center;
    gap: 0.6em;
    width: 100%;
    height: 100%;
    min-height: max(var(--motcua-touch-target, 44px), var(--motcua-ticket-kiosk-button-height, 3.5em));
    padding: 0.5em 0.75em;
    font-size: 1.4em;
    font-weight: 700;
    text-align: start;
    color: var(--motcua-color-on-primary, #fff);
    background: var(--motcua-color-primary, #0b57d0);
    border: 3px solid var(--motcua-color-primary, #0b57d0);
  }
  [part='service']:disabled {
    cursor: progress;
    opacity: 0.6;
  }
  [part='service'][aria-disabled='true'] {
    color: var(--motcua-color-text, #000);
    background: var(--motcua-color-surface, #fff);
    opacity: var(--motcua-ticket-kiosk-closed-opacity, 0.7);
  }
  [part='opens'] {
    display: block;
    font-size: 0.7em;
  }
  [part='prefix'] {
    flex: none;
    min-width: 1.8em;
    padding: 0.1em 0.3em;
    text-align: center;
    color: var(--motcua-color-primary, #0b57d0);
    background: var(--motcua-color-on-primary, #fff);
    border-radius: var(--motcua-radius, 8px);
  }
  /* As big as a service button: a choice a citizen sees and reaches, its state in colour and a check mark. */
  [part='priority'] {
    display: flex;
    align-items: center;
    gap: 0.6em;
    width: 100%;
    min-height: max(var(--motcua-touch-target, 44px), var(--motcua-ticket-kiosk-button-height, 3.5em));
    margin-top: 0.75em;
    padding: 0.5em 0.75em;
    font-size: 1.4em;
    font-weight: 700;
    text-align: start;
    color: var(--motcua-color-primary, #0b57d0);
    background: var(--motcua-color-surface, #fff);
    border: 3px solid var(--motcua-color-primary, #0b57d0);
  }
  [part='priority'][aria-pressed='true'] {
    color: var(--motcua-color-on-primary, #fff);
    background: var(--motcua-color-primary, #0b57d0);
  }
  .box {
    flex: none;
    display: grid;
    place-items: center;
    width: 1.6em;
    height: 1.6em;
    border: 3px solid currentColor;
    border-radius: var(--motcua-radius, 8px);
  }
  [aria-pressed='true'] .box::after {
    content: '✓';
  }
  .hint {
    font-size: 0.85em;
    color: var(--motcua-color-muted, #333);
  }
  #priority-hint {
    margin-top: 0.3em;
    text-align: center;
    color: inherit;
  }
  [part='status'] {
    margin: 0.75em 0;
    text-align: center;
    font-weight: 600;
  }
  [part='status']:empty {
    display: none;
  }
  [part='ticket'],
  [part='message'] {
    flex: 1;
    display: grid;
    align-content: center;
    justify-items: center;
    gap: 0.25em;
    padding: 1em;
    text-align: center;
    border: 3px solid var(--motcua-color-border, #595959);
    border-radius: var(--motcua-radius, 8px);
    outline-offset: 4px;
  }
  [part='message'] {
    border-color: var(--motcua-color-danger, #b3261e);
  }
  [part='number'] {
    margin: 0;
    font-size: var(--motcua-ticket-kiosk-number-size, 5em);
    font-weight: 800;
    line-height: 1.05;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
  }
  [part='qr'] {
    display: block;
    width: 7em;
    height: 7em;
    margin: 0.25em auto;
  }
  /* Wide (landscape) screens: the number and its facts beside the QR code, so that it all fits one screen. */
  @container (min-width: 34em) {
    [part='ticket']:has(.scan) {
      grid-template-columns: 1fr auto;
      column-gap: 1.5em;
    }
    [part='ticket']:has(.scan) > :not(.scan) {
      grid-column: 1;
    }
    [part='ticket'] > .scan {
      grid-column: 2;
      grid-row: 1 / span 3;
      align-self: center;
    }
    [part='ticket'] > .actions,
    [part='ticket'] > .hint {
      grid-column: 1 / -1;
    }
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.6em;
    margin-top: 0.5em;
  }
  [part='done'],
  [part='retry'] {
    min-width: 6em;
    min-height: max(var(--motcua-touch-target, 44px), 2.4em);
    padding: 0.3em 1em;
    font-weight: 700;
    color: var(--motcua-color-on-primary, #fff);
    background: var(--motcua-color-primary, #0b57d0);
    border: 3px solid var(--motcua-color-primary, #0b57d0);
  }
  [part='done'].secondary {
    color: var(--motcua-color-primary, #0b57d0);
    background: var(--motcua-color-surface, #fff);
  }
  @media (forced-colors: active) {
    [part='service'],
    [part='done'],
    [part='retry'],
    [part='priority'] {
      border-color: ButtonText;
    }
    [part='priority'][aria-pressed='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
      border-color: HighlightText;
    }
    [aria-pressed='true'] .hint {
      color: HighlightText;
    }
    [aria-pressed='true'] .box {
      background: HighlightText;
      box-shadow: inset 0 0 0 2px Highlight;
    }
    [part='prefix'] {
      border: 1px solid ButtonText;
    }
    [part='message'] {
      border-color: CanvasText;
    }
  }
`;
