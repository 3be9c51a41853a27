// A whole register-a-birth journey with the keyboard alone: every control is reached with Tab
// and operated with Space, Enter, arrows or typing — no clicks. Covers radios, a date, yes/no,
// a repeatable group ("add another"), text, textarea, the UK address, checkboxes, content
// pages and check answers, with an axe scan at each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('[en] register a birth of twins using only the keyboard', async () => {
  const page = await openPage(browser);
  const kb = page.keyboard;

  /** Presses Tab until `locator` has focus (fails if it is not reachable in 60 presses). */
  async function tabTo(locator, what) {
    const target = await locator.elementHandle();
    for (let i = 0; i < 60; i++) {
      if (await page.evaluate((el) => document.activeElement === el, target)) return;
      await kb.press('Tab');
    }
    assert.fail(`${what} cannot be reached with Tab`);
  }
  const type = async (name, text) => {
    const box = page.getByRole('textbox', { name, exact: true });
    await tabTo(box, name);
    await kb.type(text);
  };
  const choose = async (name) => {
    const radio = page.getByRole('radio', { name, exact: true });
    // A radio group is one tab stop: Tab reaches it, arrows move within it.
    const group = page.getByRole('radio');
    await tabTo(group.first(), 'the radio group');
    for (let i = 0; i < 6 && !(await radio.evaluate((el) => el === document.activeElement)); i++) await kb.press('ArrowDown');
    await kb.press('Space');
    assert.ok(await radio.isChecked(), `${name} is chosen`);
  };
  const tick = async (name) => {
    await tabTo(page.getByRole('checkbox', { name, exact: true }), name);
    await kb.press('Space');
  };
  const next = async (heading, what) => {
    await assertAccessible(page, what);
    await tabTo(page.getByRole('button', { name: 'Continue' }), 'Continue');
    await kb.press('Enter');
    if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const date = async (d) => {
    await type('Day', String(d.getDate()));
    await type('Month', d.toLocaleString('en-GB', { month: 'long' }));
    await type('Year', String(d.getFullYear()));
  };

  await page.goto(`${BASE_URL}/?form=register-birth&lang=en`);
  await tabTo(page.getByRole('button', { name: 'Start now' }), 'Start now');
  await kb.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Where was the baby born?' }).waitFor();

  await choose('England or Wales');
  await next('When the baby was born, were the parents married to each other or in a civil partnership?', 'country');
  await choose('Yes, they were married to each other');
  await next(/Who will go to the appointment/, 'relationship');
  await choose('Both parents');
  await next('Baby’s date of birth', 'who registers');
  const born = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  await date(born);
  await next('Was the baby one of twins, triplets or more?', 'date of birth');
  await choose('Yes');
  await next('Baby’s time of birth', 'multiple birth');
  await type('Baby’s time of birth', '09:14');
  await next('Other babies from the same birth', 'time of birth');

  await tabTo(page.getByRole('button', { name: 'Add baby' }), 'Add baby');
  await kb.press('Enter');
  // Focus moves into the new item, so typing goes straight into its first question.
  await page.getByRole('heading', { name: 'Baby 1' }).waitFor();
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /other_babies-1\.forenames/);
  await kb.type('Amelia Rose');
  await type('Surname', 'O’Brien-Smith');
  const time = page.getByRole('textbox', { name: /time of birth/i });
  await tabTo(time, 'time of birth');
  await kb.type('09:31');
  await next('What is the baby’s sex?', 'other babies');

  await choose('Female');
  await next('Baby’s place of birth', 'sex');
  await type('Baby’s place of birth', 'St Thomas’ Hospital, London');
  await next(null, 'place of birth');
  await type('Baby’s forenames', 'Olivia Grace');
  await type('Baby’s surname', 'O’Brien-Smith');
  await next(null, 'baby name');
  await type('Mother’s forenames', 'Siobhan');
  await type('Mother’s surname', 'O’Brien-Smith');
  await next(null, 'mother name');
  await type('Maiden surname', 'O’Brien');
  await next(null, 'previous surnames');
  await date(new Date(1991, 6, 3));
  await type('Mother’s place of birth', 'Cork, Ireland');
  await next(null, 'mother birth');
  await type('Mother’s occupation (optional)', 'Nurse');
  await next(null, 'mother occupation');
  await type('Father’s or second parent’s forenames', 'James');
  await type('Father’s or second parent’s surname', 'Smith');
  await next(null, 'second parent name');
  await date(new Date(1989, 0, 12));
  await type('Father’s or second parent’s place of birth', 'Leeds');
  await next(null, 'second parent birth');
  await next(null, 'second parent occupation (optional)');
  await date(new Date(2020, 5, 14));
  await next('Your address', 'marriage date');
  await type('Address line 1', 'Flat 2, 10 Lambeth Road');
  await type('Town or city', 'London');
  await type('Postcode', 'se1 7ph');
  await next(null, 'address');
  await tick('Passport');
  await tick('Utility bill from the last 3 months');
  await next(null, 'documents');
  await next(null, 'appointment checklist');
  await type('Email address (optional)', 'siobhan@example.com');
  await type('UK telephone number', '07700 900 982');
  await next('Check your answers', 'contact');

  const summary = await page.locator('main').innerText();
  for (const expected of ['England or Wales', 'SE1 7PH', 'Passport', 'Not provided']) {
    assert.ok(summary.includes(expected), `check answers shows ${expected}:\n${summary}`);
  }
  // The other baby is a card of its own, with its answers and a Change link for it.
  const card = page.locator('.ow-summary-card').filter({ has: page.getByRole('heading', { level: 3, name: 'Baby 1' }) });
  const text = await card.innerText();
  for (const expected of ['Amelia Rose', 'O’Brien-Smith', '09:31']) {
    assert.ok(text.includes(expected), `the card shows ${expected}:\n${text}`);
  }
  await card.getByRole('link', { name: 'Change Baby 1' }).waitFor();
  await assertAccessible(page, 'check answers');
  assert.deepEqual(page.problems, []);
});
