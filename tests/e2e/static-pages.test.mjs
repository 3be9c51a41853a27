// The static site (`onewindow site`, docs/site.md): the catalog home, topics and guides are
// HTML pages of their own, readable, navigable and printable with JavaScript turned off, and
// their links into the app (search, assistant, form) work once it is on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, assertAccessible, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const guide = JSON.parse(readFileSync(new URL('../../forms/guides/residence-permit.json', import.meta.url), 'utf8'));

/** A page in a context with JavaScript off, failing on any script or wasm it would load. */
async function withoutScript() {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  page.loaded = [];
  page.on('request', (r) => { if (['script', 'fetch', 'xhr'].includes(r.resourceType()) || r.url().endsWith('.wasm')) page.loaded.push(r.url()); });
  return page;
}

const h1 = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

for (const lang of ['en', 'zh-CN']) {
  test(`[${lang}] a guide with JavaScript off: every condition, material, step and place, and the FAQ in print`, async () => {
    const page = await withoutScript();
    const response = await page.goto(`${BASE_URL}/${lang}/services/residence-permit/`);
    assert.equal(response.status(), 200);
    await h1(page, lang === 'en' ? 'Apply for a residence permit (first application)' : '居住证申领（首次）');
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    for (const expected of lang === 'en' ? ['Who can apply', 'What you need', 'How to apply', 'Common questions'] : ['受理条件', '申请材料', '办理流程', '常见问题']) {
      assert.ok(headings.includes(expected), `${expected} in ${headings}`);
    }
    const text = await page.locator('main').innerText();
    for (const c of guide.conditions) assert.ok(text.includes(c.text[lang]), `condition ${c.id}`);
    for (const m of guide.materials) assert.ok(text.includes(m.name[lang]), `material ${m.id}`);
    for (const s of guide.steps) assert.ok(text.includes(s.title[lang]), `step ${s.id ?? s.title[lang]}`);
    for (const p of guide.places) assert.ok(text.includes(p.name[lang]), `place ${p.name[lang]}`);
    // A closed question's answer is hidden on screen and printed on paper.
    const answer = page.locator('.ow-details__text').first();
    assert.equal(await answer.isVisible(), false);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await answer.isVisible(), true, 'the FAQ answer prints');
    assert.equal(await page.locator('.ow-header').isVisible(), false, 'no header on paper');
    assert.deepEqual(page.loaded, [], 'a static page loads no script');
    await page.context().close();
  });
}

test('[zh-CN → en] home → life event → guide → the same guide in English, JavaScript off', async () => {
  const page = await withoutScript();
  await page.goto(`${BASE_URL}/zh-CN/`);
  await h1(page, '查找服务');
  await page.getByRole('link', { name: '搬家、到新城市生活' }).click();
  await h1(page, '搬家、到新城市生活');
  assert.equal(new URL(page.url()).pathname, '/zh-CN/topics/moving/');
  await page.getByRole('link', { name: '居住证申领（首次）' }).click();
  await h1(page, '居住证申领（首次）');
  await page.getByRole('link', { name: 'English' }).click();
  await h1(page, 'Apply for a residence permit (first application)');
  assert.equal(new URL(page.url()).pathname, '/en/services/residence-permit/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('link', { name: 'All services' }).first().click();
  await h1(page, 'Find a service');
  assert.deepEqual(page.loaded, []);
  await page.context().close();
});

test('static pages pass axe, and their links into the app work with JavaScript on', async () => {
  const page = await openPage(browser);
  for (const path of ['/en/', '/zh-CN/', '/en/topics/moving/', '/en/services/residence-permit/', '/zh-CN/services/passport/']) {
    await page.goto(`${BASE_URL}${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await assertAccessible(page, `static ${path}`);
  }
  // The guide's "Apply online" opens the form in the app.
  await page.goto(`${BASE_URL}/en/services/residence-permit/`);
  await page.getByRole('link', { name: 'Apply online' }).first().click();
  await page.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('form'), 'residence-permit');
  // The home's search goes to the app, which lists results.
  await page.goto(`${BASE_URL}/en/`);
  await page.getByRole('searchbox', { name: 'Search for a service' }).fill('passport');
  await page.getByRole('searchbox', { name: 'Search for a service' }).press('Enter');
  await page.getByRole('link', { name: /passport/i }).first().waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), 'passport');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
