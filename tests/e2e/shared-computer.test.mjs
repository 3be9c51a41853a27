// "This is a shared or public computer", ticked on a form's start page: nothing of the
// application reaches the device (no draft in local storage, no file or queued application in
// IndexedDB, no remembered details offered or asked for), a warning says so on every page, a
// queued application says it waits in this tab only, and a reload loses the answers but keeps
// the choice. Ticking it removes the draft the device already held.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, fillRegistration, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DRAFT = 'onewindow:draft:residence-registration:2026.1';
const SHARED = 'This is a shared or public computer';

/** What this origin keeps on the device: its local-storage keys, and the keys in each
 * IndexedDB store (without creating the database when the app has not). */
function onDevice(page) {
  return page.evaluate(async () => {
    const local = Object.keys(localStorage).sort();
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('onewindow')) return { local, files: [], outbox: [] };
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('onewindow');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const keys = (name) => new Promise((resolve, reject) => {
      if (!db.objectStoreNames.contains(name)) { resolve([]); return; }
      const request = db.transaction(name).objectStore(name).getAllKeys();
      request.onsuccess = () => resolve(request.result.map(String));
      request.onerror = () => reject(request.error);
    });
    const out = { local, files: await keys('files'), outbox: await keys('outbox') };
    db.close();
    return out;
  });
}

/** Nothing of this application: no draft, no file, no queued application (remembered details
 * are looked at by each test: the second one leaves some from before). */
function assertNothingKept(kept, when) {
  assert.deepEqual(kept.local.filter((k) => k.includes('draft')), [], `local storage ${when}: ${kept.local}`);
  assert.deepEqual(kept.files, [], `kept files ${when}`);
  assert.deepEqual(kept.outbox, [], `outbox ${when}`);
}

test('on a shared computer nothing of the application is kept on the device, and the page says so', async () => {
  const page = await openPage(browser);
  const h1 = (name) => page.getByRole('heading', { level: 1, name }).waitFor();
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);

  // Before the choice, answers are kept as usual: a draft on the device.
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).pressSequentially('Old Draft');
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, DRAFT, { timeout: 5000 });
  // Opened again, the draft is offered, with the choice: ticked, the device's draft goes at
  // once (the answers stay in this tab, to continue).
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you left off' }).waitFor();
  const choice = page.getByRole('checkbox', { name: SHARED });
  assert.match(await page.locator('#ow-shared-computer-hint').innerText(), /Nothing will be kept on this device/);
  await choice.check();
  await page.waitForFunction((key) => localStorage.getItem(key) === null, DRAFT, { timeout: 5000 });
  await assertAccessible(page, 'a draft offered, with the choice ticked');
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Full name' }).inputValue(), 'Old Draft');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT), null, 'answering keeps nothing');

  // Opened again in this tab: the answers are gone, the choice stays. The whole journey:
  // answers in this tab only, a warning on every page.
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  assert.ok(await page.getByRole('checkbox', { name: SHARED }).isChecked(), 'the choice stays for this tab');
  await fillRegistration(page, 'Sun Shared');
  await page.getByText('Shared computer: nothing is kept on this device.').waitFor();
  await assertAccessible(page, 'check answers on a shared computer');
  assertNothingKept(await onDevice(page), 'at check answers');

  // The service cannot be reached: the application waits in this tab, and says so.
  let attempts = 0;
  await page.route('**/api/submissions', (route) => { attempts += 1; return route.abort(); });
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await h1('Your application is waiting in this tab');
  await page.getByText('Keep this tab open until your application is sent').waitFor();
  await page.getByText('It will be sent automatically from this tab').waitFor();
  assert.equal(await page.getByText('even if you close this page').count(), 0, 'no promise the device cannot keep');
  assert.ok(attempts >= 1);
  assertNothingKept(await onDevice(page), 'while queued');
  await assertAccessible(page, 'queued on a shared computer');

  // Reachable again: the tab's courier delivers it; no offer to remember the details.
  await page.unroute('**/api/submissions');
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor({ timeout: 60_000 });
  assert.match(await page.locator('.ow-panel__reference').innerText(), /^OW-\d{8}-\d{6}$/);
  assert.equal(await page.locator('#ow-remember-heading').count(), 0, 'no offer to remember details');
  const sent = await onDevice(page);
  assertNothingKept(sent, 'once sent');
  assert.deepEqual(sent.local.filter((k) => k.includes('remembered')), [], 'no details remembered');

  // A reload keeps the choice (this tab's session) and nothing else.
  await page.reload();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Continue where you left off' }).count(), 0);
  assert.ok(await page.getByRole('checkbox', { name: SHARED }).isChecked(), 'the choice stays for this tab');
  await page.context().close();
});

test('on a shared computer a chosen file stays in the tab, not in IndexedDB, and remembered details are not offered', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en`);
  // Details remembered on this device by someone before: a shared computer does not offer them.
  await page.evaluate(() => {
    localStorage.setItem('onewindow:remembered', JSON.stringify({ 'person.full_name': { answer: 'Li Lei', label: 'Full name', shown: 'Li Lei' } }));
    localStorage.setItem('onewindow:remembered-saved', JSON.stringify(Date.now()));
  });
  await page.reload();
  await page.getByRole('checkbox', { name: SHARED }).check();
  const next = () => page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await next();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await next();
  await page.getByRole('checkbox', { name: 'I have lawful, stable employment in this city' }).check();
  await page.getByRole('checkbox', { name: 'I have a lawful, stable home in this city' }).check();
  await next();
  await next(); // what you need
  await page.getByRole('radio', { name: /myself/ }).check();
  await next();
  await page.getByRole('textbox', { name: 'Full name' }).waitFor();
  assert.equal(await page.getByText('Li Lei').count(), 0, 'remembered details are not offered');
  await page.getByRole('textbox', { name: 'Full name' }).fill('Sun Shared');
  await next();
  await page.getByRole('textbox', { name: 'Your ID number' }).fill('35020319900815003x');
  await next();
  await page.getByRole('combobox', { name: 'Ethnic group' }).selectOption({ label: 'Han' });
  await next();
  await page.getByRole('textbox', { name: /household registration/ }).fill('No. 8 Renmin Road, Gulou District, Fuzhou, Fujian');
  await next();
  await page.getByRole('combobox', { name: 'Province' }).selectOption({ label: 'Fujian' });
  await page.getByRole('combobox', { name: 'City' }).selectOption({ label: 'Xiamen' });
  await page.getByRole('combobox', { name: 'District or county' }).selectOption({ label: 'Siming' });
  await page.getByRole('textbox', { name: 'Street address' }).fill('Hubin South Road 100');
  await next();
  await page.getByRole('textbox', { name: 'Day' }).fill('15');
  await page.getByRole('textbox', { name: 'Month' }).fill('3');
  await page.getByRole('textbox', { name: 'Year' }).fill('2025');
  await next();
  await page.getByRole('textbox', { name: 'Employer’s name' }).fill('Xiamen Example Technology Co., Ltd.');
  await next();
  await page.getByRole('radio', { name: 'A rented home' }).check();
  await next();
  await page.getByRole('textbox', { name: 'Mobile number' }).fill('138 0013 8000');
  await next();

  const photo = Buffer.alloc(20_000, 7);
  [0xff, 0xd8, 0xff, 0xe0].forEach((byte, i) => { photo[i] = byte; });
  await page.getByLabel('Photo of you').setInputFiles([{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await page.getByRole('button', { name: 'Remove photo.jpg' }).waitFor();
  await page.getByText('Shared computer: nothing is kept on this device.').waitFor();
  // The photo is held by the tab: the page accepts it and goes on.
  await next();
  await page.getByLabel('Both sides of your resident identity card').waitFor();
  const kept = await onDevice(page);
  assertNothingKept(kept, 'after choosing a file');
  assert.ok(kept.local.includes('onewindow:remembered'), 'what was remembered before is left as it was');
  await page.context().close();
});
