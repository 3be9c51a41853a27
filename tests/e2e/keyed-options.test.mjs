// Options that depend on earlier answers, in the browser: a select keyed by an earlier answer
// (councils by nation, `options_key`) offers only the options under it, and an answer left
// from another nation is asked again; an option's `visible_if` hides it as the answer above it
// on the same page changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FORM = {
  schema_version: 1, id: 'keyed-form', version: '1', title: 'Apply for a parking permit', locales: ['en'],
  pages: [
    { id: 'where', title: 'Where you live', fields: [
      { id: 'nation', type: 'radios', label: 'Nation', required: true, options: [
        { value: 'england', label: 'England' }, { value: 'wales', label: 'Wales' }] },
      { id: 'badge', type: 'radios', label: 'Permit', required: true, options: [
        { value: 'standard', label: 'Standard permit' },
        { value: 'blue', label: 'Blue badge (Wales)', visible_if: { '==': [{ var: 'nation' }, 'wales'] } }] }] },
    { id: 'council', fields: [
      { id: 'council', type: 'select', label: 'Your council', required: true, options_key: 'nation', options: [
        { value: 'camden', label: 'Camden', keys: ['england'] },
        { value: 'cardiff', label: 'Cardiff', keys: ['wales'] },
        { value: 'powys', label: 'Powys', keys: ['wales'] }] }] }],
};

test('a keyed select offers the options under the earlier answer; an option hides as the answer above it changes', async () => {
  const page = await openPage(browser, { serviceWorkers: 'block' });
  await page.route('**/forms/keyed-form.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(FORM) }));
  await page.goto(`${BASE_URL}/?form=keyed-form&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  const blue = page.getByRole('radio', { name: 'Blue badge (Wales)' });
  await page.getByRole('radio', { name: 'England' }).check();
  assert.equal(await blue.count(), 0, 'not offered in England');
  await page.getByRole('radio', { name: 'Wales' }).check();
  await blue.waitFor();
  await blue.check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const council = page.getByRole('combobox', { name: 'Your council' });
  await council.waitFor();
  const offered = async () => (await council.locator('option').allInnerTexts()).filter((t) => t.trim() && t.trim() !== 'Choose');
  assert.deepEqual(await offered(), ['Cardiff', 'Powys']);
  await council.selectOption({ label: 'Cardiff' });
  await assertAccessible(page, 'a keyed select');
  // Back to change the nation: Cardiff and the blue badge no longer count.
  await page.getByRole('link', { name: 'Back' }).click();
  await page.getByRole('radio', { name: 'England' }).check();
  assert.equal(await blue.count(), 0);
  await page.getByRole('radio', { name: 'Standard permit' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await council.waitFor();
  assert.deepEqual(await offered(), ['Camden']);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /Select your council/);
  await council.selectOption({ label: 'Camden' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  const summary = await page.locator('main').innerText();
  assert.ok(summary.includes('Camden') && !summary.includes('Cardiff'), summary);
  await page.context().close();
});
