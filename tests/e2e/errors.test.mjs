// Each kind of error the residence-permit form can show, made in the browser and explained in
// the error summary and next to the question, then corrected: lengths, patterns, formats,
// check characters, impossible and future dates, date rules, phone numbers, file type, size,
// emptiness and count, and a question shown only on one branch (employer's credit code).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

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

test('[en] every kind of error is explained where it happens, and correcting it moves on', async () => {
  const page = await openPage(browser);
  const cont = () => page.getByRole('button', { name: 'Continue' }).click();
  /** Continue must stop with `message` in the summary and next to the question. */
  async function refused(message, what) {
    await cont();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).includes(message), `${what}: summary says "${message}":\n${await alert.innerText()}`);
    assert.ok((await page.locator('.ow-error-message').allInnerTexts()).some((t) => t.includes(message)), `${what}: inline`);
    assert.ok((await page.title()).startsWith('Error: '));
    await assertAccessible(page, `error: ${what}`);
  }
  async function accepted(heading) {
    await cont();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  await page.goto(`${BASE_URL}/?form=residence-permit&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await cont();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await cont();
  await refused('Select which of these apply to you', 'nothing ticked');
  await page.getByRole('checkbox', { name: 'I have lawful, stable employment in this city' }).check();
  await cont();
  await cont();
  await page.getByRole('radio', { name: /myself/ }).check();
  await accepted('Full name');

  const name = page.getByRole('textbox', { name: 'Full name' });
  await name.fill('L');
  await refused('Full name must be 2 characters or more', 'too short');
  await name.fill('Li 2');
  await refused('Full name must only include Chinese characters, letters a to z, spaces and the middle dot', 'pattern');
  await name.fill('Li Lei');
  await cont();

  const id = page.getByRole('textbox', { name: 'Your ID number' });
  await id.fill('1101051949');
  await refused('Enter your ID number in the correct format', 'ID shape');
  await id.fill('110105194912310021');
  await refused('is not correct: check it and enter it again', 'check character');
  await id.fill('11010519491331002X');
  await refused('date of birth that does not exist', 'impossible date in the ID');
  await id.fill('35020319900815003X');
  await cont();

  await page.getByRole('combobox', { name: 'Ethnic group' }).selectOption({ index: 1 });
  await cont();
  await page.getByRole('textbox', { name: /household registration/ }).fill('x'.repeat(201));
  await refused('must be 200 characters or less', 'too long');
  await page.getByRole('textbox', { name: /household registration/ }).fill('Fuzhou');
  await cont();

  await page.getByRole('combobox', { name: 'Province' }).selectOption({ label: 'Fujian' });
  await page.getByRole('combobox', { name: 'City' }).selectOption({ label: 'Xiamen' });
  await refused('Select the province, city and district', 'region not finished');
  await page.getByRole('combobox', { name: 'District or county' }).selectOption({ label: 'Huli' });
  await page.getByRole('textbox', { name: 'Street address' }).fill('Road 1');
  await page.getByRole('textbox', { name: /Postcode/ }).fill('36100');
  await refused('Postcode must be 6 numbers', 'postcode format');
  await page.getByRole('textbox', { name: /Postcode/ }).fill('');
  await cont();

  const day = page.getByRole('textbox', { name: 'Day' });
  const month = page.getByRole('textbox', { name: 'Month' });
  const year = page.getByRole('textbox', { name: 'Year' });
  await day.fill('15'); await year.fill('2025');
  await refused('must include a month', 'date without a month');
  await month.fill('April'); await day.fill('31');
  await refused('must be a real date', 'impossible date');
  await day.fill('1'); await month.fill('1'); await year.fill('25');
  await refused('Year must include 4 numbers', 'two-digit year');
  await year.fill(String(new Date().getFullYear() + 1));
  await refused('must be in the past', 'future date');
  const lastMonth = new Date(Date.now() - 40 * 24 * 3600 * 1000);
  await day.fill(String(lastMonth.getDate())); await month.fill(String(lastMonth.getMonth() + 1)); await year.fill(String(lastMonth.getFullYear()));
  await refused('at least 6 months ago', 'less than six months');
  await day.fill('1'); await month.fill('March'); await year.fill('2024');
  await cont();

  // Only on the employment branch: the employer's credit code, optional but checked.
  await page.getByRole('textbox', { name: 'Employer’s name' }).fill('Example Ltd');
  await page.getByRole('textbox', { name: /unified social credit code/ }).fill('9111000080210043XB');
  await refused('is not correct: check it and enter it again', 'credit code check character');
  await page.getByRole('textbox', { name: /unified social credit code/ }).fill('91350100M000100Y43');
  await cont();

  const mobile = page.getByRole('textbox', { name: 'Mobile number' });
  await mobile.fill('12345');
  await refused('Enter a mobile number in the correct format', 'mobile');
  await mobile.fill('13800138000');
  await cont();

  // Choosing files is asynchronous (they are kept on the device first): wait until the last
  // one is listed before pressing Continue.
  const choose = async (input, files) => {
    await input.setInputFiles(files);
    await page.getByRole('button', { name: `Remove ${files.at(-1).name}` }).waitFor();
  };
  const photo = page.getByLabel('Photo of you');
  await choose(photo, [file('photo.gif', 'image/gif', 100)]);
  await refused('must be a JPG, PNG or PDF', 'file type');
  await page.getByRole('button', { name: 'Remove photo.gif' }).click();
  await choose(photo, [file('empty.jpg', 'image/jpeg', 0)]);
  await refused('The selected file is empty', 'empty file');
  await page.getByRole('button', { name: 'Remove empty.jpg' }).click();
  await choose(photo, [file('huge.jpg', 'image/jpeg', 5 * 1024 * 1024 + 1)]);
  await refused('must be smaller than 5MB', 'file size');
  await page.getByRole('button', { name: 'Remove huge.jpg' }).click();
  await choose(photo, [file('photo.jpg', 'image/jpeg', 1000)]);
  await cont();
  await choose(page.getByLabel('Both sides of your resident identity card'), [
    file('a.jpg', 'image/jpeg', 10), file('b.jpg', 'image/jpeg', 10), file('c.jpg', 'image/jpeg', 10)]);
  await refused('Select 2 files or fewer', 'too many files');
  assert.deepEqual(page.problems, []);
});

test('[zh-CN] the same kinds of error in Chinese: “存在问题”, the message in the summary and inline, typed values kept', async () => {
  const page = await openPage(browser);
  const cont = () => page.getByRole('button', { name: '继续' }).click();
  async function refused(message, what) {
    await cont();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.innerText()).startsWith('存在问题'), `${what}: the summary's title`);
    assert.ok((await alert.innerText()).includes(message), `${what}: summary says "${message}":\n${await alert.innerText()}`);
    assert.ok((await page.locator('.ow-error-message').allInnerTexts()).some((t) => t.includes(message)), `${what}: inline`);
    assert.ok((await page.title()).startsWith('错误：'), `${what}: title ${await page.title()}`);
    await assertAccessible(page, `zh-CN error: ${what}`);
  }
  await page.goto(`${BASE_URL}/?form=residence-permit&lang=zh-CN`);
  await page.getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('radio', { name: '否' }).check();
  await cont();
  await page.getByRole('radio', { name: '是' }).check();
  await cont();
  await refused('请选择适用于您的情况，或选择“以上都不是”', '未勾选');
  await page.getByRole('checkbox', { name: '在本市合法稳定就业' }).check();
  await cont();
  await cont();
  await page.getByRole('radio', { name: '本人申请' }).check();
  await cont();

  const name = page.getByRole('textbox', { name: '姓名' });
  await name.fill('李');
  await refused('姓名不能少于2个字符', '过短');
  await name.fill('李2');
  await refused('姓名只能包含汉字、英文字母、空格和间隔号（·）', '格式');
  assert.equal(await name.inputValue(), '李2', 'the typed value is kept');
  await name.fill('李雷');
  await cont();
  const id = page.getByRole('textbox', { name: '公民身份号码' });
  await id.fill('110105194912310021');
  await refused('公民身份号码有误，请核对后重新填写', '校验码');
  await id.fill('11010519491231002X');
  await cont();
  await page.getByRole('combobox', { name: '民族' }).selectOption({ label: '汉族' });
  await cont();
  await page.getByRole('textbox', { name: '户籍地址' }).fill('福建省福州市鼓楼区');
  await cont();
  await page.getByRole('combobox', { name: '省（自治区、直辖市）' }).selectOption({ label: '福建省' });
  await refused('请选择省、市、区（县）', '地区未选完');
  await page.getByRole('combobox', { name: '市', exact: true }).selectOption({ label: '厦门市' });
  await page.getByRole('combobox', { name: '区（县）' }).selectOption({ label: '湖里区' });
  await page.getByRole('textbox', { name: '详细地址' }).fill('湖里大道1号');
  await cont();
  await page.getByRole('textbox', { name: '日' }).fill('15');
  await page.getByRole('textbox', { name: '年' }).fill('2025');
  await refused('在本市居住起始日期必须包含月', '缺月份');
  await page.getByRole('textbox', { name: '月' }).fill('1');
  await page.getByRole('textbox', { name: '年' }).fill(String(new Date().getFullYear() + 1));
  await refused('在本市居住起始日期必须早于今天', '未来日期');
  await page.getByRole('textbox', { name: '年' }).fill('2025');
  await cont();
  await page.getByRole('textbox', { name: '工作单位名称' }).fill('厦门示例科技有限公司');
  await cont();
  const mobile = page.getByRole('textbox', { name: '手机号码' });
  await mobile.fill('12345');
  await refused('请按正确格式填写手机号码，例如 13800138000', '手机号码');
  await mobile.fill('13800138000');
  await cont();
  const choose = async (input, files) => {
    await input.setInputFiles(files);
    await page.getByRole('button', { name: `删除 ${files.at(-1).name}` }).waitFor();
  };
  const photo = page.getByLabel('本人近期证件照片');
  await choose(photo, [file('photo.gif', 'image/gif', 100)]);
  await refused('所选文件必须是JPG、PNG或PDF格式', '文件类型');
  await page.getByRole('button', { name: '删除 photo.gif' }).click();
  await choose(photo, [file('empty.jpg', 'image/jpeg', 0)]);
  await refused('所选文件为空', '空文件');
  await page.getByRole('button', { name: '删除 empty.jpg' }).click();
  await choose(photo, [file('photo.jpg', 'image/jpeg', 1000)]);
  await cont();
  await choose(page.getByLabel('居民身份证正反面'), [
    file('a.jpg', 'image/jpeg', 10), file('b.jpg', 'image/jpeg', 10), file('c.jpg', 'image/jpeg', 10)]);
  await refused('最多上传2个文件', '文件过多');
  assert.deepEqual(page.problems, []);
});
