// Cross-site scripting, in the real browser, over every text surface of every definition type
// (issue #18, item 2): a form (every kind of question, option, hint, message, rule, outcome,
// content block, computed value, reference list), the catalog, a guide and its assistant, as
// the app renders them, as `onewindow site` renders them into static pages, and as the embed
// renders them in a shadow root; the citizen's answers echoed on check answers and the
// confirmation; a rating's comment; search queries; URL parameters and fragments; and what the
// "cannot be shown" page says about a definition that lint refuses.
//
// The corpus (xss-payloads.mjs) has N payloads; each one, if it runs, sets `window.__xss` to
// "<payload>.<surface>.<instance>" (or makes a request to http://evil.example/). Load k of a
// group (k < LOADS) gives every text of its surface i the payloads (i + k + s·LOADS) mod N for
// s < N/LOADS, each made for that text (one Markdown paragraph each), so LOADS loads of a group
// try every payload on every one of its surfaces; a link holds one payload, the next one for
// each link. Each text starts with a marker ("xssm…z"): a surface counts as tried only once its
// marker was seen on the page, and a surface shown as text must show its whole text, so a page
// that shows an error instead, or that turned the text into markup, cannot pass. A payload that
// lint refuses somewhere (a Markdown link to javascript:, an unsafe address) is left out of
// that text, and tried on the "cannot be shown" page instead (the last group).
//
// The pages run with their Content-Security-Policy bypassed, so that escaping is tested on its
// own. A page fails the test if a payload ran (`window.__xss` was set, a dialog opened, the
// page threw), if any request left the origin, or if anything injected is in the DOM (shadow
// roots included): an `on…` attribute, a script not from the origin, a frame, object or embed,
// an address starting with javascript:, vbscript: or data:, a style element or a CSS url().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, watchPolicy, BASE_URL } from './browser.mjs';
import { PAYLOADS, isSafeLink } from './xss-payloads.mjs';

const N = PAYLOADS.length;
/** Loads per group; each text holds PER_TEXT payloads (one paragraph each in Markdown). */
const LOADS = 10;
const PER_TEXT = Math.ceil(N / LOADS);
const ORIGIN = new URL(BASE_URL).origin;
const CLI = process.env.ONEWINDOW_CLI ?? 'target/debug/onewindow';
const FORMS = new URL('../../forms/', import.meta.url);
const shipped = (path) => JSON.parse(readFileSync(new URL(path, FORMS), 'utf8'));
const CATALOG = shipped('catalog.json');
const GUIDE = shipped('guides/residence-permit.json');
const ASSISTANT = shipped('residence-permit-check.json');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// ---------------------------------------------------------------------------------------------
// Surfaces. `kind`: how a definition carries it: `text` (shown as it is), `markdown` (a form's
// text lint reads as Markdown: a payload with a refused link or image makes the definition
// unusable), `guide-markdown` (the same in a guide: refused links only), `link` (an
// address put in an href: lint refuses the unsafe ones), `answer` (typed by the citizen),
// `param` (in the URL). `check`: what shows it was rendered: `exact` (its whole text is on the
// page, whitespace aside), `marker`, `href` (an element's href is exactly it), `value` (an
// input's value holds it), `mark` (the walk marks it: a search found it, a page settled on it).

const surface = (id, kind, check) => ({ id, kind, check: check ?? { text: 'exact', markdown: 'marker', 'guide-markdown': 'marker', link: 'href', answer: 'exact', param: 'mark' }[kind] });

const FORM_SURFACES = [
  surface('form-title', 'text'),
  surface('form-department', 'text'),
  surface('form-description', 'markdown'),
  surface('page-title', 'text'),
  surface('field-label', 'text'),
  surface('field-label-as-heading', 'text'),
  surface('field-hint', 'text'),
  surface('option-label', 'text'),
  surface('option-hint', 'text'),
  surface('field-message', 'text'),
  surface('rule-message', 'text'),
  surface('outcome-title', 'text'),
  surface('outcome-body', 'markdown'),
  surface('content-heading', 'text'),
  surface('content-body', 'markdown'),
  surface('computed-option-label', 'text'),
  surface('reference-list-label', 'text'),
  surface('declaration-statement', 'text'),
  surface('unit-suffix', 'text'),
  // "Add another <item>": the item's name is written mid-sentence (first letter lowered).
  surface('group-item-label', 'text', 'marker'),
  surface('answer-text', 'answer'),
  surface('answer-textarea', 'answer'),
  surface('answer-group-item', 'answer'),
  surface('answer-address', 'answer'),
  surface('answer-revealed-question', 'answer'),
];
const FORM_PAGE_SURFACES = [
  ...FORM_SURFACES,
  // Answers an assistant hands over in the URL's fragment, shown on check answers.
  surface('answer-from-url-fragment', 'param', 'exact'),
  surface('rating-comment-after-sending', 'answer', 'mark'),
  surface('param-form', 'param', 'exact'),
  surface('param-lang-of-form', 'param'),
  surface('param-page', 'param'),
];
const CATALOG_SURFACES = [
  surface('category-title', 'text'),
  surface('life-event-title', 'text'),
  surface('service-title', 'text'),
  surface('service-summary', 'text'),
  surface('service-department', 'text'),
];
const GUIDE_SURFACES = [
  surface('guide-item-type', 'text'),
  surface('guide-law-title', 'text'),
  surface('guide-law-number', 'text'),
  surface('guide-law-articles', 'text'),
  surface('guide-implementing-body', 'text'),
  // Lint reads conditions and material notes as Markdown; the pages show them as text.
  surface('guide-condition', 'guide-markdown', 'exact'),
  surface('guide-material-name', 'text'),
  surface('guide-material-notes', 'guide-markdown', 'exact'),
  surface('guide-material-link', 'link'),
  surface('guide-step-title', 'text'),
  surface('guide-step-body', 'guide-markdown'),
  surface('guide-time-not-counted', 'text'),
  surface('guide-fee-item', 'text'),
  surface('guide-fee-amount', 'text'),
  surface('guide-fee-basis', 'text'),
  surface('guide-result-name', 'text'),
  surface('guide-place-name', 'text'),
  surface('guide-place-address', 'text'),
  surface('guide-place-hours', 'text'),
  surface('guide-place-directions', 'text'),
  surface('guide-visits-reason', 'text'),
  surface('guide-channel-label', 'text'),
  surface('guide-channel-value', 'text'),
  surface('guide-faq-question', 'text'),
  surface('guide-faq-answer', 'guide-markdown'),
  surface('guide-also-needed-reason', 'text'),
  // Only in the rating link's href (`&v=`).
  surface('guide-version', 'text', 'href-contains'),
];
const ASSISTANT_SURFACES = [
  surface('assistant-title', 'text'),
  surface('assistant-question', 'text'),
  surface('assistant-hint', 'text'),
  surface('assistant-option-label', 'text'),
  surface('assistant-option-hint', 'text'),
  surface('assistant-message', 'text'),
  surface('assistant-outcome-title', 'text'),
  surface('assistant-outcome-body', 'markdown'),
];
const PORTAL_SURFACES = [
  ...CATALOG_SURFACES,
  surface('service-keyword', 'text', 'mark'),
  surface('service-synonym', 'text', 'mark'),
  ...GUIDE_SURFACES,
  ...ASSISTANT_SURFACES,
  surface('search-query', 'answer'),
  surface('search-header-query', 'answer', 'value'),
  surface('rating-comment-from-guide', 'answer', 'mark'),
  surface('param-q', 'param', 'value'),
  surface('param-lang', 'param'),
  surface('param-fragment-of-home', 'param'),
  surface('param-topic', 'param'),
  surface('param-service', 'param'),
  surface('param-rate-service', 'param', 'exact'),
  surface('param-rate-version', 'param'),
  surface('param-rate-case', 'param'),
  surface('param-rate-token', 'param'),
  surface('param-check', 'param'),
  surface('param-fragment-of-assistant', 'param'),
];
// The static pages show the catalog and the guide (not the reasons of "you may also need", which
// only the assistant's answers select, nor the version); the embed shows the form (and the
// catalog in its service search).
const STATIC_SURFACES = [...CATALOG_SURFACES, ...GUIDE_SURFACES.filter((s) => !['guide-version', 'guide-also-needed-reason'].includes(s.id))];
const EMBED_SURFACES = [...FORM_SURFACES, surface('service-title', 'text'), surface('search-query', 'answer')];

// ---------------------------------------------------------------------------------------------
// What was tried: group → surface → the payloads seen there, and the problems found.

const coverage = new Map();
function covered(group, sid, pid) {
  if (!coverage.has(group)) coverage.set(group, new Map());
  const bySurface = coverage.get(group);
  if (!bySurface.has(sid)) bySurface.set(sid, new Set());
  bySurface.get(sid).add(pid);
}

/** Whether lint refuses `text` (payload `payload`) in a place of this kind. */
function refused(kind, payload, text) {
  if (kind === 'markdown') return Boolean(payload.markdownLink);
  if (kind === 'guide-markdown') return payload.markdownLink === 'link';
  if (kind === 'link') return !isSafeLink(text);
  return false;
}

const strip = (s) => s.replace(/\s+/g, '');

/** The payloads of surface `i` in load `k`: PER_TEXT of them, LOADS apart in the corpus, so
 *  that LOADS loads give every surface every payload. */
function payloadsOf(i, k) {
  const chosen = [];
  for (let s = 0; s < PER_TEXT; s++) {
    const p = PAYLOADS[(i + k + s * LOADS) % N];
    if (!chosen.includes(p)) chosen.push(p);
  }
  return chosen;
}

/** One load of a group: which payloads each surface's texts hold, and which were seen. */
class Plan {
  constructor(group, surfaces, k) {
    Object.assign(this, { group, surfaces, k, instances: [], serial: 0, extras: 0 });
  }

  has(sid) {
    return this.surfaces.some((s) => s.id === sid);
  }

  surface(sid) {
    const i = this.surfaces.findIndex((s) => s.id === sid);
    if (i < 0) throw new Error(`${this.group}: no surface ${sid}`);
    return [i, this.surfaces[i]];
  }

  /** A new text of surface `sid`: a marker, then each of its payloads (made for this text's
   *  tag) that lint takes there; an address holds one payload, the next one for each address. */
  instance(sid) {
    const [i, s] = this.surface(sid);
    const n = this.instances.filter((x) => x.sid === sid).length + 1;
    let chosen = payloadsOf(i, this.k);
    if (s.kind === 'link') chosen = [chosen[(n - 1) % chosen.length]];
    const parts = chosen.map((payload) => {
      const tag = `${payload.id}.${sid}.${n}`;
      const text = payload.make(tag);
      return { payload, tag, text, refused: refused(s.kind, payload, text) };
    });
    const taken = parts.filter((x) => !x.refused);
    const marker = `xssm${this.k}n${++this.serial}z`;
    const separator = s.kind.endsWith('markdown') ? '\n\n' : ' ';
    const shown = s.kind === 'link' ? taken[0]?.text : [marker, ...taken.map((x) => x.text)].join(separator);
    const inst = { sid, surface: s, parts, taken, marker, shown, refused: taken.length === 0, seen: false, whole: false };
    this.instances.push(inst);
    return inst;
  }

  /** `original` (a string, or one per locale) made hostile for surface `sid`, same shape; a
   *  text of a surface this group does not check is made hostile all the same (`extra`). */
  text(sid, original) {
    if (!sid || !this.has(sid)) return this.extra(original);
    return shaped(original, this.instance(sid).shown);
  }

  /** A text not counted here: a payload that lint takes anywhere, not counted. */
  extra(original) {
    const usable = PAYLOADS.filter((p) => !p.markdownLink);
    const payload = usable[(this.k + ++this.extras) % usable.length];
    return shaped(original, `xssextra ${payload.make(`${payload.id}.uncounted.${this.extras}`)}`);
  }

  /** An address for surface `sid` (kept as it was when lint would refuse the payload). */
  link(sid, original) {
    if (!this.has(sid)) return original;
    const inst = this.instance(sid);
    return inst.refused ? original : inst.shown;
  }

  /** Notes what a scan of the page found of this load's texts. */
  observe({ text, hrefs, values }) {
    const flat = strip(text);
    const flatValues = values.map(strip);
    for (const inst of this.instances) {
      if (inst.refused) continue;
      const { check } = inst.surface;
      if (check === 'exact' || check === 'marker') {
        if (flat.includes(inst.marker)) inst.seen = true;
        if (flat.includes(strip(inst.shown))) inst.whole = true;
      } else if (check === 'href' && hrefs.includes(inst.shown)) inst.seen = inst.whole = true;
      else if (check === 'href-contains' && hrefs.some((h) => h.includes(inst.shown))) inst.seen = inst.whole = true;
      else if (check === 'value' && flatValues.some((v) => v.includes(strip(inst.shown)))) inst.seen = inst.whole = true;
    }
  }

  /** The walk saw surface `sid`'s texts work as they should (a search found them, a page with
   *  them in its URL settled). */
  mark(sid) {
    for (const inst of this.instances.filter((x) => x.sid === sid)) inst.seen = inst.whole = true;
  }

  /** Every payload of every surface was shown (whole, where it is shown as text); counts them. */
  finish() {
    const missing = [];
    for (const s of this.surfaces) {
      const all = this.instances.filter((x) => x.sid === s.id);
      if (all.length === 0) { missing.push(`${s.id}: no text of it in the definitions`); continue; }
      const altered = all.filter((x) => x.seen && !x.whole && s.check === 'exact');
      if (altered.length > 0) {
        missing.push(`${s.id}: shown, but not as its text: ${JSON.stringify(altered[0].shown).slice(0, 400)}`);
        continue;
      }
      const shown = new Set(all.filter((x) => x.seen && (x.whole || s.check !== 'exact')).flatMap((x) => x.taken.map((p) => p.payload.id)));
      // Refused payloads are tried on the "cannot be shown" page instead.
      const wanted = new Set(all.flatMap((x) => x.taken.map((p) => p.payload.id)));
      const unseen = [...wanted].filter((pid) => !shown.has(pid));
      if (unseen.length > 0) missing.push(`${s.id}: never shown with ${unseen.join(', ')}`);
      for (const pid of shown) covered(this.group, s.id, pid);
    }
    return missing;
  }
}

function shaped(original, text) {
  if (original === undefined || original === null) return original;
  if (typeof original === 'string') return text;
  return Object.fromEntries(Object.keys(original).map((locale) => [locale, text]));
}

// ---------------------------------------------------------------------------------------------
// Hostile definitions.

const en = (text) => ({ en: text, 'zh-CN': text });

/** A form with every kind of question and text: three pages, a rule, an outcome. */
function baseForm() {
  return {
    schema_version: 1,
    id: 'xss-form',
    version: '2026.1',
    title: en('Test form'),
    department: 'Test department',
    description: en('What this form is for.'),
    locales: ['en', 'zh-CN'],
    pages: [
      {
        id: 'kinds',
        title: en('Every kind of question'),
        fields: [
          { id: 'intro', type: 'content', label: en('About you'), body: en('Read this first.') },
          { id: 'name', type: 'text', label: en('Full name'), hint: en('As on your ID'), required: true, concept: 'person.full_name', fill_once: true, messages: { required: en('Enter your name') } },
          { id: 'handed', type: 'text', label: en('Handed over'), hint: 'From the check' },
          { id: 'story', type: 'textarea', label: en('Your story'), hint: en('In your words'), required: true, messages: { required: en('Tell your story') } },
          { id: 'weight', type: 'number', label: en('Weight'), hint: en('Roughly'), suffix: en('kg') },
          { id: 'age', type: 'integer', label: en('Age'), hint: en('In years'), suffix: 'years', required: true, messages: { required: en('Enter your age') } },
          { id: 'fee', type: 'money', currency: 'CNY', label: en('Fee paid'), hint: en('If any') },
          { id: 'when', type: 'date', label: en('When'), hint: en('For example 27 3 2007') },
          { id: 'email', type: 'email', label: en('Email'), hint: en('We write to it') },
          { id: 'phone', type: 'phone', region: 'international', label: en('Phone'), hint: en('With the country code') },
          { id: 'site', type: 'url', label: en('Web address'), hint: en('Yours') },
          { id: 'pick', type: 'select', label: en('Pick one'), hint: en('From the list'), required: true, options: [{ value: 'a', label: en('First') }, { value: 'b', label: en('Second') }], messages: { required: en('Pick one') } },
          { id: 'listed', type: 'select', label: en('From a reference list'), hint: en('The long list'), options_from: 'xss-list', required: true, messages: { required: en('Choose from the list') } },
          { id: 'colour', type: 'radios', label: en('Colour'), hint: en('Your favourite'), required: true, messages: { required: en('Choose a colour') }, options: [{ value: 'red', label: en('Red'), hint: en('Warm') }, { value: 'blue', label: en('Blue'), hint: en('Cold') }] },
          { id: 'shade', type: 'text', label: en('Which red'), hint: en('Revealed under Red'), visible_if: { '==': [{ var: 'colour' }, 'red'] } },
          { id: 'things', type: 'checkboxes', label: en('Things'), hint: en('Tick any'), exclusive: 'none', options: [{ value: 'x', label: en('Thing X'), hint: en('The first') }, { value: 'y', label: en('Thing Y') }, { value: 'none', label: en('None of these') }] },
          { id: 'agree', type: 'yes_no', label: en('Do you agree?'), hint: en('Yes or no') },
          { id: 'home', type: 'address', style: 'uk', label: en('Your address'), hint: en('Where you live') },
          { id: 'kids', type: 'group', label: en('Children'), hint: en('Each child'), item_label: en('Child'), min_items: 0, max_items: 3, fields: [{ id: 'kid_name', type: 'text', label: en('Child’s name'), hint: en('Given name') }] },
          { id: 'band', type: 'computed', label: en('Band'), hint: en('Worked out'), expression: { cat: ['h', 'i'] }, options: [{ value: 'hi', label: en('High') }] },
          { id: 'upload', type: 'file', label: en('A photo'), hint: en('PNG'), accept: ['image/png'], max_size: 100000 },
          { id: 'decl', type: 'declaration', label: en('Declaration'), hint: en('Read it'), statement: en('I confirm this is true'), required: true, messages: { required: en('Confirm it') } },
        ],
      },
      {
        id: 'route',
        fields: [{ id: 'way', type: 'radios', label: en('Which way?'), hint: en('Choose'), required: true, messages: { required: en('Choose a way') }, options: [{ value: 'out', label: en('Out'), hint: en('Ends here') }, { value: 'on', label: en('On') }] }],
        next: [{ if: { '==': [{ var: 'way' }, 'out'] }, goto: 'outcome:stop' }],
      },
    ],
    rules: [{ id: 'not-13', assert: { '!=': [{ var: 'age' }, 13] }, field: 'age', message: en('Not 13') }],
    outcomes: [{ id: 'stop', title: en('You stop here'), body: en('Because you chose **out**.') }],
  };
}

/** The reference list `xss-list` (forms/data/xss-list.json). */
function baseList() {
  return { description: 'test list', options: [{ value: '01', label: en('List one') }, { value: '02', label: { en: 'List two', 'zh-CN': '二' } }] };
}

/** Every text of a form (or an assistant) made hostile; `ids` names each text's surface. */
function hostileFormTexts(form, plan, ids) {
  const T = (sid, text) => (text === undefined ? undefined : plan.text(sid, text));
  form.title = T(ids.title, form.title);
  if (form.department) form.department = T(ids.department, form.department);
  if (form.description) form.description = T(ids.description, form.description);
  const fields = (list, page) => {
    for (const f of list) {
      const single = !page.title && page.fields.length === 1;
      if (!(f.type === 'content' && f.label === '')) f.label = T(f.type === 'content' ? ids.contentHeading : single ? ids.question : ids.label, f.label);
      if (f.hint) f.hint = T(ids.hint, f.hint);
      for (const rule of Object.keys(f.messages ?? {})) f.messages[rule] = T(ids.message, f.messages[rule]);
      for (const o of f.options ?? []) {
        o.label = T(f.type === 'computed' ? ids.computedOption : ids.option, o.label);
        if (o.hint) o.hint = T(ids.optionHint, o.hint);
      }
      if (f.suffix) f.suffix = T(ids.suffix, f.suffix);
      if (f.item_label) f.item_label = T(ids.itemLabel, f.item_label);
      if (f.statement) f.statement = T(ids.statement, f.statement);
      if (f.body) f.body = T(ids.contentBody, f.body);
      if (f.fields) fields(f.fields, { fields: f.fields, title: 'group' });
    }
  };
  for (const page of form.pages) {
    fields(page.fields, page);
    if (page.title) page.title = T(ids.pageTitle, page.title);
  }
  for (const r of form.rules ?? []) r.message = T(ids.rule, r.message);
  for (const o of form.outcomes ?? []) {
    o.title = T(ids.outcomeTitle, o.title);
    o.body = T(ids.outcomeBody, o.body);
  }
  return form;
}

const FORM_IDS = {
  title: 'form-title', department: 'form-department', description: 'form-description', pageTitle: 'page-title',
  label: 'field-label', question: 'field-label-as-heading', hint: 'field-hint', message: 'field-message', option: 'option-label',
  optionHint: 'option-hint', computedOption: 'computed-option-label', suffix: 'unit-suffix', itemLabel: 'group-item-label',
  statement: 'declaration-statement', contentHeading: 'content-heading', contentBody: 'content-body', rule: 'rule-message',
  outcomeTitle: 'outcome-title', outcomeBody: 'outcome-body',
};
const ASSISTANT_IDS = {
  title: 'assistant-title', department: null, description: null, pageTitle: 'assistant-question', label: 'assistant-question',
  question: 'assistant-question', hint: 'assistant-hint', message: 'assistant-message', option: 'assistant-option-label',
  optionHint: 'assistant-option-hint', computedOption: null, suffix: null, itemLabel: null, statement: null, contentHeading: null,
  contentBody: null, rule: null, outcomeTitle: 'assistant-outcome-title', outcomeBody: 'assistant-outcome-body',
};

function hostileForm(plan) {
  return hostileFormTexts(baseForm(), plan, FORM_IDS);
}

function hostileList(plan) {
  const list = baseList();
  for (const o of list.options) o.label = plan.text('reference-list-label', o.label);
  return list;
}

function hostileAssistant(plan) {
  return hostileFormTexts(structuredClone(ASSISTANT), plan, ASSISTANT_IDS);
}

/** The shipped catalog, every text hostile, with a service for the test form; only the
 *  residence permit keeps its guide (the one the test reads). */
function hostileCatalog(plan) {
  const c = structuredClone(CATALOG);
  for (const x of c.categories) x.title = plan.text('category-title', x.title);
  for (const x of c.life_events) x.title = plan.text('life-event-title', x.title);
  c.services.push({
    id: 'xss-service', title: en('Test service'), summary: en('The test form’s service.'), department: en('Test department'),
    category: 'household', life_events: ['moving'], audience: ['person'], related: ['residence-permit', 'residence-registration'], form: 'xss-form',
  });
  for (const s of c.services) {
    if (s.id !== 'residence-permit') delete s.guide;
    s.title = plan.text('service-title', s.title);
    s.summary = plan.text('service-summary', s.summary);
    s.department = plan.text('service-department', s.department);
    const words = (map, sid) => Object.fromEntries(Object.entries(map ?? {}).map(([locale, list]) => [locale, list.map((w) => plan.text(sid, w))]));
    if (s.keywords) s.keywords = words(s.keywords, 'service-keyword');
    if (s.synonyms) s.synonyms = words(s.synonyms, 'service-synonym');
  }
  return c;
}

/** The shipped residence permit guide, every text and address hostile. */
function hostileGuide(plan) {
  const g = structuredClone(GUIDE);
  const T = (sid, t) => plan.text(sid, t);
  g.version = T('guide-version', g.version);
  g.item_type = T('guide-item-type', g.item_type);
  g.implementing_body = T('guide-implementing-body', g.implementing_body);
  for (const l of g.legal_basis) {
    l.title = T('guide-law-title', l.title);
    l.number = T('guide-law-number', l.number ?? 'No. 1');
    l.articles = T('guide-law-articles', l.articles ?? en('Article 1'));
  }
  for (const c of g.conditions) c.text = T('guide-condition', c.text);
  for (const m of g.materials) {
    m.name = T('guide-material-name', m.name);
    m.notes = T('guide-material-notes', m.notes ?? en('Notes'));
    m.blank_form = plan.link('guide-material-link', m.blank_form ?? '/forms/blank.pdf');
    m.sample = plan.link('guide-material-link', m.sample ?? '/forms/sample.pdf');
  }
  for (const s of g.steps) {
    s.title = T('guide-step-title', s.title);
    s.body = T('guide-step-body', s.body);
  }
  g.time_limit.not_counted = T('guide-time-not-counted', g.time_limit.not_counted ?? en('Weekends'));
  for (const f of g.fees) {
    f.item = T('guide-fee-item', f.item);
    f.amount = T('guide-fee-amount', f.amount);
    f.basis = T('guide-fee-basis', f.basis ?? en('By law'));
  }
  g.result.name = T('guide-result-name', g.result.name);
  for (const p of g.places) {
    p.name = T('guide-place-name', p.name);
    p.address = T('guide-place-address', p.address);
    p.hours = T('guide-place-hours', p.hours);
    p.directions = T('guide-place-directions', p.directions ?? en('Bus 1'));
  }
  g.online.visits_reason = T('guide-visits-reason', g.online.visits_reason ?? en('To check your ID'));
  for (const c of [...g.consultation, ...g.complaints]) {
    c.label = T('guide-channel-label', c.label);
    c.value = T('guide-channel-value', c.value);
  }
  for (const f of g.faq) {
    f.question = T('guide-faq-question', f.question);
    f.answer = T('guide-faq-answer', f.answer);
  }
  for (const a of g.also_needed) a.reason = T('guide-also-needed-reason', a.reason ?? en('You need it too'));
  return g;
}

/** The portal's and the static site's definitions for load `k`. */
function portalDefinitions(plan) {
  return { catalog: hostileCatalog(plan), guide: hostileGuide(plan), assistant: hostileAssistant(plan) };
}

// ---------------------------------------------------------------------------------------------
// The browser side: a context without the pages' CSP, watching for every sign of a payload.

/** Runs in each page (and frame) before its scripts: records every value given to __xss. */
const TRAP = `(() => {
  const log = [];
  Object.defineProperty(window, '__xssLog', { value: log });
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return log[log.length - 1]; },
    set(value) {
      log.push(String(value));
      try { if (window.parent !== window) window.parent.__xss = 'in a frame: ' + value; } catch {}
    },
  });
})();`;

/** Looks through the page, shadow roots included, for anything injected; returns the findings,
 *  what __xss was given, the page's text, its links' addresses and its inputs' values. */
function scanPage() {
  const findings = [];
  const origin = location.origin;
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const show = (el) => `<${el.localName}${[...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('')}>`.slice(0, 240);
  const forbidden = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'marquee', 'video', 'audio',
    'source', 'track', 'math', 'svg', 'style', 'portal', 'fencedframe', 'isindex', 'xmp', 'plaintext', 'listing']);
  const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'codebase',
    'cite', 'longdesc', 'usemap', 'manifest', 'dynsrc', 'lowsrc', 'ping', 'lang-href']);
  const loads = new Set(['src', 'data', 'background', 'poster', 'codebase', 'dynsrc', 'lowsrc']);
  const sameOrigin = (value) => {
    try { return new URL(value, document.baseURI).origin === origin; } catch { return false; }
  };
  let text = '';
  const hrefs = [];
  const values = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName;
      if (forbidden.has(name)) findings.push(`a ${name} element: ${show(el)}`);
      if (name === 'script' && (el.hasAttribute('src') ? !sameOrigin(el.getAttribute('src')) : el.type !== 'application/ld+json')) {
        findings.push(`a script not from the origin: ${show(el)} ${el.textContent.slice(0, 120)}`);
      }
      if (name === 'link' && el.hasAttribute('href') && !sameOrigin(el.getAttribute('href'))) findings.push(`a link element to another origin: ${show(el)}`);
      if (name === 'meta' && (/^(refresh|set-cookie|location)$/i.test(el.getAttribute('http-equiv') ?? '') || el.closest('body') || root !== document)) {
        findings.push(`a meta element in the content, or one that redirects: ${show(el)}`);
      }
      for (const a of el.attributes) {
        const attribute = a.name.toLowerCase();
        const value = a.value;
        if (attribute.startsWith('on')) findings.push(`an event handler attribute: ${show(el)}`);
        if (attribute === 'srcdoc' || attribute === 'srcset') findings.push(`a ${attribute} attribute: ${show(el)}`);
        if (attribute === 'style' && /url\s*\(|expression\s*\(|@import|evil/i.test(value)) findings.push(`a style attribute that loads: ${show(el)}`);
        if (urlAttributes.has(attribute)) {
          // Browsers drop spaces and control characters around and inside a scheme.
          const address = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(javascript|vbscript|livescript|data|mocha):/.test(address)) findings.push(`a ${attribute} to ${address.split(':')[0]}: ${show(el)}`);
          if (loads.has(attribute) && !sameOrigin(value)) findings.push(`a ${attribute} from another origin: ${show(el)}`);
        }
      }
      if (name === 'a' && el.hasAttribute('href')) hrefs.push(el.getAttribute('href'));
      if (name === 'input' || name === 'textarea') values.push(el.value);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/__xss|evil\.example/.test(node.data)) findings.push(`a comment holding a payload: <!--${node.data.slice(0, 120)}-->`);
    }
    text += root === document ? document.documentElement.textContent : [...root.childNodes].map((n) => n.textContent).join('');
    text += '\n';
  }
  return { findings, log: [...window.__xssLog], text, hrefs, values };
}

/** A page in a context that bypasses the CSP, with service workers blocked (so that routes see
 *  every request) and every watcher; `problems` collects what must not happen. */
async function hostilePage(definitions) {
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' });
  await context.addInitScript(TRAP);
  const problems = [];
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  context.on('request', (r) => {
    const url = r.url();
    if (new URL(url).origin !== ORIGIN && !/^(data|blob|about):/.test(url)) problems.push(`request to another origin: ${url}`);
  });
  context.on('page', (p) => { if (p !== page) problems.push(`a window opened: ${p.url()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('websocket', (w) => problems.push(`websocket: ${w.url()}`));
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() && !/^about:/.test(frame.url())) problems.push(`a frame navigated to ${frame.url().slice(0, 200)}`);
  });
  watchPolicy(page, problems);
  await routeDefinitions(context, definitions);
  return { context, page, problems };
}

const json = (route, body, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

/** Serves `definitions.current` (changed between loads) in place of the shipped files; a
 *  catalog index that would not match is refused, so the app indexes the catalog itself;
 *  applications and ratings get the receiver's replies without reaching it. */
async function routeDefinitions(context, definitions) {
  const path = (url) => new URL(url).pathname;
  await context.route((url) => url.origin === ORIGIN && url.pathname.startsWith('/forms/'), (route) => {
    const d = definitions.current ?? {};
    const p = path(route.request().url());
    const served = {
      '/forms/catalog.json': d.catalog,
      '/forms/guides/residence-permit.json': d.guide,
      '/forms/residence-permit-check.json': d.assistant,
      '/forms/xss-form.json': d.form,
      '/forms/data/xss-list.json': d.list,
    }[p];
    if (served) return json(route, served);
    if (p === '/forms/catalog.index' || p.startsWith('/forms/search/')) return route.fulfill({ status: 404, body: '' });
    return route.continue();
  });
  let cases = 0;
  await context.route((url) => url.origin === ORIGIN && url.pathname === '/api/submissions', (route) =>
    json(route, { reference: `OW-20260101-${String(++cases).padStart(6, '0')}`, duplicate: false }, 201));
  await context.route((url) => url.origin === ORIGIN && url.pathname === '/api/ratings', (route) => json(route, { stored: true }, 201));
  await context.route((url) => url.origin === ORIGIN && url.pathname === '/form-page.json', (route) => json(route, { guides: { 'xss-form': 'residence-permit' } }));
}

/** Waits for late handlers (onerror, onload, animations), then scans the page and its frames;
 *  what a payload did goes to `problems`, what the page shows to `plan`. */
async function settle(h, plan, where) {
  await h.page.waitForTimeout(120);
  const found = await h.page.evaluate(scanPage);
  for (const f of found.findings) h.problems.push(`${where}: ${f}`);
  for (const ran of found.log) h.problems.push(`${where}: a payload ran: window.__xss = ${ran}`);
  for (const frame of h.page.frames().slice(1)) {
    const log = await frame.evaluate(() => window.__xssLog ?? []).catch(() => []);
    for (const ran of log) h.problems.push(`${where}: a payload ran in a frame: ${ran}`);
  }
  plan?.observe(found);
  return found;
}

/** The app moving to `url` without reloading (as its own links and the back button do). */
async function navigate(page, url) {
  await page.evaluate((u) => { history.pushState(null, '', u); dispatchEvent(new PopStateEvent('popstate')); }, url);
}

/** Ends a load: no problem, every surface shown. */
function finishLoad(h, plan, what) {
  const missing = plan.finish();
  assert.deepEqual(h.problems.splice(0), [], `${what}: what the payloads did`);
  assert.deepEqual(missing, [], `${what}: surfaces not shown as they should be`);
}

const enc = encodeURIComponent;
const CONTINUE = 'form[novalidate] > button.ow-button[type=submit]';

// ---------------------------------------------------------------------------------------------
// The form: its definition, the citizen's answers, check answers, the confirmation, the rating
// form and the remembered details; in the app's form page, and in the embed's shadow root.

/** Answers the test form's first page in `scope`, each typed answer a payload of `plan`. */
async function answerKinds(scope, plan) {
  const $ = (css) => scope.locator(css).first();
  const type = async (css, sid) => {
    const inst = plan.instance(sid);
    await $(css).fill(inst.shown);
    // What the input kept (a one-line input drops line breaks) is what must be shown.
    inst.shown = await $(css).inputValue();
  };
  await type('#field-name', 'answer-text');
  await type('#field-story', 'answer-textarea');
  await $('#field-weight').fill('70');
  await $('#field-age').fill('13');
  await $('#field-fee').fill('12.50');
  await $('#field-pick').selectOption('a');
  await $('#field-listed').selectOption('01');
  await $('input[name="colour"][value="red"]').check();
  await type('#field-shade', 'answer-revealed-question');
  await $('input[name="things"][value="x"]').check();
  await $('input[name="agree"][value="yes"]').check();
  await type('#field-home-line1', 'answer-address');
  await $('#field-home-town').fill('London');
  await $('#field-home-postcode').fill('SW1A 1AA');
  await $('#field-kids-add').click();
  await type('[id="field-kids-1.kid_name"]', 'answer-group-item');
  await $('#field-decl').check();
}

/** Start page → questions (required messages, a rule's message) → an outcome → back → check
 *  answers → sent. `embedded`: in the embed's shadow root (no extras there). */
async function walkForm(h, plan, scope, embedded) {
  const $ = (css) => scope.locator(css).first();
  const where = embedded ? 'embedded form' : 'form';
  await $('button.ow-button--start').waitFor();
  await settle(h, plan, `${where}: start page`);
  await $('button.ow-button--start').click();
  await $('#field-name').waitFor();
  await $(CONTINUE).click();
  await $('.ow-error-summary').waitFor();
  await settle(h, plan, `${where}: required messages`);
  await answerKinds(scope, plan);
  await $(CONTINUE).click();
  await $('#field-name-error').waitFor({ state: 'detached' });
  await $('#field-age-error').waitFor();
  await settle(h, plan, `${where}: the rule's message`);
  await $('#field-age').fill('14');
  await $(CONTINUE).click();
  await $('input[name="way"]').first().waitFor();
  await settle(h, plan, `${where}: a page of one question`);
  await $('input[name="way"][value="out"]').check();
  await $(CONTINUE).click();
  await $('.ow-outcome').waitFor();
  await settle(h, plan, `${where}: the outcome`);
  await $('a.ow-back-link').click();
  await $('input[name="way"][value="on"]').check();
  await $(CONTINUE).click();
  await $('.ow-summary-list').waitFor();
  await settle(h, plan, `${where}: check answers`);
  await scope.getByRole('button', { name: 'Accept and send' }).click();
  await $('.ow-panel__reference').waitFor();
  if (!embedded) {
    await $('.ow-rating').waitFor();
    await $('.ow-related').waitFor();
  }
  await settle(h, plan, `${where}: the confirmation`);
}

/** The rating form after sending: very dissatisfied, a reason, a hostile comment. */
async function rate(h, plan, sid, where) {
  const { page } = h;
  await page.locator('#field-rating-level-1').check();
  await page.locator('input[name="rating-reason"]').first().check();
  const comment = page.locator('#field-rating-comment');
  const send = page.locator('.ow-rating__form button[type=submit]');
  const { shown } = plan.instance(sid);
  await comment.fill(shown);
  await send.click();
  if (shown.length > 500) {
    // Longer than a comment may be: said so, then sent cut to length.
    await page.locator('#field-rating-comment-error').waitFor();
    await settle(h, plan, `${where}: a comment too long`);
    await comment.fill(shown.slice(0, 500));
    await send.click();
  }
  await page.locator('#ow-rating-done').waitFor();
  plan.mark(sid);
  await settle(h, plan, where);
}

async function clearDevice(page) {
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); }).catch(() => {});
}

test('form: every text of every kind of question, the answers on check answers and the confirmation, the rating, the remembered details, URL parameters', async () => {
  const definitions = {};
  const h = await hostilePage(definitions);
  const { page } = h;
  try {
    for (let k = 0; k < LOADS; k++) {
      const plan = new Plan('form page', FORM_PAGE_SURFACES, k);
      const portal = new Plan('uncounted', [], k);
      definitions.current = { form: hostileForm(plan), list: hostileList(plan), catalog: hostileCatalog(portal) };

      // A form that does not exist, named by a hostile URL.
      const missing = plan.instance('param-form');
      const lang = plan.instance('param-lang-of-form');
      await page.goto(`${BASE_URL}/?form=${enc(missing.shown)}&lang=${enc(lang.shown)}`);
      await page.locator('.ow-definition-problems').waitFor();
      missing.shown = `forms/${missing.shown}.json`;
      plan.mark('param-lang-of-form');
      await settle(h, plan, 'a form named by the URL');

      // The test form, with an answer handed over in the fragment and a hostile page name.
      const handed = plan.instance('answer-from-url-fragment');
      const pageName = plan.instance('param-page');
      await page.goto(`${BASE_URL}/?form=xss-form&lang=en&page=${enc(pageName.shown)}#handed=${enc(handed.shown)}`);
      plan.mark('param-page');
      await walkForm(h, plan, page, false);
      await rate(h, plan, 'rating-comment-after-sending', 'form: rated');
      await page.locator('section.ow-fill-once button.ow-button--secondary').click();
      await page.locator('a[href="#saved-details"]').click();
      await page.locator('.ow-summary-list__actions .ow-link-button').first().waitFor();
      await settle(h, plan, 'form: the remembered details');
      finishLoad(h, plan, `form page, load ${k}`);
      await clearDevice(page);
    }
  } finally {
    await h.context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// The portal: catalog home, search, a topic, the guide, the assistant to each of its outcomes,
// the rating page, and hostile URL parameters; one load of the app per payload rotation.

/** Types `sid`'s text into `input` (its shown text is what the input kept). */
async function typeInto(input, plan, sid) {
  const inst = plan.instance(sid);
  await input.fill(inst.shown);
  inst.shown = await input.inputValue();
  return inst;
}

/** Searches the box for `words` (after emptying it, so that earlier results are gone) and
 *  waits for a result. */
async function search(box, results, words) {
  await box.fill('');
  await results.first().waitFor({ state: 'detached' });
  await box.fill(words);
  await results.first().waitFor();
}

test('portal: the catalog, search, a topic, the guide, the assistant to every outcome, the rating page, URL parameters', async () => {
  const definitions = {};
  const h = await hostilePage(definitions);
  const { page } = h;
  const step = async (url, css) => {
    await navigate(page, url);
    await page.locator(css).first().waitFor();
  };
  try {
    for (let k = 0; k < LOADS; k++) {
      const plan = new Plan('portal', PORTAL_SURFACES, k);
      definitions.current = portalDefinitions(plan);
      await page.goto(`${BASE_URL}/?lang=en`);
      await page.locator('.ow-topic-list').waitFor();
      await settle(h, plan, 'catalog home');

      // A hostile query (nothing found: the count says what was searched for), then the
      // markers of a keyword, a synonym and a title (found through them).
      const box = page.locator('#ow-search-input');
      const count = page.locator('.ow-search-results__count');
      await typeInto(box, plan, 'search-query');
      await count.waitFor();
      await settle(h, plan, 'search: a hostile query');
      for (const sid of ['service-keyword', 'service-synonym', 'service-title']) {
        const inst = plan.instances.find((x) => x.sid === sid);
        await search(box, page.locator('.ow-search-results__link'), inst.marker);
        if (sid !== 'service-title') plan.mark(sid);
        await settle(h, plan, `search: found by a ${sid}`);
      }

      await step('?topic=moving&lang=en', 'a.ow-back-link');
      await settle(h, plan, 'a life event');
      const header = page.locator('#ow-header-search');
      await typeInto(header, plan, 'search-header-query');
      await header.press('Enter');
      await page.locator('#ow-search-input').waitFor();
      await settle(h, plan, 'search from the header');

      await step('?service=residence-permit&lang=en', '#materials');
      await settle(h, plan, 'the guide');

      // The assistant: "Continue" with nothing chosen (its messages), then each question.
      await page.locator('a[href="?service=residence-permit&lang=en&check=start"]').first().click();
      await page.locator('input[name="applicant_role"]').first().waitFor();
      await page.locator(CONTINUE).click();
      await page.locator('.ow-error-summary').waitFor();
      await settle(h, plan, 'assistant: a message');
      for (const [name, value] of [['applicant_role', 'self'], ['hukou_in_city', 'no'], ['lived_six_months', 'yes'], ['basis', 'employment']]) {
        await page.locator(`input[name="${name}"]`).first().waitFor();
        await settle(h, plan, `assistant: ${name}`);
        await page.locator(`input[name="${name}"][value="${value}"]`).check();
        await page.locator(CONTINUE).click();
      }
      await page.locator('.ow-checklist').waitFor();
      await settle(h, plan, 'assistant: eligible, with the checklist');
      for (const answers of ['applicant_role=self&hukou_in_city=yes', 'applicant_role=self&hukou_in_city=no&lived_six_months=no',
        'applicant_role=self&hukou_in_city=no&lived_six_months=yes&basis=none', 'applicant_role=child&hukou_in_city=no&lived_six_months=yes&basis=study']) {
        await navigate(page, `?service=residence-permit&lang=en&check=result#${answers}`);
        await page.waitForTimeout(50);
        await page.locator('main h1').waitFor();
        await settle(h, plan, `assistant: the outcome of ${answers}`);
      }

      await step('?service=residence-permit&rate=1&lang=en&v=2026.1', '#field-rating-comment');
      await settle(h, plan, 'the rating page');
      await rate(h, plan, 'rating-comment-from-guide', 'rated from the guide');

      // Hostile URL parameters, as a link to the app would carry them.
      const p = (sid) => enc(plan.instance(sid).shown);
      const q = plan.instance('param-q');
      await step(`?q=${enc(q.shown)}&lang=${p('param-lang')}#${p('param-fragment-of-home')}`, '#ow-search-input');
      await page.locator('.ow-search-results__count').waitFor();
      await settle(h, plan, 'the home with a hostile query, language and fragment');
      await step(`?topic=${p('param-topic')}&lang=en`, 'main h1');
      await settle(h, plan, 'a hostile topic');
      await step(`?service=${p('param-service')}&lang=en`, 'main h1');
      await settle(h, plan, 'a hostile service');
      await step(`?service=${p('param-rate-service')}&rate=1&lang=en&v=${p('param-rate-version')}&case=${p('param-rate-case')}&token=${p('param-rate-token')}`, '#field-rating-comment');
      await settle(h, plan, 'rating a hostile service');
      await step(`?service=residence-permit&lang=en&check=${p('param-check')}#applicant_role=${p('param-fragment-of-assistant')}&basis=x`, 'input[name="applicant_role"]');
      await settle(h, plan, 'the assistant with hostile answers in its fragment');
      for (const sid of ['param-lang', 'param-fragment-of-home', 'param-topic', 'param-service', 'param-rate-version', 'param-rate-case', 'param-rate-token', 'param-check', 'param-fragment-of-assistant']) plan.mark(sid);
      finishLoad(h, plan, `portal, load ${k}`);
      await clearDevice(page);
    }
  } finally {
    await h.context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// The static pages `onewindow site` writes from the same definitions: the home, a topic and the
// guide, with their heads (title, description, JSON-LD), opened with scripts allowed.

const STATIC_PAGES = ['en/', 'en/topics/moving/', 'en/services/residence-permit/'];

/** Writes `definitions` into a new folder as `onewindow site` reads them. */
function writeDefinitions({ catalog, guide, assistant }) {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-xss-'));
  mkdirSync(join(dir, 'guides'));
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
  writeFileSync(join(dir, 'guides', 'residence-permit.json'), JSON.stringify(guide));
  writeFileSync(join(dir, 'residence-permit-check.json'), JSON.stringify(assistant));
  return dir;
}

/** Runs `onewindow site` on `dir`; its exit status and what it printed. */
function site(dir) {
  try {
    const out = execFileSync(resolve(CLI), ['site', join(dir, 'catalog.json'), '--site-url', `${BASE_URL}/xss-site/`, '--out', join(dir, 'out'), '--stylesheet', 'style.css'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, out };
  } catch (e) {
    return { status: e.status ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const haveCli = existsSync(resolve(CLI));

test('static pages: the catalog and the guide as `onewindow site` writes them', { skip: !haveCli && `no CLI at ${CLI} (set ONEWINDOW_CLI)` }, async () => {
  const definitions = {};
  const h = await hostilePage(definitions);
  const { page, context } = h;
  let served = null;
  await context.route((url) => url.origin === ORIGIN && url.pathname.startsWith('/xss-site/'), (route) => {
    let file = join(served, decodeURIComponent(new URL(route.request().url()).pathname.slice('/xss-site/'.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/plain', body: readFileSync(file) });
  });
  try {
    for (let k = 0; k < LOADS; k++) {
      const plan = new Plan('static pages', STATIC_SURFACES, k);
      const dir = writeDefinitions(portalDefinitions(plan));
      try {
        const { status, out } = site(dir);
        assert.equal(status, 0, `onewindow site, load ${k}: ${out}`);
        served = join(dir, 'out');
        for (const path of STATIC_PAGES) {
          await page.goto(`${BASE_URL}/xss-site/${path}`);
          await page.locator('h1').first().waitFor();
          await settle(h, plan, `static page /${path}`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      finishLoad(h, plan, `static pages, load ${k}`);
    }
  } finally {
    await h.context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// The embed: <onewindow-form> and <onewindow-service> in another site's page, each in its
// shadow root.

const EMBED_HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host page</title>
<script type="module" src="/embed/onewindow.js"></script></head>
<body><main><onewindow-form id="f" src="/forms/xss-form.json" locale="en"></onewindow-form>
<onewindow-service id="s" catalog="/forms/" app="/" locale="en"></onewindow-service></main></body></html>`;

async function routeEmbedHost(context) {
  await context.route(`${ORIGIN}/xss-embed.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: EMBED_HOST }));
}

test('embed: the form and the service search in shadow roots', async () => {
  const definitions = {};
  const h = await hostilePage(definitions);
  const { page } = h;
  await routeEmbedHost(h.context);
  try {
    for (let k = 0; k < LOADS; k++) {
      const plan = new Plan('embed', EMBED_SURFACES, k);
      definitions.current = { form: hostileForm(plan), list: hostileList(plan), catalog: hostileCatalog(plan) };
      await page.goto(`${BASE_URL}/xss-embed.html`);
      const form = page.locator('#f');
      await walkForm(h, plan, form, true);
      const service = page.locator('#s');
      const box = service.locator('input[type=search]');
      await typeInto(box, plan, 'search-query');
      await service.locator('.ow-search-results__count').waitFor();
      await settle(h, plan, 'embedded search: a hostile query');
      await search(box, service.locator('.ow-search-results__link'), plan.instances.find((x) => x.sid === 'service-title').marker);
      await settle(h, plan, 'embedded search: a service found');
      finishLoad(h, plan, `embed, load ${k}`);
      await clearDevice(page);
    }
  } finally {
    await h.context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// What lint refuses is never rendered: a definition with a refused link, image or id shows
// "This form cannot be shown" with every problem, where the payloads are text again. Here each
// Markdown surface holds every payload with a refused link at once, each material's addresses
// one refused address, each id a payload.

const REFUSED_MARKDOWN = PAYLOADS.filter((p) => p.markdownLink);
const REFUSED_IN_GUIDES = PAYLOADS.filter((p) => p.markdownLink === 'link');
const refusedLinks = (sid) => PAYLOADS.filter((p) => !isSafeLink(p.make(`${p.id}.${sid}.1`)));

/** Every refused Markdown payload for surface `sid`, one paragraph each (in both locales). */
const refusedMarkdown = (sid, original, payloads = REFUSED_MARKDOWN) => shaped(original, payloads.map((p) => p.make(`${p.id}.${sid}.refused`)).join('\n\n'));

/** Notes `pid` tried on `sid` of each group, when the page shows its tag. */
function refusedSeen(text, groups, sid, payloads, suffix = 'refused') {
  const missing = [];
  for (const p of payloads) {
    const tag = `${p.id}.${sid}.${suffix}`;
    if (!text.includes(tag)) { missing.push(tag); continue; }
    for (const group of groups) covered(group, sid, p.id);
  }
  return missing;
}

test('what lint refuses (links, images, ids) is shown as text on the "cannot be shown" page', async () => {
  const definitions = {};
  const h = await hostilePage(definitions);
  const { page } = h;
  await routeEmbedHost(h.context);
  const missing = [];
  const problemsPage = async (url, scope, where) => {
    await page.goto(`${BASE_URL}${url}`);
    await scope.locator('.ow-definition-problems').waitFor();
    return (await settle(h, null, where)).text;
  };
  try {
    // The form: its Markdown texts, and every payload as a question's id.
    const form = baseForm();
    form.description = refusedMarkdown('form-description', form.description);
    form.outcomes[0].body = refusedMarkdown('outcome-body', form.outcomes[0].body);
    const intro = form.pages[0].fields[0];
    intro.body = refusedMarkdown('content-body', intro.body);
    form.pages.push({ id: 'ids', title: en('Ids'), fields: PAYLOADS.map((p) => ({ id: p.make(`${p.id}.definition-id.refused`), type: 'text', label: en('x') })) });
    definitions.current = { form, list: baseList(), catalog: hostileCatalog(new Plan('uncounted', [], 0)) };
    for (const [url, scope, groups] of [['/?form=xss-form&lang=en', page, ['form page']], ['/xss-embed.html', page.locator('#f'), ['embed']]]) {
      const text = await problemsPage(url, scope, `cannot be shown: ${url}`);
      for (const sid of ['form-description', 'outcome-body', 'content-body']) missing.push(...refusedSeen(text, groups, sid, REFUSED_MARKDOWN));
      missing.push(...refusedSeen(text, ['cannot be shown'], 'definition-id', PAYLOADS));
    }

    // The guide: its Markdown texts, and a material for each refused address.
    const guide = structuredClone(GUIDE);
    for (const c of guide.conditions) c.text = refusedMarkdown('guide-condition', c.text, REFUSED_IN_GUIDES);
    for (const m of guide.materials) m.notes = refusedMarkdown('guide-material-notes', m.notes ?? en('x'), REFUSED_IN_GUIDES);
    for (const s of guide.steps) s.body = refusedMarkdown('guide-step-body', s.body, REFUSED_IN_GUIDES);
    for (const f of guide.faq) f.answer = refusedMarkdown('guide-faq-answer', f.answer, REFUSED_IN_GUIDES);
    const links = refusedLinks('guide-material-link');
    for (const p of links) {
      const address = p.make(`${p.id}.guide-material-link.refused`);
      guide.materials.push({ id: `xss-${p.id}`, name: en('x'), original_or_copy: 'copy', medium: 'paper', necessity: 'required', source: 'applicant', blank_form: address, sample: address });
    }
    const catalog = hostileCatalog(new Plan('uncounted', [], 0));
    definitions.current = { catalog, guide, assistant: ASSISTANT };
    let text = await problemsPage('/?service=residence-permit&lang=en', page, 'cannot be shown: the guide');
    const guideSurfaces = ['guide-condition', 'guide-material-notes', 'guide-step-body', 'guide-faq-answer'];
    for (const sid of guideSurfaces) missing.push(...refusedSeen(text, ['portal'], sid, REFUSED_IN_GUIDES));
    missing.push(...refusedSeen(text, ['portal'], 'guide-material-link', links));
    if (haveCli) {
      // `onewindow site` refuses it too, printing the same problems (nothing is written).
      const dir = writeDefinitions({ catalog, guide, assistant: ASSISTANT });
      const { status, out } = site(dir);
      rmSync(dir, { recursive: true, force: true });
      assert.equal(status, 1, out);
      for (const sid of guideSurfaces) missing.push(...refusedSeen(out, ['static pages'], sid, REFUSED_IN_GUIDES));
      missing.push(...refusedSeen(out, ['static pages'], 'guide-material-link', links));
    }

    // The assistant's outcomes.
    const assistant = structuredClone(ASSISTANT);
    for (const o of assistant.outcomes) o.body = refusedMarkdown('assistant-outcome-body', o.body);
    definitions.current = { catalog, guide: GUIDE, assistant };
    text = await problemsPage('/?service=residence-permit&lang=en', page, 'cannot be shown: the assistant');
    missing.push(...refusedSeen(text, ['portal'], 'assistant-outcome-body', REFUSED_MARKDOWN));

    // The catalog: every payload as a service's id.
    const badCatalog = structuredClone(CATALOG);
    badCatalog.services.forEach((s, i) => { s.related = []; if (i < PAYLOADS.length) s.id = PAYLOADS[i].make(`${PAYLOADS[i].id}.catalog-id.refused`); });
    while (badCatalog.services.length < PAYLOADS.length) {
      const p = PAYLOADS[badCatalog.services.length];
      badCatalog.services.push({ ...structuredClone(CATALOG.services[0]), related: [], id: p.make(`${p.id}.catalog-id.refused`) });
    }
    definitions.current = { catalog: badCatalog };
    text = await problemsPage('/?lang=en', page, 'cannot be shown: the catalog');
    missing.push(...refusedSeen(text, ['cannot be shown'], 'catalog-id', PAYLOADS));

    assert.deepEqual(h.problems.splice(0), [], 'what the payloads did');
    assert.deepEqual(missing, [], 'refused payloads not named on the "cannot be shown" page');
  } finally {
    await h.context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Every payload was tried on every surface of every group; one line says how many.

test('every payload was tried on every surface', (t) => {
  const groups = [['form page', FORM_PAGE_SURFACES], ['portal', PORTAL_SURFACES], ['embed', EMBED_SURFACES],
    ['cannot be shown', [surface('definition-id', 'text'), surface('catalog-id', 'text')]]];
  if (haveCli) groups.push(['static pages', STATIC_SURFACES]);
  const untried = [];
  let surfaces = 0;
  for (const [group, list] of groups) {
    for (const s of list) {
      surfaces += 1;
      const seen = coverage.get(group)?.get(s.id) ?? new Set();
      const lacking = PAYLOADS.filter((p) => !seen.has(p.id)).map((p) => p.id);
      if (lacking.length > 0) untried.push(`${group} / ${s.id}: ${lacking.length} untried (${lacking.slice(0, 5).join(', ')}…)`);
    }
  }
  assert.deepEqual(untried, [], 'pairs of payload and surface never tried');
  console.log(`xss: ${N} payloads × ${surfaces} surfaces = ${N * surfaces} tried, 0 ran`);
});
