// A long session: real pointer moves dragging the bars of P and Q (discrete
// mode; 10,000 in npm run test:soak, 800 in npm test) and the handles on the
// curves (continuous mode; 1,000 and 200), spread by a seeded PRNG over every bar and handle, over the whole
// plot and beyond its edges. After every drag of 100 moves, every number the
// page shows must be the library's for the bars or parameters it shows, and P
// and Q must each sum to 1 within 1e-12. At the end, after garbage
// collection, the JS heap may not have grown by more than HEAP_BOUND since
// the warm-up, and the wasm memory not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prng } from '../js/prng.mjs';
import {
  useExplorer, ready, eventually, readState, expectedMeasures, formatSigned, assertClose, sum, checkContinuous,
  MEASURES, SOAK,
} from './harness.js';

const explorer = useExplorer();
const SEED = Number(process.env.LONG_SEED ?? 2024);
const MOVES_PER_DRAG = 100;
const HEAP_BOUND = 5 * 2 ** 20; // bytes of JS heap growth allowed after the warm-up (measured: see the log line)

// Before the page's scripts: keep the wasm memory of every instance the page makes, to watch its size.
function watchWasmMemory() {
  window.__wasmMemories = [];
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    const instance = result.instance ?? result;
    for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) window.__wasmMemories.push(v);
    return result;
  };
}

async function openWatched(query) {
  const page = await explorer.newPage();
  await page.addInitScript(watchWasmMemory);
  await page.goto(explorer.url(query));
  await ready(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return { page, cdp };
}

/** The JS heap in use after a full garbage collection, and the wasm memory's size. */
async function memory({ page, cdp }) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemories.map((m) => m.buffer.byteLength));
  return { heap: usedSize, wasm };
}

/**
 * Checks the discrete page: the URL's state (exact) is what the bars and the
 * table show, each distribution sums to 1, and every measure shown (text and
 * data-value, and the live numbers in the prose) is the library's for it.
 */
async function checkDiscrete(page, what) {
  return eventually(async () => {
    const state = readState(page);
    const shown = await page.evaluate(() => ({
      measures: Object.fromEntries([...document.querySelectorAll('[data-measure]')].map((e) => [e.dataset.measure, { text: e.textContent.trim(), value: e.dataset.value }])),
      quick: Object.fromEntries([...document.querySelectorAll('[data-quick]')].map((e) => [e.dataset.quick, e.textContent.trim()])),
      live: [...document.querySelectorAll('[data-live]')].map((e) => [e.dataset.live, e.textContent.trim()]),
      bars: [...document.querySelectorAll('[role="slider"][data-dist]')].map((e) => [e.dataset.dist, Number(e.dataset.index), Number(e.getAttribute('aria-valuenow'))]),
      table: [...document.querySelectorAll('input[data-field="value"]')].map((e) => [e.dataset.dist, Number(e.dataset.index), Number(e.value)]),
    }));
    for (const dist of ['p', 'q']) assertClose(sum(state[dist]), 1, `${what}: the sum of ${dist.toUpperCase()}`, 1e-12);
    for (const [dist, i, v] of shown.bars) assert.equal(v, Number(state[dist][i].toFixed(3)), `${what}: bar ${dist}${i}`);
    for (const [dist, i, v] of shown.table) assert.equal(v, Number(state[dist][i].toFixed(4)), `${what}: table ${dist}${i}`);
    const want = expectedMeasures(state);
    for (const k of MEASURES) {
      assertClose(Number(shown.measures[k].value), want[k], `${what}: ${k}`);
      assert.equal(shown.measures[k].text, formatSigned(want[k]), `${what}: ${k} text`);
    }
    for (const [k, text] of Object.entries(shown.quick)) assert.equal(text, formatSigned(want[k]), `${what}: quick ${k}`);
    for (const [k, text] of shown.live) assert.equal(text, formatSigned(want[k]), `${what}: live ${k}`);
    return state;
  });
}

/** One page's share of the discrete session: `total` moves in drags of MOVES_PER_DRAG, checked after each drag. */
async function discreteSession(seed, total, name) {
  const rand = prng(seed);
  const watched = await openWatched('?p=0.3,0.25,0.2,0.15,0.1&q=0.1,0.15,0.2,0.25,0.3&units=bits');
  const { page } = watched;
  await page.locator('[role="slider"][data-dist="p"][data-index="0"]').scrollIntoViewIfNeeded();
  // The handles cover each bar's column of the plot; they do not move while the axis is fixed at 0..1.
  const handles = await page.locator('[role="slider"][data-dist]').evaluateAll((es) => es.map((e) => {
    const b = e.getBoundingClientRect();
    return { dist: e.dataset.dist, i: Number(e.dataset.index), x: b.x + b.width / 2, top: b.top, bottom: b.bottom };
  }));
  assert.equal(handles.length, 10);
  const plot = { left: Math.min(...handles.map((h) => h.x)) - 40, right: Math.max(...handles.map((h) => h.x)) + 40 };

  let moves = 0, drags = 0, warm = null;
  const seen = { zero: 0, one: 0, infinite: 0, drags: { p: 0, q: 0 } };
  const started = Date.now();
  while (moves < total) {
    const h = handles[Math.floor(rand() * handles.length)];
    seen.drags[h.dist]++;
    const height = h.bottom - h.top;
    await page.mouse.move(h.x, h.top + height * (0.05 + 0.9 * rand()));
    await page.mouse.down();
    for (let k = 0; k < MOVES_PER_DRAG; k++) {
      // Mostly inside the plot, sometimes above or below it (clamped to 1 or 0), the pointer wandering across bars.
      let y = h.top - 0.15 * height + 1.3 * height * rand();
      const x = rand() < 0.7 ? h.x : plot.left + (plot.right - plot.left) * rand();
      // Every third drag ends above the plot and every third below it, so the checks see bars at 1 and at 0.
      if (k === MOVES_PER_DRAG - 1 && drags % 3 > 0) y = drags % 3 === 1 ? h.top - 0.1 * height : h.bottom + 0.1 * height;
      await page.mouse.move(x, y);
      moves++;
    }
    drags++;
    await page.mouse.up();
    const state = await checkDiscrete(page, `${name}: after ${moves} moves (${h.dist}${h.i})`);
    if ([...state.p, ...state.q].includes(0)) seen.zero++;
    if ([...state.p, ...state.q].includes(1)) seen.one++;
    if (state.p.some((v, i) => v > 0 && state.q[i] === 0)) seen.infinite++;
    if (moves === WARM_UP) warm = await memory(watched);
  }
  const end = await memory(watched);
  console.log(`${name}: ${moves} moves in ${Date.now() - started} ms; JS heap ${(warm.heap / 2 ** 20).toFixed(2)} MB after `
    + `${WARM_UP} moves, ${(end.heap / 2 ** 20).toFixed(2)} MB after ${moves} (${((end.heap - warm.heap) / 2 ** 20).toFixed(2)} MB); `
    + `wasm memory ${warm.wasm} → ${end.wasm} bytes; drags of P ${seen.drags.p}, of Q ${seen.drags.q}; ending with a bar at 0: `
    + `${seen.zero}, at 1: ${seen.one}, with KL(P‖Q) = ∞: ${seen.infinite}`);
  assert.ok(end.heap - warm.heap <= HEAP_BOUND, `${name}: JS heap grew by ${end.heap - warm.heap} bytes (bound ${HEAP_BOUND})`);
  assert.ok(warm.wasm.length >= 1, `${name}: the wasm memory was found`);
  assert.deepEqual(end.wasm, warm.wasm, `${name}: the wasm memory did not grow`);
  return seen;
}

// Each move costs the renderer about 17 ms on a 2-core machine (layout, paint
// and three charts redrawn, whatever the viewport), so the moves are shared by
// two pages in two renderer processes, one per core.
const PER_PAGE = SOAK ? 5000 : 400;
const WARM_UP = SOAK ? 1000 : 200;
const DENSITY_MOVES = SOAK ? 1000 : 200;
const DENSITY_WARM_UP = SOAK ? 200 : 100;
test(`${(2 * PER_PAGE).toLocaleString('en')} pointer moves over the bars of P and Q, on two pages at once: every number stays the library's, the sums stay 1, memory stays flat (seed ${SEED})`, async () => {
  const pages = await Promise.all([discreteSession(SEED, PER_PAGE, 'page 1'), discreteSession(SEED + 10, PER_PAGE, 'page 2')]);
  const count = (get) => pages.reduce((n, seen) => n + get(seen), 0);
  assert.ok(count((s) => s.drags.p) > 0 && count((s) => s.drags.q) > 0, 'drags of both P and Q');
  const edges = { zero: count((s) => s.zero), one: count((s) => s.one), infinite: count((s) => s.infinite) };
  assert.ok(edges.zero > 0 && edges.one > 0 && edges.infinite > 0, `the drags reached the edges: ${JSON.stringify(edges)}`);
});

test(`${DENSITY_MOVES.toLocaleString('en')} pointer moves over the handles of two densities: every number stays the library's, memory stays flat (seed ${SEED})`, async () => {
  const rand = prng(SEED + 1);
  const watched = await openWatched('?mode=continuous&family=normal&p=0,1&q=1,2&units=nats&bins=20');
  const { page } = watched;
  await page.locator('canvas[data-chart="curves"]').scrollIntoViewIfNeeded();
  let moves = 0, warm = null;
  const started = Date.now();
  const ids = [['p', 'peak'], ['p', 'shoulder'], ['q', 'peak'], ['q', 'shoulder']];
  while (moves < DENSITY_MOVES) {
    const [side, id] = ids[Math.floor(rand() * ids.length)];
    const handle = page.locator(`[role="slider"][data-dist="${side}"][data-handle="${id}"]`);
    if (!(await handle.isVisible())) continue;
    const box = await handle.boundingBox();
    const area = await page.locator('canvas[data-chart="curves"]').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let k = 0; k < MOVES_PER_DRAG; k++) {
      await page.mouse.move(area.x - 20 + (area.width + 40) * rand(), box.y + box.height / 2 + 30 * (rand() - 0.5));
      moves++;
    }
    await page.mouse.up();
    const { state } = await checkContinuous(page);
    assert.equal(state.family, 'normal');
    if (moves === DENSITY_WARM_UP) warm = await memory(watched);
  }
  const end = await memory(watched);
  console.log(`continuous: ${moves} moves in ${Date.now() - started} ms; JS heap ${(warm.heap / 2 ** 20).toFixed(2)} MB after ${DENSITY_WARM_UP} moves, `
    + `${(end.heap / 2 ** 20).toFixed(2)} MB after ${moves}; wasm memory ${warm.wasm} → ${end.wasm} bytes`);
  assert.ok(end.heap - warm.heap <= HEAP_BOUND, `JS heap grew by ${end.heap - warm.heap} bytes (bound ${HEAP_BOUND})`);
  assert.deepEqual(end.wasm, warm.wasm, 'the wasm memory did not grow');
});
