/**
 * The visit through the one-stop shop on the example site, in several pages of one headless Chromium against the
 * built demo server: a citizen takes a number at the kiosk, the board calls it aloud, the officer calls it at counter
 * 1 and receives a dossier, the citizen looks the dossier up and rates the service; then the kiosk during a network
 * outage (issue 11: never a duplicate number), and axe on every page in its final state. Printers and voices are
 * replaced by recorders, so nothing prints and the test asserts what would be printed and said.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, ElementHandle, HTTPRequest, JSHandle, Page } from 'puppeteer-core';
import { formatAnnouncement } from '../../packages/core/dist/queue/index.js';
import {
  axeViolations,
  type DemoServer,
  inShadow,
  launchBrowser,
  openPage,
  shadowText,
  startDemoServer,
} from './support.js';

/** What a recorder kept: the utterances a speech engine was asked to say and the frames a printer was given. */
interface Recorded {
  readonly said: { readonly text: string; readonly lang: string }[];
  readonly printed: { readonly text: string; readonly qr: Record<string, string> }[];
}

/** The board's answer (`GET /api/queue/board`), as far as these tests read it. */
interface BoardAnswer {
  readonly counters: { id: string; label: string; ticket: { number: string; status: string } | null }[];
  readonly services: { id: string; waiting: number; next: string[] }[];
  readonly recent: { number: string; counter: string | null }[];
}

/**
 * How often `waitForFunction` looks, in milliseconds: by time, not by animation frame, since the pages behind the
 * front one get no frames.
 */
const POLL = 100;

const KIOSK = 'motcua-ticket-kiosk';
const BOARD = 'motcua-queue-board';
const CONSOLE = 'motcua-counter-console';
const STATUS = 'motcua-dossier-status';
const RATING = 'motcua-rating-form';

/**
 * Signs an officer in on the counter page: the sign-in form the console shows without a token (in the shadow root of
 * the `<motcua-sign-in>` inside the console's), then waits for the console's buttons.
 */
async function signInAtCounter(page: Page, username: string, password: string): Promise<void> {
  const field = async (id: string) =>
    elementOf(
      await page.waitForFunction(
        (h: string, i: string) =>
          document.querySelector(h)?.shadowRoot?.querySelector('motcua-sign-in')?.shadowRoot?.querySelector(`#${i}`) ??
          false,
        { polling: POLL, timeout: 60_000 },
        CONSOLE,
        id,
      ),
    );
  await (await field('username')).type(username);
  await (await field('password')).type(password);
  await page.keyboard.press('Enter');
  await inShadow(page, CONSOLE, '[data-action="next"]', 60_000);
}

/** A page of the site opened in the shared browser, with what must never happen on it. */
interface SitePage {
  readonly page: Page;
  readonly problems: string[];
}

/**
 * Replaces the `speech` and `printer` properties of `host`, those it has (once its element is defined, so that the
 * properties are Lit's), with recorders that keep what would be said and printed in the page (read with {@link recorded}).
 */
async function recordSpeechAndPrinting(page: Page, host: string): Promise<void> {
  await page.evaluate((tag: string) => customElements.whenDefined(tag).then(() => undefined), host);
  await page.$eval(host, (element) => {
    const kept: Recorded = { said: [], printed: [] };
    (globalThis as unknown as { motcuaRecorded: Recorded }).motcuaRecorded = kept;
    if ('speech' in element) {
      Object.assign(element, {
        speech: {
          async speak(utterance: { text: string; lang: string }) {
            kept.said.push({ text: utterance.text, lang: utterance.lang });
          },
          async unlock() {},
        },
      });
    }
    if ('printer' in element) {
      Object.assign(element, {
        printer: (view: Window) => {
          const qr: Record<string, string> = {};
          for (const figure of view.document.querySelectorAll<HTMLElement>('figure[data-qr]')) {
            qr[figure.dataset.qr ?? ''] = figure.dataset.url ?? '';
          }
          kept.printed.push({ text: (view.document.body.textContent ?? '').replace(/\s+/g, ' ').trim(), qr });
        },
      });
    }
  });
}

/** The element a `waitForFunction` found. */
function elementOf(handle: JSHandle<unknown>): ElementHandle<Element> {
  const element = handle.asElement();
  if (!element) throw new Error('not an element');
  return element as ElementHandle<Element>;
}

async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (globalThis as unknown as { motcuaRecorded: Recorded }).motcuaRecorded);
}

/** Waits until the recorder of `page` holds at least `said` utterances and `printed` printed frames. */
async function waitForRecorded(page: Page, counts: { said?: number; printed?: number }): Promise<Recorded> {
  await page.waitForFunction(
    (said: number, printed: number) => {
      const kept = (globalThis as unknown as { motcuaRecorded?: Recorded }).motcuaRecorded;
      return kept !== undefined && kept.said.length >= said && kept.printed.length >= printed;
    },
    { polling: POLL, timeout: 60_000 },
    counts.said ?? 0,
    counts.printed ?? 0,
  );
  return recorded(page);
}

/** The text of the first element matching `selector` in `host`'s shadow root, whitespace collapsed. */
async function textIn(page: Page, host: string, selector: string): Promise<string> {
  const element = await inShadow(page, host, selector);
  return element.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Waits until `host`'s shadow root has an element matching `selector` whose text is `text`. */
async function waitForText(page: Page, host: string, selector: string, text: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (h: string, s: string, t: string) =>
      [...(document.querySelector(h)?.shadowRoot?.querySelectorAll(s) ?? [])].some(
        (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim() === t,
      ),
    { polling: POLL, timeout },
    host,
    selector,
    text,
  );
}

describe('the one-stop shop on the example site, end to end', { timeout: 900_000 }, () => {
  let server: DemoServer;
  let browser: Browser;
  const opened: SitePage[] = [];
  /** Opens a page of the site (a path relative to it, or a full address such as a QR code's). */
  const open = async (address: string): Promise<SitePage> => {
    const url = new URL(address, server.url);
    // The board keeps its event stream open, so its page never has a quiet network.
    const site = await openPage(
      browser,
      url.href,
      url.pathname.endsWith('/man-hinh.html') ? { waitUntil: 'load' } : {},
    );
    opened.push(site);
    return site;
  };
  const board = async (): Promise<BoardAnswer> => {
    const response = await fetch(`${server.url}api/queue/board`);
    assert.equal(response.status, 200);
    return (await response.json()) as BoardAnswer;
  };

  before(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('a visit: the kiosk, the board, counter 1, the status page and the rating form', () => {
    // What one step hands to the next.
    let kiosk: SitePage;
    let screen: SitePage;
    let counter: SitePage;
    let number = '';
    let dossier = { code: '', pin: '' };
    let slip: Recorded['printed'][number] | undefined;

    it('the board is open in its own window, its voice recorded and its sound enabled', async () => {
      screen = await open('man-hinh.html');
      await recordSpeechAndPrinting(screen.page, BOARD);
      // Browsers play sound only after a gesture: the board offers "Bật âm thanh" until there has been one.
      await (await inShadow(screen.page, BOARD, '[part="enable-sound"]')).click();
      await screen.page.waitForFunction(
        (h: string) => document.querySelector(h)?.shadowRoot?.querySelector('[part="enable-sound"]') === null,
        { polling: POLL, timeout: 30_000 },
        BOARD,
      );
      await waitForText(screen.page, BOARD, '[part="counter-label"]', 'Quầy 1');
    });

    it('the kiosk issues a civil-status number and says it, printing nothing', async () => {
      kiosk = await open('lay-so.html');
      const service = await inShadow(kiosk.page, KIOSK, '[part="service"][data-service="ho-tich"]');
      await recordSpeechAndPrinting(kiosk.page, KIOSK);
      await service.click();
      number = await textIn(kiosk.page, KIOSK, '[part="number"]');
      assert.match(number, /^A\d+$/, 'a number of the civil-status service (prefix A)');
      const kept = await waitForRecorded(kiosk.page, { said: 1, printed: 1 });
      const spoken = formatAnnouncement(number, '', {
        template: 'Số của bạn là {number}',
        templateEn: 'Your number is {number}',
      });
      assert.deepEqual(kept.said, [{ text: spoken.speech, lang: 'vi' }]);
      assert.equal(kept.printed.length, 1, 'one ticket printed');
      assert.ok(kept.printed[0]?.text.includes(number), `the printed ticket shows ${number}`);
      const waiting = (await board()).services.find((s) => s.id === 'ho-tich');
      assert.deepEqual(waiting?.next, [number], 'the server holds the number, waiting');
    });

    it('the officer signs in at the counter page, which holds no token, and works counter 1', async () => {
      counter = await open('quay.html?quay=1');
      const html = await counter.page.content();
      assert.doesNotMatch(html, /demo-counter|token="/, 'no access token in the page');
      await signInAtCounter(counter.page, 'canbo1', 'demo-canbo1');
      const named = await counter.page.$eval(
        CONSOLE,
        (el) =>
          el.shadowRoot?.querySelector('motcua-sign-in')?.shadowRoot?.querySelector('[part="session"]')?.textContent,
      );
      assert.match(named ?? '', /Cán bộ Một/, 'the console names the officer signed in');
    });

    it('counter 1 calls the next number: the kiosk’s, on the board and in its voice', async () => {
      await recordSpeechAndPrinting(counter.page, CONSOLE);
      await (await inShadow(counter.page, CONSOLE, '[data-action="next"]')).click();
      await waitForText(counter.page, CONSOLE, '[part="number"]', number);

      await screen.page.waitForFunction(
        (h: string, n: string) =>
          [...(document.querySelector(h)?.shadowRoot?.querySelectorAll('[part~="counter"]') ?? [])].some(
            (card) =>
              card.querySelector('[part="counter-label"]')?.textContent?.trim() === 'Quầy 1' &&
              card.querySelector('[part="number"]')?.textContent?.trim() === n,
          ),
        { polling: POLL, timeout: 60_000 },
        BOARD,
        number,
      );
      // The board says each call twice (its default `repeat`), exactly core's announcement for counter 1.
      const kept = await waitForRecorded(screen.page, { said: 2 });
      const call = formatAnnouncement(number, '1');
      assert.deepEqual(kept.said, [
        { text: call.speech, lang: 'vi' },
        { text: call.speech, lang: 'vi' },
      ]);
      assert.match(call.speech, /^Xin mời số .+, đến quầy số một$/);
    });

    it('the officer receives a dossier for the called number and prints the receipt with its rating code', async () => {
      const { page } = counter;
      await (await inShadow(page, CONSOLE, '[part~="intake-toggle"]')).click();
      // Typed without diacritics, as officers often type.
      await (await inShadow(page, CONSOLE, '#procedure-search')).type('dang ky khai sinh');
      const choice = await page.waitForFunction(
        (h: string) =>
          [...(document.querySelector(h)?.shadowRoot?.querySelectorAll('[part~="procedure"]') ?? [])].find((b) =>
            (b.textContent ?? '').trim().startsWith('Đăng ký khai sinh ('),
          ) ?? false,
        { polling: POLL, timeout: 60_000 },
        CONSOLE,
      );
      await elementOf(choice).click();
      await inShadow(page, CONSOLE, '#procedure-chosen');

      // Tick the first document of the procedure's list, if the catalogue gives one (the sample catalogue lists none),
      // and add one the list does not have.
      await inShadow(page, CONSOLE, '[part="documents"]');
      const listed = await page.$eval(
        CONSOLE,
        (el) => el.shadowRoot?.querySelectorAll('[part="documents"] input[type="checkbox"]').length ?? 0,
      );
      if (listed > 0) await (await inShadow(page, CONSOLE, '#document-0')).click();
      await (await inShadow(page, CONSOLE, '#other-document')).type('Giấy chứng sinh (bản sao)');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (h: string) =>
          [...(document.querySelector(h)?.shadowRoot?.querySelectorAll('label.check') ?? [])].some(
            (label) =>
              label.textContent?.includes('Giấy chứng sinh (bản sao)') &&
              label.querySelector('input')?.checked === true,
          ),
        { polling: POLL, timeout: 30_000 },
        CONSOLE,
      );
      await (await inShadow(page, CONSOLE, '#applicant-name')).type('Nguyễn Thị Lan');
      await (await inShadow(page, CONSOLE, '#applicant-phone')).type('0912345678');
      await (await inShadow(page, CONSOLE, '[part~="receive"]')).click();

      await inShadow(page, CONSOLE, '[part="receipt"]', 60_000);
      dossier = await page.$eval(CONSOLE, (el) => {
        const values = [...(el.shadowRoot?.querySelectorAll('[part="receipt"] dd') ?? [])];
        return {
          code: values[0]?.textContent?.trim() ?? '',
          pin: el.shadowRoot?.querySelector('[part="receipt"] dd.pin')?.textContent?.trim() ?? '',
        };
      });
      assert.match(dossier.code, /^[\w.]+-\d{6}-\d{4}$/, 'a dossier code');
      assert.match(dossier.pin, /^\d{6,}$/, 'a lookup PIN');
      assert.match(await textIn(page, CONSOLE, '[part="receipt"]'), new RegExp(number), 'linked to the ticket');

      // Finish the ticket and print the receipt: the slip carries the rating code of the finished visit.
      await (await inShadow(page, CONSOLE, '[part~="finish-print"]')).click();
      const kept = await waitForRecorded(page, { printed: 1 });
      slip = kept.printed[0];
      assert.ok(slip, 'a receipt slip was printed');
      assert.ok(slip.text.includes(dossier.code), 'the slip has the dossier code');
      assert.ok(slip.text.includes(dossier.pin), 'the slip has the PIN');
      assert.ok(slip.text.includes('Giấy chứng sinh (bản sao)'), 'the slip lists the added document');
      assert.match(slip.qr.rating ?? '', /\/danh-gia\.html\?t=[^&]+$/, 'a QR code to the rating form');
      assert.match(slip.qr.status ?? '', /\/tra-cuu\.html\?ma-ho-so=/, 'a QR code to the status page');
      const served = (await board()).counters.find((c) => c.id === '1');
      assert.equal(served?.ticket, null, 'counter 1 is free again once the ticket is done');
    });

    it('the citizen rates counter 1 on the officer’s screen, which sends the officer’s session for the counter', async () => {
      const { page } = counter;
      await page.waitForSelector('[data-counter-rating]:not([hidden])', { timeout: 60_000 });
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/ratings') && r.request().method() === 'POST');
      await (await inShadow(page, RATING, 'input[name="overall"][value="3"]')).click();
      await (await inShadow(page, RATING, '[part="submit"]')).click();
      const response = await answer;
      assert.equal(response.status(), 201, await response.text());
      assert.equal(response.request().headers()['motcua-counter'], '1');
      assert.equal(response.request().headers().authorization, undefined, 'no token in the page to send');
    });

    it('the citizen looks the new dossier up from the receipt’s QR code and its PIN: received', async () => {
      const status = await open(slip?.qr.status ?? '');
      const { page } = status;
      await (await inShadow(page, STATUS, 'input[name="pin"]')).type(dossier.pin);
      await (await inShadow(page, STATUS, 'button[type="submit"]')).click();
      await inShadow(page, STATUS, '[part="timeline"]', 60_000);
      assert.ok((await shadowText(page, STATUS)).includes(dossier.code));
      assert.match(await textIn(page, STATUS, '[aria-current="step"]'), /^Được tiếp nhận/);
    });

    it('the citizen rates the visit once: the rating code is good for one rating only', async (t) => {
      const rating = slip?.qr.rating ?? '';
      const sent: { url: string; body: string }[] = [];
      const first = await open(rating);
      first.page.on('request', (request: HTTPRequest) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/ratings')) {
          sent.push({ url: request.url(), body: request.postData() ?? '' });
        }
      });
      await (await inShadow(first.page, RATING, 'input[name="overall"]')).click(); // Rất hài lòng
      await (await inShadow(first.page, RATING, '[part="submit"]')).click();
      await inShadow(first.page, RATING, '[part="message"][data-status="sent"]', 60_000);
      assert.match(await textIn(first.page, RATING, '[part="message"]'), /Cảm ơn/);
      assert.equal(sent.length, 1);

      // The same code again, in another window, with another answer: the server does not record a second rating.
      const second = await open(rating);
      const options = await second.page.waitForFunction(
        (h: string) => {
          const radios = document.querySelector(h)?.shadowRoot?.querySelectorAll('input[name="overall"]') ?? [];
          return radios.length >= 2 ? radios[1] : false;
        },
        { polling: POLL, timeout: 30_000 },
        RATING,
      );
      await elementOf(options).click(); // Hài lòng
      await (await inShadow(second.page, RATING, '[part="submit"]')).click();
      const answer = await inShadow(second.page, RATING, '[part="message"]', 60_000);
      const shown = await answer.evaluate((el) => (el as HTMLElement).dataset.status);
      // The form sends a token's ratings under one idempotency key (the token's id), so the server answers the second
      // with its stored answer to the first ("sent"); "already-rated" would be its own refusal.
      assert.ok(shown === 'already-rated' || shown === 'sent', `the second window shows "${shown}"`);
      t.diagnostic(`the second window shows "${shown}"`);

      // Sent again without the form's idempotency key: refused, the token is spent.
      const again = await fetch(sent[0]?.url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sent[0]?.body ?? '',
      });
      assert.equal(again.status, 409);
      assert.equal(((await again.json()) as { error?: { code?: string } }).error?.code, 'token-consumed');
    });
  });

  describe('the kiosk during a network outage: it refuses, and never issues a duplicate (issue 11)', () => {
    it('refuses ten presses offline, shows no number it was not given, and issues one number once back online', async () => {
      const screen = await open('man-hinh.html');
      const outage = await open('lay-so.html');
      const { page } = outage;
      const before = (await board()).services.find((s) => s.id === 'chung-thuc');
      await inShadow(page, KIOSK, '[part="service"][data-service="chung-thuc"]');
      await recordSpeechAndPrinting(page, KIOSK);
      await page.$eval(KIOSK, (element) => {
        const events: string[] = [];
        (globalThis as unknown as { motcuaEvents: string[] }).motcuaEvents = events;
        element.addEventListener('motcua-ticket-issued', (e) =>
          events.push(`issued ${(e as CustomEvent<{ ticket: { number: string } }>).detail.ticket.number}`),
        );
        element.addEventListener('motcua-ticket-refused', (e) =>
          events.push(`refused ${(e as CustomEvent<{ reason: string }>).detail.reason}`),
        );
        // Shorter pauses between the retries of a press than a kiosk's, to keep the test short.
        Object.assign(element, { retryDelays: [200, 200] });
      });
      // The kiosk has been touched before the outage: what a press needs has loaded.
      await (await inShadow(page, KIOSK, '[part="header"]')).click();
      await page.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 });

      await page.setOfflineMode(true);
      for (let press = 1; press <= 10; press++) {
        await (await inShadow(page, KIOSK, '[part="service"][data-service="chung-thuc"]')).click();
        await inShadow(page, KIOSK, '[part="message"][data-reason="offline"]', 60_000);
        assert.equal(
          await page.$eval(KIOSK, (el) => el.shadowRoot?.querySelector('[part="number"]') ?? null),
          null,
          `press ${press}: no number on screen`,
        );
        await (await inShadow(page, KIOSK, '[part="message"] [part="done"]')).click();
        await inShadow(page, KIOSK, '[part="service"][data-service="chung-thuc"]');
      }
      assert.match(await shadowText(page, KIOSK), /Lấy số thứ tự/);
      const events = await page.evaluate(() => (globalThis as unknown as { motcuaEvents: string[] }).motcuaEvents);
      assert.deepEqual(
        events,
        Array.from({ length: 10 }, () => 'refused offline'),
      );
      assert.deepEqual((await recorded(page)).said, [], 'nothing said');
      assert.deepEqual((await recorded(page)).printed, [], 'nothing printed');
      assert.deepEqual(
        (await board()).services.find((s) => s.id === 'chung-thuc'),
        before,
        'no ticket was issued',
      );

      await page.setOfflineMode(false);
      await (await inShadow(page, KIOSK, '[part="service"][data-service="chung-thuc"]')).click();
      const issued = await textIn(page, KIOSK, '[part="number"]');
      assert.match(issued, /^C\d+$/);
      const after = await board();
      const waiting = after.services.find((s) => s.id === 'chung-thuc');
      assert.equal(waiting?.waiting, (before?.waiting ?? 0) + 1, 'exactly one ticket for eleven presses');
      assert.deepEqual(waiting?.next, [...(before?.next ?? []), issued]);
      const numbers = [...after.services.flatMap((s) => s.next), ...after.recent.map((t) => t.number)];
      assert.equal(new Set(numbers).size, numbers.length, `no duplicate number on the board: ${numbers.join(', ')}`);

      // Counter 3 (every service) calls it, in another window of the officer's browser (signed in already): the board
      // page shows it once, at counter 3.
      const counter = await open('quay.html?quay=3');
      await (await inShadow(counter.page, CONSOLE, '[data-action="next"]')).click();
      await waitForText(counter.page, CONSOLE, '[part="number"]', issued);
      await waitForText(screen.page, BOARD, '[part="call-number"]', issued);
      const calls = await screen.page.$eval(BOARD, (el) =>
        [...(el.shadowRoot?.querySelectorAll('[part="call-number"]') ?? [])].map((n) => n.textContent?.trim()),
      );
      assert.equal(new Set(calls).size, calls.length, `no duplicate call on the board page: ${calls.join(', ')}`);
      const shown = await screen.page.$eval(BOARD, (el) =>
        [...(el.shadowRoot?.querySelectorAll('[part~="counter"]') ?? [])].map((card) =>
          (card.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      );
      assert.ok(
        shown.includes(`Quầy 3 ${issued} Mời đến quầy`),
        `the board shows ${issued} at counter 3: ${shown.join(' | ')}`,
      );
      // This board speaks with its own voice: without a Vietnamese synthesiser voice (headless Chromium has none), the
      // recorded clips, fetched under the page's Content-Security-Policy (checked with every page's problems below).
      const voice = await screen.page.waitForFunction(
        () =>
          speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().startsWith('vi')) ||
          performance.getEntriesByType('resource').filter((entry) => /\/voice\/[^/]+\.mp3$/.test(entry.name)).length,
        { polling: POLL, timeout: 60_000 },
      );
      assert.ok(await voice.jsonValue(), 'the call is said with a voice or the recorded clips');
    });
  });

  describe('every page of the site, in its final state', () => {
    it('every page passes axe in its final state, in Vietnamese and in English, without errors or CSP violations', async () => {
      for (const path of ['', 'nhung-trang.html', 'giao-dien.html', 'danh-gia.html', 'tra-cuu.html']) await open(path);
      const english = await open('lay-so.html?lang=en');
      await inShadow(english.page, KIOSK, '[part="service"]');
      assert.equal(await english.page.$eval('html', (html) => html.lang), 'en');
      await english.page.waitForFunction(
        (h: string) => /Take a number|ticket/i.test(document.querySelector(h)?.shadowRoot?.textContent ?? ''),
        { polling: POLL, timeout: 30_000 },
        KIOSK,
      );
      const englishBoard = await open('man-hinh.html');
      await englishBoard.page.click('[data-switch-lang="en"]');
      await waitForText(englishBoard.page, BOARD, '[part="counter-label"]', 'Counter 1');
      await englishBoard.page.click('[data-switch-lang="vi"]'); // the choice is kept: leave the site in Vietnamese

      const failures: string[] = [];
      for (const { page, problems } of opened) {
        if (page.isClosed()) continue;
        const where = new URL(page.url()).pathname + new URL(page.url()).search;
        for (const violation of await axeViolations(page)) failures.push(`${where}: ${violation}`);
        for (const problem of problems) failures.push(`${where}: ${problem}`);
      }
      assert.deepEqual(failures, []);
    });
  });
});
