// The service worker keeps only what it should: the app shell under the shell's own address
// (a JSON file opened in the tab does not replace it), in one cache per build (older caches are
// deleted when a new worker takes over); offline, a form served from the device's copy says
// it may be out of date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a definition opened in the tab does not replace the offline app shell, old caches go, and an offline copy says so', async () => {
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
  // Online, the form is the one published: no word of a copy.
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.locator('.ow-offline-copy').count(), 0, 'online: no offline notice');
  // Offline, the app's page is still the app, and the form says it is the device's copy.
  await context.setOffline(true);
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  const notice = page.locator('.ow-offline-copy');
  await notice.waitFor();
  assert.match(await notice.textContent(), /may be out of date/);
  assert.equal(await notice.getAttribute('role'), 'status');
  await context.setOffline(false);
  await context.close();
});
