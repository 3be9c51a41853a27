// Shared set-up for the end-to-end tests: Debian's chromium via playwright-core, the served app,
// and an axe-core scan. The server is started by scripts/test.sh; its URL comes in ONEWINDOW_URL.
//
// Every page opened with `openPage` is watched: an uncaught error, a request to another origin or
// anything the page's Content-Security-Policy refuses is a problem, and a test that leaves one in
// `page.problems` fails when it ends (the `afterEach` below), whether or not it looks itself. A
// test that expects some takes them out with `expectProblems`.
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

export const BASE_URL = process.env.ONEWINDOW_URL ?? 'http://127.0.0.1:8080';

/** Starts Chromium; `args` are more command-line switches for a test file's special needs. */
export function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // The machine has no network: without these, Chromium keeps trying to reach its own services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...args],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now and fails with every violation listed. */
export async function assertAccessible(page, what) {
  // Evaluated, not added as a <script>: the pages' Content-Security-Policy refuses inline
  // scripts, and would report the scan as a violation. axe-core's own inline styles (it
  // measures contrast with them) are refused too: what the policy reports while it runs is the
  // test tool's, not the page's, and is not counted.
  page.scanning = true;
  try {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    assert.deepEqual(violations, [], `axe violations on ${what}`);
  } finally {
    // Chromium logs a refusal as it happens, before the scan's result is sent: one more round
    // trip and every report of the scan has arrived.
    await page.evaluate(() => 0).catch(() => {});
    page.scanning = false;
  }
}

/** Adds to `problems` what a page of ours must never do: an uncaught error, a request to
 * another origin, anything its Content-Security-Policy refuses. */
function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(BASE_URL) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`);
  });
  watchPolicy(page, problems);
}

/** Adds to `problems` whatever the page's Content-Security-Policy refuses. Chromium logs each
 * refusal on the console ("Refused to … because it violates the following Content Security
 * Policy directive …"), for the page and what runs in it, shadow roots included. */
export function watchPolicy(page, problems) {
  page.on('console', (message) => {
    if (!page.scanning && /Content Security Policy/i.test(message.text())) {
      problems.push(`policy violation: ${message.text()}`);
    }
  });
}

/** The pages the current test opened. */
const opened = [];

/** Opens a page that fails the test on any uncaught error, request to another origin or
 * violation of the page's Content-Security-Policy (see `watch`). `options` are the browser
 * context's (e.g. `{ serviceWorkers: 'block' }` for a test that routes what the service worker
 * would otherwise fetch itself). */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  page.problems = problems;
  opened.push(page);
  return page;
}

/** Takes the problems a test expects (`expected(problem)` is true) out of `page.problems`, and
 * returns them. */
export function expectProblems(page, expected) {
  const taken = page.problems.filter(expected);
  const rest = page.problems.filter((p) => !expected(p));
  page.problems.splice(0, page.problems.length, ...rest);
  return taken;
}

// Whatever a test does, a problem left on one of its pages fails it.
afterEach(() => {
  const pages = opened.splice(0);
  assert.deepEqual(pages.flatMap((page) => page.problems), [], 'problems on the pages this test opened');
});

/** Answers `route` with `response` (from `route.fetch()`) changed. The server sent it compressed
 * and Playwright decoded it: the headers must no longer say it is compressed, nor give the
 * compressed length. */
export async function fulfillChanged(route, response, { body, headers } = {}) {
  const kept = Object.entries(headers ?? response.headers())
    .filter(([name]) => !['content-encoding', 'content-length'].includes(name.toLowerCase()));
  await route.fulfill({ status: response.status(), headers: Object.fromEntries(kept), body: body ?? (await response.body()) });
}

/** The keys of the files the app keeps in IndexedDB ("<form>/<sha256>"), and their sizes. */
export function keptFiles(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('onewindow');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('files')) { db.close(); resolve({}); return; }
      const store = db.transaction('files').objectStore('files');
      const out = {};
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (c) { out[c.key] = c.value.size; c.continue(); } else { db.close(); resolve(out); }
      };
      cursor.onerror = () => reject(cursor.error);
    };
  }));
}

/** Fills the English residence registration in `scope` (a page or an element's locator),
 * from its start page up to check answers, with `name` and the same other answers each time. */
export async function fillRegistration(scope, name) {
  await scope.getByRole('button', { name: 'Start now' }).click();
  await scope.getByRole('textbox', { name: 'Full name' }).fill(name);
  await scope.getByRole('button', { name: 'Continue' }).click();
  await fillRegistrationFromIdNumber(scope);
}

/** The residence registration from its ID number page up to check answers. */
export async function fillRegistrationFromIdNumber(scope) {
  const next = () => scope.getByRole('button', { name: 'Continue' }).click();
  await scope.getByRole('textbox', { name: 'Your ID number' }).fill('11010519491231002X');
  await next();
  await scope.getByRole('combobox', { name: 'Province' }).selectOption({ label: 'Fujian' });
  await scope.getByRole('combobox', { name: 'City' }).selectOption({ label: 'Xiamen' });
  await scope.getByRole('combobox', { name: 'District or county' }).selectOption({ label: 'Siming' });
  await scope.getByRole('textbox', { name: 'Street address' }).fill('Siming South Road 422');
  await scope.getByRole('radio', { name: 'I own it' }).check();
  await next();
  await scope.getByRole('textbox', { name: 'Day' }).fill('1');
  await scope.getByRole('textbox', { name: 'Month' }).fill('3');
  await scope.getByRole('textbox', { name: 'Year' }).fill('2026');
  await next();
  await scope.getByRole('textbox', { name: 'Mobile number' }).fill('13812345678');
  await next();
  await scope.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
}
