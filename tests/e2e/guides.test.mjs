// The way to a service, as a citizen takes it: catalog home → life event or topic → guide →
// assistant (answers in the URL: back button, bookmark) → outcome with the checklist tailored
// to the answers (print, download) → the form with the assistant's answers filled in. Every
// assistant is walked to each kind of outcome it has. Every page state is axe-scanned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const h1 = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();
const words = { en: { continue: 'Continue', check: 'Check if you can apply' }, 'zh-CN': { continue: '继续', check: '自查能否办理' } };

/** Answers the assistant's pages: each step is [role, accessible name] of what to choose, or a
 * list of them for one page; every page is scanned before "Continue". */
async function answer(page, lang, steps) {
  for (const [i, step] of steps.entries()) {
    for (const [role, name] of Array.isArray(step[0]) ? step : [step]) {
      await page.getByRole(role, { name, exact: true }).check();
    }
    await assertAccessible(page, `assistant page ${i + 1}`);
    await page.getByRole('button', { name: words[lang].continue }).click();
  }
}

async function downloadText(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('[en] catalog → life event → guide → assistant → tailored checklist → the form, answers handed over', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?lang=en`);
  await h1(page, 'Find a service');
  await assertAccessible(page, 'catalog home');
  await page.getByRole('link', { name: 'Moving house or to a new city' }).click();
  await h1(page, 'Moving house or to a new city');
  await assertAccessible(page, 'life event page');
  await page.getByRole('link', { name: 'Apply for a residence permit (first application)' }).click();

  await h1(page, 'Apply for a residence permit (first application)');
  for (const section of ['Who can apply', 'What you need', 'How to apply', 'How long it takes', 'How much it costs', 'Where to go', 'Get help', 'Legal basis']) {
    await page.getByRole('heading', { level: 2, name: section }).waitFor();
  }
  // Untailored, the guide lists everything and says what depends on the person.
  await page.getByText('Proof of study (student card or a letter from your school)').waitFor();
  assert.ok(await page.getByText('Only in some cases', { exact: false }).count() > 0);
  await page.getByRole('complementary', { name: 'You may also need' }).getByRole('link', { name: /Register where you live/ }).waitFor();
  await assertAccessible(page, 'guide');
  await page.getByRole('link', { name: 'Check if you can apply' }).first().click();

  await answer(page, 'en', [['radio', 'Me'], ['radio', 'No'], ['radio', 'Yes']]);
  // Continue with nothing chosen: the GOV.UK error pattern, here too.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.match(await page.title(), /^Error: /);
  await assertAccessible(page, 'assistant error');
  await answer(page, 'en', [['checkbox', 'I have lawful, stable employment in this city']]);

  await h1(page, 'You can apply for a residence permit');
  const checklist = page.locator('.ow-checklist');
  await checklist.getByText('Proof of employment', { exact: false }).waitFor();
  assert.equal(await checklist.getByText('Proof of study', { exact: false }).count(), 0, 'only what applies to this person');
  assert.equal(await checklist.getByText('Only in some cases', { exact: false }).count(), 0);
  await checklist.getByRole('heading', { name: 'You do not need to bring' }).waitFor();
  await assertAccessible(page, 'outcome with checklist');
  const { name, text } = await downloadText(page, 'Download this list');
  assert.equal(name, 'residence-permit-checklist.txt');
  assert.match(text, /Proof of employment/);
  assert.doesNotMatch(text, /Proof of study/);
  await page.getByRole('button', { name: 'Print this list' }).waitFor();
  // Worked out on the device from the answers: someone who works here needs a social security card.
  const also = page.getByRole('complementary', { name: 'You may also need' });
  assert.match(await also.getByRole('listitem').first().innerText(), /Apply for a social security card[\s\S]*used to pay medical bills/);
  assert.equal(await also.getByText('use it to pay your rent', { exact: false }).count(), 0, 'the renters’ reason is not for this person');

  // The answers are in the URL's fragment: never sent to the server, yet bookmarkable.
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('check'), 'result');
  assert.match(url.hash, /basis=employment/);
  await page.reload();
  await h1(page, 'You can apply for a residence permit');
  // Back returns to the last question as answered.
  await page.goBack();
  await h1(page, 'Which of these apply to you?');
  assert.ok(await page.getByRole('checkbox', { name: 'I have lawful, stable employment in this city' }).isChecked());
  await page.goForward();
  await h1(page, 'You can apply for a residence permit');

  await page.getByRole('link', { name: 'Start your application' }).click();
  await page.getByText('Your answers from the check are filled in').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'handed answers are not left in the address bar');
  await assertAccessible(page, 'form start after the check');
  // The form's start page leads back to its guide (no dead end either way).
  assert.equal(await page.getByRole('link', { name: 'Back to the guide' }).getAttribute('href'), '?service=residence-permit&lang=en');
  await page.getByRole('button', { name: 'Start now' }).click();
  await h1(page, 'Is your household registration (hukou) in this city?');
  assert.ok(await page.getByRole('radio', { name: 'No' }).isChecked(), 'shown, changeable, not silent');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await h1(page, 'Which of these apply to you?');
  assert.ok(await page.getByRole('checkbox', { name: 'I have lawful, stable employment in this city' }).isChecked());
  // The browser's back button leaves the form for the check it came from.
  for (let i = 0; i < 10 && !new URL(page.url()).searchParams.get('check'); i++) await page.goBack();
  await h1(page, 'You can apply for a residence permit');
  assert.deepEqual(page.problems, []);
});

test('[zh-CN] 指南 → 自查 → 清单; switching language keeps the answers', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  await h1(page, '查找服务');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.getByRole('link', { name: '居住证申领（首次）' }).first().click();
  await h1(page, '居住证申领（首次）');
  await page.getByRole('heading', { level: 2, name: '申请材料' }).waitFor();
  await assertAccessible(page, '指南');
  await page.getByRole('link', { name: '自查能否办理' }).first().click();
  await answer(page, 'zh-CN', [['radio', '我本人'], ['radio', '否'], ['radio', '是'], ['checkbox', '在本市连续就读']]);
  await h1(page, '您可以申领居住证');
  await page.locator('.ow-checklist').getByText('学生证', { exact: false }).first().waitFor();
  await assertAccessible(page, '自查结果');
  await page.getByRole('link', { name: 'English' }).click();
  await h1(page, 'You can apply for a residence permit');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.locator('.ow-checklist').getByText('Proof of study', { exact: false }).waitFor();
  assert.deepEqual(page.problems, []);
});

// Each assistant to each kind of outcome: the answers, the outcome's heading, and what the
// page must offer for that kind.
const walks = [
  { service: 'residence-permit', lang: 'en', steps: [['radio', 'Me'], ['radio', 'Yes']], heading: 'You do not need a residence permit', kind: 'not_eligible' },
  { service: 'residence-permit', lang: 'en', steps: [['radio', 'Me'], ['radio', 'No'], ['radio', 'No']], heading: 'Register your residence first', kind: 'service', to: 'Register where you live (residence registration)' },
  { service: 'residence-permit', lang: 'en', steps: [['radio', 'A child under 16'], ['radio', 'No'], ['radio', 'Yes'], ['checkbox', 'I am studying in this city without a break']], heading: 'Apply at the counter with the child', kind: 'offline_only' },
  { service: 'residence-permit', lang: 'en', steps: [['radio', 'Me'], ['radio', 'No'], ['radio', 'Yes'], ['checkbox', 'I have lawful, stable employment in this city']], heading: 'You can apply for a residence permit', kind: 'start_form', form: 'Apply for a residence permit' },
  { service: 'residence-registration', lang: 'zh-CN', steps: [['radio', '是']], heading: '您无需办理居住登记', kind: 'not_eligible' },
  { service: 'residence-registration', lang: 'zh-CN', steps: [['radio', '否'], ['radio', '1个月或更长'], ['radio', '是']], heading: '您已办理居住登记', kind: 'service', to: '居住证申领（首次）' },
  { service: 'residence-registration', lang: 'zh-CN', steps: [['radio', '否'], ['radio', '1个月或更长'], ['radio', '否'], ['radio', '租赁住房'], ['radio', '否']], heading: '请到派出所窗口办理', kind: 'offline_only' },
  { service: 'residence-registration', lang: 'zh-CN', steps: [['radio', '否'], ['radio', '1个月或更长'], ['radio', '否'], ['radio', '租赁住房'], ['radio', '是']], heading: '您可以在网上办理居住登记', kind: 'start_form', form: '居住登记' },
  { service: 'register-birth', lang: 'en', steps: [['radio', 'Scotland']], heading: 'Register the birth in Scotland', kind: 'not_eligible' },
  { service: 'register-birth', lang: 'en', steps: [['radio', 'Mainland China']], heading: 'Register the birth with the police station of a parent’s household registration', kind: 'service', to: 'Add a newborn to the household register (hukou)' },
];

for (const walk of walks) {
  test(`[${walk.lang}] ${walk.service} assistant → ${walk.kind}: ${walk.heading}`, async () => {
    const page = await openPage(browser);
    await page.goto(`${BASE_URL}/?service=${walk.service}&lang=${walk.lang}&check=start`);
    await answer(page, walk.lang, walk.steps);
    await h1(page, walk.heading);
    await assertAccessible(page, `${walk.kind} outcome`);
    const checklist = await page.locator('.ow-checklist').count();
    if (walk.kind === 'not_eligible' || walk.kind === 'service') {
      assert.equal(checklist, 0, 'no checklist when the person cannot apply here');
      assert.equal(await page.getByRole('link', { name: /Start your application|开始申请/ }).count(), 0);
    } else {
      assert.equal(checklist, 1);
    }
    if (walk.kind === 'service') {
      await page.getByRole('link', { name: new RegExp(walk.to.replace(/[()]/g, '\\$&')) }).first().click();
      await h1(page, walk.to);
    }
    if (walk.kind === 'start_form') {
      await page.getByRole('link', { name: /Start your application|开始申请/ }).click();
      await page.getByRole('button', { name: /Start now|开始办理/ }).waitFor();
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(walk.form));
    }
    if (walk.kind === 'offline_only') {
      await page.locator('.ow-checklist').getByRole('heading', { name: /Where to go|办理地点/ }).waitFor();
      assert.equal(await page.getByRole('link', { name: /Start your application|开始申请/ }).count(), 0);
    }
    assert.deepEqual(page.problems, []);
  });
}
