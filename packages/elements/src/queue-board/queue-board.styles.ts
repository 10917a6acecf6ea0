import { css } from 'lit';

/**
 * The board's own styles: the counters, the latest calls, the connection line and the sound button, on a TV or an
 * office screen (the line height is blockStyles' 1.5, which is important).
 */
export const queueBoardStyles = css`
  :host {
    font-size: var(--motcua-queue-board-font-size, 24px) !important;
    background: var(--motcua-queue-board-background, #0a1a2f);
    color: var(--motcua-queue-board-color, #ffffff);
    padding: 0.75em;
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin-bottom: 0.75em;
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.2em;
    margin-bottom: 0.4em;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(9em, 1fr);
    gap: 0.75em;
    align-items: start;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='counters'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
    gap: 0.5em;
  }
  [part~='counter'] {
    background: var(--motcua-queue-board-card, #13294a);
    border: 0.15em solid transparent;
    border-radius: 0.3em;
    padding: 0.4em 0.6em;
    text-align: center;
    container-type: inline-size;
  }
  [part~='counter-new'] {
    border-color: var(--motcua-queue-board-accent, #4dd0ff);
    animation: flash 1s ease-in-out 4;
  }
  @keyframes flash {
    50% {
      border-color: transparent;
    }
  }
  [part='counter-label'] {
    display: block;
    font-size: 1.1em;
    font-weight: 600;
  }
  [part='number'],
  [part='call-number'] {
    display: block;
    color: var(--motcua-queue-board-number-color, #ffd84d);
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
  }
  [part='number'] {
    /* As large as the card allows a five-character number (browsers without container units: 2.6em). */
    font-size: 2.6em;
    font-size: min(3.2em, 30cqi);
    line-height: 1.1;
  }
  [part='number'].free {
    color: inherit;
    opacity: 0.75;
    font-size: 1.2em;
    font-weight: 400;
    line-height: 2.6;
  }
  [part='status'] {
    display: block;
    font-size: 0.9em;
  }
  [part='call'] {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5em;
    padding: 0.2em 0;
    border-bottom: 1px solid rgb(255 255 255 / 30%);
  }
  [part='call-number'] {
    font-size: 1.8em;
  }
  [part='connection'] {
    margin: 0;
    padding: 0.2em 0.5em;
    border-radius: 0.3em;
    background: #ffd84d;
    color: #1b1b1b;
    font-weight: 600;
  }
  [part='enable-sound'] {
    font: inherit;
    min-height: var(--motcua-touch-target, 44px);
    min-width: var(--motcua-touch-target, 44px);
    padding: 0.2em 0.8em;
    border: 2px solid currentColor;
    border-radius: 0.3em;
    background: #ffffff;
    color: #0a1a2f;
    font-weight: 700;
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (max-width: 700px) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='counter-new'] {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    [part~='counter'],
    [part='connection'] {
      border: 0.15em solid CanvasText;
    }
    [part~='counter-new'] {
      border-color: Highlight;
      border-style: double;
      border-width: 0.3em;
    }
    [part='number'],
    [part='call-number'] {
      color: CanvasText;
    }
    [part='enable-sound'] {
      border-color: ButtonText;
    }
  }
`;
