// What a citizen leaves on a device does not stay there for ever: a draft, and the details
// they chose to remember, are deleted once older than the form keeps them (keep_on_device_days:
// the form's, else the catalog's, else 30 days), when the form is next opened on that device; and
// once an application is sent, the confirmation removes everything about it on request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, fillRegistration, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DRAFT = 'onewindow:draft:residence-registration:2026.1';
const DAY = 86_400_000;

test('a draft and remembered details older than the form keeps them are deleted, not offered', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  const leave = (days) => page.evaluate(([key, saved]) => {
    localStorage.setItem(key, JSON.stringify({ answers: { full_name: 'Li Lei' }, page: 'name', saved_ms: saved }));
    localStorage.setItem('onewindow:remembered', JSON.stringify({
      'person.full_name': { answer: 'Li Lei', label: 'Full name', shown: 'Li Lei' },
    }));
    localStorage.setItem('onewindow:remembered-saved', JSON.stringify(saved));
  }, [DRAFT, Date.now() - days * DAY]);
  const stored = (key) => page.evaluate((k) => localStorage.getItem(k), key);

  // 29 days old: still offered, and the details still there.
  await leave(29);
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you left off' }).waitFor();
  assert.notEqual(await stored('onewindow:remembered'), null);

  // 31 days old: gone, and the form starts afresh.
  await leave(31);
  await page.reload();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Continue where you left off' }).count(), 0);
  assert.equal(await stored(DRAFT), null, 'the draft is deleted');
  assert.equal(await stored('onewindow:remembered'), null, 'the remembered details are deleted');
  assert.equal(await stored('onewindow:remembered-saved'), null);

  // A draft written now says when, so that its age can be told.
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).pressSequentially('Wang');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.answers?.full_name === 'Wang', DRAFT, { timeout: 5000 });
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).saved_ms, DRAFT);
  assert.ok(Math.abs(Date.now() - saved) < 60_000, `saved_ms is now: ${saved}`);
  await page.context().close();
});

test('a catalog that keeps drafts 7 days deletes an 8-day-old draft of a form that does not say', async () => {
  // The worker would fetch the file itself after the first load, past the route.
  const page = await openPage(browser, { serviceWorkers: 'block' });
  // The catalog's setting reaches the form page in the file `onewindow site` writes.
  await page.route('**/form-page.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ guides: {}, keep_on_device_days: 7 }) }));
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  const leave = (days) => page.evaluate(([key, saved]) => localStorage.setItem(key,
    JSON.stringify({ answers: { full_name: 'Li Lei' }, page: 'name', saved_ms: saved })), [DRAFT, Date.now() - days * DAY]);
  await leave(6);
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you left off' }).waitFor();
  await leave(8);
  await page.reload();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Continue where you left off' }).count(), 0);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT), null, 'the draft is deleted');
  await page.context().close();
});

test('once sent, "Remove everything about this application from this device" leaves nothing of it', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await fillRegistration(page, 'Zhao Shared');
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const reference = await page.locator('.ow-panel__reference').innerText();
  // A rating of this case noted on the device, as the rating form does.
  await page.evaluate((ref) => localStorage.setItem('onewindow:rated', JSON.stringify([ref, 'OW-20000101-000001'])), reference);
  await assertAccessible(page, 'confirmation with the removal');
  await page.getByRole('button', { name: 'Remove everything about this application from this device' }).click();
  await page.getByText('Everything about your application has been removed from this device.').waitFor();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.getByText('Zhao Shared').count(), 0, 'the answers are gone from the page');
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onewindow:draft')));
  assert.deepEqual(left, []);
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('onewindow:rated'))), ['OW-20000101-000001'], 'only this case is forgotten');
  // Starting again, the notice is gone.
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).waitFor();
  assert.equal(await page.getByText('has been removed from this device').count(), 0);
  await page.context().close();
});
