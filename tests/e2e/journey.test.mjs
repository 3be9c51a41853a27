// The journey around the questions: each page has its own URL and the browser's back button
// walks it; the language can change at any point without losing answers; answers are kept
// on the device, offered again after a reload, and removed by "Clear my answers".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, keptFiles, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HUKOU = 'Is your household registration (hukou) in this city?';
const SIX_MONTHS = 'Have you lived in this city for 6 months or more?';
const BASIS = 'Which of these apply to you?';

async function startResidencePermit(page) {
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('heading', { level: 1, name: HUKOU }).waitFor();
}

test('each page has its own URL and the browser back and forward buttons walk the journey', async () => {
  const page = await openPage(browser);
  await startResidencePermit(page);
  assert.match(page.url(), /page=hukou/);
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: SIX_MONTHS }).waitFor();
  assert.match(page.url(), /page=six-months/);

  await page.goBack();
  await page.getByRole('heading', { level: 1, name: HUKOU }).waitFor();
  assert.ok(await page.getByRole('radio', { name: 'No' }).isChecked());
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: SIX_MONTHS }).waitFor();

  // Opening a later page's URL cannot skip questions: it resumes at the first one unanswered.
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en&page=declaration`);
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  await page.getByRole('heading', { level: 1, name: SIX_MONTHS }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('switching language keeps the answers and rewords the errors', async () => {
  const page = await openPage(browser);
  await startResidencePermit(page);
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: SIX_MONTHS }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').waitFor();

  await page.getByRole('link', { name: '中文' }).click();
  await page.getByRole('heading', { level: 1, name: '您是否已在本市居住满6个月？' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.getByRole('alert').innerText(), /存在问题/);
  assert.match(await page.getByRole('alert').innerText(), /请选择您是否已在本市居住满6个月/);
  await assertAccessible(page, 'zh-CN after switching, with errors');

  await page.getByRole('link', { name: '返回' }).click();
  await page.getByRole('heading', { level: 1, name: '您的户口是否在本市？' }).waitFor();
  assert.ok(await page.getByRole('radio', { name: '否' }).isChecked(), 'the answer survived the switch');
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: HUKOU }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('answers are kept on the device: reload offers to continue, start again forgets them', async () => {
  const page = await openPage(browser);
  await startResidencePermit(page);
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: BASIS }).waitFor();
  await page.getByRole('checkbox', { name: 'I am studying in this city without a break' }).check();

  await page.reload();
  await page.getByRole('button', { name: 'Continue where you left off' }).waitFor();
  await assertAccessible(page, 'resume screen');
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  await page.getByRole('heading', { level: 1, name: BASIS }).waitFor();
  assert.ok(await page.getByRole('checkbox', { name: 'I am studying in this city without a break' }).isChecked());

  await page.reload();
  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('heading', { level: 1, name: HUKOU }).waitFor();
  assert.ok(!(await page.getByRole('radio', { name: 'No' }).isChecked()), 'start again forgot the answers');
  assert.deepEqual(page.problems, []);
});

test('typed answers are kept on the device: written once typing pauses, at once when the page is left, never after clearing', async () => {
  const page = await openPage(browser);
  const KEY = 'onewindow:draft:residence-registration:2026.1';
  const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.answers?.full_name ?? null, KEY);
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  const name = page.getByRole('textbox', { name: 'Full name' });
  // Typing is written a moment after it pauses (not in each keystroke's frame)…
  await name.pressSequentially('Li');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.answers?.full_name === 'Li', KEY, { timeout: 5000 });
  // …and at once when the page goes away: a reload straight after typing loses nothing.
  await name.pressSequentially(' Lei');
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  assert.equal(await name.inputValue(), 'Li Lei');
  assert.equal(await stored(), 'Li Lei');
  // A change still waiting to be written is dropped with the rest by "Clear my answers".
  await name.pressSequentially(' Jr');
  await page.getByRole('button', { name: 'Clear my answers from this device' }).click();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  await page.waitForTimeout(2500);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
  assert.deepEqual(page.problems, []);
});

test('"Clear my answers" removes everything stored on the device', async () => {
  const page = await openPage(browser);
  await startResidencePermit(page);
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: SIX_MONTHS }).waitFor();
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('onewindow:'))));
  // Files kept for this form go too; another form's stay.
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'onewindow' && d.version >= 2));
  await page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('onewindow');
    open.onsuccess = () => {
      const tx = open.result.transaction('files', 'readwrite');
      tx.objectStore('files').put(new Blob(['a']), 'residence-permit/aaaa');
      tx.objectStore('files').put(new Blob(['b']), 'register-birth/bbbb');
      tx.oncomplete = () => { open.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }));

  await page.getByRole('button', { name: 'Clear my answers from this device' }).click();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onewindow:'))), []);
  for (let i = 0; i < 50 && 'residence-permit/aaaa' in await keptFiles(page); i++) await page.waitForTimeout(20);
  assert.deepEqual(Object.keys(await keptFiles(page)), ['register-birth/bbbb']);
  await page.reload();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Continue where you left off' }).count(), 0);
});
