// onewindow's service worker: keeps the app shell and the definitions a citizen opened, so a
// started form can be finished and queued offline. Network first, so a department's new
// definition or a new app build is used as soon as the network has it; the cache only answers
// when the network cannot. Submissions (/api/) are never touched: the outbox handles them; nor
// is the staff dashboard (/staff), which must never be kept in a citizen-facing cache.
const CACHE = 'onewindow-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

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
      .catch(async () => (await caches.match(key)) ?? Response.error()),
  );
});
