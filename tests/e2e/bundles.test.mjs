// What a citizen downloads for the page in front of them (ARCHITECTURE.md, issue #16): a form's
// page loads the form journey's own bundle and nothing of the portal's (catalog, guides,
// search, assistant, rating), and the portal's pages the other way round; the rating form and
// "you may also need" come with a module of their own once an application is sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, fillRegistration, BASE_URL } from './browser.mjs';

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

test('a form page reads no catalog; the rating form and suggestions load with their own module once the application is sent', async () => {
  const page = await openPage(browser);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  // The way back to the guide comes from the site's small file of what a form page needs.
  await page.getByRole('link', { name: 'Back to the guide' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Back to the guide' }).getAttribute('href'),
    '?service=residence-registration&lang=en');
  assert.ok(fetched.includes('/form-page.json'), 'the form page facts were read');
  await fillRegistration(page, 'Wang Extras');
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const reference = await page.locator('.ow-panel__reference').innerText();
  const rating = page.locator('.ow-rating');
  await rating.getByRole('heading', { name: 'Rate this service' }).waitFor();
  assert.ok((await rating.innerText()).includes(reference), 'the case is named');
  await page.getByRole('heading', { name: 'You may also need' }).waitFor();
  assert.deepEqual((await bundles(page)).sort(), ['onewindow-extras', 'onewindow-form']);
  // The catalog was read for the suggestions, once the application was sent, not before.
  const catalogAt = fetched.indexOf('/forms/catalog.json');
  assert.ok(catalogAt > fetched.findIndex((p) => /\/onewindow-extras-[0-9a-f]+\.js$/.test(p)), 'catalog after the extras module');
  // Both apps answer their own clicks: a level chosen in the rating form stays chosen, and the
  // confirmation's own buttons still work.
  const level = rating.getByRole('radio', { name: 'Satisfied', exact: true });
  await level.check();
  assert.ok(await level.isChecked());
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await page.getByText('Thank you for your rating').waitFor();
  await page.context().close();
});

test('a rating waiting on the device is sent when a form opens, by the extras module loaded for it alone', async () => {
  const page = await openPage(browser);
  // A rating of a service kept offline earlier (as the portal's rating page keeps it); not the
  // service whose counts analytics.test.mjs reads meanwhile.
  await page.goto(`${BASE_URL}/en/`);
  const id = '5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b';
  await page.evaluate((id) => localStorage.setItem('onewindow:ratings-outbox', JSON.stringify([{
    format: 1, id, service: 'passport', channel: 'online', level: 4, locale: 'en',
    created: '2026-12-04T10:00:00Z',
  }])), id);
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/ratings') && r.method() === 'POST');
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal((await sent).postDataJSON().id, id);
  await page.waitForFunction(() => localStorage.getItem('onewindow:ratings-outbox') === null);
  assert.deepEqual((await bundles(page)).sort(), ['onewindow-extras', 'onewindow-form']);
  // With nothing waiting, the form page loads the form bundle alone.
  await page.reload();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.deepEqual(await bundles(page), ['onewindow-form']);
  await page.context().close();
});
