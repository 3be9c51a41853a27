// onewindow's service worker: keeps the app shell and the definitions a citizen opened, so a
// started form can be finished and queued offline. Network first, so a department's new
// definition or a new app build is used as soon as the network has it; the cache only answers
// when the network cannot. Submissions (/api/) are never touched: the outbox handles them; nor
// is the staff dashboard (/staff), which must never be kept in a citizen-facing cache.
//
// One cache per build: scripts/build.sh writes the build's version in place of "dev", and a new
// worker deletes every other onewindow cache when it takes over, so an old shell or old
// definitions are never served beside a new app, and caches do not pile up.
const CACHE = 'onewindow-dev';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith('onewindow-') && name !== CACHE).map((name) => caches.delete(name)));
  await self.clients.claim();
})()));

// The page's own files, fetched before this worker was there (src/io/offline.rs), and the shell.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  const own = urls.filter((u) => {
    if (typeof u !== 'string') return false;
    const url = new URL(u, self.location.href);
    return url.origin === self.location.origin && !url.pathname.includes('/api/') && !url.pathname.startsWith('/staff');
  });
  event.waitUntil(caches.open(CACHE).then((cache) =>
    Promise.all([self.registration.scope, ...own].map((u) => cache.add(u).catch(() => {})))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  if (url.pathname === '/staff' || url.pathname.startsWith('/staff/')) return;
  // The app is one page whatever its query says: every navigation to it is one cache entry.
  // The static pages (/en/services/…/) are pages of their own, kept under their own address.
  const shell = request.mode === 'navigate' && url.pathname === new URL(self.registration.scope).pathname;
  const key = shell ? self.registration.scope : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(async () => {
        const kept = await caches.match(key);
        return kept ? offlineCopy(kept) : Response.error();
      }),
  );
});

// A kept response, marked so that the app can say it may be out of date (src/io/offline.rs):
// definitions, lists and the index change when a department publishes.
function offlineCopy(kept) {
  const headers = new Headers(kept.headers);
  headers.set('x-onewindow-offline-copy', headers.get('date') || 'unknown');
  return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers });
}
