// "Any backend": the same form, with submission settings for a flat mapping, sent by the
// browser to a server nobody here wrote (json-server from npm, cross-origin). The record it
// stores must carry the mapped keys with typed values, and its id becomes the reference.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, assertAccessible, expectProblems, fulfillChanged, fillRegistration, BASE_URL } from './browser.mjs';

const jsonServer = createRequire(import.meta.url)('json-server');

let browser;
let backend;
let backendUrl;
before(async () => {
  // The first test answers the app's page itself, to add the backend to the page's policy;
  // Chromium counts a page the test answers as one from the public internet, which may not
  // reach a loopback address (Local Network Access), as this backend is. A real backend and the
  // site are both on the network, where the check does not come into it.
  browser = await launch(['--disable-features=LocalNetworkAccessChecks']);
  const db = join(mkdtempSync(join(tmpdir(), 'onewindow-json-server-')), 'db.json');
  writeFileSync(db, JSON.stringify({ applications: [], records: [] }));
  const app = jsonServer.create();
  app.use(jsonServer.defaults({ logger: false, static: tmpdir() }));
  app.use(jsonServer.router(db));
  backend = app.listen(0, '127.0.0.1');
  await new Promise((ok) => backend.once('listening', ok));
  backendUrl = `http://127.0.0.1:${backend.address().port}`;
});
after(async () => { await browser?.close(); backend?.close(); });

test('a flat mapping lands as a correct record in json-server, whose id is the reference', async () => {
  const page = await openPage(browser);
  // The department publishes its form with these settings; here they are laid over the
  // shipped definition on its way to the browser.
  await page.route('**/forms/residence-registration.json', async (route) => {
    const definition = await (await route.fetch()).json();
    definition.submission = {
      url: `${backendUrl}/applications`, encoding: 'flat', reference_pointer: '/id',
      field_map: { full_name: 'applicantName', id_number: 'idCardNumber', moved_in: 'movedInOn', mobile: 'mobile',
        'residence_address.city_name': 'city', 'residence_address.street': 'street', housing: 'tenure',
        $idempotency_key: 'requestId', $form_version: 'formVersion' },
    };
    await route.fulfill({ json: definition });
  });
  // The site lets its pages send to that backend (`onewindow-receiver --connect-origin`); here
  // the test adds it to the page's policy, as its port is only known now.
  await page.route((url) => url.origin === new URL(BASE_URL).origin && url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] += `; connect-src 'self' ${backendUrl}`;
    await fulfillChanged(route, response, { headers });
  });
  const h1 = (text) => page.getByRole('heading', { level: 1, name: text }).waitFor();
  const next = () => page.getByRole('button', { name: 'Continue' }).click();
  await page.goto(`${BASE_URL}/?form=residence-registration&lang=zh-CN`);
  await page.getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('textbox', { name: '姓名' }).fill('陈静');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('textbox', { name: '公民身份号码' }).fill('11010519491231002X');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('combobox', { name: '省（自治区、直辖市）' }).selectOption({ label: '福建省' });
  await page.getByRole('combobox', { name: '市', exact: true }).selectOption({ label: '厦门市' });
  await page.getByRole('combobox', { name: '区（县）' }).selectOption({ label: '思明区' });
  await page.getByRole('textbox', { name: '详细地址' }).fill('思明南路422号');
  await page.getByRole('radio', { name: '租赁住房' }).check();
  await page.getByRole('textbox', { name: '房东姓名' }).fill('王芳');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('textbox', { name: '日' }).fill('9');
  await page.getByRole('textbox', { name: '月' }).fill('10');
  await page.getByRole('textbox', { name: '年' }).fill('2026');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('textbox', { name: '手机号码' }).fill('13900001111');
  await page.getByRole('button', { name: '继续' }).click();
  await h1('核对您的信息');
  await page.getByRole('button', { name: '确认并提交' }).click();
  await h1('申请已提交');
  const reference = await page.locator('.ow-panel__reference').innerText();
  await assertAccessible(page, 'confirmation from json-server');

  const records = await (await fetch(`${backendUrl}/applications`)).json();
  assert.equal(records.length, 1);
  const record = records[0];
  assert.equal(String(record.id), reference, 'the backend’s id is the citizen’s reference');
  assert.equal(record.applicantName, '陈静');
  assert.equal(record.idCardNumber, '11010519491231002X');
  assert.equal(record.movedInOn, '2026-10-09', 'a date, typed');
  assert.equal(record.mobile, '13900001111');
  assert.equal(record.city, '厦门市');
  assert.equal(record.street, '思明南路422号');
  assert.equal(record.tenure, 'rent');
  assert.equal(record.formVersion, '2026.1');
  assert.match(record.requestId, /^[0-9a-f-]{36}$/);
  assert.equal(record.landlord_name, undefined, 'only mapped keys are sent');
  // The only request to another origin is the submission to the configured backend.
  expectProblems(page, (p) => p.includes(`${backendUrl}/applications`));
  assert.deepEqual(page.problems, []);
});

/** A host site of its own (on loopback, as a real one is on its network) serving the app
 * shell with a `<meta name="onewindow-submission">`, everything else from the receiver. */
async function hostSite(overrides) {
  const server = http.createServer(async (req, res) => {
    const upstream = await fetch(new URL(req.url, BASE_URL));
    let body = Buffer.from(await upstream.arrayBuffer());
    if (new URL(req.url, BASE_URL).pathname === '/') {
      body = Buffer.from(body.toString('utf8').replace('<head>', () => `<head><meta name="onewindow-submission" content='${overrides}'>`));
    }
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

test('a host page that serves the app sends to its own backend (meta element, no script)', async () => {
  const page = await openPage(browser);
  const host = await hostSite(JSON.stringify({ url: `${backendUrl}/records`, encoding: 'flat', reference_pointer: '/id',
    field_map: { full_name: 'name', $idempotency_key: 'key' } }));
  after(() => host.server.close());
  await page.goto(`${host.url}/?form=residence-registration&lang=en`);
  await fillRegistration(page, 'Host Page');
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const records = await (await fetch(`${backendUrl}/records`)).json();
  assert.deepEqual(Object.keys(records[0]).sort(), ['id', 'key', 'name']);
  assert.equal(records[0].name, 'Host Page');
  assert.equal(String(records[0].id), await page.locator('.ow-panel__reference').innerText());
  // The page is the host's: its requests go to the host and to the host's backend only.
  expectProblems(page, (p) => p.startsWith(`third-party request: ${host.url}/`) || p.includes(`${backendUrl}/records`));
  assert.deepEqual(page.problems, []);
});

test('host overrides that are not valid are explained instead of a blank page', async () => {
  const page = await openPage(browser);
  const host = await hostSite(JSON.stringify({ endpoint: 'https://elsewhere.example' }));
  after(() => host.server.close());
  await page.goto(`${host.url}/?form=residence-registration&lang=en`);
  await page.getByText('meta[name=onewindow-submission]').waitFor();
  assert.match(await page.locator('main').innerText(), /endpoint/);
  await assertAccessible(page, 'bad host overrides');
  expectProblems(page, (p) => p.startsWith(`third-party request: ${host.url}/`));
  assert.deepEqual(page.problems, []);
});
