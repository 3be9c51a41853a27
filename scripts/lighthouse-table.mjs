// Prints scripts/lighthouse.sh's table from Lighthouse's JSON reports, one argument a row:
// "page|locale|report.json". Marks each figure that misses its target (issue #16), lists the
// failed accessibility, best-practices and SEO audits, and ends with how many rows meet every
// target. Exits non-zero only when a report says Lighthouse itself failed.
import { readFileSync } from 'node:fs';

const MISS = '✗';
// Each column: its heading, how to read it from a report, how to show it, and whether it
// meets its target.
const columns = [
  { head: 'perf', read: (r) => score(r, 'performance'), show: String, ok: (v) => v >= 95 },
  { head: 'LCP', read: (r) => metric(r, 'largest-contentful-paint'), show: (v) => `${(v / 1000).toFixed(1)} s`, ok: (v) => v <= 2000 },
  { head: 'TBT', read: (r) => metric(r, 'total-blocking-time'), show: (v) => `${Math.round(v)} ms`, ok: (v) => v <= 100 },
  { head: 'CLS', read: (r) => metric(r, 'cumulative-layout-shift'), show: (v) => v.toFixed(3), ok: (v) => v <= 0.02 },
  { head: 'a11y', read: (r) => score(r, 'accessibility'), show: String, ok: (v) => v === 100 },
  { head: 'best pr.', read: (r) => score(r, 'best-practices'), show: String, ok: (v) => v === 100 },
  { head: 'SEO', read: (r) => score(r, 'seo'), show: String, ok: (v) => v === 100 },
  { head: 'bytes', read: (r) => metric(r, 'total-byte-weight'), show: (v) => Math.round(v).toLocaleString('en'), ok: () => true },
];
const CHECKED = ['accessibility', 'best-practices', 'seo'];

function score(report, category) {
  const s = report.categories[category]?.score;
  return s == null ? null : Math.round(s * 100);
}
function metric(report, audit) {
  return report.audits[audit]?.numericValue ?? null;
}

const rows = [];
const failedAudits = new Map(); // "category: audit id" → the rows it failed on
let broken = 0;
for (const arg of process.argv.slice(2)) {
  const [page, locale, file] = arg.split('|');
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const cells = [page, locale];
  let meets = true;
  if (report.runtimeError) {
    broken += 1;
    meets = false;
    cells.push(`Lighthouse failed: ${report.runtimeError.code}`);
  } else {
    for (const column of columns) {
      const value = column.read(report);
      const ok = value != null && column.ok(value);
      meets &&= ok;
      cells.push(value == null ? `? ${MISS}` : `${column.show(value)}${ok ? '' : ` ${MISS}`}`);
    }
    for (const category of CHECKED) {
      for (const ref of report.categories[category]?.auditRefs ?? []) {
        const audit = report.audits[ref.id];
        const failed = audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1
          && !['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode));
        if (!failed) continue;
        const key = `${category}: ${ref.id}${ref.weight === 0 ? ' (weight 0)' : ''}${audit.scoreDisplayMode === 'error' ? ' (audit error)' : ''}`;
        if (!failedAudits.has(key)) failedAudits.set(key, []);
        failedAudits.get(key).push(`${page} ${locale}`);
      }
    }
  }
  rows.push({ cells, meets });
}

const heads = ['page', 'locale', ...columns.map((c) => c.head)];
const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)));
// Text left, figures right.
const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log();
console.log(`Lighthouse, mobile defaults (simulated slow 4G, 4× CPU); ${MISS} misses its target:`);
console.log('targets: perf ≥ 95, LCP ≤ 2.0 s, TBT ≤ 100 ms, CLS ≤ 0.02, a11y / best pr. / SEO 100; bytes transferred');
console.log(line(heads));
for (const row of rows) console.log(line(row.cells));
if (failedAudits.size > 0) {
  console.log('\nfailed audits (accessibility, best practices, SEO):');
  for (const [key, where] of failedAudits) console.log(`  ${key} — ${where.join(', ')}`);
}
console.log(`\n${rows.filter((r) => r.meets).length} of ${rows.length} rows meet every target`);
if (broken > 0) process.exit(1);
