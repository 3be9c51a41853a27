// The embed package on static/embed-demo.html: a made-up city government page with heavy CSS of
// its own and a strict Content-Security-Policy, embedding two forms and the service search.
// The host's CSS does not leak in and ours does not leak out; the events carry the right
// payloads (never answers); two instances do not interfere; the JS API (mount, setLocale,
// prefill, reset, destroy) works; a definition error shows inside the element; and the policy
// is never violated. Each state is axe-scanned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, expectProblems, BASE_URL, fillRegistration, fillRegistrationFromIdNumber } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DEMO = `${BASE_URL}/embed-demo.html`;

/** Opens the demo page recording CSP violations and every onewindow event heard on document. */
async function openDemo() {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
    window.__events = [];
    for (const name of ['start', 'pagechange', 'validationerror', 'submitted', 'queued', 'searchnoresults']) {
      document.addEventListener(`onewindow:${name}`, (e) => {
        window.__events.push({ type: e.type, on: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail });
      });
    }
  });
  await page.goto(DEMO);
  return page;
}

const events = (page) => page.evaluate(() => window.__events);
const violations = (page) => page.evaluate(() => window.__violations);

/** axe-core injects inline styles to measure contrast; the policy refuses them. Those are the
 *  test tool's, not the forms': they are set aside so the CSP count stays about the forms. */
async function scan(page, what) {
  const before = (await violations(page)).length;
  await assertAccessible(page, what);
  await page.evaluate((n) => { window.__violations.length = n; }, before);
}

/** Computed style properties of the first element `locator` finds (shadow roots included). */
function styleOf(locator, ...properties) {
  return locator.first().evaluate((e, properties) => {
    const style = getComputedStyle(e);
    return Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
  }, properties);
}

/** Every answer of the birth registration (unmarried, the mother alone), for prefill. */
function birthAnswers() {
  const born = new Date(Date.now() - 5 * 24 * 3600 * 1000);
  const date = (d) => ({ day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) });
  return {
    country_of_birth: 'england_wales', parents_relationship: 'neither', who_registers_unmarried: 'mother_alone',
    baby_date_of_birth: date(born), multiple_birth: 'no', baby_sex: 'female',
    baby_place_of_birth: 'St Thomas’ Hospital, London', baby_forenames: 'Olivia Grace', baby_surname: 'O’Brien',
    mother_forenames: 'Siobhan', mother_surname: 'O’Brien', mother_maiden_surname: 'O’Brien',
    mother_date_of_birth: date(new Date(1991, 6, 3)), mother_place_of_birth: 'Cork, Ireland',
    informant_address: { line1: 'Flat 2, 10 Lambeth Road', town: 'London', postcode: 'SE1 7PB' },
    id_documents: ['passport'], phone: '07700 900 982',
  };
}

/** Presses Continue in `form` until it shows check answers (answers already filled in). */
async function continueToCheck(form) {
  const check = form.getByRole('heading', { level: 1, name: 'Check your answers' });
  for (let pages = 0; pages < 30 && !(await check.isVisible()); pages++) {
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.page().waitForTimeout(50);
  }
  await check.waitFor();
}

test('host CSS does not leak in, ours does not leak out, and the demo page is accessible', async () => {
  const page = await openDemo();
  const registrationForm = page.locator('#registration');
  const start = registrationForm.getByRole('button', { name: 'Start now' });
  await start.waitFor();
  await page.locator('#birth').getByRole('button', { name: 'Start now' }).waitFor();
  const search = page.locator('#search');
  await search.getByRole('heading', { level: 2, name: 'Find a service' }).waitFor();
  await scan(page, 'demo page, start pages');

  // In: the page's `button { background: hotpink }`, `body { font: Georgia }`, `* { box-sizing:
  // content-box }`, `p { text-indent }`, `h1 { text-transform: uppercase }`, `html { font-size:
  // 62.5% }` and its `.ow-button { display: none }` reach none of our elements.
  assert.ok(await start.isVisible(), 'the page’s .ow-button rule does not hide our buttons');
  const button = await styleOf(start, 'background-color', 'color', 'font-family', 'font-size', 'border-radius', 'box-sizing', 'display');
  assert.equal(button['background-color'], 'rgb(0, 112, 60)');
  assert.equal(button.color, 'rgb(255, 255, 255)');
  assert.match(button['font-family'], /^system-ui/);
  assert.equal(button['font-size'], '24px', '1.5 × 16px whatever the page’s root font size');
  assert.equal(button['border-radius'], '0px');
  assert.equal(button['box-sizing'], 'border-box');
  assert.notEqual(button.display, 'none');
  const heading = await styleOf(registrationForm.getByRole('heading', { level: 1 }), 'text-transform', 'letter-spacing', 'font-family', 'color');
  assert.deepEqual(heading, { 'text-transform': 'none', 'letter-spacing': 'normal', 'font-family': button['font-family'], color: 'rgb(11, 12, 12)' });
  const paragraph = await styleOf(registrationForm.locator('.ow-main p').first(), 'text-indent', 'font-family', 'line-height', 'font-size');
  assert.deepEqual(paragraph, { 'text-indent': '0px', 'font-family': button['font-family'], 'line-height': '28.5px', 'font-size': '19px' });

  await start.click();
  const input = registrationForm.getByRole('textbox', { name: 'Full name' });
  const ours = await styleOf(input, 'border-top-style', 'border-top-width', 'border-top-color', 'font-family', 'box-sizing');
  assert.deepEqual(ours, { 'border-top-style': 'solid', 'border-top-width': '2px', 'border-top-color': 'rgb(11, 12, 12)', 'font-family': button['font-family'], 'box-sizing': 'border-box' });

  // Out: the page's own elements keep the page's styles.
  const theirs = await styleOf(page.locator('#city-search-button'), 'background-color', 'font-family', 'box-sizing');
  assert.equal(theirs['background-color'], 'rgb(255, 105, 180)');
  assert.match(theirs['font-family'], /^Georgia/);
  assert.equal(theirs['box-sizing'], 'content-box');
  assert.deepEqual(await styleOf(page.locator('#city-q'), 'border-top-style', 'border-top-width'), { 'border-top-style': 'dotted', 'border-top-width': '4px' });
  assert.equal((await styleOf(page.locator('h1'), 'text-transform'))['text-transform'], 'uppercase');
  assert.equal(await page.locator('main > p.ow-button').isVisible(), false, 'our .ow-button rule does not show the page’s');
  assert.equal((await styleOf(page.locator('body'), 'font-size'))['font-size'], '22px');

  // Each element has its own shadow root with one stylesheet link and no inline style.
  const roots = await page.evaluate(() => [...document.querySelectorAll('onewindow-form, onewindow-service')].map((e) => ({
    links: e.shadowRoot.querySelectorAll('link[rel=stylesheet]').length,
    styles: e.shadowRoot.querySelectorAll('style, [style]').length + document.querySelectorAll('style, [style]').length,
  })));
  assert.deepEqual(roots, [{ links: 1, styles: 0 }, { links: 1, styles: 0 }, { links: 1, styles: 0 }]);

  // The theme is the custom properties: a host can set them on the element.
  await page.evaluate(() => document.getElementById('birth').style.setProperty('--ow-button', 'rgb(1, 2, 3)'));
  const themed = await styleOf(page.locator('#birth').getByRole('button', { name: 'Start now' }), 'background-color');
  assert.equal(themed['background-color'], 'rgb(1, 2, 3)');

  await registrationForm.getByRole('button', { name: 'Continue' }).click();
  await registrationForm.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await scan(page, 'demo page, an error on the first question');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('events carry the right payloads and never the answers; the page’s URL, title and language are left alone', async () => {
  const page = await openDemo();
  const form = page.locator('#registration');
  const url = page.url();
  const title = await page.title();
  await form.getByRole('button', { name: 'Start now' }).click();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'There is a problem' }).waitFor();
  // The error summary's link goes to the input inside the shadow root; the URL stays put.
  await form.getByRole('link', { name: 'Enter your full name' }).click();
  assert.equal(await page.evaluate(() => document.getElementById('registration').shadowRoot.activeElement?.id), 'field-full_name');
  assert.equal(page.url(), url);
  await form.getByRole('textbox', { name: 'Full name' }).fill('Zhang Secretname');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('textbox', { name: 'Your ID number' }).fill('11010519491231009Z');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'There is a problem' }).waitFor();

  const heard = await events(page);
  assert.ok(heard.every((e) => e.on === 'registration' && e.bubbles && e.composed), JSON.stringify(heard));
  assert.deepEqual(heard.map(({ type, detail }) => ({ type, detail })), [
    { type: 'onewindow:start', detail: { form: 'residence-registration', version: '2026.1' } },
    { type: 'onewindow:pagechange', detail: { form: 'residence-registration', page: 'name', index: 0 } },
    { type: 'onewindow:validationerror', detail: { form: 'residence-registration', page: 'name', errors: [{ field: 'full_name', rule: 'required' }] } },
    { type: 'onewindow:pagechange', detail: { form: 'residence-registration', page: 'id-number', index: 1 } },
    { type: 'onewindow:validationerror', detail: { form: 'residence-registration', page: 'id-number', errors: [{ field: 'id_number', rule: 'format' }] } },
  ]);
  const told = JSON.stringify(heard);
  assert.ok(!told.includes('Secretname') && !told.includes('1101051949'), 'no answer in any event');
  assert.ok(!told.includes('Enter'), 'no message either (messages may quote answers)');

  // Nothing outside the element changed: URL, title, <html lang>; the element has lang and dir.
  assert.equal(page.url(), url);
  assert.equal(await page.title(), title);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(await page.locator('#registration').evaluate((e) => [e.lang, e.dir]), ['en', 'ltr']);

  // Onwards to the real receiver: the pages, then "submitted" with the reference shown.
  await fillRegistrationFromIdNumber(form);
  await scan(page, 'embedded check answers');
  await form.getByRole('button', { name: 'Accept and send' }).click();
  await form.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const reference = await form.locator('.ow-panel__reference').innerText();
  assert.match(reference, /\S/);
  const rest = (await events(page)).slice(5).map(({ type, detail }) => ({ type, detail }));
  assert.deepEqual(rest, [
    { type: 'onewindow:pagechange', detail: { form: 'residence-registration', page: 'address', index: 2 } },
    { type: 'onewindow:pagechange', detail: { form: 'residence-registration', page: 'moved-in', index: 3 } },
    { type: 'onewindow:pagechange', detail: { form: 'residence-registration', page: 'mobile', index: 4 } },
    { type: 'onewindow:pagechange', detail: { form: 'residence-registration', page: 'check-answers', index: 5 } },
    { type: 'onewindow:pagechange', detail: { form: 'residence-registration', page: 'confirmation', index: 6 } },
    { type: 'onewindow:submitted', detail: { form: 'residence-registration', reference } },
  ]);
  assert.ok(!JSON.stringify(await events(page)).includes('13812345678'));
  await scan(page, 'embedded confirmation');
  assert.equal(page.url(), url);
  assert.deepEqual(await violations(page), [], 'a whole journey under the strict policy');
  assert.deepEqual(page.problems, []);
});

test('offline: "queued" with the local receipt, then "submitted" once the courier delivers it', async () => {
  const page = await openDemo();
  const form = page.locator('#registration');
  await fillRegistration(form, 'Wang Offline');
  await page.context().setOffline(true);
  await form.getByRole('button', { name: 'Accept and send' }).click();
  await form.getByRole('heading', { level: 1, name: 'Your application is saved on this device' }).waitFor();
  const receipt = await form.locator('.ow-panel__reference').innerText();
  const queued = (await events(page)).filter((e) => e.type === 'onewindow:queued');
  assert.deepEqual(queued.map((e) => e.detail), [{ form: 'residence-registration', receipt }]);
  await scan(page, 'embedded, queued offline');

  await page.context().setOffline(false);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'onewindow:submitted'), null, { timeout: 20000 });
  const submitted = (await events(page)).filter((e) => e.type === 'onewindow:submitted');
  assert.equal(submitted.length, 1);
  assert.equal(submitted[0].detail.form, 'residence-registration');
  assert.notEqual(submitted[0].detail.reference, receipt, 'the backend’s reference replaces the receipt');
  assert.deepEqual(await violations(page), []);
  expectProblems(page, (p) => p.includes('ERR_INTERNET_DISCONNECTED'));
  assert.deepEqual(page.problems, []);
});

test('two forms on one page do not interfere, and both can be completed', async () => {
  const page = await openDemo();
  const first = page.locator('#registration');
  const second = page.locator('#birth');
  await first.getByRole('button', { name: 'Start now' }).click();
  await first.getByRole('textbox', { name: 'Full name' }).fill('Li Twoforms');
  // The other form has not moved.
  await second.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await second.getByRole('heading', { level: 1 }).innerText(), 'Register a birth');
  await second.getByRole('button', { name: 'Start now' }).click();
  await second.getByRole('button', { name: 'Continue' }).click();
  await second.getByRole('heading', { name: 'There is a problem' }).waitFor();
  // Errors in one are not in the other; the answer typed in the first is still there.
  assert.equal(await first.getByRole('heading', { name: 'There is a problem' }).count(), 0);
  assert.equal(await first.getByRole('textbox', { name: 'Full name' }).inputValue(), 'Li Twoforms');
  // Each keeps its own draft.
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onewindow:draft:')).sort());
  assert.deepEqual(drafts, ['onewindow:draft:register-birth:2026.1', 'onewindow:draft:residence-registration:2026.1']);
  await scan(page, 'two forms under way');

  // Complete both: the first by typing, the second with its answers prefilled through the element.
  await first.getByRole('button', { name: 'Continue' }).click();
  await first.getByRole('textbox', { name: 'Your ID number' }).fill('11010519491231002X');
  await first.getByRole('button', { name: 'Continue' }).click();
  await first.getByRole('combobox', { name: 'Province' }).selectOption({ label: 'Fujian' });
  await first.getByRole('combobox', { name: 'City' }).selectOption({ label: 'Xiamen' });
  await first.getByRole('combobox', { name: 'District or county' }).selectOption({ label: 'Siming' });
  await first.getByRole('textbox', { name: 'Street address' }).fill('Siming South Road 422');
  await first.getByRole('radio', { name: 'I rent it' }).check();
  await first.getByRole('textbox', { name: 'Landlord’s name' }).fill('Chen Landlord');
  await first.getByRole('button', { name: 'Continue' }).click();
  await first.getByRole('textbox', { name: 'Day' }).fill('1');
  await first.getByRole('textbox', { name: 'Month' }).fill('3');
  await first.getByRole('textbox', { name: 'Year' }).fill('2026');
  await first.getByRole('button', { name: 'Continue' }).click();
  await first.getByRole('textbox', { name: 'Mobile number' }).fill('13812345678');
  await first.getByRole('button', { name: 'Continue' }).click();
  await first.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();

  await page.evaluate((answers) => document.getElementById('birth').prefill(answers), birthAnswers());
  await continueToCheck(second);
  const birthSummary = await second.locator('.ow-summary-list').innerText();
  assert.ok(birthSummary.includes('Olivia Grace') && !birthSummary.includes('Li Twoforms'), birthSummary);
  assert.ok(!(await first.locator('.ow-summary-list').innerText()).includes('Olivia'));

  await first.getByRole('button', { name: 'Accept and send' }).click();
  await second.getByRole('button', { name: 'Accept and send' }).click();
  await first.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  await second.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const references = [await first.locator('.ow-panel__reference').innerText(), await second.locator('.ow-panel__reference').innerText()];
  assert.notEqual(references[0], references[1]);
  const submitted = (await events(page)).filter((e) => e.type === 'onewindow:submitted');
  assert.deepEqual(submitted.map((e) => [e.on, e.detail]).sort(), [
    ['birth', { form: 'register-birth', reference: references[1] }],
    ['registration', { form: 'residence-registration', reference: references[0] }],
  ]);
  await scan(page, 'two forms sent');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('the JS API: mount into a div, prefill, setLocale keeping the answers, reset, destroy', async () => {
  const page = await openDemo();
  await page.locator('#registration').getByRole('button', { name: 'Start now' }).waitFor();
  await page.evaluate(async () => {
    const { mount } = await import('/embed/onewindow.js');
    const div = document.createElement('div');
    div.id = 'api';
    document.querySelector('main').append(div);
    window.__api = [];
    div.addEventListener('onewindow:pagechange', (e) => window.__api.push(e.detail.page));
    window.__handle = mount(div, { src: '/forms/residence-registration.json', locale: 'en' });
    // Calls made before the wasm is ready wait for it.
    window.__handle.prefill({ full_name: 'Li Prefilled', mobile: '13900001111', not_a_question: 'ignored' });
    await window.__handle.ready;
  });
  const form = page.locator('#api');
  await form.getByRole('button', { name: 'Start now' }).click();
  const name = form.getByRole('textbox', { name: 'Full name' });
  assert.equal(await name.inputValue(), 'Li Prefilled', 'prefilled answers are shown');
  await name.fill('Li Changed');
  assert.equal(await name.inputValue(), 'Li Changed', 'and the citizen may change them');
  await scan(page, 'a form mounted by the JS API');

  // setLocale switches the language and keeps the answers.
  await page.evaluate(() => window.__handle.setLocale('zh-CN'));
  await form.getByRole('textbox', { name: '姓名' }).waitFor();
  assert.equal(await form.getByRole('textbox', { name: '姓名' }).inputValue(), 'Li Changed');
  assert.equal(await form.getByRole('button', { name: '继续' }).count(), 1);
  assert.deepEqual(await form.evaluate((e) => [e.lang, e.dir]), ['zh-CN', 'ltr']);
  await page.evaluate(() => window.__handle.setLocale('ug'));
  await form.getByRole('button', { name: 'داۋاملاشتۇرۇش' }).waitFor();
  assert.deepEqual(await form.evaluate((e) => [e.lang, e.dir]), ['ug', 'rtl']);
  await page.evaluate(() => window.__handle.setLocale('en-GB'));
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('textbox', { name: 'Your ID number' }).waitFor();
  // The mobile answer was prefilled too: it is kept in the draft with the rest.
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('onewindow:draft:residence-registration:2026.1')));
  assert.equal(draft.answers.full_name, 'Li Changed');
  assert.equal(draft.answers.mobile, '13900001111');
  assert.equal(draft.answers.not_a_question, undefined);

  // reset forgets the draft and the answers.
  await page.evaluate(() => window.__handle.reset());
  await form.getByRole('button', { name: 'Start now' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('onewindow:draft:residence-registration:2026.1')), null);
  await form.getByRole('button', { name: 'Start now' }).click();
  assert.equal(await form.getByRole('textbox', { name: 'Full name' }).inputValue(), '');
  assert.deepEqual(await page.evaluate(() => window.__api), ['name', 'id-number', 'name']);

  // destroy removes the DOM and the events stop.
  await page.evaluate(() => window.__handle.destroy());
  assert.equal(await page.evaluate(() => document.getElementById('api').shadowRoot.childNodes.length), 0);
  await page.evaluate(() => { window.__handle.prefill({ full_name: 'x' }); window.__handle.reset(); window.__handle.setLocale('zh-CN'); });
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__api), ['name', 'id-number', 'name']);
  // The page's own forms carry on.
  await page.locator('#registration').getByRole('button', { name: 'Start now' }).click();
  await page.locator('#registration').getByRole('textbox', { name: 'Full name' }).waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('the endpoint option sends applications where the page says', async () => {
  const page = await openDemo();
  const bodies = [];
  await page.route('**/api/city-inbox', async (route) => {
    bodies.push(route.request().postDataJSON());
    await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ reference: 'CITY-0001' }) });
  });
  await page.evaluate(async () => {
    const div = document.createElement('div');
    div.id = 'api';
    document.querySelector('main').append(div);
    const { mount } = await import('/embed/onewindow.js');
    window.__handle = mount(div, { src: '/forms/residence-registration.json', locale: 'en', endpoint: '/api/city-inbox' });
    window.__handle.prefill({
      full_name: 'Zhou Endpoint', id_number: '11010519491231002X', housing: 'own', mobile: '13812345678',
      residence_address: { province: '350000', province_name: '福建省', city: '350200', city_name: '厦门市', district: '350203', district_name: '思明区', street: '湖滨南路100号' },
      moved_in: { day: '15', month: '3', year: '2026' },
    });
  });
  const form = page.locator('#api');
  await form.getByRole('button', { name: 'Start now' }).click();
  await continueToCheck(form);
  await form.getByRole('button', { name: 'Accept and send' }).click();
  await form.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  assert.equal(await form.locator('.ow-panel__reference').innerText(), 'CITY-0001');
  assert.equal(bodies.length, 1);
  assert.equal(bodies[0].answers.full_name, 'Zhou Endpoint');
  const submitted = (await events(page)).filter((e) => e.type === 'onewindow:submitted');
  assert.deepEqual(submitted.map((e) => [e.on, e.detail]), [['api', { form: 'residence-registration', reference: 'CITY-0001' }]]);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('a definition that cannot be used is explained inside the element, never a blank', async () => {
  const page = await openDemo();
  await page.evaluate(async () => {
    const { mount } = await import('/embed/onewindow.js');
    for (const [id, options] of [['missing', { src: '/forms/no-such-form.json', locale: 'en' }], ['nosrc', { locale: 'en' }],
      ['badsubmission', { src: '/forms/residence-registration.json', locale: 'en', submission: { encoding: 'carrier-pigeon' } }]]) {
      const div = document.createElement('div');
      div.id = id;
      document.querySelector('main').append(div);
      await mount(div, options).ready;
    }
  });
  for (const [id, expected] of [['missing', /no-such-form\.json: HTTP 404/], ['nosrc', /no src/], ['badsubmission', /submission override/]]) {
    const problem = page.locator(`#${id}`);
    await problem.getByRole('heading', { name: 'This form cannot be shown' }).waitFor();
    assert.match(await problem.getByRole('alert').innerText(), expected);
  }
  // The element does the same: a missing file set by attribute.
  await page.evaluate(() => document.getElementById('birth').setAttribute('src', '/forms/gone.json'));
  await page.locator('#birth').getByRole('heading', { name: 'This form cannot be shown' }).waitFor();
  assert.match(await page.locator('#birth').getByRole('alert').innerText(), /gone\.json/);
  await scan(page, 'definition problems in embedded forms');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('the policy is in force: the violation counter does see an inline style', async () => {
  // A control for every "zero violations" above: the same page refuses an inline style and the
  // counter hears it.
  const page = await openDemo();
  await page.locator('#registration').getByRole('button', { name: 'Start now' }).waitFor();
  await page.evaluate(() => { const style = document.createElement('style'); style.textContent = 'body { color: red }'; document.head.append(style); });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.match((await violations(page))[0], /^style-src-elem inline/);
  // The page's own watch heard it too.
  await page.evaluate(() => 0);
  assert.match(expectProblems(page, (p) => p.startsWith('policy violation: '))[0] ?? '', /inline style/);
});

test('a host whose policy allows styles by nonce passes it on the element', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // A page of this origin whose policy names no style origin at all, only a nonce.
  await page.route(`${BASE_URL}/nonce-host.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'nonce-c2l0ZQ'">
      <title>Nonce host</title><script type="module" src="/embed/onewindow.js"></script></head>
      <body><main><h1>Nonce host</h1><onewindow-form nonce="c2l0ZQ" src="/forms/residence-registration.json" locale="en"></onewindow-form></main></body></html>`,
  }));
  await page.goto(`${BASE_URL}/nonce-host.html`);
  const start = page.locator('onewindow-form').getByRole('button', { name: 'Start now' });
  await start.waitFor();
  await page.waitForFunction(() => document.querySelector('onewindow-form').shadowRoot.querySelector('link').sheet !== null);
  assert.equal((await styleOf(start, 'background-color'))['background-color'], 'rgb(0, 112, 60)', 'our stylesheet applies');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
});

test('the service search finds services on the device, links to the app, and tells the page when nothing is found', async () => {
  const page = await openDemo();
  const search = page.locator('#search');
  const box = search.getByRole('searchbox', { name: 'Search for a service' });
  await box.fill('jzz');
  const first = search.locator('.ow-search-results__link').first();
  await first.waitFor();
  assert.equal(await first.innerText(), 'Apply for a residence permit (first application)');
  assert.equal(await first.getAttribute('href'), '/?service=residence-permit&lang=en', 'results lead to the app’s guide');
  assert.equal(new URL(page.url()).search, '', 'the host page’s URL is left alone');
  await scan(page, 'demo page, search results');
  await box.fill('xqzqxq');
  await search.getByText('Or browse these topics:').waitFor();
  await box.press('Enter');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'onewindow:searchnoresults'));
  const heard = (await events(page)).filter((e) => e.type === 'onewindow:searchnoresults');
  assert.deepEqual(heard, [{ type: 'onewindow:searchnoresults', on: 'search', bubbles: true, composed: true, detail: { query: 'xqzqxq' } }]);
  assert.deepEqual(await violations(page), []);
});
