// Shared set-up for the end-to-end tests: Debian's chromium via playwright-core, the served app,
// and an axe-core scan. The server is started by scripts/test.sh; its URL comes in ONEWINDOW_URL.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

export const BASE_URL = process.env.ONEWINDOW_URL ?? 'http://127.0.0.1:8080';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // The machine has no network: without these, Chromium keeps trying to reach its own services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now and fails with every violation listed. */
export async function assertAccessible(page, what) {
  // Evaluated, not added as a <script>: a page under a strict Content-Security-Policy (the
  // embed demo) refuses inline scripts, and would report the scan as a violation.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(violations, [], `axe violations on ${what}`);
}

/** Opens a page that fails the test on any uncaught error or request to another origin. */
export async function openPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(BASE_URL) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`);
  });
  page.problems = problems;
  return page;
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
