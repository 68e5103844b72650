// The explorer under a strict Content-Security-Policy, as a careful host
// serves it: no inline script, no inline style, no eval (WebAssembly may
// compile: 'wasm-unsafe-eval'), nothing from elsewhere. The page (both
// modes), the iframe embed and a host page that uses <kl-explorer> must work
// and report no violation. Violations are collected by a listener that an
// init script registers before any page script runs (init scripts are
// injected by the browser, not by the page, so the policy does not block
// them; each test checks that it ran), and from the console, where Chromium
// also reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useExplorer, LOAD_TIMEOUT, ready, eventually, checkMeasures, checkContinuous, dragBar, dragCurveHandle, format3, assertClose,
  expectedMeasures, MEASURES,
} from './harness.js';
import { allReady, axeViolations } from './look.js';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// A blog post of our own, served from the site's origin under the same
// policy: its script and its styles are files, as the policy requires.
const HOST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>A host page under a strict CSP</title>
  <link rel="icon" href="./favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="./csp-host.css">
  <script src="./csp-host-height.js"></script>
  <script type="module" src="./kl-explorer.js"></script>
  <script type="module" src="./csp-host.js"></script>
</head><body><main>
  <h1>A post</h1>
  <kl-explorer id="weather" p="80,20" q="50,50" labels="rain,no rain" units="bits"></kl-explorer>
  <kl-explorer id="gamma" mode="continuous" family="gamma" p="2,1" q="3,2" units="bits" bins="20"></kl-explorer>
  <kl-explorer id="bad" p="1,-2" q="a,b" units="furlongs"></kl-explorer>
  <div id="scripted"></div>
  <iframe id="framed" title="KL divergence explorer" src="./embed.html?p=80,20&amp;q=50,50&amp;label=rain&amp;label=no%20rain&amp;units=bits"></iframe>
</main></body></html>`;
// The documented height listener, a classic script in the head as the
// README's inline one would be (so it listens before the iframe can report),
// and an element made by script.
const HEIGHT_JS = `
addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'infodiv-height') return;
  for (const frame of document.querySelectorAll('iframe'))
    if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px';
});
`;
const HOST_JS = `
const made = document.createElement('kl-explorer');
made.id = 'made';
made.setAttribute('mode', 'continuous');
made.setAttribute('family', 'beta');
made.setAttribute('p', '2,5');
made.setAttribute('q', '3,3');
document.querySelector('#scripted').append(made);
`;
const HOST_CSS = `body { font: 18px/1.6 Georgia, serif; max-width: 760px; margin: 0 auto; padding: 12px; }
iframe { width: 100%; border: 0; height: 200px; }`;

const explorer = useExplorer({
  headers: { 'Content-Security-Policy': POLICY },
  files: {
    '/csp-host.html': { type: 'text/html; charset=utf-8', body: HOST_HTML },
    '/csp-host.js': { type: 'text/javascript; charset=utf-8', body: HOST_JS },
    '/csp-host-height.js': { type: 'text/javascript; charset=utf-8', body: HEIGHT_JS },
    '/csp-host.css': { type: 'text/css; charset=utf-8', body: HOST_CSS },
  },
});

// Runs in every frame before its own scripts.
function watchViolations() {
  window.__csp = { watching: true, violations: [] };
  addEventListener('securitypolicyviolation', (e) => {
    window.__csp.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI.slice(0, 80)} `
      + `(${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
  }, true);
}

/** A page watched for violations (listener and console); returns { page, console, violations() }. */
async function watchedPage(options) {
  const page = await explorer.newPage(options);
  const console = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) console.push(m.text()); });
  await page.addInitScript(watchViolations);
  const violations = async () => {
    const all = [];
    for (const frame of page.frames()) {
      const got = await frame.evaluate(() => window.__csp).catch(() => null);
      assert.ok(got?.watching, `the violation listener is installed in ${frame.url()}`);
      all.push(...got.violations);
    }
    return all;
  };
  return { page, console, violations };
}

async function assertNoViolations({ page, console, violations }) {
  await page.waitForTimeout(300); // a late violation event is queued as a task
  assert.deepEqual(await violations(), [], 'securitypolicyviolation events');
  assert.deepEqual(console, [], 'CSP messages in the console');
}

test('the policy is served: the response carries it and an inline script is refused', async () => {
  const w = await watchedPage();
  const response = await w.page.goto(explorer.url());
  assert.equal(response.headers()['content-security-policy'], POLICY);
  await ready(w.page);
  // A probe that must be refused, so the listener is known to see what the policy blocks.
  await w.page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  await eventually(async () => assert.ok((await w.violations()).some((v) => /^script-src-elem blocked inline/.test(v)), 'the probe is reported'));
  assert.equal(await w.page.evaluate(() => window.__inlineRan), undefined, 'the inline script did not run');
  assert.ok(w.console.some((m) => /inline script/.test(m)), `the console reports it too: ${w.console}`);
  explorer.takeProblems(); // the refusal is logged as a console error, on purpose here
});

test('discrete page: the library\'s numbers, a drag, a preset, no violation', async () => {
  const w = await watchedPage();
  await w.page.goto(explorer.url('?p=0.5,0.25,0.25&q=0.2,0.3,0.5&label=sun&label=cloud&label=rain&units=bits'));
  await ready(w.page);
  const before = await checkMeasures(w.page);
  assert.deepEqual(before.state.p, [0.5, 0.25, 0.25]);
  await dragBar(w.page, 'q', 0, 60);
  const after = await checkMeasures(w.page);
  assert.ok(after.state.q[0] > 0.3, `the drag moved Q(sun): ${after.state.q[0]}`);
  await w.page.locator('button[data-preset="label-smoothing"]').click();
  const r = await checkMeasures(w.page);
  assert.equal(r.shown.measures.klQP.text, '∞');
  await w.page.locator('summary', { hasText: 'Share / embed' }).click();
  await assertNoViolations(w);
});

test('continuous page: the library\'s numbers, a handle drag, bins, no violation', async () => {
  const w = await watchedPage();
  await w.page.goto(explorer.url('?mode=continuous&family=gamma&p=2,1&q=3,2&units=bits&bins=20'));
  await ready(w.page);
  const before = await checkContinuous(w.page);
  await dragCurveHandle(w.page, w.page, 'q', 'peak', 60);
  const after = await checkContinuous(w.page);
  assert.notDeepEqual(after.state.q, before.state.q, 'the drag moved Q');
  await w.page.locator('select[data-control="family"]').selectOption('uniform');
  await checkContinuous(w.page);
  await assertNoViolations(w);
});

test('iframe embed, both modes: numbers and a drag, no violation', async () => {
  const w = await watchedPage();
  await w.page.goto(explorer.url('embed.html?p=80,20&q=50,50&units=bits'));
  await ready(w.page);
  const klText = () => w.page.locator('[data-measure="klPQ"]').textContent();
  assert.equal(await klText(), '0.278');
  await dragBar(w.page, 'p', 0, -60);
  await eventually(async () => assert.notEqual(await klText(), '0.278'));
  await w.page.goto(explorer.url('embed.html?mode=continuous&family=normal&p=0,1&q=1,2'));
  await ready(w.page);
  await checkContinuous(w.page, { url: false });
  await dragCurveHandle(w.page, w.page, 'p', 'shoulder', 40);
  await checkContinuous(w.page, { url: false });
  await assertNoViolations(w);
});

/** The measures an element shows inside its shadow root are the library's for its value. */
const checkElement = (page, id) => eventually(async () => {
  const { value, shown } = await page.locator(`#${id}`).evaluate((e) => ({
    value: e.value,
    shown: Object.fromEntries([...e.shadowRoot.querySelectorAll('[data-measure]')].map((m) => [m.dataset.measure, { text: m.textContent, value: m.dataset.value }])),
  }));
  assert.ok(value, `#${id} has a value`);
  return { value, shown };
}, 10000);

test('host page with <kl-explorer> (both modes, by markup and by script) and the iframe: numbers, drags, no violation', async () => {
  const w = await watchedPage();
  const response = await w.page.goto(explorer.url('csp-host.html'));
  assert.equal(response.headers()['content-security-policy'], POLICY);

  const weather = await checkElement(w.page, 'weather');
  const want = expectedMeasures({ p: [0.8, 0.2], q: [0.5, 0.5], units: 'bits' });
  for (const k of MEASURES) {
    assertClose(Number(weather.shown[k].value), want[k], `#weather ${k}`);
    assert.equal(weather.shown[k].text, format3(want[k]), `#weather ${k} text`);
  }
  const within = (id) => ({ locator: (s) => w.page.locator(`#${id}`).locator(s), mouse: w.page.mouse, waitForTimeout: (ms) => w.page.waitForTimeout(ms) });
  await dragBar(within('weather'), 'p', 0, -60);
  const dragged = await eventually(async () => {
    const r = await checkElement(w.page, 'weather');
    assert.ok(r.value.p[0] < 0.75, `the drag moved P(rain): ${r.value.p[0]}`);
    return r;
  });
  const again = expectedMeasures(dragged.value);
  for (const k of MEASURES) assertClose(Number(dragged.shown[k].value), again[k], `#weather after the drag ${k}`);

  for (const id of ['gamma', 'made']) {
    await checkElement(w.page, id);
    await checkContinuous(w.page.locator(`#${id}`), { url: false });
  }
  await dragCurveHandle(w.page, w.page.locator('#gamma'), 'p', 'peak', 50);
  await checkContinuous(w.page.locator('#gamma'), { url: false });

  const note = w.page.locator('#bad').locator('.attribute-note');
  await eventually(async () => assert.ok(await note.isVisible(), 'the bad element shows its note'));

  await w.page.locator('#framed').scrollIntoViewIfNeeded();
  const frame = w.page.frameLocator('#framed');
  await eventually(async () => assert.equal(await frame.locator('[data-measure="klPQ"]').textContent(), '0.278'), LOAD_TIMEOUT);
  // The documented listener (a file, not inline) sizes the iframe to its content.
  const framed = await (await w.page.locator('#framed').elementHandle()).contentFrame();
  await eventually(async () => {
    const h = await w.page.locator('#framed').evaluate((f) => f.getBoundingClientRect().height);
    const content = await framed.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(content > 400, `the embed's content is taller than the 200 px the host's CSS gives: ${content}`);
    assert.equal(Math.round(h), content, 'the iframe was sized to its content by the host script');
  }, 10000);
  await assertNoViolations(w);
});

test('axe-core under the policy: the page, the embed (both modes, both themes) and the host page, no violation of either', async () => {
  const paths = ['?theme=dark', '?mode=continuous', 'embed.html', 'embed.html?mode=continuous&theme=dark', 'csp-host.html'];
  for (const path of paths) {
    const w = await watchedPage({ dark: path === 'csp-host.html' });
    await w.page.goto(explorer.url(path));
    await allReady(w.page);
    if (path === 'csp-host.html') {
      await w.page.locator('#framed').scrollIntoViewIfNeeded();
      await w.page.frameLocator('#framed').locator('[data-ready] [data-measure="klPQ"][data-value]').waitFor();
    }
    assert.deepEqual(await axeViolations(w.page), [], `axe on ${path}`);
    await assertNoViolations(w);
  }
});
