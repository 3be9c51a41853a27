// What a citizen leaves on a device does not stay there for ever: a draft, and the details
// they chose to remember, are deleted once older than the form keeps them (keep_on_device_days,
// 30 days unless the form says otherwise), when the form is next opened on that device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE_URL } from './browser.mjs';

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
