// Converts the SurveyJS benchmark's neutral form spec (shared/bench/surveyjs/form-spec.json)
// into a onewindow definition, so both engines are measured on the same 1,000-field form.
//   node convert-spec.mjs form-spec.json > large.json
import { readFileSync } from 'node:fs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function term(t) {
  const v = { var: t.field };
  switch (t.op) {
    // The spec's eq trims and ignores case; our typed text is trimmed, and the spec's values
    // are lower case, as the typed benchmark text is.
    case 'eq': return { '==': [v, t.value] };
    case 'gt': return { '>': [v, t.value] };
    case 'gte': return { '>=': [v, t.value] };
    case 'lt': return { '<': [v, t.value] };
    case 'lte': return { '<=': [v, t.value] };
    case 'contains': return { in: [t.value, v] };
    case 'notempty': return { '!!': [v] };
    default: throw new Error(`unknown op ${t.op}`);
  }
}

// An unanswered field makes every op but notempty false in the spec; JSON Logic compares null
// as 0 (so "lte 5" would hold), hence the explicit presence check.
function guarded(t) {
  return t.op === 'notempty' ? term(t) : { and: [{ '!!': [{ var: t.field }] }, term(t)] };
}

function condition(c) {
  if (c.all) return c.all.length === 1 ? guarded(c.all[0]) : { and: c.all.map(guarded) };
  return { or: c.any.map(guarded) };
}

const kinds = { text: 'text', number: 'number', email: 'email', radio: 'radios', select: 'select', checkbox: 'checkboxes' };

const pages = spec.pages.map((p) => ({
  id: p.id,
  title: p.title,
  fields: p.fields.map((f) => {
    const out = { id: f.id, type: kinds[f.type], label: f.label };
    if (f.help) out.hint = f.help;
    if (f.required) out.required = true;
    if (f.visibleIf) out.visible_if = condition(f.visibleIf);
    if (f.type === 'text') {
      if (f.maxLength) out.max_length = f.maxLength;
      if (f.pattern) {
        out.pattern = f.pattern.replace(/^\^/, '').replace(/\$$/, '');
        if (f.patternHint) out.messages = { pattern: f.patternHint };
      }
    }
    // A few generated number fields have min > max (e.g. min 16, max 10), which our lint
    // rejects; no answer could satisfy them in either engine, so the bounds are put in order.
    if (f.type === 'number') { out.min = Math.min(f.min, f.max); out.max = Math.max(f.min, f.max); }
    if (f.options) out.options = f.options.map((o) => ({ value: o.value, label: o.label }));
    return out;
  }),
}));

process.stdout.write(JSON.stringify({
  schema_version: 1, id: 'large', version: '1', title: spec.title, locales: ['en'], pages,
}));
