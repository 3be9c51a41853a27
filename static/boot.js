// Starts the app: wasm-bindgen's module, then the wasm it loads. Trunk names both after a hash
// of their content and writes the names on <meta name="onewindow-app"> (Trunk.toml's
// pattern_script). This file stands in for the inline <script type="module"> trunk writes by
// default, which the pages' Content-Security-Policy (script-src 'self') refuses; trunk copies it
// as boot-<hash>.js with an integrity attribute. (Nothing reads the window.wasmBindings or the
// TrunkApplicationStarted event of trunk's script, so they are left out.)
const app = document.querySelector('meta[name="onewindow-app"]');
const { default: init } = await import(app.dataset.js);
await init({ module_or_path: app.dataset.wasm });
