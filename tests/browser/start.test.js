// How the explorer starts: its first render with charts draws them as they
// are (no opening animation, which on a slow phone costs frames of Chart.js
// work while the reader waits), both modes, on the page and in <kl-explorer>.
// Read the moment the explorer is ready (its root gets data-ready, after the
// render that drew the charts): a MutationObserver, registered before the
// page's scripts, samples the canvas in that microtask, before any animation
// frame could have drawn more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useExplorer } from './harness.js';
import { allReady } from './look.js';

const explorer = useExplorer();
const LIGHT_P = [0, 114, 178];

// In the page, before its scripts: when the first explorer is ready, the
// pixels of P there and then (the middle of the first bar, or the opaque
// pixels around the peak of P's curve) in window.__first.
function sampleFirstRender() {
  const sample = (root) => {
    const canvas = root.querySelector('canvas[data-chart="bars"], canvas[data-chart="curves"]');
    const handle = root.querySelector('[role="slider"][data-dist="p"]');
    const c = canvas.getBoundingClientRect(), h = handle.getBoundingClientRect();
    const scale = canvas.width / c.width, ctx = canvas.getContext('2d');
    const at = (x, y) => [...ctx.getImageData(Math.round((x - c.left) * scale), Math.round((y - c.top) * scale), 1, 1).data];
    if (canvas.dataset.chart === 'bars') {
      const v = Number(handle.getAttribute('aria-valuenow'));
      return [at(h.left + h.width / 2, h.bottom - (v * h.height) / 2)];
    }
    const x = h.left + h.width / 2, y = h.top + h.height / 2;
    return Array.from({ length: 11 }, (_, k) => at(x, y - 5 + k)).filter((px) => px[3] === 255);
  };
  const watch = (root) => new MutationObserver((records, observer) => {
    const el = records.map((r) => r.target).find((t) => t.matches('.infodiv-explorer[data-ready]'));
    if (!el || window.__first) return;
    window.__first = { pixels: sample(el).map((px) => px.slice(0, 3)) };
    observer.disconnect();
  }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  watch(document);
  // <kl-explorer> keeps its explorer in a shadow root, open from its constructor.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    watch(root);
    return root;
  };
}

async function firstRender(path) {
  const page = await explorer.newPage({ fresh: true }); // a first visit: nothing cached
  await page.addInitScript(sampleFirstRender);
  await page.goto(explorer.url(path));
  await allReady(page);
  return page.evaluate(() => window.__first);
}

for (const [name, path] of Object.entries({
  'page, discrete': '', 'page, continuous': '?mode=continuous', 'blog post, <kl-explorer>': 'examples/blog-post.html',
})) {
  test(`the first render draws P at once, with no opening animation: ${name}`, async () => {
    const first = await firstRender(path);
    assert.ok(first, 'the explorer became ready while watched');
    const close = (px) => px.every((v, i) => Math.abs(v - LIGHT_P[i]) <= 3);
    assert.ok(first.pixels.some(close), `P on the canvas as the explorer is ready: ${JSON.stringify(first.pixels)}, want rgb(${LIGHT_P})`);
  });
}

// In the page, before its scripts: the order of what happens to the first
// explorer: its numbers arrive, a frame is painted, it is ready (charts made).
function recordOrder() {
  window.__order = [];
  new MutationObserver((records, observer) => {
    for (const { target, attributeName } of records) {
      if (attributeName === 'data-value' && target.matches('[data-measure="klPQ"]') && !window.__order.includes('numbers')) {
        window.__order.push('numbers');
        requestAnimationFrame(() => window.__order.push('frame'));
      }
      if (attributeName === 'data-ready') {
        window.__order.push('ready');
        observer.disconnect();
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-value', 'data-ready'] });
}

// A slow phone makes the charts in a second or more: the numbers must not wait for them.
for (const [view, path] of Object.entries({ discrete: '', continuous: '?view=continuous', code: '?view=code', evidence: '?view=evidence' })) {
  test(`the numbers come first, painted before the charts are made: ${view}`, async () => {
    const page = await explorer.newPage({ fresh: true }); // a first visit: nothing cached
    await page.addInitScript(recordOrder);
    await page.goto(explorer.url(path));
    await allReady(page);
    assert.deepEqual(await page.evaluate(() => window.__order), ['numbers', 'frame', 'ready']);
  });
}
