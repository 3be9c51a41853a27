// 100 applications delivered through a path that drops connections, answers 500 and 429,
// holds replies past the client's timeout and delivers requests twice: the device's outbox
// must end empty and the receiver must hold each application exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, expectProblems, BASE_URL } from './browser.mjs';

const COUNT = 100;
const CLI = process.env.ONEWINDOW_CLI ?? 'target/debug/onewindow';
const TIMEOUT_MS = 1500;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A deterministic PRNG (mulberry32), so a failing run can be replayed. */
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Forwards everything to the receiver, naming the host it was asked for in X-Forwarded-Host as a
 * reverse proxy does (the receiver refuses writes from another site's pages); submissions meet a
 * fault now and then. */
function faultyPath(upstream, seed) {
  const next = random(seed);
  const counts = { attempts: 0, passed: 0, dropped: 0, error500: 0, busy429: 0, late: 0, doubled: 0 };
  const forward = (req, body) => new Promise((resolve, reject) => {
    const out = http.request(new URL(req.url, upstream), { method: req.method, headers: { ...req.headers, host: new URL(upstream).host, 'x-forwarded-host': req.headers.host } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    out.on('error', reject);
    out.end(body);
  });
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const reply = (r) => { res.writeHead(r.status, r.headers); res.end(r.body); };
      try {
        if (!(req.method === 'POST' && req.url.startsWith('/api/submissions'))) return reply(await forward(req, body));
        counts.attempts++;
        const roll = next();
        if (roll < 0.15) { counts.dropped++; return req.socket.destroy(); }
        if (roll < 0.30) { counts.error500++; return reply({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'upstream trouble' }); }
        if (roll < 0.35) { counts.busy429++; return reply({ status: 429, headers: { 'retry-after': '1' }, body: '' }); }
        if (roll < 0.45) {
          // The receiver gets it, but the answer comes after the client has given up.
          counts.late++;
          const r = await forward(req, body);
          await new Promise((ok) => setTimeout(ok, TIMEOUT_MS + 1000));
          return res.destroyed ? undefined : reply(r);
        }
        if (roll < 0.55) { counts.doubled++; await forward(req, body); return reply(await forward(req, body)); }
        counts.passed++;
        reply(await forward(req, body));
      } catch {
        res.destroy();
      }
    });
  });
  return { server, counts };
}

test(`${COUNT} applications through drops, 500s, 429s, late replies and doubled requests: each stored exactly once`, async () => {
  const { server, counts } = faultyPath(BASE_URL, 20261127);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const proxy = `http://127.0.0.1:${server.address().port}`;
  try {
    // What 100 devices would have queued, made by the same engine (`onewindow package --entry`).
    const dir = mkdtempSync(join(tmpdir(), 'onewindow-faults-'));
    const entries = [];
    for (let i = 1; i <= COUNT; i++) {
      const file = join(dir, `a${i}.json`);
      writeFileSync(file, JSON.stringify({
        full_name: `Applicant ${String(i).padStart(3, '0')}`, id_number: '11010519491231002X',
        residence_address: { province: '350000', province_name: '福建省', city: '350200', city_name: '厦门市', district: '350203', district_name: '思明区', street: `湖滨南路${i}号` },
        housing: 'own', moved_in: { day: '1', month: '3', year: '2026' }, mobile: '13812345678',
      }));
      const line = execFileSync(CLI, ['package', 'forms/residence-registration.json', '--answers', file, '--locale', 'en', '--entry',
        '--submission', JSON.stringify({ timeout_ms: TIMEOUT_MS, retry_base_ms: 100, retry_max_ms: 1000 })], { encoding: 'utf8' });
      entries.push(JSON.parse(line));
    }
    const keys = entries.map((e) => e.package.idempotency_key);
    assert.equal(new Set(keys).size, COUNT);

    const page = await openPage(browser);
    // Put them in this origin's outbox as the app would, then open the app.
    await page.goto(`${proxy}/forms/dictionary.json`);
    await page.evaluate((list) => new Promise((ok, fail) => {
      const open = indexedDB.open('onewindow', 2);
      open.onupgradeneeded = () => { for (const n of ['files', 'outbox']) open.result.createObjectStore(n); };
      open.onsuccess = () => {
        const tx = open.result.transaction('outbox', 'readwrite');
        for (const e of list) tx.objectStore('outbox').put(JSON.stringify(e), e.package.idempotency_key);
        tx.oncomplete = () => { open.result.close(); ok(); };
        tx.onerror = () => fail(tx.error);
      };
    }), entries);
    const started = Date.now();
    await page.goto(`${proxy}/?form=residence-registration&lang=en`);
    const waiting = () => page.evaluate(() => new Promise((ok) => {
      const open = indexedDB.open('onewindow');
      open.onsuccess = () => {
        const r = open.result.transaction('outbox').objectStore('outbox').count();
        r.onsuccess = () => { open.result.close(); ok(r.result); };
      };
    }));
    let left = COUNT;
    while (left > 0 && Date.now() - started < 240_000) {
      await page.waitForTimeout(500);
      left = await waiting();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`# faults: ${JSON.stringify(counts)}; outbox empty after ${seconds} s`);
    assert.equal(left, 0, `the outbox is empty (${left} left)`);

    const response = await fetch(`${BASE_URL}/api/staff/submissions?form=residence-registration&limit=1000`, {
      headers: { authorization: `Bearer ${process.env.ONEWINDOW_STAFF_TOKEN}` },
    });
    assert.equal(response.status, 200);
    const listed = await response.json();
    const rows = (Array.isArray(listed) ? listed : listed.submissions).filter((s) => keys.includes(s.idempotency_key));
    const distinct = new Set(rows.map((s) => s.idempotency_key));
    console.log(`# stored: ${rows.length} rows for ${distinct.size} of ${COUNT} applications; duplicates ${rows.length - distinct.size}`);
    assert.equal(distinct.size, COUNT, 'every application stored');
    assert.equal(rows.length, COUNT, 'none stored twice');
    assert.ok(counts.dropped > 0 && counts.error500 > 0 && counts.late > 0 && counts.doubled > 0 && counts.busy429 > 0, JSON.stringify(counts));
    // The app is opened through the faulty path, an origin of its own; nothing else may go wrong.
    expectProblems(page, (p) => p.startsWith(`third-party request: ${proxy}/`));
  } finally {
    server.close();
  }
});
