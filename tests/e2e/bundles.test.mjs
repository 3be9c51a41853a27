// What a citizen downloads for the page in front of them (ARCHITECTURE.md, issue #16): a form's
// page loads the form journey's own bundle and nothing of the portal's (catalog, guides,
// search, assistant), and the portal's pages the other way round.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The bundles (`onewindow-form`, `onewindow-web`) whose wasm a page requested. */
function wasmRequests(page) {
  const seen = new Set();
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.match(/\/(onewindow-[a-z]+)-[0-9a-f]+_bg\.wasm$/);
    if (name) seen.add(name[1]);
  });
  return seen;
}

test('a form loads only the form bundle; a guide reached from the portal loads only the portal', async () => {
  // Without the service worker, which would pass the page's requests on as its own.
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  const seen = wasmRequests(page);
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.deepEqual([...seen], ['onewindow-form']);

  seen.clear();
  await page.goto(`${BASE_URL}/?service=residence-permit&lang=en`);
  await page.getByRole('heading', { level: 1, name: 'Apply for a residence permit (first application)' }).waitFor();
  assert.deepEqual([...seen], ['onewindow-web']);
  // From the portal, a form is a page of its own: loaded, with its own bundle.
  seen.clear();
  await page.getByRole('link', { name: 'Apply online' }).first().click();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.deepEqual([...seen], ['onewindow-form']);
  // The back button returns to the guide.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Apply for a residence permit (first application)' }).waitFor();
  await page.context().close();
});
