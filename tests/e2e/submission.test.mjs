// Submitting when things go wrong: offline (queued, kept across a reload, delivered when back
// online, stored once), a backend that refuses an answer (shown on its page), and the package
// to download. Every page state is axe-scanned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, expectProblems, fillRegistration, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens the residence registration (English) and fills it up to check answers. */
async function toCheckAnswers(page, name) {
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await fillRegistration(page, name);
}

/** What the receiver stored, through its staff API. */
async function stored(key) {
  const response = await fetch(`${BASE_URL}/api/staff/submissions?form=residence-registration&limit=1000`, {
    headers: { authorization: `Bearer ${process.env.ONEWINDOW_STAFF_TOKEN}` },
  });
  assert.equal(response.status, 200, 'the staff API answers (scripts/test.sh sets the token)');
  const list = await response.json();
  return (Array.isArray(list) ? list : list.submissions).filter((s) => s.idempotency_key === key);
}

test('offline: the application is queued, survives a reload, and is delivered once when back online', async () => {
  const page = await openPage(browser);
  const context = page.context();
  await toCheckAnswers(page, 'Wang Offline');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your application is saved on this device' }).waitFor();
  const receipt = await page.locator('.ow-panel__reference').innerText();
  await assertAccessible(page, 'queued offline');

  // Reload while still offline: the service worker brings the app back, the outbox is intact.
  await page.reload();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  const waiting = page.getByRole('button', { name: 'Applications waiting to be sent (1)' });
  await waiting.waitFor();
  await waiting.click();
  await page.getByRole('heading', { level: 1, name: 'Applications waiting to be sent' }).waitFor();
  const listed = await page.locator('.ow-summary-list').innerText();
  assert.ok(listed.includes(`Receipt ${receipt}`) && listed.includes('Register where you live'), listed);
  await assertAccessible(page, 'waiting list');
  const [key] = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('onewindow');
    open.onsuccess = () => {
      const request = open.result.transaction('outbox').objectStore('outbox').getAllKeys();
      request.onsuccess = () => ok(request.result);
    };
  }));
  assert.ok(key.toUpperCase().replaceAll('-', '').startsWith(receipt));

  // Back online: the courier delivers it by itself.
  await context.setOffline(false);
  await page.getByText('No applications are waiting on this device.').waitFor({ timeout: 20000 });
  const records = await stored(key);
  assert.equal(records.length, 1, 'stored exactly once');
  expectProblems(page, (p) => p.includes('ERR_INTERNET_DISCONNECTED'));
  assert.deepEqual(page.problems, []);
});

test('a backend that refuses an answer shows it on that question’s page', async () => {
  const page = await openPage(browser);
  await toCheckAnswers(page, 'Li Refused');
  await page.route('**/api/submissions', (route) => route.fulfill({
    status: 422,
    contentType: 'application/json',
    body: JSON.stringify({ problem: 'invalid', errors: [{ page: 'mobile', field: 'mobile', rule: 'format', message: 'This number cannot receive text messages: enter a mobile number' }] }),
  }));
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Mobile number' }).inputValue(), '13812345678');
  assert.match(await page.getByRole('alert').innerText(), /cannot receive text messages/);
  await assertAccessible(page, 'refused by the backend');
  // Corrected, it goes to the real receiver and comes back to the confirmation.
  await page.unroute('**/api/submissions');
  await page.getByRole('textbox', { name: 'Mobile number' }).fill('13900001111');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('the confirmation lists the answers for a printed record and offers the package to download', async () => {
  const page = await openPage(browser);
  await toCheckAnswers(page, 'Zhao Download');
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const reference = await page.locator('.ow-panel__reference').innerText();
  const record = await page.locator('.ow-summary-list--record').innerText();
  assert.ok(record.includes('Zhao Download') && record.includes('13812345678'), record);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download your application (JSON)' }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const pkg = JSON.parse(text);
  assert.equal(pkg.form_id, 'residence-registration');
  assert.equal(pkg.answers.full_name, 'Zhao Download');
  assert.match(pkg.checksum, /^[0-9a-f]{64}$/);
  assert.equal((await stored(pkg.idempotency_key))[0].reference, reference);
  await assertAccessible(page, 'confirmation with record');
  assert.deepEqual(page.problems, []);
});
