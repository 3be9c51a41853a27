// A whole application for a residence permit, as a citizen would make it: every field type on
// the path (radios, yes/no, checkboxes, content, text with formats, computed values, a select
// from a reference list, textarea, the CN address cascade, a date with a month name, phone,
// file uploads, declaration), check answers with a change that returns there, and an axe scan
// of every page on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { launch, openPage, assertAccessible, keptFiles, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A file of `size` bytes that begins as its media type's files do (the receiver checks the
// first bytes against the type), then `fill`.
const SIGNATURES = { 'image/jpeg': [0xff, 0xd8, 0xff, 0xe0], 'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'application/pdf': [...Buffer.from('%PDF-1.7\n')] };
const file = (name, mimeType, size, fill = 1) => {
  const buffer = Buffer.alloc(size, fill);
  (SIGNATURES[mimeType] ?? []).forEach((byte, i) => { if (i < size) buffer[i] = byte; });
  return { name, mimeType, buffer };
};
const sha256 = (f) => createHash('sha256').update(f.buffer).digest('hex');

test('[en] a complete application reaches check answers; a change returns there', async () => {
  const page = await openPage(browser);
  const h1 = (name) => page.getByRole('heading', { level: 1, name }).waitFor();
  const next = async (what) => {
    await assertAccessible(page, what);
    await page.getByRole('button', { name: 'Continue' }).click();
  };
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();

  await h1('Is your household registration (hukou) in this city?');
  await page.getByRole('radio', { name: 'No' }).check();
  await next('hukou');
  await h1('Have you lived in this city for 6 months or more?');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await next('six months');
  await h1('Which of these apply to you?');
  await page.getByRole('checkbox', { name: 'I have lawful, stable employment in this city' }).check();
  await page.getByRole('checkbox', { name: 'I have a lawful, stable home in this city' }).check();
  await next('basis');
  await page.getByRole('button', { name: 'Continue' }).waitFor();
  await next('what you need');
  await h1('Are you applying for yourself or for someone else?');
  await page.getByRole('radio', { name: /myself/ }).check();
  await next('applicant role');
  await h1('Full name');
  await page.getByRole('textbox', { name: 'Full name' }).fill('Li Lei');
  await next('name');

  // A wrong check character is explained; the corrected number shows the computed values.
  await page.getByRole('textbox', { name: 'Your ID number' }).fill('350203199008150031');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /check it and enter it again/);
  await page.getByRole('textbox', { name: 'Your ID number' }).fill('35020319900815003x');
  await page.getByText('15 August 1990').waitFor();
  await page.getByText('Male', { exact: true }).waitFor();
  await next('id number');

  await page.getByRole('combobox', { name: 'Ethnic group' }).selectOption({ label: 'Han' });
  await next('ethnicity');
  await page.getByRole('textbox', { name: /household registration/ }).fill('No. 8 Renmin Road, Gulou District, Fuzhou, Fujian');
  await next('hukou address');

  await page.getByRole('combobox', { name: 'Province' }).selectOption({ label: 'Fujian' });
  await page.getByRole('combobox', { name: 'City' }).selectOption({ label: 'Xiamen' });
  await page.getByRole('combobox', { name: 'District or county' }).selectOption({ label: 'Siming' });
  await page.getByRole('textbox', { name: 'Street address' }).fill('Hubin South Road 100, Building 3, Room 502');
  await page.getByRole('textbox', { name: /Postcode/ }).fill('361001');
  await next('residence address');

  await page.getByRole('textbox', { name: 'Day' }).fill('15');
  await page.getByRole('textbox', { name: 'Month' }).fill('March');
  await page.getByRole('textbox', { name: 'Year' }).fill('2025');
  await next('residing since');
  await page.getByRole('textbox', { name: 'Employer’s name' }).fill('Xiamen Example Technology Co., Ltd.');
  await next('employer');
  // Employed, not studying: the employer's dormitory is offered, the school's is not (an
  // option's visible_if).
  await page.getByRole('radio', { name: 'A dormitory provided by my employer' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'A dormitory provided by my school' }).count(), 0);
  await page.getByRole('radio', { name: 'A rented home' }).check();
  await next('housing');
  await page.getByRole('textbox', { name: 'Mobile number' }).fill('138 0013 8000');
  await next('mobile');

  // Files: a wrong type is refused by the engine's rule, then the right files go through.
  await page.getByLabel('Photo of you').setInputFiles([file('photo.gif', 'image/gif', 2000)]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /must be a JPG, PNG or PDF/);
  await page.getByRole('button', { name: 'Remove photo.gif' }).click();
  const photo = file('photo.jpg', 'image/jpeg', 180000, 7);
  await page.getByLabel('Photo of you').setInputFiles([photo]);
  await page.getByRole('button', { name: 'Remove photo.jpg' }).waitFor();
  // The photo's content is kept on the device with the draft, under its SHA-256.
  assert.equal((await keptFiles(page))[`residence-permit/${sha256(photo)}`], 180000);
  // A reload loses nothing: the draft is offered, and the file is still listed and kept.
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  await page.getByRole('button', { name: 'Remove photo.jpg' }).waitFor();
  assert.equal((await keptFiles(page))[`residence-permit/${sha256(photo)}`], 180000);
  await next('photo');
  await page.getByLabel('Both sides of your resident identity card').setInputFiles([
    file('id-front.jpg', 'image/jpeg', 1000), file('id-back.jpg', 'image/jpeg', 1000)]);
  await next('id card');
  await page.getByLabel('Proof of your address').setInputFiles([file('tenancy.pdf', 'application/pdf', 5000)]);
  await next('address proof');
  await page.getByLabel('Proof of employment').setInputFiles([file('contract.pdf', 'application/pdf', 5000)]);
  await next('employment proof');

  await page.getByRole('checkbox').check();
  await next('declaration');

  await h1('Check your answers');
  await assertAccessible(page, 'check answers');
  const rows = await page.locator('.ow-summary-list__row').allInnerTexts();
  const text = rows.join('\n');
  for (const expected of ['Li Lei', '35020319900815003X', 'Han', '15 March 2025', 'Xiamen', 'A rented home', 'contract.pdf', 'Not provided']) {
    assert.ok(text.includes(expected), `check answers shows ${expected}:\n${text}`);
  }

  await page.getByRole('link', { name: 'Change Full name' }).click();
  await h1('Full name');
  await page.getByRole('textbox', { name: 'Full name' }).fill('Han Meimei');
  await page.getByRole('button', { name: 'Continue' }).click();
  await h1('Check your answers');
  assert.ok((await page.locator('.ow-summary-list').innerText()).includes('Han Meimei'));

  // The first attempt fails on the network: nothing is lost. The application waits on the
  // device and the courier tries again by itself with the same idempotency key.
  const keys = [];
  await page.route('**/api/submissions', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (keys.length === 1) await route.abort(); else await route.continue();
  });
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await h1('Your application is saved on this device');
  const receipt = await page.locator('.ow-panel__reference').innerText();
  assert.match(receipt, /^[0-9A-F]{8}$/);
  await assertAccessible(page, 'queued');
  await h1('Application sent');
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'the retry reuses the idempotency key');
  assert.ok(keys[0].toUpperCase().replaceAll('-', '').startsWith(receipt), 'the receipt is the key’s start');
  assert.match(await page.locator('.ow-panel__reference').innerText(), /^OW-\d{8}-\d{6}$/);
  // What people in this situation also need, worked out on the device from the catalog.
  await page.getByRole('complementary', { name: 'You may also need' }).getByRole('link', { name: 'Register where you live (residence registration)' }).waitFor();
  await assertAccessible(page, 'confirmation');

  // Once sent, nothing of the application stays on the device: neither answers nor files.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onewindow:'))), []);
  assert.deepEqual(Object.keys(await keptFiles(page)), []);
  assert.deepEqual(page.problems, []);
});

test('[zh-CN] a student living in a school dormitory applies in Chinese, from start to confirmation', async () => {
  const page = await openPage(browser);
  const h1 = (name) => page.getByRole('heading', { level: 1, name }).waitFor();
  const next = async (what) => {
    await assertAccessible(page, `zh-CN ${what}`);
    await page.getByRole('button', { name: '继续' }).click();
  };
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=zh-CN`);
  await page.getByRole('button', { name: '开始办理' }).click();
  await h1('您的户口是否在本市？');
  await page.getByRole('radio', { name: '否' }).check();
  await next('hukou');
  await h1('您是否已在本市居住满6个月？');
  await page.getByRole('radio', { name: '是' }).check();
  await next('six months');
  await page.getByRole('checkbox', { name: '在本市有合法稳定住所' }).check();
  await page.getByRole('checkbox', { name: '在本市连续就读' }).check();
  await next('basis');
  await page.getByRole('button', { name: '继续' }).waitFor();
  await next('what you need');
  await page.getByRole('radio', { name: '本人申请' }).check();
  await next('role');
  // A minority name with the middle dot is accepted.
  await page.getByRole('textbox', { name: '姓名' }).fill('阿依古丽·买买提');
  await next('name');
  await page.getByRole('textbox', { name: '公民身份号码' }).fill('11010519491231002X');
  await page.getByText('1949年12月31日').waitFor();
  await page.getByText('女', { exact: true }).waitFor();
  await next('id number');
  await page.getByRole('combobox', { name: '民族' }).selectOption({ label: '维吾尔族' });
  await next('ethnicity');
  await page.getByRole('textbox', { name: '户籍地址' }).fill('新疆维吾尔自治区乌鲁木齐市天山区解放南路1号');
  await next('hukou address');
  await page.getByRole('combobox', { name: '省（自治区、直辖市）' }).selectOption({ label: '福建省' });
  await page.getByRole('combobox', { name: '市', exact: true }).selectOption({ label: '厦门市' });
  await page.getByRole('combobox', { name: '区（县）' }).selectOption({ label: '思明区' });
  await page.getByRole('textbox', { name: '详细地址' }).fill('思明南路422号');
  await next('residence address');
  // Chinese month names are accepted in the date.
  await page.getByRole('textbox', { name: '日' }).fill('1');
  await page.getByRole('textbox', { name: '月' }).fill('3月');
  await page.getByRole('textbox', { name: '年' }).fill('2025');
  await next('residing since');
  await page.getByRole('radio', { name: '学校宿舍' }).check();
  await next('housing');
  await page.getByRole('textbox', { name: '就读学校名称' }).fill('厦门大学');
  await next('school');
  await page.getByRole('textbox', { name: '手机号码' }).fill('+86 139 0000 1111');
  await next('mobile');
  for (const [label, files] of [
    ['本人近期证件照片', [file('zhao.png', 'image/png', 3000)]],
    ['居民身份证正反面', [file('front.jpg', 'image/jpeg', 3000), file('back.jpg', 'image/jpeg', 3000)]],
    ['住所证明', [file('dorm.pdf', 'application/pdf', 3000)]],
    ['就读证明', [file('student-card.jpg', 'image/jpeg', 3000)]],
  ]) {
    await page.getByLabel(label).setInputFiles(files);
    await next(label);
  }
  await page.getByRole('checkbox').check();
  await next('declaration');
  await h1('核对您的信息');
  const summary = await page.locator('.ow-summary-list').innerText();
  for (const expected of ['阿依古丽·买买提', '维吾尔族', '2025年3月1日', '学校宿舍', '厦门大学', '未填写']) {
    assert.ok(summary.includes(expected), `核对页显示 ${expected}:\n${summary}`);
  }
  await assertAccessible(page, 'zh-CN check answers');
  await page.getByRole('button', { name: '确认并提交' }).click();
  await h1('申请已提交');
  assert.match(await page.locator('.ow-panel__reference').innerText(), /^OW-\d{8}-\d{6}$/);
  await page.getByRole('complementary', { name: '您可能还需要办理' }).getByRole('link', { name: '居住登记申报' }).waitFor();
  await assertAccessible(page, 'zh-CN confirmation');
  assert.deepEqual(page.problems, []);
});
