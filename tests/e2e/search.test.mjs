// Finding a service by typing: results as you type from the prebuilt index (pinyin, typos,
// synonyms, Chinese), matched words marked, the count announced, arrow keys into the results,
// the query in the URL (back returns to it), the header's search on every catalog page, and
// never a dead end: "did you mean", topics to browse, the query counted on the device only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const results = (page) => page.locator('.ow-search-results .ow-search-results__link');

test('[en] as you type: pinyin initials, a typo, an English synonym; keyboard into the results and back', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?lang=en`);
  const box = page.getByRole('searchbox', { name: 'Search for a service' });
  await box.fill('jzz');
  await assert.doesNotReject(results(page).first().waitFor());
  assert.equal(await results(page).first().innerText(), 'Apply for a residence permit (first application)');
  assert.match(await page.getByRole('status').innerText(), /service(s)? found for “jzz”/);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'jzz', 'the query is in the URL');

  await box.fill('residnce permit');
  await page.getByText('Did you mean').waitFor();
  assert.equal(await results(page).first().innerText(), 'Apply for a residence permit (first application)');
  assert.ok(await results(page).first().locator('mark').count() > 0, 'matched words are marked');
  await assertAccessible(page, 'results');

  await box.fill('business licence');
  await page.waitForFunction(() => document.querySelector('.ow-search-results__link')?.textContent.includes('sole trader'));
  await box.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Register as a sole trader (individual business)');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Register as a sole trader (individual business)' }).waitFor();
  await page.goBack();
  await page.getByRole('searchbox', { name: 'Search for a service' }).waitFor();
  assert.equal(await box.inputValue(), 'business licence');
  await results(page).first().waitFor();
  assert.deepEqual(page.problems, []);
});

test('[zh-CN] 中文：口语词与部分词', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/`);
  const box = page.getByRole('searchbox', { name: '搜索服务' });
  await box.fill('上户口');
  await results(page).first().waitFor();
  assert.equal(await results(page).first().innerText(), '新生儿出生登记（落户）');
  await box.fill('居住');
  await page.waitForFunction(() => document.querySelector('.ow-search-results__link')?.textContent.includes('居住'));
  assert.match(await page.getByRole('status').innerText(), /^找到\d+项与“居住”相关的服务$/);
  await assertAccessible(page, '中文结果');
  assert.deepEqual(page.problems, []);
});

test('nothing found is not a dead end: topics to browse, and the query counted on this device only', async () => {
  const page = await openPage(browser);
  const sent = [];
  page.on('request', (r) => { if (r.method() !== 'GET') sent.push(r.url()); });
  await page.goto(`${BASE_URL}/?lang=en`);
  const box = page.getByRole('searchbox', { name: 'Search for a service' });
  await box.fill('xqzqxq');
  await page.getByText('No services found for “xqzqxq”', { exact: false }).first().waitFor();
  await page.getByText('Or browse these topics:').waitFor();
  await assertAccessible(page, 'no results');
  await box.press('Enter');
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('onewindow:zero-results'))), { xqzqxq: 1 });
  assert.deepEqual(sent, [], 'nothing is sent');
  await page.locator('#ow-search-results').getByRole('link').first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.ok(new URL(page.url()).searchParams.get('topic'));
  assert.ok(await page.locator('.ow-service-list__item').count() > 0);
  assert.deepEqual(page.problems, []);
});

test('the header search on a guide goes to the results', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE_URL}/?service=passport&lang=en`);
  await page.getByRole('heading', { level: 1, name: 'Apply for an ordinary passport' }).waitFor();
  await page.getByRole('search').getByRole('searchbox', { name: 'Search for a service' }).fill('marriage');
  await page.keyboard.press('Enter');
  await results(page).first().waitFor();
  assert.equal(await results(page).first().innerText(), 'Register a marriage (mainland residents)');
  assert.deepEqual(page.problems, []);
});

test('a catalog published without an index is indexed in the browser (no pinyin then)', async () => {
  const page = await openPage(browser);
  await page.route('**/forms/catalog.index', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${BASE_URL}/?lang=en`);
  const box = page.getByRole('searchbox', { name: 'Search for a service' });
  await box.fill('residence permit');
  await results(page).first().waitFor();
  assert.equal(await results(page).first().innerText(), 'Apply for a residence permit (first application)');
  await box.fill('jzz');
  await page.getByText('No services found for “jzz”', { exact: false }).first().waitFor();
  assert.deepEqual(page.problems, []);
});

test('a word found only in a summary: the index part that has it is fetched as it is typed, then its snippet', async () => {
  const page = await openPage(browser);
  const parts = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/forms/search/')) parts.push(new URL(r.url()).pathname); });
  await page.goto(`${BASE_URL}/?lang=en`);
  const box = page.getByRole('searchbox', { name: 'Search for a service' });
  // "spouse" is in no service's title, synonym or keyword: only in summaries and guides.
  await box.fill('spouse');
  await page.waitForFunction(() => document.querySelector('.ow-search-results__link')?.textContent === 'Withdraw from your housing provident fund to pay rent');
  const snippet = page.locator('.ow-search-results .ow-service-list__summary').first();
  await snippet.locator('mark', { hasText: 'spouse' }).waitFor();
  assert.ok(parts.some((p) => p.includes('/chunk-')), `a chunk was fetched: ${parts}`);
  assert.ok(parts.some((p) => p.includes('/frag-')), `a fragment was fetched: ${parts}`);
  await box.fill('配偶');
  await page.waitForFunction(() => document.querySelector('.ow-search-results__link')?.textContent === 'Withdraw from your housing provident fund to pay rent');
  const all = readdirSync(new URL('../../forms/search/', import.meta.url)).length;
  assert.ok(new Set(parts).size < all / 2, `only the parts these queries need, of ${all}: ${parts}`);
  assert.deepEqual(page.problems, []);
});
