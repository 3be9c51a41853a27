// Catalog search, side by side in one node process: our engine (wasm, crates/search-bench)
// and MiniSearch (prefix + fuzzy 0.2, a bigram tokenizer for Chinese) on the same generated
// zh + en catalog and the same queries. Prints a Markdown table.
//   node --expose-gc tests/bench/search-bench.mjs <wasm-pack nodejs package dir> [--services N] [--queries N]
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import MiniSearch from 'minisearch';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const pkg = path.resolve(args[0] ?? 'target/search-bench-pkg');
const SERVICES = option('--services', 5000);
const QUERIES = option('--queries', 1000);
if (typeof global.gc !== 'function') throw new Error('run node with --expose-gc (memory is measured after a collection)');

const ours = createRequire(import.meta.url)(path.join(pkg, 'search_bench.js'));

const catalogJson = ours.catalog_json(SERVICES);
const catalog = JSON.parse(catalogJson);
const queries = JSON.parse(ours.queries_json(SERVICES, QUERIES));

const ms = (t) => (t < 1 ? t.toFixed(3) : t < 10 ? t.toFixed(2) : t.toFixed(0)) + ' ms';
const kb = (b) => (b / 1024).toFixed(0) + ' KB';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const time = (f) => {
  const t0 = performance.now();
  const value = f();
  return [performance.now() - t0, value];
};

/** Times every query (after one warm-up pass) in ROUNDS passes and keeps each query's median:
 *  one pass of 1,000 queries lasts a tenth of a second for us, short enough for a neighbour's
 *  burst on a shared machine to move its percentiles by a quarter. Returns [timings, queries
 *  with a result]. */
const ROUNDS = 5;
function queryTimes(search) {
  for (const q of queries) search(q);
  const rounds = queries.map(() => []);
  let found = 0;
  for (let r = 0; r < ROUNDS; r++) {
    queries.forEach((q, i) => {
      const [t, n] = time(() => search(q));
      rounds[i].push(t);
      if (r === 0 && n > 0) found++;
    });
  }
  return [rounds.map((ts) => percentile(ts, 50)), found];
}

/** Search as you type: every prefix of the first 100 queries, in order, as keystrokes arrive
 *  (after one warm-up pass); returns the timings. */
function keystrokeTimes(search) {
  const typed = queries.slice(0, 100).flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));
  for (const q of typed) search(q);
  return typed.map((q) => time(() => search(q))[0]);
}

// --- ours ----------------------------------------------------------------------------------
const [oursBuild, bytes] = time(() => ours.build_index(catalogJson));
const oursGzip = gzipSync(bytes, { level: 9 }).length;
const oursLoads = [];
let index;
const heapBefore = ours.heap_bytes();
for (let i = 0; i < 5; i++) {
  index?.free();
  // As the app: bytes fetched into a fresh buffer, then loaded.
  const copy = new Uint8Array(bytes);
  const [t, loaded] = time(() => new ours.Index(copy));
  oursLoads.push(t);
  index = loaded;
}
const oursMemory = ours.heap_bytes() - heapBefore;
const [oursTimes, oursFound] = queryTimes((q) => index.search(q, 10));
const oursKeys = keystrokeTimes((q) => index.search(q, 10));

// --- MiniSearch ----------------------------------------------------------------------------
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Latin-script words as they are; each run of Han characters as its overlapping pairs (the
 *  character alone for a run of one). */
function tokenize(text) {
  const out = [];
  for (const run of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    let word = '';
    let han = '';
    const flushHan = () => {
      if (han.length === 1) out.push(han);
      for (let i = 0; i + 1 < han.length; i++) out.push(han.slice(i, i + 2));
      han = '';
    };
    for (const c of run) {
      if (HAN.test(c)) {
        if (word) out.push(word), (word = '');
        han += c;
      } else {
        if (han) flushHan();
        word += c;
      }
    }
    if (word) out.push(word);
    if (han) flushHan();
  }
  return out;
}
const docs = catalog.services.map((s) => ({
  id: s.id,
  title_zh: s.title['zh-CN'],
  title_en: s.title.en,
  summary_zh: s.summary['zh-CN'],
  summary_en: s.summary.en,
  keywords: Object.values(s.keywords ?? {}).flat().join(' '),
  synonyms: Object.values(s.synonyms ?? {}).flat().join(' '),
  department: `${s.department['zh-CN']} ${s.department.en}`,
}));
const miniOptions = {
  fields: ['title_zh', 'title_en', 'synonyms', 'keywords', 'summary_zh', 'summary_en', 'department'],
  // What a result list shows, as our index keeps it.
  storeFields: ['title_zh', 'title_en', 'summary_zh', 'summary_en'],
  tokenize,
  processTerm: (term) => term.toLowerCase(),
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { title_zh: 3, title_en: 3, synonyms: 2, keywords: 2 } },
};
const [miniBuild, mini] = time(() => {
  const m = new MiniSearch(miniOptions);
  m.addAll(docs);
  return m;
});
const miniJson = JSON.stringify(mini);
const miniGzip = gzipSync(Buffer.from(miniJson), { level: 9 }).length;
const miniLoads = [];
let loadedMini;
for (let i = 0; i < 5; i++) {
  // As a page would: the fetched text parsed and loaded.
  const [t, loaded] = time(() => MiniSearch.loadJSON(miniJson, miniOptions));
  miniLoads.push(t);
  loadedMini = loaded;
}
// Memory: a fresh load, measured after collections, kept alive until the queries are done.
loadedMini = undefined;
global.gc();
const miniHeapBefore = process.memoryUsage().heapUsed;
loadedMini = MiniSearch.loadJSON(miniJson, miniOptions);
global.gc();
const miniMemory = process.memoryUsage().heapUsed - miniHeapBefore;
const [miniTimes, miniFound] = queryTimes((q) => loadedMini.search(q).length);
const miniKeys = keystrokeTimes((q) => loadedMini.search(q).length);

// --- the table -----------------------------------------------------------------------------
const rows = [
  ['index build', ms(oursBuild) + ' (wasm, with pinyin)', ms(miniBuild), ''],
  ['shipped index, raw', kb(bytes.length), kb(miniJson.length), ''],
  ['shipped index, gzip -9', kb(oursGzip), kb(miniGzip), `≤ half of MiniSearch's (${kb(miniGzip / 2)})`],
  ['load (first / median of 5)', `${ms(oursLoads[0])} / ${ms(median(oursLoads))}`, `${ms(miniLoads[0])} / ${ms(median(miniLoads))}`, '≤ 50 ms'],
  ['memory after load', kb(oursMemory) + ' (wasm heap)', kb(miniMemory) + ' (JS heap)', ''],
  ['query p50', ms(percentile(oursTimes, 50)), ms(percentile(miniTimes, 50)), '≤ 0.1 ms'],
  ['query p95', ms(percentile(oursTimes, 95)), ms(percentile(miniTimes, 95)), '≤ 1 ms'],
  ['query max', ms(percentile(oursTimes, 100)), ms(percentile(miniTimes, 100)), ''],
  [`as you type: p50 / p95 of ${oursKeys.length} keystrokes`, `${ms(percentile(oursKeys, 50))} / ${ms(percentile(oursKeys, 95))}`, `${ms(percentile(miniKeys, 50))} / ${ms(percentile(miniKeys, 95))}`, ''],
  ['queries with results', `${oursFound} / ${queries.length}`, `${miniFound} / ${queries.length}`, ''],
];
console.log(`\nCatalog search: ${catalog.services.length} generated zh + en procedures, ${queries.length} queries (whole titles, words and parts of words in both languages, typos, pinyin); node ${process.version}\n`);
console.log('| | onewindow (wasm) | MiniSearch 7 (prefix, fuzzy 0.2, bigrams) | target |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
// The generator cycles through ten kinds of query (generate_catalog.rs, `queries`).
const KINDS = ['zh title', 'en title', 'zh 2 characters', 'zh name + action', 'en 4-letter prefix', 'en action + name', 'en typo (swapped letters)', 'pinyin full (else mixed)', 'pinyin initials (else mixed)', 'en name + zh action'];
console.log('\nquery p50 / p95 by kind (ms):\n');
console.log('| kind | onewindow | MiniSearch |');
console.log('|---|---|---|');
KINDS.forEach((kind, k) => {
  const of = (times) => times.filter((_, i) => i % 10 === k);
  const cell = (times) => `${percentile(of(times), 50).toFixed(3)} / ${percentile(of(times), 95).toFixed(3)}`;
  console.log(`| ${kind} | ${cell(oursTimes)} | ${cell(miniTimes)} |`);
});
const verdicts = [
  ['p50', percentile(oursTimes, 50) <= 0.1],
  ['p95', percentile(oursTimes, 95) <= 1],
  ['gzip', oursGzip <= miniGzip / 2],
  ['load', median(oursLoads) <= 50],
];
console.log(`\ntargets: ${verdicts.map(([n, ok]) => `${n} ${ok ? 'met' : 'MISSED'}`).join(', ')}`);
