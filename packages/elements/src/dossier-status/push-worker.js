// motcua-push-worker.js: the service worker that shows a dossier's Web Push notices (built into dist/cdn, minified).
// A page registers it from its own origin (`<motcua-dossier-status push-worker="…">`), with the API base as its `api`
// parameter (`motcua-push-worker.js?api=https%3A%2F%2F…`); the motcua server sends each notice as JSON
// `{ id, title, body, tag, url? }` (packages/server/src/notifications/deliver.ts).

/** A notice with the dossier's code as its tag: a newer status replaces the older one, and still alerts. */
self.addEventListener('push', (event) => {
  let notice = {};
  try {
    notice = event.data ? event.data.json() : {};
  } catch {
    // Not JSON: shown with the generic title, never dropped (a push without a notice is refused by browsers).
  }
  const title = typeof notice.title === 'string' && notice.title ? notice.title : 'Hồ sơ / Dossier';
  const body = typeof notice.body === 'string' ? notice.body : '';
  const url = typeof notice.url === 'string' && /^https?:\/\//i.test(notice.url) ? notice.url : '';
  const tag = typeof notice.tag === 'string' && notice.tag ? notice.tag : undefined;
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      data: { url },
      ...(tag ? { tag, renotify: true } : {}),
    }),
  );
});

/** A click opens the dossier's status page, or brings the tab that already shows it to the front. */
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data?.url;
  if (!url) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});

/**
 * The browser replaced its push subscription (Firefox notably): the new one — or, without one, a new subscription with
 * the old one's key — is sent with the old endpoint to the motcua API named by this worker's `api` parameter (http(s)
 * only), which moves the dossiers' and tickets' subscriptions of that endpoint to it. Without the old subscription
 * (Firefox before 137) nothing names what to move.
 */
self.addEventListener('pushsubscriptionchange', (event) => {
  const old = event.oldSubscription;
  const api = new URL(self.location.href).searchParams.get('api') || '';
  if (!old || !/^https?:\/\//i.test(api)) return;
  event.waitUntil(
    Promise.resolve(
      event.newSubscription ||
        self.registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: old.options.applicationServerKey,
        }),
    ).then((renewed) =>
      fetch(new URL('api/notifications/web-push/renewal', api.replace(/\/?$/, '/')), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'omit',
        body: JSON.stringify({ oldEndpoint: old.endpoint, endpoint: renewed.endpoint, keys: renewed.toJSON().keys }),
      }),
    ),
  );
});

// A new version takes over at once: it holds no cache and no state.
self.addEventListener('install', () => self.skipWaiting());
