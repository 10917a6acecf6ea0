/**
 * Printing from a hidden `<iframe>` of the host page: only what is written into the frame prints, never the page
 * around the element, and no pop-up window is needed (the in-app browsers of Zalo and Facebook block those). The
 * print views of the elements (the kiosk's ticket, the counter's receipt slip, the procedure list's noticeboard
 * listing) build their document with DOM APIs, text only, and print it through an injectable printer.
 */

/**
 * Puts `css` into `doc` without an inline `<style>` where constructable style sheets exist, so that a page whose
 * Content Security Policy forbids inline styles (`style-src` without `'unsafe-inline'`) still prints its layout;
 * elsewhere (Safari before 16.4, a document without a window) in the head's `<style>` element. A second call
 * replaces the styles of the first.
 *
 * @example
 * ```ts
 * setFrameStyles(frame.contentDocument, '@page { size: A5; margin: 10mm; }');
 * ```
 */
export function setFrameStyles(doc: Document, css: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet === 'function') {
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // fall back to a <style> element
    }
  }
  let style = doc.head.querySelector('style');
  if (!style) {
    style = doc.createElement('style');
    doc.head.append(style);
  }
  style.textContent = css;
}

/** What {@link PrintFrame.print} prints. */
export interface FramePrintJob {
  /** The frame's accessible name (the frame itself is `aria-hidden` and out of the tab order). */
  readonly title: string;
  /**
   * The frame's width, a CSS length: a print view that measures its content lays it out at the paper's printable
   * width (`'48mm'`). Default `'0'`.
   */
  readonly width?: string;
  /** The frame's height, a CSS length. Default `'0'`. */
  readonly height?: string;
  /**
   * Writes the document to print into the frame's document (already in the page, so it can be measured), styles
   * included, e.g. with {@link setFrameStyles}.
   */
  readonly write: (doc: Document) => void;
}

/**
 * One element's print frame: each {@link PrintFrame.print} removes the previous frame, builds a new hidden one at
 * the end of `document.body`, lets the print view write into it, and calls the printer with the frame's window (by
 * default an element passes `(view) => view.print()`, which Chromium's `--kiosk-printing` sends to the default
 * printer without a dialog; tests pass a stub). The frame stays after printing — browsers that print asynchronously
 * (Safari, Firefox) still read it — until the next print or {@link PrintFrame.remove}, which the element calls when
 * it leaves the page.
 *
 * @example
 * ```ts
 * const printFrame = new PrintFrame();
 * printFrame.print(
 *   { title: 'Phiếu in', write: (doc) => { doc.body.textContent = 'A001'; setFrameStyles(doc, '@page { size: 58mm 60mm; }'); } },
 *   (view) => view.print(),
 * );
 * // in disconnectedCallback:
 * printFrame.remove();
 * ```
 */
export class PrintFrame {
  /** The frame of the last print, until it is removed. */
  frame: HTMLIFrameElement | undefined;

  /**
   * Prints `job` from a new hidden frame (removing the previous one) and answers the frame. An error of the printer
   * is not caught: the caller decides what a failed print means; the frame stays until the next print.
   */
  print(job: FramePrintJob, printer: (view: Window) => void): HTMLIFrameElement {
    this.remove();
    const frame = document.createElement('iframe');
    frame.title = job.title;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    // Through the CSSOM, which a strict Content Security Policy allows (a style attribute in markup it would not).
    frame.style.cssText = `position:fixed;inset:auto auto 0 0;border:0;visibility:hidden;pointer-events:none;width:${job.width ?? '0'};height:${job.height ?? '0'}`;
    document.body.append(frame);
    this.frame = frame;
    job.write(frame.contentDocument as Document);
    printer(frame.contentWindow as Window);
    return frame;
  }

  /** Removes the frame of the last print, if any. */
  remove(): void {
    this.frame?.remove();
    this.frame = undefined;
  }
}
