// Catalog search, side by side in one node process: our engine (wasm, crates/search-bench)
// and MiniSearch (prefix + fuzzy 0.2, a bigram tokenizer for Chinese) on the same generated
// zh + en catalog and the same queries. Prints Markdown tables: sizes, what a first query
// downloads (our index is loaded in parts: the entry and names part, then the parts a query
// needs; MiniSearch's index is one file), load, memory, query times once loaded, relevance.
//   node --expose-gc tests/bench/search-bench.mjs <wasm-pack nodejs package dir> [--services N] [--queries N] [--short]
// The catalog has summaries of 150–300 characters in each language and a guide per service
// (materials, FAQ), as real catalogs do; --short gives the one-sentence summaries of before.
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
const LONG = !args.includes('--short');
/** Results the app lists (src/components/search.rs): a first query fetches their fragments. */
const SHOWN = 20;
if (typeof global.gc !== 'function') throw new Error('run node with --expose-gc (memory is measured after a collection)');

const ours = createRequire(import.meta.url)(path.join(pkg, 'search_bench.js'));

const catalogJson = ours.catalog_json(SERVICES, LONG);
const guidesJson = ours.guides_json(SERVICES, LONG);
const catalog = JSON.parse(catalogJson);
const guides = JSON.parse(guidesJson);
const queries = JSON.parse(ours.queries_json(SERVICES, QUERIES));

const ms = (t) => (t < 1 ? t.toFixed(3) : t < 10 ? t.toFixed(2) : t.toFixed(0)) + ' ms';
const kb = (b) => (b / 1024).toFixed(0) + ' KB';
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
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
const [oursBuild, files] = time(() => ours.build_files(catalogJson, guidesJson));
const entry = files.entry();
const parts = new Map();
for (let i = 0; i < files.count(); i++) {
  const bytes = files.bytes(i);
  parts.set(files.path(i), { bytes, gzip: gz(bytes) });
}
const namesPath = ours.names_part(entry);
const of = (kind) => [...parts].filter(([p]) => p.startsWith(`search/${kind}-`)).map(([, v]) => v);
const sum = (xs, f) => xs.reduce((a, x) => a + f(x), 0);
const entryGzip = gz(entry);
const namesGzip = parts.get(namesPath).gzip;
const [chunks, fragments] = [of('chunk'), of('frag')];
const raw = entry.length + sum([...parts.values()], (p) => p.bytes.length);
const total = entryGzip + sum([...parts.values()], (p) => p.gzip);
// The same bytes as one stream: what the parts would weigh as one file.
const oneStream = gz(Buffer.concat([Buffer.from(entry), ...[...parts.values()].map((p) => Buffer.from(p.bytes))]));

/** What a first query downloads in the app's flow: the entry and names part, then rounds of
 *  the parts it needs (its chunks, then its hits' fragments) until it needs nothing more. */
function firstQuery(query) {
  const index = ours.Index.open(entry, parts.get(namesPath).bytes);
  const got = { rounds: 0, chunks: 0, chunkBytes: 0, fragments: 0, fragmentBytes: 0 };
  for (;;) {
    const needed = index.needed(query, SHOWN);
    if (needed.length === 0) break;
    got.rounds++;
    for (const p of needed) {
      const part = parts.get(p);
      if (p.startsWith('search/chunk-')) (got.chunks++, (got.chunkBytes += part.gzip));
      else (got.fragments++, (got.fragmentBytes += part.gzip));
      index.add(p, part.bytes);
    }
  }
  got.total = entryGzip + namesGzip + got.chunkBytes + got.fragmentBytes;
  got.found = index.search(query, SHOWN);
  index.free();
  return got;
}
// Typical first queries, one of each kind (the services' objects are the generator's).
const typical = [
  ['a Chinese name', '营业执照申领'],
  ['a Chinese word', '居住证'],
  ['pinyin', 'yingyezhizhao'],
  ['pinyin initials', 'jzz'],
  ['English with a typo', 'residense permit'],
  ['English, a whole title', 'Apply for business licence'],
  ['a summary-only word (en)', 'fingerprints'],
  ['a summary-only word (zh)', '指纹'],
].map(([kind, q]) => [kind, q, firstQuery(q)]);
const mix = queries.map(firstQuery);

// Opening: the entry and names part, as the app does before the first query; and every part.
const opens = [];
let opened;
const heapBefore = ours.heap_bytes();
for (let i = 0; i < 5; i++) {
  opened?.free();
  const [t, index] = time(() => ours.Index.open(new Uint8Array(entry), new Uint8Array(parts.get(namesPath).bytes)));
  opens.push(t);
  opened = index;
}
const openMemory = ours.heap_bytes() - heapBefore;
opened.free();
const loads = [];
let index;
const heapBeforeWhole = ours.heap_bytes();
for (let i = 0; i < 5; i++) {
  index?.free();
  const [t, loaded] = time(() => ours.Index.whole(files));
  loads.push(t);
  index = loaded;
}
const oursMemory = ours.heap_bytes() - heapBeforeWhole;
const [oursTimes, oursFound] = queryTimes((q) => index.search(q, 10));
const oursKeys = keystrokeTimes((q) => index.search(q, 10));
// A first query on the device: open, add its parts, search (median of the mix's first 200).
const firstTimes = queries.slice(0, 200).map((q) => time(() => {
  const fresh = ours.Index.open(entry, parts.get(namesPath).bytes);
  for (let round = 0; round < 4; round++) {
    const needed = fresh.needed(q, SHOWN);
    if (needed.length === 0) break;
    for (const p of needed) fresh.add(p, parts.get(p).bytes);
  }
  fresh.search(q, SHOWN);
  fresh.free();
})[0]);

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
const guideOf = new Map(guides.map((g) => [g.service, g]));
const both = (t) => `${t['zh-CN'] ?? ''} ${t.en ?? ''}`;
const docs = catalog.services.map((s) => ({
  id: s.id,
  title_zh: s.title['zh-CN'],
  title_en: s.title.en,
  summary_zh: s.summary['zh-CN'],
  summary_en: s.summary.en,
  keywords: Object.values(s.keywords ?? {}).flat().join(' '),
  synonyms: Object.values(s.synonyms ?? {}).flat().join(' '),
  department: both(s.department),
  materials: (guideOf.get(s.id)?.materials ?? []).map((m) => both(m.name)).join(' '),
  faq: (guideOf.get(s.id)?.faq ?? []).map((f) => both(f.question)).join(' '),
}));
const miniOptions = {
  fields: ['title_zh', 'title_en', 'synonyms', 'keywords', 'summary_zh', 'summary_en', 'department', 'materials', 'faq'],
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
const miniGzip = gz(Buffer.from(miniJson));
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

// --- relevance: the generated set of crates/engine/tests/search_relevance.json -------------
const relevance = JSON.parse(ours.relevance_json()).generated;
const byTitle = new Map(catalog.services.map((s) => [s.title.en, s.id]));
const cases = relevance.cases.filter((c) => c.top3.every((t) => byTitle.has(t)));
const passes = (top) => (c) => (c.top3.length === 0 ? top(c.query).length === 0 : c.top3.every((t) => top(c.query).includes(byTitle.get(t))));
const oursRelevance = cases.filter(passes((q) => index.top(q, 3))).length;
const miniRelevance = cases.filter(passes((q) => loadedMini.search(q).slice(0, 3).map((r) => r.id))).length;

// --- the tables ----------------------------------------------------------------------------
const catalogGzip = gz(Buffer.from(catalogJson));
console.log(`\nCatalog search: ${catalog.services.length} generated zh + en procedures${LONG ? ' with summaries of 150–300 characters in each language and guides (materials, FAQ)' : ''}, ${queries.length} queries (whole titles, words and parts of words in both languages, typos, pinyin); node ${process.version}. The catalog itself (catalog.json): ${kb(catalogJson.length)} raw, ${kb(catalogGzip)} gzip -9.\n`);
console.log('| | onewindow (wasm, in parts) | MiniSearch 7 (prefix, fuzzy 0.2, bigrams) | target |');
console.log('|---|---|---|---|');
const firsts = mix.map((m) => m.total);
const rows = [
  ['index build', ms(oursBuild) + ' (wasm, with pinyin)', ms(miniBuild), ''],
  ['index, raw', `${kb(raw)} in ${parts.size + 1} files`, kb(miniJson.length), ''],
  ['index, gzip -9 (each file)', kb(total), kb(miniGzip), ''],
  [' the same as one stream, gzip -9', kb(oneStream), '', ''],
  [' entry + names part, gzip', `${kb(entryGzip)} + ${kb(namesGzip)}`, '', ''],
  [' chunks, gzip', `${kb(sum(chunks, (c) => c.gzip))} in ${chunks.length} (median ${kb(median(chunks.map((c) => c.gzip)))})`, '', ''],
  [' fragments, gzip', `${kb(sum(fragments, (c) => c.gzip))} in ${fragments.length} (median ${(median(fragments.map((c) => c.gzip)) / 1024).toFixed(2)} KB)`, '', ''],
  [`first query downloads, gzip: p50 / p95 / max of the ${mix.length}`, `${kb(percentile(firsts, 50))} / ${kb(percentile(firsts, 95))} / ${kb(percentile(firsts, 100))}`, `${kb(miniGzip)} (all of it)`, '≤ 250 KB'],
  ['open: entry + names (first / median of 5)', `${ms(opens[0])} / ${ms(median(opens))}`, '', '≤ 50 ms'],
  ['a first query on the device: open, add its parts, search (median)', ms(median(firstTimes)), '', ''],
  ['load every part / the whole index (first / median of 5)', `${ms(loads[0])} / ${ms(median(loads))}`, `${ms(miniLoads[0])} / ${ms(median(miniLoads))}`, ''],
  ['memory: names part only / every part', `${kb(openMemory)} / ${kb(oursMemory)} (wasm heap)`, kb(miniMemory) + ' (JS heap)', ''],
  ['query p50, every part loaded', ms(percentile(oursTimes, 50)), ms(percentile(miniTimes, 50)), '≤ 0.1 ms'],
  ['query p95', ms(percentile(oursTimes, 95)), ms(percentile(miniTimes, 95)), '≤ 1 ms'],
  ['query max', ms(percentile(oursTimes, 100)), ms(percentile(miniTimes, 100)), ''],
  [`as you type: p50 / p95 of ${oursKeys.length} keystrokes`, `${ms(percentile(oursKeys, 50))} / ${ms(percentile(oursKeys, 95))}`, `${ms(percentile(miniKeys, 50))} / ${ms(percentile(miniKeys, 95))}`, ''],
  ['queries with results', `${oursFound} / ${queries.length}`, `${miniFound} / ${queries.length}`, ''],
  [`relevance: the generated set's expected top 3, on this catalog`, `${oursRelevance} / ${cases.length}`, `${miniRelevance} / ${cases.length}`, ''],
];
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

console.log(`\nWhat a first query downloads (gzip; the entry and names part, ${kb(entryGzip + namesGzip)}, then its chunks, then the fragments of the ${SHOWN} results shown):\n`);
console.log('| query | chunks | fragments | rounds | total | services found |');
console.log('|---|---|---|---|---|---|');
for (const [kind, q, f] of typical) {
  console.log(`| ${kind}: ${q} | ${f.chunks}, ${kb(f.chunkBytes)} | ${f.fragments}, ${kb(f.fragmentBytes)} | ${f.rounds} | **${kb(f.total)}** | ${f.found} |`);
}

// The generator cycles through ten kinds of query (generate_catalog.rs, `queries`).
const KINDS = ['zh title', 'en title', 'zh 2 characters', 'zh name + action', 'en 4-letter prefix', 'en action + name', 'en typo (swapped letters)', 'pinyin full (else mixed)', 'pinyin initials (else mixed)', 'en name + zh action'];
console.log('\nquery p50 / p95 by kind (ms, every part loaded), and the first query\'s download (p50 / max, gzip):\n');
console.log('| kind | onewindow | MiniSearch | onewindow, first query |');
console.log('|---|---|---|---|');
KINDS.forEach((kind, k) => {
  const ofKind = (xs) => xs.filter((_, i) => i % 10 === k);
  const cell = (times) => `${percentile(ofKind(times), 50).toFixed(3)} / ${percentile(ofKind(times), 95).toFixed(3)}`;
  console.log(`| ${kind} | ${cell(oursTimes)} | ${cell(miniTimes)} | ${kb(percentile(ofKind(firsts), 50))} / ${kb(percentile(ofKind(firsts), 100))} |`);
});
const verdicts = [
  ['p50', percentile(oursTimes, 50) <= 0.1],
  ['p95', percentile(oursTimes, 95) <= 1],
  ['first query ≤ 250 KB', percentile(firsts, 100) <= 250 * 1024],
  ['open', median(opens) <= 50],
];
console.log(`\ntargets: ${verdicts.map(([n, ok]) => `${n} ${ok ? 'met' : 'MISSED'}`).join(', ')}`);
