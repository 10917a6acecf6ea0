// The example site's staff pages (administration, dossiers) sign in with <motcua-sign-in>. Their screens read the
// office's data when they load, so the page reloads when someone signs in or out here — not when <motcua-sign-in>
// finds, as the page opens, a session the browser already had.
const signIn = document.getElementById('dang-nhap');

fetch('/api/session', { headers: { accept: 'application/json' } }).then((res) => {
  const reload = () => location.reload();
  if (!res.ok) signIn?.addEventListener('motcua-signed-in', reload, { once: true });
  signIn?.addEventListener('motcua-signed-out', reload, { once: true });
});
