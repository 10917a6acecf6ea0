// The example site's sign-in for the office administration: the form posts the username and password as JSON to
// POST /api/session (same origin: the session cookie is HttpOnly and SameSite=Strict), then the page reloads so that
// <motcua-office-admin> reads the settings as the signed-in admin. No password is kept by the page.
const form = document.getElementById('dang-nhap');

async function signedIn() {
  const res = await fetch('/api/session', { headers: { accept: 'application/json' } });
  return res.ok;
}

if (form instanceof HTMLFormElement) {
  signedIn().then((yes) => {
    form.hidden = yes;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const res = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
    });
    if (res.ok) {
      location.reload();
      return;
    }
    const body = await res.json().catch(() => undefined);
    const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    const error = form.querySelector('[data-sign-in-error]');
    if (error) error.textContent = body?.error?.message?.[lang] ?? String(res.status);
  });
}
