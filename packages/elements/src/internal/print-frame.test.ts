import { expect } from '@open-wc/testing';
import { PrintFrame, setFrameStyles } from './print-frame.js';

const rules = (doc: Document) =>
  [...doc.adoptedStyleSheets, ...doc.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));

describe('PrintFrame', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('prints what the view writes from a hidden frame, through the injected printer, never the page', () => {
    const printed: Window[] = [];
    const printFrame = new PrintFrame();
    const frame = printFrame.print(
      {
        title: 'Phiếu in',
        width: '48mm',
        height: '10px',
        write: (doc) => {
          const p = doc.createElement('p');
          p.textContent = '<b>A001</b>';
          doc.body.append(p);
          setFrameStyles(doc, '@page { size: 58mm 80mm; margin: 3mm 5mm; }');
        },
      },
      (view) => printed.push(view),
    );
    expect(printed).to.have.length(1);
    expect(printed[0]).to.equal(frame.contentWindow);
    expect(printed[0]).not.to.equal(window);
    expect(frame.isConnected).to.equal(true);
    expect(printFrame.frame).to.equal(frame);
    expect(frame.title).to.equal('Phiếu in');
    expect(frame.getAttribute('aria-hidden')).to.equal('true');
    expect(frame.tabIndex).to.equal(-1);
    expect(frame.style.visibility).to.equal('hidden');
    expect(frame.style.position).to.equal('fixed');
    expect(frame.style.width).to.equal('48mm');
    const doc = frame.contentDocument as Document;
    expect(doc.body.textContent).to.equal('<b>A001</b>');
    expect(doc.querySelector('b')).to.equal(null);
    expect(rules(doc).join('\n')).to.match(/@page \{ size: 58mm 80mm;/);
  });

  it('keeps one frame: the next print and remove() take the previous one away', () => {
    const printFrame = new PrintFrame();
    const job = { title: 'x', write: () => undefined };
    const first = printFrame.print(job, () => undefined);
    const second = printFrame.print(job, () => undefined);
    expect(first.isConnected).to.equal(false);
    expect(second.isConnected).to.equal(true);
    expect(second.style.width).to.equal('0px');
    expect(document.querySelectorAll('iframe')).to.have.length(1);
    printFrame.remove();
    expect(second.isConnected).to.equal(false);
    expect(printFrame.frame).to.equal(undefined);
    printFrame.remove();
  });

  it('lets a failing printer throw to the caller and keeps the frame for the next print to replace', () => {
    const printFrame = new PrintFrame();
    expect(() =>
      printFrame.print({ title: 'x', write: () => undefined }, () => {
        throw new Error('out of paper');
      }),
    ).to.throw('out of paper');
    expect(printFrame.frame?.isConnected).to.equal(true);
  });
});

describe('setFrameStyles', () => {
  it('uses a constructable style sheet, no inline <style> (strict CSP), and replaces it on a second call', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const doc = frame.contentDocument as Document;
    setFrameStyles(doc, 'p { color: red; }');
    setFrameStyles(doc, 'p { color: blue; }');
    expect(doc.querySelector('style')).to.equal(null);
    expect(doc.adoptedStyleSheets).to.have.length(1);
    expect(rules(doc)).to.deep.equal(['p { color: blue; }']);
    frame.remove();
  });

  it('falls back to one <style> element where constructable style sheets are missing', () => {
    const doc = document.implementation.createHTMLDocument('print');
    setFrameStyles(doc, 'p { color: red; }');
    setFrameStyles(doc, 'p { color: blue; }');
    const styles = doc.head.querySelectorAll('style');
    expect(styles).to.have.length(1);
    expect(styles[0]?.textContent).to.equal('p { color: blue; }');
  });

  it('falls back to <style> when the constructable sheet throws', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const doc = frame.contentDocument as Document;
    const view = frame.contentWindow as Window & typeof globalThis;
    view.CSSStyleSheet.prototype.replaceSync = () => {
      throw new Error('not allowed');
    };
    setFrameStyles(doc, 'p { color: red; }');
    expect(doc.head.querySelector('style')?.textContent).to.equal('p { color: red; }');
    frame.remove();
  });
});
