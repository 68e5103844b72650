// The embeddable forms of the explorer: <kl-explorer> on the example blog post
// (rendering, independence of two elements, attributes set by script, resizing,
// hostile host CSS, bad and hostile attributes), the iframe embed and the
// height it reports, the main page's "Share / embed" snippets, and screenshots.
// Playwright's CSS locators pierce open shadow roots, so
// page.locator('#weather').locator('[data-measure="klPQ"]') reads inside one element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measures } from '../../dist/infodiv.js';
import {
  useExplorer, LOAD_TIMEOUT, eventually, format3, assertClose, expectedMeasures, dragBar, screenshot, sum,
  MEASURES, BASES, THREE, DESKTOP, PHONE,
} from './harness.js';

const explorer = useExplorer();
const BLOG = 'examples/blog-post.html';
const WEATHER = { p: [0.8, 0.2], q: [0.5, 0.5], units: 'bits' };
const SMOOTHING = { p: [1, 0, 0, 0], q: [0.925, 0.025, 0.025, 0.025], units: 'nats' };
const ALL_PANELS = ['presets', 'units', 'bars', 'numbers', 'decomposition', 'terms', 'table'];

// open() waits for [data-ready] [data-measure="klPQ"][data-value] (the explorer
// ready: its numbers, charts and controls), which it finds inside the
// shadow roots of the blog post and in embed.html's light DOM. For host pages
// of our own, open any site page (for the console-error checks and the site's
// origin), then replace its content.
async function hostPage(html, options) {
  const page = await explorer.open('embed.html', options);
  await page.setContent(html);
  return page;
}

/** A stand-in for `page` whose locators search inside one element (for the harness's dragBar). */
const within = (page, selector) => ({
  locator: (s) => page.locator(selector).locator(s),
  mouse: page.mouse,
  waitForTimeout: (ms) => page.waitForTimeout(ms),
});

/** What the element at `selector` shows inside its shadow root. */
const look = (page, selector) => page.locator(selector).evaluate((host) => {
  const root = host.shadowRoot, $ = (s) => root.querySelector(s), $$ = (s) => [...root.querySelectorAll(s)];
  const text = (e) => (e && !e.hidden ? e.textContent.trim() : null);
  return {
    measures: Object.fromEntries($$('[data-measure]').map((e) => [e.dataset.measure, { text: e.textContent.trim(), value: e.dataset.value }])),
    units: $('.measure [data-unit]')?.textContent,
    panels: $$('[data-panel]').filter((e) => e.checkVisibility()).map((e) => e.dataset.panel),
    hiddenAttr: $$('[data-panel]').filter((e) => e.hidden).map((e) => e.dataset.panel),
    note: text($('.attribute-note')),
    infinity: text($('[data-role="infinity-note"]')),
    ariaLabels: $$('[role="slider"][data-dist="p"]').map((e) => e.getAttribute('aria-label')),
    barsHeight: $('.chart-bars')?.getBoundingClientRect().height,
  };
});

/** The element shows the library's measures for state (data-value within 1e-12, text to 3 digits). */
const checkShown = (page, selector, state) => eventually(async () => {
  const shown = await look(page, selector);
  const want = expectedMeasures(state);
  for (const k of MEASURES) {
    assert.ok(shown.measures[k]?.value !== undefined, `${selector} ${k}: no data-value`);
    assertClose(Number(shown.measures[k].value), want[k], `${selector} ${k} data-value`);
    assert.equal(shown.measures[k].text, format3(want[k]), `${selector} ${k} text`);
  }
  assert.equal(shown.units, state.units, `${selector} unit name`);
  return shown;
}, 5000);

/** Records the input/change events of the elements matching `selector` in window.__events. */
const recordEvents = (page, selector = 'kl-explorer') => page.evaluate((s) => {
  window.__events = [];
  for (const el of document.querySelectorAll(s)) {
    for (const type of ['input', 'change']) el.addEventListener(type, (e) => window.__events.push({ id: el.id, type, detail: e.detail }));
  }
}, selector);
const events = (page) => page.evaluate(() => window.__events);

/** An event detail is a state whose measures are the library's. */
function checkDetail(detail, what) {
  assert.ok(detail && Array.isArray(detail.p) && Array.isArray(detail.q), `${what}: detail ${JSON.stringify(detail)}`);
  assertClose(sum(detail.p), 1, `${what}: sum of detail.p`);
  assertClose(sum(detail.q), 1, `${what}: sum of detail.q`);
  assert.equal(detail.labels.length, detail.p.length, `${what}: labels`);
  const want = measures(detail.p, detail.q, { base: BASES[detail.units] });
  for (const k of MEASURES) assertClose(detail.measures[k], want[k], `${what}: detail.measures.${k}`);
}

const iframeOf = async (page, selector) => (await page.locator(selector).elementHandle()).contentFrame();

test('example page: both elements and the iframe render the right numbers, panels and notes', async () => {
  const page = await explorer.open(BLOG);
  const weather = await checkShown(page, '#weather', WEATHER);
  assert.equal(weather.measures.klPQ.text, '0.278');
  assert.deepEqual(weather.panels, ['bars', 'numbers'], '#weather: controls="bars,numbers"');
  assert.deepEqual(weather.hiddenAttr, ['presets', 'units', 'decomposition', 'terms', 'table'], '#weather: hidden panels');
  assert.equal(weather.barsHeight, 260, '#weather: height="260"');
  assert.equal(weather.note, null, '#weather: no attribute note');
  assert.deepEqual(weather.ariaLabels, ['P(rain)', 'P(no rain)']);

  const smoothing = await checkShown(page, '#smoothing', SMOOTHING);
  assert.deepEqual(smoothing.panels, ALL_PANELS, '#smoothing: every panel by default');
  assert.equal(smoothing.measures.klQP.text, '∞');
  assert.match(smoothing.infinity ?? '', /KL\(Q‖P\) is infinite: P gives probability 0 to “dog”, “bird”,? and “fish”/);
  assert.equal(smoothing.note, null, '#smoothing: no attribute note');

  // The iframe loads lazily: bring it into view.
  await page.locator('#framed').scrollIntoViewIfNeeded();
  const frame = page.frameLocator('#framed');
  await eventually(async () => assert.equal(await frame.locator('[data-measure="klPQ"]').textContent(), '0.0231'), LOAD_TIMEOUT);
  assert.equal(await frame.locator('[data-measure="klPQ"]').getAttribute('data-value'), String(expectedMeasures({ ...THREE, units: 'nats' }).klPQ));
});

test('independence: dragging a bar of #weather fires input events and one change, and leaves #smoothing alone', async () => {
  const page = await explorer.open(BLOG);
  await checkShown(page, '#weather', WEATHER);
  const smoothingBefore = await checkShown(page, '#smoothing', SMOOTHING);
  await recordEvents(page);

  await dragBar(within(page, '#weather'), 'p', 0, -60, { steps: 8 });
  const got = await eventually(async () => {
    const all = await events(page);
    assert.equal(all.filter((e) => e.type === 'change').length, 1, 'one change event');
    return all;
  });
  assert.ok(got.every((e) => e.id === 'weather'), `events only from #weather: ${got.map((e) => e.id)}`);
  const inputs = got.filter((e) => e.type === 'input'), change = got.find((e) => e.type === 'change');
  assert.ok(inputs.length >= 2, `input events while dragging (${inputs.length})`);
  assert.equal(got.at(-1).type, 'change', 'change comes last');
  inputs.forEach((e, n) => checkDetail(e.detail, `input #${n}`));
  checkDetail(change.detail, 'change');
  assert.ok(change.detail.p[0] < 0.8 - 0.05, `the drag lowered P(rain): ${change.detail.p[0]}`);
  assert.deepEqual([change.detail.q, change.detail.labels, change.detail.units], [WEATHER.q, ['rain', 'no rain'], 'bits']);

  // The element shows what the event said, and `value` agrees.
  const shown = await checkShown(page, '#weather', change.detail);
  assert.notEqual(shown.measures.klPQ.text, '0.278');
  assert.deepEqual(await page.locator('#weather').evaluate((e) => e.value), change.detail, 'element.value');
  assert.deepEqual((await look(page, '#smoothing')).measures, smoothingBefore.measures, '#smoothing unchanged');
});

test('attributes set by script: the element follows, and fires no change event for them', async () => {
  const page = await explorer.open(BLOG);
  await checkShown(page, '#weather', WEATHER);
  await recordEvents(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const set = (name, value) => page.locator('#weather').evaluate((e, [n, v]) => e.setAttribute(n, v), [name, value]);
  const state = { ...WEATHER };
  // Each step: an attribute, its value, and what the element must then show.
  const steps = [
    ['q', '3,7', async () => { state.q = [0.3, 0.7]; await checkShown(page, '#weather', state); }],
    ['units', 'nats', async () => { state.units = 'nats'; await checkShown(page, '#weather', state); }],
    ['labels', 'wet, dry', async () => eventually(async () => assert.deepEqual((await look(page, '#weather')).ariaLabels, ['P(wet)', 'P(dry)']))],
    ['controls', 'bars numbers,table', async () => eventually(async () => {
      assert.deepEqual((await look(page, '#weather')).panels, ['bars', 'numbers', 'table']);
      const labels = page.locator('#weather').locator('input[data-field="label"]');
      assert.deepEqual(await labels.evaluateAll((es) => es.map((e) => e.value)), ['wet', 'dry']);
      await checkShown(page, '#weather', state); // the new panels show the same state
    })],
    ['height', '400', async () => eventually(async () => assert.equal((await look(page, '#weather')).barsHeight, 400))],
    ['height', '150px', async () => eventually(async () => assert.equal((await look(page, '#weather')).barsHeight, 150))],
  ];
  for (const [name, value, check] of steps) {
    await set(name, value);
    await check();
    await page.waitForTimeout(100); // an event would be dispatched by now
    assert.deepEqual((await events(page)).map((e) => e.type), [], `no events after setting ${name}="${value}"`);
  }
  const value = await page.locator('#weather').evaluate((e) => e.value);
  assert.deepEqual([value.p, value.q, value.labels, value.units], [[0.8, 0.2], [0.3, 0.7], ['wet', 'dry'], 'nats'], 'element.value');
  // A person's change after all that (the controls change rebuilt the explorer inside) fires change, and only once.
  await page.locator('#weather').locator('[role="slider"][data-dist="q"][data-index="0"]').press('ArrowUp');
  await eventually(async () => assert.deepEqual((await events(page)).map((e) => e.type), ['change']));
  checkDetail((await events(page))[0].detail, 'change after ArrowUp');
  await page.locator('#weather').locator('button[data-action="add"]').click();
  await eventually(async () => assert.equal((await look(page, '#weather')).ariaLabels.length, 3, 'Add an outcome'));
  assert.deepEqual(errors, [], 'page errors from a key press and a click after the controls change');
});

test('resize: the elements and the iframe follow the width of the blog column without overflowing', async () => {
  const page = await explorer.open(BLOG);
  await page.locator('#framed').scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(await page.frameLocator('#framed').locator('[data-ready] [data-measure="klPQ"][data-value]').count()), LOAD_TIMEOUT);
  // Let the opening chart animations finish: a resize during them sometimes leaves
  // a bars chart at its old width for good (seen in the iframe and in #weather; reported).
  await page.waitForTimeout(1200);
  for (const width of [360, 1100, 720]) {
    await page.evaluate((w) => { document.body.style.maxWidth = `${w}px`; }, width);
    const column = width; // max-width is the body's content box
    for (const id of ['weather', 'smoothing']) {
      await eventually(async () => {
        const m = await page.locator(`#${id}`).evaluate((host) => {
          const root = host.shadowRoot.querySelector('.infodiv-explorer');
          const canvas = root.querySelector('canvas[data-chart="bars"]').getBoundingClientRect();
          const box = (s) => root.querySelector(s).getBoundingClientRect();
          return {
            host: host.getBoundingClientRect().width, scroll: root.scrollWidth, client: root.clientWidth,
            hostScroll: host.scrollWidth, hostClient: host.clientWidth, canvas: canvas.width, rootWidth: root.getBoundingClientRect().width,
            overflowing: [...root.querySelectorAll('.panel')].filter((p) => p.checkVisibility() && p.scrollWidth > p.clientWidth + 1)
              .map((p) => `${p.dataset.panel} ${p.scrollWidth}>${p.clientWidth}`),
            side: box('[data-panel="numbers"]').top < box('[data-panel="bars"]').bottom - 1, // numbers beside the bars
            wide: [...root.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().width > root.clientWidth + 1)
              .slice(0, 6).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().width)}`).join(', '),
          };
        });
        const what = `#${id} at ${width}px`;
        assert.ok(Math.abs(m.host - column) <= 1, `${what}: element ${m.host} px wide, column ${column}`);
        assert.ok(m.scroll <= m.client + 1, `${what}: content ${m.scroll} px in ${m.client} ${m.wide}`);
        assert.ok(m.hostScroll <= m.hostClient + 1, `${what}: element scrolls ${m.hostScroll} px in ${m.hostClient}`);
        assert.ok(m.canvas <= m.rootWidth && m.canvas > m.rootWidth / 2, `${what}: bars chart ${m.canvas} px in ${m.rootWidth}`);
        assert.deepEqual(m.overflowing, [], `${what}: panels wider than their box`);
        assert.equal(m.side, column >= 760, `${what}: numbers beside the bars only when there is room`);
      });
    }
    // Chromium does not lay out an iframe out of view (the column got taller): bring it into view.
    await page.locator('#framed').scrollIntoViewIfNeeded();
    const frame = await iframeOf(page, '#framed');
    await eventually(async () => {
      const f = await frame.evaluate(() => {
        const { scrollWidth: scroll, clientWidth: client } = document.documentElement;
        const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > client + 1)
          .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${e.getBoundingClientRect().width} px)`);
        return { scroll, client, wide };
      });
      assert.ok(f.scroll <= f.client + 1, `iframe at ${width}px: content ${f.scroll} px in ${f.client}: ${f.wide.join(', ')}`);
    });
  }
});

// Host stylesheets a blog might have: each on its own, then all five at once.
const HOSTILE = {
  'all: unset': '* { all: unset }',
  'div hidden': 'div { display: none }',
  'canvas hidden !important': 'canvas { display: none !important }',
  'huge buttons !important': 'button { font-size: 40px !important }',
};
HOSTILE['all five at once'] = Object.values(HOSTILE).join('\n');

/**
 * Adds each stylesheet of `sheets` to the blog post in turn and checks that both
 * elements still render (box, chart, numbers), keep their own font sizes, and
 * that a drag still changes KL. Every sheet gets its verdict; fails with the list.
 */
async function checkUnderHostCss(sheets) {
  const page = await explorer.open(BLOG);
  const state = { weather: { ...WEATHER }, smoothing: SMOOTHING };
  await checkShown(page, '#weather', WEATHER);
  const sizes = (id) => page.locator(`#${id}`).evaluate((host) => {
    const root = host.shadowRoot, css = (s, p) => (root.querySelector(s) ? getComputedStyle(root.querySelector(s))[p] : null);
    return {
      number: css('[data-measure="klPQ"]', 'fontSize'), button: css('button[data-preset]', 'fontSize'),
      font: css('.infodiv-explorer', 'fontSize'), canvasDisplay: css('canvas', 'display'),
    };
  });
  const baseline = { weather: await sizes('weather'), smoothing: await sizes('smoothing') };
  const failures = [];
  for (const [name, css] of Object.entries(sheets)) {
    await page.evaluate((text) => document.head.append(Object.assign(document.createElement('style'), { id: 'hostile', textContent: text })), css);
    try {
      for (const id of ['weather', 'smoothing']) {
        const element = page.locator(`#${id}`);
        const box = await element.boundingBox();
        assert.ok(box && box.height > 100 && box.width > 100, `#${id}: element box ${JSON.stringify(box)}`);
        assert.equal(await element.locator('canvas[data-chart="bars"]').isVisible(), true, `#${id}: bars chart visible`);
        assert.ok((await element.locator('[data-measure="klPQ"]').boundingBox())?.height > 0, `#${id}: KL visible`);
        await checkShown(page, `#${id}`, state[id]);
        const now = await sizes(id);
        assert.deepEqual(now, baseline[id], `#${id}: sizes inside the shadow root ${JSON.stringify(now)}, without this CSS ${JSON.stringify(baseline[id])}`);
      }
      // A drag still changes KL (towards the middle, so that it always can).
      const before = (await look(page, '#weather')).measures.klPQ.value;
      const p0 = await page.locator('#weather').evaluate((e) => e.value.p[0]);
      await dragBar(within(page, '#weather'), 'p', 0, p0 > 0.5 ? -30 : 30);
      await eventually(async () => assert.notEqual((await look(page, '#weather')).measures.klPQ.value, before, 'a drag changes KL'));
      Object.assign(state.weather, await page.locator('#weather').evaluate((e) => ({ p: e.value.p, q: e.value.q })));
    } catch (e) {
      failures.push(`${name}: ${e.message.split('\n')[0]}`);
    }
    await page.evaluate(() => document.getElementById('hostile').remove());
  }
  assert.deepEqual(failures, [], 'host stylesheets that broke an element');
}

test('hostile host CSS: the elements still render at their own sizes and still work', () => checkUnderHostCss(HOSTILE));

// A common blog idiom. rem inside a shadow root is relative to the host page's
// <html>, so the explorer sizes its text in em from its own root instead.
test('host root font size: html { font-size: 62.5% } leaves the explorer\'s text sizes alone', () =>
  checkUnderHostCss({ 'html { font-size: 62.5% }': 'html { font-size: 62.5% }' }));

test('hiding an element: the hidden attribute and a rule that names the element hide it, as for any element', async () => {
  const page = await explorer.open(BLOG);
  const weather = page.locator('#weather');
  await weather.evaluate((e) => { e.hidden = true; });
  assert.equal(await weather.isVisible(), false, 'hidden by the hidden attribute');
  await weather.evaluate((e) => { e.hidden = false; });
  assert.equal(await weather.isVisible(), true, 'shown again');
  // Broad rules (* { all: unset }, div { display: none }) cannot hide it (see above), but the
  // author's own rule for the element itself can: the :host rule is not !important.
  await page.addStyleTag({ content: 'kl-explorer { display: none }' });
  assert.equal(await weather.isVisible(), false, 'hidden by kl-explorer { display: none }');
});

test('the elements do not restyle the host page', async () => {
  // Computed styles of the blog's own <p>, a <button> and <body>, with the elements loaded and without.
  const styles = (page) => page.evaluate(() => {
    const button = document.body.appendChild(Object.assign(document.createElement('button'), { textContent: 'Subscribe' }));
    const pick = (e) => { const s = getComputedStyle(e); return [s.fontSize, s.fontFamily, s.backgroundColor, s.color, s.lineHeight, s.padding]; };
    const out = { p: pick(document.querySelector('main > p')), button: pick(button), body: pick(document.body), html: pick(document.documentElement),
      sheets: document.adoptedStyleSheets.length, styleElements: document.querySelectorAll('style, link[rel="stylesheet"]').length };
    button.remove();
    return out;
  });
  const page = await explorer.open(BLOG);
  await checkShown(page, '#smoothing', SMOOTHING);
  const withElements = await styles(page);
  await page.route('**/kl-explorer.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.reload();
  assert.equal(await page.evaluate(() => customElements.get('kl-explorer')), undefined, 'the element script was left out');
  assert.deepEqual(withElements, await styles(page));
  assert.equal(withElements.button[2], 'rgb(255, 105, 180)', 'the blog\'s hotpink buttons');
});

test('bad attributes: a friendly note naming each problem, and a working default explorer', async () => {
  const page = await explorer.open(BLOG);
  await page.evaluate(() => {
    const el = Object.assign(document.createElement('kl-explorer'), { id: 'bad' });
    const attrs = { p: '0.5,abc', units: 'parsecs', controls: 'bars,sparkles', height: 'tall', labels: 'a,b,c,d,e' };
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.body.prepend(el);
  });
  const shown = await checkShown(page, '#bad', { ...THREE, units: 'nats' });
  assert.ok(shown.note?.startsWith('kl-explorer:'), `note: ${shown.note}`);
  assert.equal(await page.locator('#bad').locator('.attribute-note').isVisible(), true, 'the note is visible');
  const problems = { p: /\bP\b/, units: /units/, controls: /sparkles/, height: /height/, labels: /labels/ };
  const missing = Object.keys(problems).filter((k) => !problems[k].test(shown.note));
  assert.deepEqual(missing, [], `problems not mentioned in the note: "${shown.note}"`);
  assert.deepEqual(shown.panels, ALL_PANELS, 'the default panels');
  const before = shown.measures.klPQ.value;
  await dragBar(within(page, '#bad'), 'p', 1, 40);
  await eventually(async () => assert.notEqual((await look(page, '#bad')).measures.klPQ.value, before, 'a drag changes KL'));
});

test('bad attributes: a label with markup is shown as text and runs nothing', async () => {
  const page = await explorer.open(BLOG);
  const label = '<img src=x onerror=window.__pwned=1>';
  await page.evaluate((l) => {
    const el = Object.assign(document.createElement('kl-explorer'), { id: 'evil' });
    for (const [k, v] of Object.entries({ p: '1,1', q: '1,3', labels: `${l},b` })) el.setAttribute(k, v);
    document.body.prepend(el);
  }, label);
  const shown = await checkShown(page, '#evil', { p: [0.5, 0.5], q: [0.25, 0.75], units: 'nats' });
  assert.equal(shown.note, null, 'nothing wrong with these attributes');
  assert.deepEqual(shown.ariaLabels, [`P(${label})`, 'P(b)']);
  assert.equal(await page.locator('#evil').locator('input[data-field="label"][data-index="0"]').inputValue(), label);
  await page.waitForTimeout(200); // an injected onerror would have fired by now
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected code ran');
  assert.equal(await page.locator('#evil').evaluate((e) => e.shadowRoot.querySelectorAll('img').length), 0, 'an <img> was created');
});

test('iframe: the example page sizes the iframe to the height its content reports', async () => {
  const page = await explorer.open(BLOG);
  await page.locator('#framed').scrollIntoViewIfNeeded();
  const frame = await iframeOf(page, '#framed');
  await frame.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: LOAD_TIMEOUT });
  await eventually(async () => {
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const iframe = await page.locator('#framed').evaluate((f) => f.getBoundingClientRect().height);
    assert.ok(Math.abs(iframe - content) <= 1, `iframe ${iframe} px high, its content ${content} px`);
    assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight), false, 'the frame has no scroll bar');
  });
});

test('iframe: a host page following the documented script grows and shrinks the iframe with its content', async () => {
  const src = explorer.url('embed.html?p=0.6,0.3,0.1&q=0.5,0.4,0.1&units=bits&controls=bars,numbers,table');
  const page = await hostPage(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">
    <iframe id="e" src="${src}" title="KL divergence explorer" style="width: 100%; border: 0;" height="640"></iframe>
    <script>
      window.__reports = [];
      addEventListener('message', (event) => {
        if (!event.data || event.data.type !== 'infodiv-height') return;
        for (const frame of document.querySelectorAll('iframe')) {
          if (frame.contentWindow === event.source) { frame.style.height = event.data.height + 'px'; window.__reports.push(event.data.height); }
        }
      });
    </script></body></html>`);
  const frame = await iframeOf(page, '#e');
  await frame.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: LOAD_TIMEOUT });
  const heights = () => Promise.all([
    page.locator('#e').evaluate((f) => f.getBoundingClientRect().height),
    frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    page.evaluate(() => window.__reports.at(-1)),
  ]);
  const fits = (what) => eventually(async () => {
    const [iframe, content, reported] = await heights();
    assert.equal(iframe, reported, `${what}: iframe height = last reported height`);
    const reports = await page.evaluate(() => window.__reports.join(', '));
    assert.ok(Math.abs(iframe - content) <= 1, `${what}: iframe ${iframe} px high, its content ${content} px (reports so far: ${reports})`);
    return iframe;
  });
  const start = await fits('at first');
  const add = frame.locator('button[data-action="add"]');
  for (let n = 0; n < 4; n++) await add.click();
  const grown = await fits('after adding 4 outcomes');
  assert.ok(grown > start + 80, `the iframe grew: ${start} → ${grown}`);
  for (let n = 0; n < 5; n++) await frame.locator('button[data-action="remove"]').first().click();
  const shrunk = await fits('after removing 5 outcomes');
  assert.ok(shrunk < start - 10, `the iframe shrank: ${grown} → ${shrunk} (first ${start})`);
});

test('share / embed: the link, the element snippet and the iframe snippet show the same KL; Copy copies', async () => {
  const page = await explorer.open('');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: explorer.url('').slice(0, -1) });
  await page.locator('button[data-preset="weather"]').click();
  // A drag too, so the numbers are not round (the snippets round them to 6 digits).
  await dragBar(page, 'p', 0, 25);
  await page.locator('[data-role="share"] summary').click();
  const klText = async (p) => p.locator('[data-measure="klPQ"]').first().textContent();
  const want = await eventually(async () => {
    const state = await page.evaluate(() => Object.fromEntries(new URL(location.href).searchParams));
    const link = await page.locator('[data-share="link"]').inputValue();
    assert.equal(new URL(link).search, new URL(page.url()).search, 'the link is the address of this view');
    return { kl: await klText(page), value: await page.locator('[data-measure="klPQ"]').getAttribute('data-value'), state };
  });
  const field = (key) => page.locator(`[data-share="${key}"]`).inputValue();

  // The link, opened in a new page.
  const link = new URL(await field('link'));
  const linked = await explorer.open(link.pathname.slice(1) + link.search);
  assert.equal(await klText(linked), want.kl, 'KL(P‖Q) at the link');
  assert.equal(await linked.locator('[data-measure="klPQ"]').getAttribute('data-value'), want.value, 'exact KL at the link');

  // The element snippet, pasted into a blank page.
  const tag = await field('tag');
  assert.match(tag, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/kl-explorer\.js"><\/script>\n<kl-explorer [^<]*><\/kl-explorer>$/);
  const tagged = await hostPage(`<!doctype html><html><head><meta charset="utf-8"></head><body>\n${tag}\n</body></html>`);
  await eventually(async () => assert.equal(await klText(tagged.locator('kl-explorer')), want.kl, 'KL(P‖Q) in the pasted element'), LOAD_TIMEOUT);
  assert.equal((await look(tagged, 'kl-explorer')).units, 'nats');

  // The iframe snippet, likewise.
  const iframe = await field('iframe');
  const framed = await hostPage(`<!doctype html><html><head><meta charset="utf-8"></head><body>\n${iframe}\n</body></html>`);
  await eventually(async () => assert.equal(await klText(framed.frameLocator('iframe')), want.kl, 'KL(P‖Q) in the pasted iframe'), LOAD_TIMEOUT);

  // Each Copy button puts its field's text on the clipboard and says so.
  for (const key of ['link', 'tag', 'iframe']) {
    await page.evaluate(() => navigator.clipboard.writeText('-'));
    await page.locator(`[data-copy="${key}"]`).click();
    await eventually(async () => assert.equal(await page.locator('[data-role="copy-status"]').textContent(), 'Copied.'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await field(key), `clipboard after Copy ${key}`);
    await page.evaluate(() => { document.querySelector('[data-role="copy-status"]').textContent = ''; });
  }
});

for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`screenshot: the example page, ${name}`, async () => {
    const page = await explorer.open(BLOG, { device });
    await page.locator('#framed').scrollIntoViewIfNeeded(); // the lazy iframe
    await page.frameLocator('#framed').locator('[data-ready] [data-measure="klPQ"][data-value]').waitFor({ timeout: LOAD_TIMEOUT });
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(1000); // chart animations
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await screenshot(page, `example-${name}`);
    assert.ok(width <= device.viewport.width, `the page is ${width} px wide in a ${device.viewport.width} px viewport`);
  });
}
