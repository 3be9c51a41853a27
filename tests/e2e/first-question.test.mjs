// The first vertical slice, on the shipped residence-permit form: the definition is fetched,
// loaded by the engine and rendered; "Continue" without an answer shows the error summary and
// the inline message; answering moves on; routing reaches an outcome page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cases = [
  {
    lang: 'en', question: 'Is your household registration (hukou) in this city?', problem: 'There is a problem',
    message: 'Select yes if your household registration is in this city', titlePrefix: 'Error: ',
    no: 'No', yes: 'Yes', next: 'Have you lived in this city for 6 months or more?', cont: 'Continue', back: 'Back',
    outcome: 'You do not need a residence permit', start: 'Start now',
  },
  {
    lang: 'zh-CN', question: '您的户口是否在本市？', problem: '存在问题', message: '请选择您的户口是否在本市',
    titlePrefix: '错误：', no: '否', yes: '是', next: '您是否已在本市居住满6个月？', cont: '继续', back: '返回',
    outcome: '您无需申领居住证', start: '开始办理',
  },
];

for (const c of cases) {
  test(`[${c.lang}] an unanswered question is explained, answering moves on, routing reaches an outcome`, async () => {
    const page = await openPage(browser);
    await page.goto(`${BASE_URL}/?form=residence-permit&lang=${c.lang}`);
    await page.getByRole('button', { name: c.start }).waitFor();
    await assertAccessible(page, `${c.lang} start page`);
    await page.getByRole('button', { name: c.start }).click();
    await page.getByRole('heading', { level: 1, name: c.question }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), c.lang);
    await assertAccessible(page, `${c.lang} first question`);

    await page.getByRole('button', { name: c.cont }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await summary.innerText(), new RegExp(c.problem));
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'ow-error-summary', 'the summary takes focus');
    assert.ok((await page.title()).startsWith(c.titlePrefix), `title: ${await page.title()}`);
    const group = page.getByRole('group', { name: c.question });
    const describedBy = await group.getAttribute('aria-describedby');
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    assert.match(await page.locator(`#${errorId}`).innerText(), new RegExp(c.message), 'the inline message is tied to the question');
    await assertAccessible(page, `${c.lang} first question with errors`);

    await summary.getByRole('link', { name: c.message }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-hukou_in_city', 'the error links to the first option');

    await page.getByRole('radio', { name: c.no }).check();
    await page.getByRole('button', { name: c.cont }).click();
    await page.getByRole('heading', { level: 1, name: c.next }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no error summary on the next page');
    assert.ok(!(await page.title()).startsWith(c.titlePrefix));

    await page.getByRole('link', { name: c.back }).click();
    await page.getByRole('heading', { level: 1, name: c.question }).waitFor();
    assert.ok(await page.getByRole('radio', { name: c.no }).isChecked(), 'the answer is kept');

    await page.getByRole('radio', { name: c.yes }).check();
    await page.getByRole('button', { name: c.cont }).click();
    await page.getByRole('heading', { level: 1, name: c.outcome }).waitFor();
    await assertAccessible(page, `${c.lang} outcome page`);
    assert.deepEqual(page.problems, []);
  });
}

test('the register-a-birth form renders its first question', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?form=register-birth&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  assert.ok((await heading.innerText()).length > 0);
  await assertAccessible(page, 'register-birth first question');
  assert.deepEqual(page.problems, []);
});

test('a definition that cannot be fetched is explained instead of a blank page', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?form=no-such-form&lang=en`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /This form cannot be shown/);
  assert.match(await alert.innerText(), /forms\/no-such-form\.json: HTTP 404/);
});
