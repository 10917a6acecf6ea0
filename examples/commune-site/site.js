// The example site's own script (an external module, so the pages keep a strict Content-Security-Policy):
//  - the language switch: sets <html lang>, which every motcua widget follows, and shows the page's own text
//    in that language (elements marked lang="vi" / lang="en" in the page);
//  - on the counter page, ?quay=N picks the demo counter N ahead of the officer's sign-in (the page holds no token),
//    and once an officer is signed in at a counter, the citizen's rating of that counter shows under the console;
//    ?ghep-noi makes it a counter tablet's page, which pairs with the server instead of signing an officer in, and the
//    kiosk page (may-lay-so.html) a kiosk of its own, which pairs instead of using the demo kiosk's token, and the
//    board page (man-hinh.html) the screen of a private board, which pairs and reads the calls with its credential;
//  - a [data-fullscreen="id"] button shows that element full screen (the queue board on the hall's TV).
const STORAGE_KEY = 'motcua-example-lang';
const root = document.documentElement;

function setLanguage(lang) {
  root.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private modes may refuse storage; the switch still works for this page.
  }
  for (const button of document.querySelectorAll('[data-switch-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.switchLang === lang));
  }
  const title = document.querySelector(`meta[name="title-${lang}"]`)?.content;
  if (title) document.title = title;
}

const asked = new URL(location.href).searchParams.get('lang');
let stored = null;
try {
  stored = localStorage.getItem(STORAGE_KEY);
} catch {}
setLanguage(asked === 'en' || asked === 'vi' ? asked : stored === 'en' ? 'en' : 'vi');
for (const button of document.querySelectorAll('[data-switch-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.switchLang));
}

const console_ = document.querySelector('motcua-counter-console');
const counterRating = document.querySelector('[data-counter-rating]');
const params = new URL(location.href).searchParams;
const chosen = params.get('quay');
if (console_ && chosen && /^[1-3]$/.test(chosen)) console_.setAttribute('counter', chosen);
// ?ghep-noi: the page of a counter tablet of its own, paired with the server (its credential stays on the tablet).
const tablet = params.has('ghep-noi');
if (console_ && tablet) console_.setAttribute('pair', '');
const kiosk = document.querySelector('motcua-ticket-kiosk');
if (kiosk && tablet) {
  kiosk.removeAttribute('token');
  kiosk.setAttribute('pair', '');
}
if (tablet) document.querySelector('motcua-queue-board')?.setAttribute('pair', '');
let signedIn = tablet;
function showCounter() {
  const counter = console_?.getAttribute('counter') ?? '';
  for (const label of document.querySelectorAll('[data-counter-number]')) label.textContent = counter;
  if (!counterRating) return;
  counterRating.querySelector('motcua-rating-form')?.setAttribute('counter', counter);
  counterRating.hidden = !signedIn || !counter;
}
if (console_) {
  new MutationObserver(showCounter).observe(console_, { attributes: true, attributeFilter: ['counter'] });
  console_.addEventListener('motcua-signed-in', () => {
    signedIn = true;
    showCounter();
  });
  console_.addEventListener('motcua-signed-out', () => {
    signedIn = false;
    showCounter();
  });
  showCounter();
}

for (const button of document.querySelectorAll('[data-fullscreen]')) {
  const target = document.getElementById(button.dataset.fullscreen);
  if (!target || !document.fullscreenEnabled) {
    button.hidden = true;
    continue;
  }
  button.addEventListener('click', () => {
    target.requestFullscreen().catch(() => {
      // Refused (an embedding frame without allowfullscreen): the board stays in the page.
    });
  });
}
