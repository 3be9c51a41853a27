// onewindow in headless Chromium on the SurveyJS benchmark's 1,000-field form, measured the
// way shared/bench/surveyjs/bench.mjs measures SurveyJS (same typed text, same radio driver),
// so the two tables compare. Run by scripts/bench.sh, which serves the app and the converted
// form and then runs the SurveyJS benchmark too.
//   ONEWINDOW_URL=http://127.0.0.1:PORT node tests/bench/app-bench.mjs [--runs 5]
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, arr) => (v.startsWith('--') ? [...a, [v.slice(2), arr[i + 1]]] : a), []));
const RUNS = Number(args.runs ?? 5);
const BASE = process.env.ONEWINDOW_URL;
const TYPED = 'the quick brown fox ';

// Page side: t0 = the input event's timeStamp; done = the DOM has been quiet for 150 ms after
// the last mutation and a frame has run after it. work = last mutation (or handler end) - t0.
function harness() {
  const B = (window.__bench = { measures: [] });
  let cur = null;
  const now = () => performance.now();
  function frames() { if (!cur) return; cur.frames.push(now()); requestAnimationFrame(frames); }
  B.arm = (kind) => {
    let resolve; const p = new Promise((r) => (resolve = r));
    cur = { kind, t0: null, tEnd: null, tLastMut: 0, frames: [], resolve };
    requestAnimationFrame(frames);
    B.pending = p;
  };
  const finish = () => {
    const c = cur; cur = null;
    const done = Math.max(c.tEnd, c.tLastMut);
    const frame = c.frames.find((f) => f > done);
    c.resolve({ work: done - c.t0, toFrame: frame ? frame - c.t0 : null });
  };
  const onEnd = () => {
    if (!cur || cur.t0 === null || cur.tEnd !== null) return;
    cur.tEnd = now();
    const check = () => {
      if (!cur) return;
      const done = Math.max(cur.tEnd, cur.tLastMut);
      if ((now() - done >= 150 && cur.frames.some((f) => f > done)) || now() - cur.tEnd > 10000) finish(); else setTimeout(check, 25);
    };
    setTimeout(check, 25);
  };
  addEventListener('keydown', (e) => { if (cur && cur.kind === 'key' && cur.t0 === null) cur.t0 = e.timeStamp; }, true);
  addEventListener('keyup', () => { if (cur && cur.kind === 'key') onEnd(); });
  addEventListener('pointerup', (e) => { if (cur && cur.kind === 'click' && cur.t0 === null) cur.t0 = e.timeStamp; }, true);
  addEventListener('change', () => { if (cur && cur.kind === 'click') onEnd(); });
  new MutationObserver(() => { if (cur) cur.tLastMut = now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

async function oneRun(browser) {
  const context = await browser.newContext();
  await context.addInitScript(harness);
  const page = await context.newPage();
  await page.goto(`${BASE}/?form=large&lang=en&page=p01&timing=1`);
  const input = page.locator('#field-f0001');
  await input.waitFor();
  const focusable = await page.evaluate(() => { document.getElementById('field-f0001').focus(); return performance.now(); });
  const visibleBefore = await page.locator('.ow-form-group').count();
  await input.click();
  const keys = [];
  for (const ch of TYPED) {
    await page.evaluate(() => __bench.arm('key'));
    await page.keyboard.type(ch);
    keys.push(await page.evaluate(() => __bench.pending));
  }
  // The app records each engine evaluation's duration when opened with `timing` (one per
  // keystroke): the engine's share of the keystroke's time.
  const engine = await page.evaluate(() => (window.__owEngine ?? []).splice(0));
  const radios = { show: [], hide: [] };
  for (let cycle = 0; cycle < 3; cycle++) {
    for (const [value, bucket] of [['b', radios.show], ['a', radios.hide]]) {
      await page.evaluate(() => __bench.arm('click'));
      await page.locator(`label[for="field-f0002${value === 'a' ? '' : '-1'}"]`).click();
      bucket.push(await page.evaluate(() => __bench.pending));
    }
  }
  const heap = await (async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
  })();
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await context.close();
  return {
    focusable, visibleBefore, heap, domNodes,
    keyWork: keys.map((k) => k.work), keyFrame: keys.map((k) => k.toFrame), engine,
    showWork: median(radios.show.map((m) => m.work)), hideWork: median(radios.hide.map((m) => m.work)),
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
/** The harness's own floor: the same keystrokes into a bare input on an empty page (no script),
 * for what Playwright's key dispatch and frame alignment cost whatever the page does. */
async function bareRun(browser) {
  const context = await browser.newContext();
  await context.addInitScript(harness);
  const page = await context.newPage();
  // From the app's origin, as a page the browser loads (a page written in with setContent
  // gets no animation frames in headless Chromium).
  await page.route(`${BASE}/__bare.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><input id="bare" aria-label="bare">' }));
  await page.goto(`${BASE}/__bare.html`);
  await page.locator('#bare').click();
  const keys = [];
  for (const ch of TYPED) {
    await page.evaluate(() => __bench.arm('key'));
    await page.keyboard.type(ch);
    keys.push(await page.evaluate(() => __bench.pending));
  }
  await context.close();
  return { keyWork: keys.map((k) => k.work), keyFrame: keys.map((k) => k.toFrame) };
}

await oneRun(browser); // warm-up, discarded
const runs = [];
const bare = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await oneRun(browser));
  bare.push(await bareRun(browser));
}
await browser.close();

const m = (f) => median(runs.map(f)).toFixed(1);
console.log(`\nonewindow on the 1,000-field form, headless Chromium, median of ${RUNS} runs (+1 warm-up)\n`);
console.log('| metric | onewindow (paged, 20 fields a page) |');
console.log('|---|---|');
console.log(`| nav → first input focusable ms | ${m((r) => r.focusable)} |`);
console.log(`| key: event→DOM updated ms p50 / p95 / max | ${m((r) => median(r.keyWork))} / ${m((r) => pct(r.keyWork, 0.95))} / ${m((r) => Math.max(...r.keyWork))} |`);
console.log(`| key: event→next frame ms p50 / p95 (target ≤ 16) | ${m((r) => median(r.keyFrame))} / ${m((r) => pct(r.keyFrame, 0.95))} |`);
const b = (f) => median(bare.map(f)).toFixed(1);
console.log(`| the harness alone (bare input, no script): event→DOM / →next frame ms p50 | ${b((r) => median(r.keyWork))} / ${b((r) => median(r.keyFrame))} |`);
console.log(`| key: engine (evaluate in wasm) ms p50 / p95 (target ≤ 1) | ${median(runs.map((r) => median(r.engine))).toFixed(3)} / ${median(runs.map((r) => pct(r.engine, 0.95))).toFixed(3)} |`);
console.log(`| key: engine evaluations per keystroke | ${m((r) => r.engine.length / TYPED.length)} |`);
console.log(`| radio shows 50 / hides 50: work ms | ${m((r) => r.showWork)} / ${m((r) => r.hideWork)} |`);
console.log(`| JS heap after interactions (GC) MB | ${m((r) => r.heap)} |`);
console.log(`| DOM elements | ${m((r) => r.domNodes)} |`);

const dist = new URL('../../dist/', import.meta.url);
let raw = 0, gz = 0, br = 0;
console.log('\n| file | raw bytes | gzip -9 | brotli 11 |\n|---|---|---|---|');
for (const name of readdirSync(dist).filter((n) => /\.(wasm|js|css)$/.test(n))) {
  const bytes = readFileSync(new URL(name, dist));
  const g = gzipSync(bytes, { level: 9 }).length;
  const b = brotliCompressSync(bytes, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += bytes.length; gz += g; br += b;
  console.log(`| ${name} | ${bytes.length} | ${g} | ${b} |`);
}
console.log(`| TOTAL app (wasm + js + css) | ${raw} | ${gz} | ${br} |`);
