#!/usr/bin/env node
// Writes X.br (brotli, quality 11) and X.gz (gzip, level 9) beside every compressible file of
// the built app, so servers send them as they are instead of compressing on every request (the
// receiver and `onewindow preview` do; nginx's gzip_static and brotli_static, or a CDN, can):
// docs/serving.md. The last step of scripts/build.sh, over whatever dist/ holds by then.
//
//   node scripts/compress.mjs [DIR]     (default dist)
//
// Re-runnable: the variants of the last run are removed first, so none outlives its file. A file
// under 1 KB is left alone (the headers would cost about as much as they save), and so is a
// variant that would not be smaller.
import { readdir, readFile, writeFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text and wasm; images, fonts and archives are compressed already. */
const COMPRESSIBLE = ['.wasm', '.js', '.mjs', '.css', '.html', '.htm', '.json', '.map', '.svg', '.xml', '.txt', '.md',
  '.csv', '.index', '.webmanifest'];
const MIN_BYTES = 1024;
/** The variants, as (file name suffix, compress). */
const VARIANTS = [
  ['.br', (bytes, text) => brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })],
  ['.gz', (bytes) => gzip(bytes, { level: 9 })],
];

const compressible = (name) => COMPRESSIBLE.some((ext) => name.toLowerCase().endsWith(ext));

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

const root = process.argv[2] ?? 'dist';
if (!(await stat(root).catch(() => null))?.isDirectory()) {
  console.error(`compress.mjs: ${root} is not a directory (build the app first: scripts/build.sh)`);
  process.exit(1);
}

// Stale variants first: X.br and X.gz of a compressible X, whether X is still there or not (a
// file such as archive.tar.gz is not one: archive.tar is not compressible).
let removed = 0;
for await (const path of files(root)) {
  if (VARIANTS.some(([suffix]) => path.endsWith(suffix) && compressible(path.slice(0, -suffix.length)))) {
    await rm(path);
    removed += 1;
  }
}

const sources = [];
for await (const path of files(root)) if (compressible(path)) sources.push(path);

const total = { files: 0, raw: 0, '.br': 0, '.gz': 0, small: 0, notSmaller: 0 };
const rows = [];
// One file at a time, its variants side by side: the machine's cores are shared.
for (const path of sources) {
  const bytes = await readFile(path);
  if (bytes.length < MIN_BYTES) {
    total.small += 1;
    continue;
  }
  const text = !path.endsWith('.wasm');
  const row = { name: relative(root, path), raw: bytes.length };
  await Promise.all(VARIANTS.map(async ([suffix, compress]) => {
    const packed = await compress(bytes, text);
    if (packed.length >= bytes.length) {
      total.notSmaller += 1;
      row[suffix] = bytes.length;
      return;
    }
    await writeFile(path + suffix, packed);
    row[suffix] = packed.length;
  }));
  total.files += 1;
  total.raw += row.raw;
  total['.br'] += row['.br'];
  total['.gz'] += row['.gz'];
  rows.push(row);
}

const percent = (part) => `${Math.round((100 * part) / Math.max(total.raw, 1))}%`;
console.log(`\ncompressed (${root}/, scripts/compress.mjs): ${total.files} files, ${total.raw} B → brotli ${total['.br']} B `
  + `(${percent(total['.br'])}), gzip ${total['.gz']} B (${percent(total['.gz'])})`);
for (const row of rows.sort((a, b) => b.raw - a.raw).slice(0, 4)) {
  console.log(`  ${row.name.padEnd(44)} ${String(row.raw).padStart(9)} B raw ${String(row['.br']).padStart(9)} B br ${String(row['.gz']).padStart(9)} B gz`);
}
console.log(`  left as they are: ${total.small} under ${MIN_BYTES} B, ${total.notSmaller} variants not smaller; `
  + `${removed} old variants removed first`);
