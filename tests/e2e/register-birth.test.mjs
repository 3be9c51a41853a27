// Register a birth, the unmarried branch with the mother alone: each kind of error this form
// can make (a choice not made, date parts missing and in the future, letters-only names, a
// rule across answers, an exclusive "None of these", an address postcode, email and phone
// formats), a warning shown once, the branch skipping the second parent, a change from check
// answers, reload and resume, and "Clear my answers". Every page state is axe-scanned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const daysAgo = (n) => new Date(Date.now() - n * 24 * 3600 * 1000);

test('[en] register a birth: every kind of error, a warning, the unmarried branch, change, resume and clear', async () => {
  const page = await openPage(browser);
  const h1 = (name) => page.getByRole('heading', { level: 1, name }).waitFor();
  const box = (name) => page.getByRole('textbox', { name, exact: true });
  const press = () => page.getByRole('button', { name: 'Continue' }).click();
  /** Continue, then expect exactly these messages in the summary and inline, then scan. */
  async function expectErrors(what, messages) {
    await press();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.equal(await summary.evaluate((e) => e === document.activeElement), true, `${what}: the summary takes focus`);
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), messages, what);
    for (const message of messages) {
      assert.ok((await page.locator('.ow-error-message').allInnerTexts()).some((t) => t.includes(message)), `${what}: "${message}" inline`);
    }
    assert.ok((await page.title()).startsWith('Error: '), `${what}: title`);
    await assertAccessible(page, `${what} errors`);
  }
  const next = async (what) => { await assertAccessible(page, what); await press(); };
  const date = async (d) => {
    await box('Day').fill(d ? String(d.getDate()) : '');
    await box('Month').fill(d ? String(d.getMonth() + 1) : '');
    await box('Year').fill(d ? String(d.getFullYear()) : '');
  };

  await page.goto(`${BASE_URL}/?form=register-birth&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await h1('Where was the baby born?');
  await expectErrors('country', ['Select where the baby was born']);
  await page.getByRole('radio', { name: 'England or Wales' }).check();
  await next('country');
  await page.getByRole('radio', { name: 'No' }).check();
  await next('relationship');
  // The unmarried branch asks who registers with the unmarried options.
  await h1('Who will go to the appointment to register the birth?');
  await page.getByRole('radio', { name: 'The mother on her own' }).check();
  await next('who registers (unmarried)');

  await h1('Baby’s date of birth');
  await box('Day').fill('3');
  await box('Month').fill('11');
  await expectErrors('date parts', ['Baby’s date of birth must include a year']);
  // Typed values are kept after an error.
  assert.equal(await box('Day').inputValue(), '3');
  await date(daysAgo(-2));
  await expectErrors('future date', ['Baby’s date of birth must be today or in the past']);
  // More than 42 days ago: a warning shown once; Continue again goes on.
  await date(daysAgo(43));
  await page.getByText('43', { exact: true }).waitFor();
  await press();
  await page.getByRole('heading', { name: 'Check this before you continue' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /more than 42 days old/);
  assert.ok(!(await page.title()).startsWith('Error: '), 'a warning is not an error');
  await assertAccessible(page, 'late registration warning');
  await press();
  await h1('Was the baby one of twins, triplets or more?');
  await page.getByRole('radio', { name: 'No' }).check();
  await next('multiple birth');
  await page.getByRole('radio', { name: 'Female' }).check();
  await next('sex');
  await box('Baby’s place of birth').fill('St Thomas’ Hospital, London');
  await next('place of birth');

  await box('Baby’s forenames').fill('Olivia 2');
  await expectErrors('names', ['Baby’s forenames must only include letters a to z, hyphens, spaces and apostrophes', 'Enter the baby’s surname']);
  await box('Baby’s forenames').fill('Olivia Grace');
  await box('Baby’s surname').fill('O’Brien');
  await next('baby name');
  await box('Mother’s forenames').fill('Siobhan');
  await box('Mother’s surname').fill('O’Brien');
  await next('mother name');
  await box('Maiden surname').fill('O’Brien');
  await next('previous surnames');
  // A rule across answers: the mother cannot be born after the baby.
  await date(daysAgo(10));
  await box('Mother’s place of birth').fill('Cork, Ireland');
  await expectErrors('mother born after the baby', ['Mother’s date of birth must be before the baby’s date of birth']);
  await date(new Date(1991, 6, 3));
  await next('mother birth');
  await next('mother occupation (optional)');

  // The unmarried mother alone: no second parent, no marriage date.
  await h1('Your address');
  await box('Address line 1').fill('Flat 2, 10 Lambeth Road');
  await box('Town or city').fill('London');
  await box('Postcode').fill('SW1A 1AI');
  await expectErrors('postcode', ['Enter a real postcode']);
  await box('Postcode').fill('SE1 7PB');
  await next('address');
  await page.getByRole('checkbox', { name: 'Passport' }).check();
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  // "None of these" clears the others, as GOV.UK does.
  assert.equal(await page.getByRole('checkbox', { name: 'Passport' }).isChecked(), false);
  await page.getByRole('checkbox', { name: 'Passport' }).check();
  assert.equal(await page.getByRole('checkbox', { name: 'None of these' }).isChecked(), false);
  await next('documents');
  // The checklist names the baby from the answer given earlier (piping, `{{baby_forenames}}`).
  await page.getByText('Bring the identity documents you selected to register Olivia Grace’s birth.').waitFor();
  await next('appointment checklist');
  await box('Email address (optional)').fill('siobhan@example');
  await box('UK telephone number').fill('0123');
  await expectErrors('contact', ['Enter an email address in the correct format, like name@example.com', 'Enter a telephone number, like 01632 960 001 or 07700 900 982']);

  // Reload in the middle: the draft is offered and the typed (wrong) answers are back.
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  assert.equal(await box('UK telephone number').inputValue(), '0123');
  await box('Email address (optional)').fill('siobhan@example.com');
  await box('UK telephone number').fill('07700 900 982');
  await next('contact');

  await h1('Check your answers');
  const summary = await page.locator('.ow-summary-list').innerText();
  for (const expected of ['The mother on her own', 'Olivia Grace', 'SE1 7PB', 'Passport', 'Not provided']) {
    assert.ok(summary.includes(expected), `check answers shows ${expected}:\n${summary}`);
  }
  for (const absent of ['Father’s or second parent’s', 'Date of the parents’ marriage']) {
    assert.ok(!summary.includes(absent), `the unmarried branch has no ${absent}:\n${summary}`);
  }
  await assertAccessible(page, 'check answers');
  await page.getByRole('link', { name: 'Change Baby’s place of birth' }).click();
  await h1('Baby’s place of birth');
  await box('Baby’s place of birth').fill('Home, 10 Lambeth Road, London');
  await press();
  await h1('Check your answers');
  assert.ok((await page.locator('.ow-summary-list').innerText()).includes('Home, 10 Lambeth Road, London'));

  await page.getByRole('button', { name: 'Clear my answers from this device' }).click();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onewindow:'))), []);
  await page.reload();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Continue where you left off' }).count(), 0);
  assert.deepEqual(page.problems, []);
});
