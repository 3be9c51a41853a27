// Service evaluation (好差评) and journey analytics: scripted journeys on pages whose site turned
// analytics on (the app's page with <meta name="onewindow-analytics">, added here as a site
// would; the embed demo with the analytics attribute) produce only coarse events, never an answer,
// and the staff reports count them; a case is rated once (a second rating is refused and said
// so); the staff dashboard renders with no axe violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, fillRegistrationFromIdNumber, fulfillChanged, watchPolicy, BASE_URL } from './browser.mjs';

const TOKEN = process.env.ONEWINDOW_STAFF_TOKEN;
const FORM = 'residence-registration';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function reports() {
  const response = await fetch(`${BASE_URL}/api/staff/reports`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  return response.json();
}

/** The numbers this test looks at, from the staff JSON export. */
function numbers(r) {
  const funnel = r.funnels.find((f) => f.form === FORM) ?? { started: 0, submitted: 0, pages: [] };
  const page = (id) => funnel.pages.find((p) => p.page === id) ?? { reached: 0, abandoned: 0, time: {} };
  const timed = (id) => Object.values(page(id).time).reduce((a, b) => a + b, 0);
  const errors = (field) => r.validation_errors.filter((e) => e.form === FORM && e.field === field).reduce((a, e) => a + e.count, 0);
  const query = (q) => r.zero_result_searches.top.find((t) => t.query === q)?.count ?? 0;
  const service = r.satisfaction.find((s) => s.service === FORM) ?? { ratings: 0, negative: 0, without_case: { ratings: 0 } };
  return {
    started: funnel.started,
    submitted: funnel.submitted,
    nameReached: page('name').reached,
    nameAbandoned: page('name').abandoned,
    nameTimed: timed('name'),
    idReached: page('id-number').reached,
    idAbandoned: page('id-number').abandoned,
    idTimed: timed('id-number'),
    checkReached: page('check-answers').reached,
    confirmationReached: page('confirmation').reached,
    fullNameRequired: r.validation_errors.filter((e) => e.form === FORM && e.field === 'full_name' && e.rule === 'required').reduce((a, e) => a + e.count, 0),
    idNumberErrors: errors('id_number'),
    zeroResults: r.zero_result_searches.total,
    withoutQuery: r.zero_result_searches.without_query,
    query: query('zzxq qqzz'),
    hiddenQuery: query('xqzqxq'),
    ratings: service.ratings,
    guideRatings: service.without_case.ratings,
    negative: service.negative,
  };
}

const minus = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));

/** Waits until the reports, less `base`, are at least `want` for every key `want` names. */
async function reportsReach(base, want) {
  let delta;
  for (let i = 0; i < 60; i++) {
    delta = minus(numbers(await reports()), base);
    if (Object.entries(want).every(([k, v]) => delta[k] >= v)) return delta;
    await new Promise((r) => setTimeout(r, 100));
  }
  return delta;
}

/** A browser context as a citizen's: the app's page carries the site's analytics setting (as a
 * deploying site would put it in its page), every analytics payload is kept for inspection, and
 * any request to another origin or anything the page's policy refuses fails the test. Service
 * workers are off so every page load goes through the network (where the setting is added). */
async function citizen(settings) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const payloads = [];
  const problems = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(BASE_URL) && !r.url().startsWith('data:') && r.url() !== 'about:blank') problems.push(`third-party request: ${r.url()}`);
    if (new URL(r.url()).pathname === '/api/events') payloads.push(r.postData() ?? '');
  });
  if (settings) {
    const meta = `<meta name="onewindow-analytics" content='${JSON.stringify(settings)}'>`;
    await context.route((url) => url.origin === new URL(BASE_URL).origin && url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<head>', `<head>${meta}`);
      await fulfillChanged(route, response, { body });
    });
  }
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    watchPolicy(page, problems);
    return page;
  };
  return { context, payloads, problems, open };
}

/** Leaves the page as the browser does when a tab closes: the page's `pagehide` listeners run
 * (here while it is still alive, so the beacon they send can be seen: Chromium sends beacons
 * from a page being unloaded, but Playwright does not report them), then it goes. */
async function leave(page) {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await page.waitForTimeout(300);
  await page.goto('about:blank');
}

/** Makes the page look hidden (another tab): what is queued is sent. */
async function hide(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(300);
}

/** The parts of the reports that come from events, as text. */
const fromEvents = (r) => JSON.stringify([r.funnels, r.validation_errors, r.zero_result_searches]);

/** Every payload is a batch of events with only the fields the format allows, and none of
 * them holds anything the citizen typed. */
function assertNothingPersonal(payloads, typed) {
  const allowed = new Set(['type', 'form', 'version', 'page', 'field', 'rule', 'outcome', 'bucket', 'query']);
  for (const text of payloads) {
    const batch = JSON.parse(text);
    assert.deepEqual(Object.keys(batch).sort(), ['channel', 'events', 'format']);
    for (const event of batch.events) {
      for (const key of Object.keys(event)) assert.ok(allowed.has(key), `unexpected field ${key} in ${text}`);
    }
    for (const answer of typed) assert.ok(!text.includes(answer), `"${answer}" was sent in ${text}`);
  }
}

test('journeys and searches on a site with analytics send coarse counts only, and the staff reports add them up', async () => {
  const base = numbers(await reports());
  const { context, payloads, problems, open } = await citizen({ url: '/api/events', queries: false });
  const typed = ['Wang Xiuying', 'Zhao Abandon', '110105194912310021', '11010519491231002X', 'Siming South Road 422', '13812345678'];

  // A whole journey: an error on the first page, a wrong ID number, then sent.
  const page = await open();
  await page.goto(`${BASE_URL}/?form=${FORM}&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Wang Xiuying');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('textbox', { name: 'Your ID number' }).fill('110105194912310021');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await fillRegistrationFromIdNumber(page);
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const reference = await page.locator('.ow-panel__reference').innerText();
  typed.push(reference);

  // A journey left on its second page.
  const left = await open();
  await left.goto(`${BASE_URL}/?form=${FORM}&lang=en`);
  await left.getByRole('button', { name: 'Start now' }).click();
  await left.getByRole('textbox', { name: 'Full name' }).fill('Zhao Abandon');
  await left.getByRole('button', { name: 'Continue' }).click();
  await left.getByRole('textbox', { name: 'Your ID number' }).waitFor();
  await leave(left);

  // A search that finds nothing: counted, its words not sent.
  const search = await open();
  await search.goto(`${BASE_URL}/?lang=en`);
  await search.getByRole('searchbox', { name: 'Search for a service' }).fill('xqzqxq');
  await search.getByText('No services found for “xqzqxq”', { exact: false }).first().waitFor();
  await search.getByRole('searchbox', { name: 'Search for a service' }).press('Enter');
  await leave(search);
  await leave(page);

  // Another site sends the words of searches that find nothing.
  const open2 = await citizen({ url: '/api/events', queries: true });
  const other = await open2.open();
  await other.goto(`${BASE_URL}/?lang=en`);
  await other.getByRole('searchbox', { name: 'Search for a service' }).fill('  Zzxq   QQZZ ');
  await other.getByText('No services found', { exact: false }).first().waitFor();
  await other.getByRole('searchbox', { name: 'Search for a service' }).press('Enter');
  await leave(other);

  const want = {
    started: 2, submitted: 1, nameReached: 2, nameAbandoned: 0, nameTimed: 2, idReached: 2, idAbandoned: 1, idTimed: 2,
    checkReached: 1, confirmationReached: 1, fullNameRequired: 1, idNumberErrors: 1,
    zeroResults: 2, withoutQuery: 1, query: 1, hiddenQuery: 0, ratings: 0, guideRatings: 0, negative: 0,
  };
  const delta = await reportsReach(base, want);
  assert.deepEqual(delta, want);

  assert.ok(payloads.length > 0 && open2.payloads.length > 0, 'events were sent');
  assertNothingPersonal([...payloads, ...open2.payloads], typed);
  const seen = [...payloads, ...open2.payloads].flatMap((p) => JSON.parse(p).events.map((e) => e.type));
  for (const type of ['journey_started', 'page_reached', 'page_time', 'page_abandoned', 'validation_error', 'submission', 'search_no_results']) {
    assert.ok(seen.includes(type), `a ${type} event was seen`);
  }
  // What the receiver kept holds nothing typed either.
  const kept = fromEvents(await reports());
  for (const answer of typed) assert.ok(!kept.includes(answer), `"${answer}" is in the reports`);
  assert.ok(payloads.every((p) => JSON.parse(p).channel === 'online'));
  assert.ok(!payloads.join('').includes('xqzqxq'), 'the query stays on the device unless the site allows it');
  assert.ok(open2.payloads.join('').includes('"query":"zzxq qqzz"'));
  assert.deepEqual([...problems, ...open2.problems], []);
  await context.close();
  await open2.context.close();
});

test('a case is rated once: after the confirmation, then refused (409) on another device and said so', async () => {
  const base = numbers(await reports());
  const { context, problems, open } = await citizen(null);
  const page = await open();
  await page.goto(`${BASE_URL}/?form=${FORM}&lang=en`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).fill('Li Rating');
  await page.getByRole('button', { name: 'Continue' }).click();
  await fillRegistrationFromIdNumber(page);
  const [sent] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/submissions') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Accept and send' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Application sent' }).waitFor();
  const reference = await page.locator('.ow-panel__reference').innerText();
  // What the department's link carries besides the reference: the rating token the receiver
  // gave with it (a reference alone does not let anyone rate the case).
  const token = (await sent.json()).rating_token;
  assert.match(token, /^[0-9a-f]{32}$/);

  const rating = page.locator('.ow-rating');
  const rated = page.waitForRequest((r) => r.url().endsWith('/api/ratings') && r.method() === 'POST');
  await rating.getByRole('heading', { name: 'Rate this service' }).waitFor();
  assert.ok((await rating.innerText()).includes(reference), 'the case is named');
  await rating.getByRole('group', { name: 'Overall, how satisfied are you with this service?' }).getByRole('radio', { name: 'Very dissatisfied', exact: true }).check();
  await rating.getByRole('group', { name: 'What went wrong? Select all that apply' }).waitFor();
  await rating.getByRole('button', { name: 'Send rating' }).click();
  // A negative rating must say what went wrong.
  await rating.getByRole('link', { name: 'Select what went wrong, or tell us in your own words' }).waitFor();
  await assertAccessible(page, 'the rating form with an error');
  await rating.getByRole('checkbox', { name: 'Too many documents were asked for' }).check();
  await rating.getByRole('group', { name: 'How quickly it got done' }).getByRole('radio', { name: '2' }).check();
  await rating.getByRole('textbox', { name: 'Suggestions (optional)' }).fill('The queue was long');
  await rating.getByRole('button', { name: 'Send rating' }).click();
  assert.equal((await rated).postDataJSON().case_token, token, 'the confirmation rates the case with its token');
  await page.getByText('Thank you for your rating').waitFor();
  await page.getByText('Your rating has been sent to the department.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Send rating' }).count(), 0, 'not offered again');

  // The same device knows the case is rated: no form.
  await page.goto(`${BASE_URL}/?service=${FORM}&rate=1&case=${reference}&token=${token}&lang=en`);
  await page.getByText('This case has already been rated').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Send rating' }).count(), 0);

  // Another device (a link sent by text message): the receiver refuses a second rating.
  const elsewhere = await citizen(null);
  const other = await elsewhere.open();
  await other.goto(`${BASE_URL}/?service=${FORM}&rate=1&case=${reference}&token=${token}&lang=en`);
  await other.getByRole('heading', { level: 1, name: 'Rate this service' }).waitFor();
  await assertAccessible(other, 'the rating page');
  await other.getByRole('radio', { name: 'Satisfied', exact: true }).check();
  const [reply] = await Promise.all([
    other.waitForResponse((r) => r.url().endsWith('/api/ratings')),
    other.getByRole('button', { name: 'Send rating' }).click(),
  ]);
  assert.equal(reply.status(), 409);
  await other.getByText('This case has already been rated').waitFor();
  await other.getByText('Each case can be rated once. Thank you for your feedback.').waitFor();

  // From the guide: a rating of the service, without a case.
  await other.goto(`${BASE_URL}/?service=${FORM}&lang=en`);
  await other.getByRole('link', { name: 'Rate this service: how satisfied you were and what could be better.' }).click();
  await other.getByRole('heading', { level: 1, name: 'Rate this service' }).waitFor();
  await other.getByRole('radio', { name: 'Very satisfied', exact: true }).check();
  await other.getByRole('button', { name: 'Send rating' }).click();
  await other.getByText('Thank you for your rating').waitFor();

  const delta = await reportsReach(base, { ratings: 1, guideRatings: 1, negative: 1 });
  assert.equal(delta.ratings, 1, 'the case once');
  assert.equal(delta.guideRatings, 1, 'and the guide, counted apart');
  assert.equal(delta.negative, 1);
  const negative = (await reports()).negative.find((n) => n.case_reference === reference);
  assert.deepEqual(
    { level: negative.level, reasons: negative.reasons, comment: negative.comment, followed_up: negative.followed_up },
    { level: 1, reasons: ['too_many_materials'], comment: 'The queue was long', followed_up: false },
  );
  assert.deepEqual([...problems, ...elsewhere.problems], []);
  await context.close();
  await elsewhere.context.close();
});

test('a rating made offline waits on the device and is sent when the browser is back online', async () => {
  const base = numbers(await reports());
  const { context, problems, open } = await citizen(null);
  const page = await open();
  await page.goto(`${BASE_URL}/?service=${FORM}&rate=1&lang=en`);
  await page.getByRole('heading', { level: 1, name: 'Rate this service' }).waitFor();
  await context.setOffline(true);
  await page.getByRole('radio', { name: 'Fairly satisfied', exact: true }).check();
  await page.getByRole('button', { name: 'Send rating' }).click();
  await page.getByText('Your rating is saved on this device and will be sent when you are online.').waitFor();
  const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem('onewindow:ratings-outbox')));
  assert.equal(waiting.length, 1);
  assert.equal(waiting[0].level, 3);
  await context.setOffline(false);
  await page.waitForFunction(() => localStorage.getItem('onewindow:ratings-outbox') === null);
  const delta = await reportsReach(base, { guideRatings: 1 });
  assert.equal(delta.guideRatings, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a rating the service refuses for good (400) says so; one it fails to take (503) waits on the device', async () => {
  const { context, problems, open } = await citizen(null);
  const page = await open();
  let reply = 400;
  await page.route((url) => url.pathname === '/api/ratings', (route) =>
    route.fulfill({ status: reply, contentType: 'application/json', body: '{"error":"bad request"}' }));
  await page.goto(`${BASE_URL}/?service=${FORM}&rate=1&lang=en`);
  await page.getByRole('heading', { level: 1, name: 'Rate this service' }).waitFor();
  await page.getByRole('radio', { name: 'Satisfied', exact: true }).check();
  await page.getByRole('button', { name: 'Send rating' }).click();
  await page.getByText('Your rating was not accepted').waitFor();
  await page.getByText('The service could not accept this rating. Your application is not affected.').waitFor();
  assert.equal(await page.getByText('Thank you for your rating').count(), 0, 'no thanks for a refusal');
  assert.equal(await page.evaluate(() => localStorage.getItem('onewindow:ratings-outbox')), null, 'a refusal is not retried');
  await assertAccessible(page, 'a refused rating');

  reply = 503;
  await page.goto(`${BASE_URL}/?service=${FORM}&rate=1&lang=en`);
  await page.getByRole('radio', { name: 'Satisfied', exact: true }).check();
  await page.getByRole('button', { name: 'Send rating' }).click();
  await page.getByText('Your rating is saved on this device and will be sent when you are online.').waitFor();
  const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem('onewindow:ratings-outbox')));
  assert.equal(waiting.length, 1, 'kept to send again');
  assert.deepEqual(problems, []);
  // Closed before a retry reaches the real receiver, whose counts the other tests read.
  await context.close();
});

test('an embedded form on a site with analytics reports its journey on the embedded channel', async () => {
  const base = numbers(await reports());
  const { context, payloads, problems, open } = await citizen(null);
  const page = await open();
  await page.goto(`${BASE_URL}/analytics-demo.html`);
  const form = page.locator('#registration');
  await form.getByRole('button', { name: 'Start now' }).click();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await form.getByRole('textbox', { name: 'Full name' }).fill('Embedded Person');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('textbox', { name: 'Your ID number' }).waitFor();
  // Hidden: what is queued is sent (and seen here); then the page really goes, and the page
  // left open is counted as abandoned from the beacon sent while unloading.
  await hide(page);
  await page.goto('about:blank');
  const want = { started: 1, nameReached: 1, idReached: 1, idAbandoned: 1, fullNameRequired: 1 };
  const delta = await reportsReach(base, want);
  assert.deepEqual(Object.fromEntries(Object.keys(want).map((k) => [k, delta[k]])), want);
  assert.ok(payloads.length > 0 && payloads.every((p) => JSON.parse(p).channel === 'embedded'));
  assertNothingPersonal(payloads, ['Embedded Person']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the staff dashboard: sign-in with the token, charts with tables, no axe violations', async () => {
  const { context, problems, open } = await citizen(null);
  const page = await open();
  await page.goto(`${BASE_URL}/staff`);
  await page.getByRole('heading', { level: 1, name: 'Sign in to the service dashboard' }).waitFor();
  await assertAccessible(page, 'the sign-in page');
  await page.getByLabel('Staff token').fill('not-the-token-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'The staff token is not right' }).waitFor();
  await assertAccessible(page, 'the sign-in page with an error');
  assert.ok(!page.url().includes('token='), 'the token is never in the URL');
  await page.getByLabel('Staff token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Service evaluation and journeys' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/staff');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'ow_staff');
  assert.ok(session.httpOnly && session.sameSite === 'Strict' && session.value !== TOKEN);
  for (const heading of ['Satisfaction per service', 'Negative ratings to follow up', 'Searches that found nothing', 'Where people leave the forms', 'Most frequent errors']) {
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  }
  assert.ok(await page.locator('svg[role="img"]').count() >= 4, 'charts');
  assert.ok(await page.getByRole('table').count() >= 4, 'tables with the same numbers');
  await assertAccessible(page, 'the dashboard');
  // The JSON download is the same report as the API's.
  const json = await (await page.request.get(`${BASE_URL}/staff/reports.json`)).json();
  assert.deepEqual(Object.keys(json).sort(), ['funnels', 'negative', 'satisfaction', 'validation_errors', 'zero_result_searches']);
  // Following up a negative rating.
  const before = json.negative.filter((n) => !n.followed_up).length;
  if (before > 0) {
    await page.getByRole('button', { name: /^Mark followed up/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Service evaluation and journeys' }).waitFor();
    const after = (await (await page.request.get(`${BASE_URL}/staff/reports.json`)).json()).negative.filter((n) => !n.followed_up).length;
    assert.equal(after, before - 1);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
