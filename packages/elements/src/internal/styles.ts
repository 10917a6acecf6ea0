import { css } from 'lit';

/**
 * Styles every motcua element starts from. Sizes are in `px`/`em`, never `rem`, so a host page that changes
 * the root font size (old CMS themes set `html { font-size: 62.5% }`) cannot shrink the widgets; every box inside
 * is `border-box`, set here rather than inherited, so a page's `* { box-sizing: content-box }` cannot widen them.
 *
 * Design tokens (set them on the element or any ancestor):
 * `--motcua-font-family`, `--motcua-font-size` (block widgets, default 16px), `--motcua-color-text`,
 * `--motcua-color-muted`, `--motcua-color-primary`, `--motcua-color-on-primary`, `--motcua-color-surface`,
 * `--motcua-color-border`, `--motcua-color-focus`, `--motcua-color-danger`, `--motcua-color-success`,
 * `--motcua-radius`, `--motcua-space`, `--motcua-touch-target` (default 44px).
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--motcua-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    color: var(--motcua-color-text, #1b1b1b);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--motcua-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * For block widgets: a fixed base font size, independent of the host page's `rem` and of its universal rules
 * (`* { font-size: 12px }` matches the host element and would beat a plain `:host` rule; an important declaration
 * of the shadow root wins over the page's). Size the widgets with `--motcua-font-size`.
 */
export const blockStyles = css`
  :host {
    display: block;
    font-size: var(--motcua-font-size, 16px) !important;
    line-height: 1.5 !important;
  }
`;
