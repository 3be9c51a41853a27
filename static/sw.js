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
  const navigation = request.mode === 'navigate';
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          // Every page of the app is the same shell: one entry, whatever the query says.
          caches.open(CACHE).then((cache) => cache.put(navigation ? self.registration.scope : request, copy));
        }
        return response;
      })
      .catch(async () => (await caches.match(navigation ? self.registration.scope : request)) ?? Response.error()),
  );
});
