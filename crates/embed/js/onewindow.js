// onewindow embed: one module for the host page.
//
//   <script type="module" src="/embed/onewindow.js"></script>
//   <onewindow-form src="/forms/residence-registration.json" locale="en"></onewindow-form>
//
// Defines <onewindow-form> and <onewindow-service> and exports mount(element, options). Written
// by hand because wasm-bindgen cannot subclass HTMLElement; everything else is the wasm
// (crates/embed). Each element gets an open shadow root holding a <link> to the package's
// stylesheet and the app: no inline script or style anywhere, so a strict
// Content-Security-Policy (style-src 'self') holds. Documentation: docs/embed.md.
//
// Importing this module defines the two elements (once): that is what the one script tag is for.
import init, { mountForm, mountService } from './onewindow_embed.js';

const stylesheet = new URL('onewindow.css', import.meta.url).href;

// One wasm instance serves every element on the page.
let loading = null;
const ready = () => (loading ??= init({ module_or_path: new URL('onewindow_embed_bg.wasm', import.meta.url) }));

// The options the wasm reads (undefined and null are left out).
function plain({ src, locale, endpoint, submission, listsBase, catalog, app, analytics }) {
  const out = { src: src ?? '' };
  for (const [key, value] of Object.entries({ locale, endpoint, submission, listsBase, catalog, app, analytics })) {
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/** A mounted form or service search. Calls made before the wasm is ready wait for it. */
class Handle {
  #inner = null;
  #waiting = [];
  #gone = false;
  #root;

  constructor(element, options, kind) {
    this.element = element;
    this.#root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = options.stylesheet ?? stylesheet;
    // Only for hosts whose policy allows styles by nonce rather than by origin.
    if (options.nonce) link.nonce = options.nonce;
    const container = document.createElement('div');
    container.className = 'ow-embed';
    this.#root.replaceChildren(link, container);
    /** Settles once the form is mounted (rejects if the wasm could not be loaded). */
    this.ready = ready().then(() => {
      if (this.#gone) return;
      const mount = kind === 'service' ? mountService : mountForm;
      this.#inner = mount(element, container, plain(options));
      for (const [method, args] of this.#waiting.splice(0)) this.#inner[method](...args);
    });
  }

  #call(method, ...args) {
    if (this.#gone) return;
    if (this.#inner) this.#inner[method](...args);
    else this.#waiting.push([method, args]);
  }

  /** Shows the form in another of its languages, keeping the answers. */
  setLocale(tag) { this.#call('setLocale', String(tag)); }
  /** Fills in answers keyed by question id; the citizen sees them and may change them. */
  prefill(answers) { this.#call('prefill', answers); }
  /** Forgets this form's draft and answers and shows its start page. */
  reset() { this.#call('reset'); }
  /** Removes the form: its DOM, its listeners and its events. */
  destroy() {
    if (this.#gone) return;
    this.#gone = true;
    if (this.#inner) {
      this.#inner.destroy();
      this.#inner.free();
      this.#inner = null;
    }
    this.#root.replaceChildren();
  }
}

/**
 * Mounts a form in `element` (any element that can have a shadow root, e.g. a div).
 * options: { src, locale, endpoint, submission, listsBase, analytics, nonce }. Returns a Handle at once.
 */
export function mount(element, options = {}) {
  return new Handle(element, options, 'form');
}

/** Mounts the service search in `element`. options: { catalog, app, locale, analytics, nonce }. */
export function mountServiceSearch(element, options = {}) {
  return new Handle(element, options, 'service');
}

const FORM_ATTRIBUTES = ['src', 'locale', 'endpoint', 'lists-base', 'analytics'];

// Browsers hide a nonce attribute once the element is in the page; the property keeps it.
const nonceOf = (element) => element.nonce || element.getAttribute('nonce') || undefined;

class OnewindowElement extends HTMLElement {
  #handle = null;

  connectedCallback() {
    if (!this.#handle) this.#handle = this.mountInto();
  }

  disconnectedCallback() {
    // Moving the element in the page disconnects and reconnects it at once: keep it then.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle = null;
      }
    });
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#handle || before === after) return;
    if (name === 'locale') {
      this.#handle.setLocale(after ?? '');
    } else {
      this.#handle.destroy();
      this.#handle = this.mountInto();
    }
  }

  /** The mounted form's handle (setLocale, prefill, reset, destroy, ready). */
  get handle() { return this.#handle; }
}

class OnewindowForm extends OnewindowElement {
  static observedAttributes = FORM_ATTRIBUTES;

  mountInto() {
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    // Without a locale attribute, the language of the page around it.
    const locale = attribute('locale') ?? this.closest('[lang]')?.getAttribute('lang') ?? undefined;
    return mount(this, {
      src: attribute('src'), locale, endpoint: attribute('endpoint'), listsBase: attribute('lists-base'),
      analytics: attribute('analytics'), nonce: nonceOf(this),
    });
  }

  setLocale(tag) { this.setAttribute('locale', tag); }
  prefill(answers) { this.handle?.prefill(answers); }
  reset() { this.handle?.reset(); }
}

class OnewindowService extends OnewindowElement {
  static observedAttributes = ['catalog', 'app', 'locale', 'analytics'];

  mountInto() {
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    const locale = attribute('locale') ?? this.closest('[lang]')?.getAttribute('lang') ?? undefined;
    return mountServiceSearch(this, {
      catalog: attribute('catalog'), app: attribute('app'), locale, analytics: attribute('analytics'), nonce: nonceOf(this),
    });
  }

  setLocale(tag) { this.setAttribute('locale', tag); }
}

if (!customElements.get('onewindow-form')) customElements.define('onewindow-form', OnewindowForm);
if (!customElements.get('onewindow-service')) customElements.define('onewindow-service', OnewindowService);
