// Starts the app: wasm-bindgen's module, then the wasm it loads. This file stands in for the
// inline <script type="module"> trunk writes by default, which the pages' Content-Security-Policy
// (script-src 'self') refuses; trunk copies it as boot-<hash>.js with an integrity attribute.
//
// The page has two bundles (ARCHITECTURE.md): a form (`?form=`) is the form journey's own
// (`onewindow-form`, named on <meta name="onewindow-form"> by scripts/build.sh); every other
// page is the portal's (`onewindow-web`, named on <meta name="onewindow-app"> by Trunk.toml's
// pattern_script). Without the form bundle (a plain `trunk build` or `trunk serve`) the portal
// shows forms too. The wasm is fetched at once, alongside its module, not after it.
const named = (name) => document.querySelector(`meta[name="${name}"]`);
const form = new URLSearchParams(location.search).has('form');
const bundle = (form && named('onewindow-form')) || named('onewindow-app');
const wasm = fetch(bundle.dataset.wasm);
const { default: init } = await import(bundle.dataset.js);
await init({ module_or_path: wasm });
