// What a citizen downloads for the page in front of them (ARCHITECTURE.md, issue #16): a form's
// page loads the form journey's own bundle and nothing of the portal's (catalog, guides,
// search, assistant), and the portal's pages the other way round.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The bundles (`onewindow-form`, `onewindow-web`) whose wasm the page's current document
 * loaded, from its resource timing: a document's own list, so nothing an earlier page of the
 * test fetched late (the offline cache re-adds what a page loaded) can be counted here. */
const bundles = (page) => page.evaluate(() => [...new Set(performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.match(/\/(onewindow-[a-z]+)-[0-9a-f]+_bg\.wasm$/)?.[1])
  .filter(Boolean))]);

test('a form loads only the form bundle; a guide reached from the portal loads only the portal', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.deepEqual(await bundles(page), ['onewindow-form']);

  await page.goto(`${BASE_URL}/?service=residence-permit&lang=en`);
  await page.getByRole('heading', { level: 1, name: 'Apply for a residence permit (first application)' }).waitFor();
  assert.deepEqual(await bundles(page), ['onewindow-web']);
  // From the portal, a form is a page of its own: loaded, with its own bundle.
  await page.getByRole('link', { name: 'Apply online' }).first().click();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.deepEqual(await bundles(page), ['onewindow-form']);
  // The back button returns to the guide.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Apply for a residence permit (first application)' }).waitFor();
  await page.context().close();
});
