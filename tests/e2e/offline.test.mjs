// The service worker keeps only what it should: the app shell under the shell's own address
// (a JSON file opened in the tab does not replace it), in one cache per build (older caches are
// deleted when a new worker takes over).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a definition opened in the tab does not replace the offline app shell, and old caches go', async () => {
  const page = await openPage(browser);
  const context = page.context();
  // A static page has no script and no worker: a cache an older build left behind.
  await page.goto(`${BASE_URL}/en/`);
  await page.evaluate(async () => {
    const old = await caches.open('onewindow-v1');
    await old.put('/', new Response('<p>an old shell</p>', { headers: { 'content-type': 'text/html' } }));
  });
  // The app: its worker takes over and drops the old cache.
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  let names = [];
  for (let i = 0; i < 150; i++) {
    names = await page.evaluate(async () => (navigator.serviceWorker.controller ? caches.keys() : ['no worker yet']));
    if (names.length === 1 && names[0] !== 'onewindow-v1' && names[0] !== 'no worker yet') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(names.length, 1, `one cache: ${names}`);
  assert.match(names[0], /^onewindow-[0-9a-f]{16}$/, 'the cache is named for the build');
  // A navigation to a definition goes through the worker too.
  await page.goto(`${BASE_URL}/forms/residence-registration.json`);
  assert.ok((await page.textContent('body')).includes('"residence-registration"'));
  // Offline, the app's page is still the app.
  await context.setOffline(true);
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  await context.setOffline(false);
  await context.close();
});
