// The first vertical slice: a shipped definition is fetched, parsed by the engine and rendered;
// "Continue" with an empty required answer shows the error summary and the inline message;
// answering moves on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cases = [
  {
    lang: 'en', heading: 'Full name', problem: 'There is a problem', message: 'Enter your full name',
    titlePrefix: 'Error: ', next: 'Address of your household registration (hukou)', name: 'Li Lei',
  },
  {
    lang: 'zh-CN', heading: '姓名', problem: '存在问题', message: '请填写姓名',
    titlePrefix: '错误：', next: '户籍地址', name: '张三',
  },
];

for (const c of cases) {
  test(`[${c.lang}] an empty required answer is explained, then answering moves on`, async () => {
    const page = await openPage(browser);
    await page.goto(`${BASE_URL}/?form=residence-permit&lang=${c.lang}`);
    const heading = page.getByRole('heading', { level: 1, name: c.heading });
    await heading.waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), c.lang);
    await assertAccessible(page, `${c.lang} first question`);

    await page.getByRole('button', { name: c.lang === 'en' ? 'Continue' : '继续' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await summary.innerText(), new RegExp(c.problem));
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'ow-error-summary',
      'the error summary takes focus');
    assert.ok((await page.title()).startsWith(c.titlePrefix), `title: ${await page.title()}`);
    const input = page.getByRole('textbox', { name: c.heading });
    const described = await input.getAttribute('aria-describedby');
    assert.match(await page.locator(`#${described.split(' ').pop()}`).innerText(), new RegExp(c.message),
      'the inline message is tied to the input');
    await assertAccessible(page, `${c.lang} first question with errors`);

    await summary.getByRole('link', { name: c.message }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-full_name', 'the error link goes to the input');

    await input.fill(c.name);
    await page.getByRole('button', { name: c.lang === 'en' ? 'Continue' : '继续' }).click();
    await page.getByRole('heading', { level: 1, name: c.next }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no error summary on the next page');
    assert.ok(!(await page.title()).startsWith(c.titlePrefix));

    await page.getByRole('link', { name: c.lang === 'en' ? 'Back' : '返回' }).click();
    assert.equal(await page.getByRole('textbox', { name: c.heading }).inputValue(), c.name, 'the answer is kept');
    assert.deepEqual(page.problems, []);
  });
}

test('a definition that cannot be fetched is explained instead of a blank page', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?form=no-such-form&lang=en`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /This form cannot be shown/);
  assert.match(await alert.innerText(), /forms\/no-such-form\.json: HTTP 404/);
});
