// A residence registration in Uyghur (right to left) with a follow-up question nested under
// the option that reveals it; then "fill once": the citizen agrees to keep their details on the
// device, another department's form offers them (shown first, filled only on request), and the
// citizen sees and deletes what is kept. Every page state is axe-scanned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('[ug] a registration in Uyghur reads right to left, reveals a follow-up under its option, and remembers details only with consent', async () => {
  const page = await openPage(browser);
  const h1 = (name) => page.getByRole('heading', { level: 1, name }).waitFor();
  const next = async (what) => {
    await assertAccessible(page, `ug ${what}`);
    await page.getByRole('button', { name: 'داۋاملاشتۇرۇش' }).click();
  };
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=ug`);
  await h1('ئولتۇراق تىزىملىتىش');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ug');
  assert.equal(await page.locator('.ow-page').evaluate((e) => getComputedStyle(e).direction), 'rtl');
  // The language links carry their own direction-neutral languages.
  assert.equal(await page.getByRole('link', { name: 'English' }).getAttribute('lang'), 'en');
  await assertAccessible(page, 'ug start');
  await page.getByRole('button', { name: 'ھازىرلا باشلاش' }).click();

  await h1('ئىسىم-فامىلىڭىز');
  await page.getByRole('button', { name: 'داۋاملاشتۇرۇش' }).click();
  await page.getByRole('heading', { name: 'مەسىلە بار' }).waitFor();
  assert.ok((await page.title()).startsWith('خاتالىق: '), await page.title());
  await assertAccessible(page, 'ug error summary');
  // RTL: the error bar sits on the right, where the line starts.
  const group = page.locator('.ow-form-group--error');
  assert.notEqual(await group.evaluate((e) => getComputedStyle(e).borderRightWidth), '0px');
  assert.equal(await group.evaluate((e) => getComputedStyle(e).borderLeftWidth), '0px');
  await page.getByRole('textbox', { name: 'ئىسىم-فامىلىڭىز' }).fill('艾力·买买提');
  await next('name');
  await page.getByRole('textbox', { name: 'كىملىك نومۇرىڭىز' }).fill('11010519491231002X');
  await next('id number');

  await h1('ھازىر تۇرۇۋاتقان ئادرېسىڭىز');
  await page.getByRole('combobox', { name: /ئۆلكە/ }).selectOption({ label: '福建省' });
  await page.getByRole('combobox', { name: 'شەھەر', exact: true }).selectOption({ label: '厦门市' });
  await page.getByRole('combobox', { name: 'رايون (ناھىيە)' }).selectOption({ label: '思明区' });
  await page.getByRole('textbox', { name: 'تەپسىلىي ئادرېس' }).fill('思明南路422号');
  // The landlord's name belongs to "I rent it": hidden until chosen, then right under it.
  const rent = page.getByRole('radio', { name: 'ئىجارىگە ئالغان' });
  const controls = await rent.getAttribute('aria-controls');
  assert.ok(controls, 'the option names the container it reveals');
  const container = page.locator(`#${controls}`);
  assert.equal(await container.isHidden(), true);
  await assertAccessible(page, 'ug reveal closed');
  await rent.check();
  const landlord = page.getByRole('textbox', { name: 'ئۆي ئىگىسىنىڭ ئىسمى' });
  await landlord.waitFor();
  assert.equal(await container.locator('input').count(), 1, 'the follow-up is inside the revealed container');
  const follows = await page.evaluate((id) => {
    const box = document.getElementById(id);
    return box.previousElementSibling.querySelector('input[type=radio]')?.value;
  }, controls);
  assert.equal(follows, 'rent', 'the container comes straight after the option that reveals it');
  await page.getByRole('button', { name: 'داۋاملاشتۇرۇش' }).click();
  await page.getByRole('link', { name: 'ئۆي ئىگىسىنىڭ ئىسمىنى كىرگۈزۈڭ' }).waitFor();
  await assertAccessible(page, 'ug reveal with error');
  await landlord.fill('王芳');
  await next('address');

  await page.getByRole('textbox', { name: 'كۈن' }).fill('1');
  await page.getByRole('textbox', { name: 'ئاي' }).fill('3');
  await page.getByRole('textbox', { name: 'يىل' }).fill('2026');
  await next('moved in');
  await page.getByRole('textbox', { name: 'يانفون نومۇرىڭىز' }).fill('13812345678');
  await next('mobile');

  await h1('جاۋابلىرىڭىزنى تەكشۈرۈڭ');
  await assertAccessible(page, 'ug check answers');
  await page.getByRole('button', { name: 'قوشۇلۇپ يوللاش' }).click();
  await h1('ئىلتىماس يوللاندى');
  // Nothing is remembered without the citizen's say-so.
  assert.equal(await page.evaluate(() => localStorage.getItem('onewindow:remembered')), null);
  const offer = page.getByRole('region', { name: 'ئۇچۇرلىرىڭىزنى باشقا ئىلتىماسلار ئۈچۈن ساقلامسىز؟' });
  const listed = await offer.locator('.ow-summary-list').innerText();
  for (const expected of ['艾力·买买提', '11010519491231002X', '思明南路422号', '13812345678']) {
    assert.ok(listed.includes(expected), `the consent lists ${expected}:\n${listed}`);
  }
  assert.ok(!listed.includes('王芳'), 'the landlord is not the citizen: not offered for keeping');
  await assertAccessible(page, 'ug remember offer');
  await offer.getByRole('button', { name: 'بۇ ئۇچۇرلارنى بۇ ئۈسكۈنىدە ساقلاش' }).click();
  await page.getByText('ئۇچۇرلىرىڭىز بۇ ئۈسكۈنىدە ساقلاندى.').waitFor();
  const kept = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('onewindow:remembered'))));
  assert.deepEqual(kept.sort(), ['address.cn', 'contact.mobile', 'person.cn_id_number', 'person.full_name']);

  // Another department's form, in English: offered on the first page that asks, once the
  // citizen has said they apply for themselves.
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('checkbox', { name: 'I have a lawful, stable home in this city' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'You can apply for a residence permit' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Use details you saved before?' }).count(), 0);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: /myself/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await h1('Full name');
  const prefill = page.getByRole('region', { name: 'Use details you saved before?' });
  const offered = await prefill.locator('.ow-summary-list').innerText();
  for (const expected of ['Full name', '艾力·买买提', 'Your ID number', '11010519491231002X', 'Mobile number', '13812345678']) {
    assert.ok(offered.includes(expected), `the offer shows ${expected}:\n${offered}`);
  }
  assert.equal(await page.getByRole('textbox', { name: 'Full name' }).inputValue(), '', 'nothing is filled before the citizen asks');
  await assertAccessible(page, 'prefill offer');
  await prefill.getByRole('button', { name: 'Fill in these details' }).click();
  await page.getByText('These details are filled in').waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Full name' }).inputValue(), '艾力·买买提');
  await assertAccessible(page, 'prefilled');
  await page.getByRole('button', { name: 'Continue' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Your ID number' }).inputValue(), '11010519491231002X');
  await page.getByText('31 December 1949').waitFor();

  // What is kept can be seen and deleted, one by one or all at once.
  await page.getByRole('button', { name: 'Details saved on this device' }).click();
  await h1('Details saved on this device');
  const saved = await page.locator('.ow-summary-list').innerText();
  assert.ok(saved.includes('Mobile number') && saved.includes('13812345678'), saved);
  await assertAccessible(page, 'saved details');
  await page.getByRole('button', { name: 'Delete Mobile number' }).click();
  assert.ok(!(await page.locator('.ow-summary-list').innerText()).includes('13812345678'));
  const left = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('onewindow:remembered'))));
  assert.deepEqual(left.sort(), ['address.cn', 'person.cn_id_number', 'person.full_name']);
  await page.getByRole('button', { name: 'Delete all saved details' }).click();
  await page.getByText('No details are saved on this device.').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('onewindow:remembered')), null);
  await assertAccessible(page, 'saved details emptied');
  await page.getByRole('link', { name: 'Return to the form' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Your ID number' }).inputValue(), '11010519491231002X', 'the journey is where it was');
  assert.deepEqual(page.problems, []);
});
