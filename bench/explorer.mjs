// node bench/explorer.mjs [--runs N] [--drags-only | --start-only] [--site DIR] [--only TEXT]: how fast the explorer starts and
// follows a drag, in headless Chromium (Debian's) on the built site
// (bash build.sh first). With the CPU throttled 4× (a mid-range phone):
// the time from navigation to the numbers on screen and to the explorer
// ready (charts drawn, controls live: its root marked data-ready), the longest task and
// the tasks over 200 ms while loading, for the page (every view), the embed
// and the example blog post; then a drag of a bar (discrete, code, evidence
// with its default 20 runs of 200 samples and with 200 runs of 2,000) and of
// a curve's handle, the time from each pointer move to the frame after the
// numbers and the chart changed (median and p95), throttled and not, and
// the same for a bare page (one bar and one number) as the floor of that
// latency on this machine. Medians over the runs, and the p95 of all the runs' moves together.
// This machine is shared and noisy: compare runs made together. Prints a
// table; writes dist/bench/explorer.json. Times nothing in the tests.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { MOVE_EVERY_MS, grabHandle } from './drag.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const DRAGS_ONLY = process.argv.includes('--drags-only'); // skip the start-up measures
const START_ONLY = process.argv.includes('--start-only'); // skip the drags
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : ''; // pages whose name has this
// --site DIR: another build of the site (another commit's dist/site), measured the same way
const SITE = process.argv.includes('--site') ? resolve(process.argv[process.argv.indexOf('--site') + 1]) : null;
const THROTTLE = 4;
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const PAGES = {
  'page, discrete': '',
  'page, continuous': '?mode=continuous',
  'page, code': '?view=code',
  'page, evidence': '?view=evidence',
  'embed, discrete': 'embed.html',
  'embed, continuous': 'embed.html?mode=continuous',
  'blog post': 'examples/blog-post.html',
};
// The floor: a page whose drag only moves one bar and writes one number (no chart, no library), dragged the
// same way in the same run; what is left of a view's latency above it is the view's.
const BARE = '__bare.html';
const BARE_PAGE = `<!doctype html><html lang="en"><title>bare</title><body data-ready style="margin:40px">
<div style="position:relative;width:60px;height:300px;background:#eee"><div id="bar" style="position:absolute;bottom:0;width:100%;background:#36c"></div>
<div role="slider" aria-label="p" data-dist="p" data-index="0" aria-valuenow="0.5" style="position:absolute;inset:0;touch-action:none"></div></div>
<p>KL <span data-measure="klPQ"></span></p><script>
const handle = document.querySelector('[role=slider]'), bar = document.getElementById('bar'), out = document.querySelector('[data-measure]');
let y = null, asked = false;
const show = (v) => { bar.style.height = (300 * v) + 'px'; handle.setAttribute('aria-valuenow', v); out.textContent = v.toFixed(4); out.dataset.value = v; };
const frame = () => { asked = false; show(Math.min(1, Math.max(0, 1 - (y - handle.getBoundingClientRect().top) / 300))); };
handle.addEventListener('pointerdown', (e) => handle.setPointerCapture(e.pointerId));
handle.addEventListener('pointermove', (e) => { if (!e.buttons) return; y = e.clientY; if (!asked) { asked = true; requestAnimationFrame(frame); } });
show(0.5);
</script></body></html>`;
const DRAGS = {
  'bare page (the floor)': BARE,
  'page, discrete': '',
  'page, continuous': '?mode=continuous',
  'page, code': '?view=code',
  'evidence, 20 × 200': '?view=evidence',
  'evidence, 200 × 2000': '?view=evidence&runs=200&n=2000',
};
const MOVES = 40;

// In the page before its scripts: long tasks, and the frame after every explorer shows its numbers.
export function watchStart() {
  window.__bench = { longtasks: [], numbersAt: null, readyAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const shown = (selector) => {
    const elements = [...document.querySelectorAll('kl-explorer')];
    const roots = elements.length ? elements.map((e) => e.shadowRoot) : [document];
    return document.readyState !== 'loading' && roots.every((r) => r?.querySelector(selector));
  };
  // When the frame that shows every explorer's numbers has been painted, and the one that shows every
  // explorer ready (charts and controls too): a poll in each frame's animation callbacks, which run
  // before that frame's layout and paint; a task queued there runs after them.
  const poll = (key, selector) => {
    if (shown(selector)) setTimeout(() => { window.__bench[key] = performance.now(); });
    else requestAnimationFrame(() => poll(key, selector));
  };
  requestAnimationFrame(() => poll('numbersAt', '[data-measure="klPQ"][data-value]'));
  requestAnimationFrame(() => poll('readyAt', '[data-ready] [data-measure="klPQ"][data-value]'));
}

// In the page: each pointer move's time, and the frame after the one that drew the numbers' next change:
// the first animation frame that began after the change. A change made in frame N (in its pointer-move
// handlers or its animation callbacks, which both run after the frame began) is drawn in frame N and
// measured in frame N + 1's callbacks, wherever the page applies a move.
function watchMoves() {
  const bench = { pending: [], changes: [], latencies: [] };
  window.__moves = bench;
  addEventListener('pointermove', (e) => { if (e.buttons) bench.pending.push(e.timeStamp); }, true);
  let frameAsked = false;
  const frame = (began) => {
    const now = performance.now();
    while (bench.changes.length && bench.changes[0].at < began) {
      for (const t of bench.changes.shift().moves) bench.latencies.push(now - t);
    }
    frameAsked = bench.changes.length > 0;
    if (frameAsked) requestAnimationFrame(frame);
  };
  const changed = new MutationObserver(() => {
    bench.changes.push({ at: performance.now(), moves: bench.pending.splice(0) });
    if (!frameAsked) requestAnimationFrame(frame);
    frameAsked = true;
  });
  changed.observe(document.querySelector('[data-measure="klPQ"]'), { attributes: true, attributeFilter: ['data-value'] });
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q, lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

// The page's work in each animation frame of the drag (ms): its pointer-move handlers and rAF callbacks,
// where a move is applied, the library asked and the numbers and the bars drawn; frames with less than
// 0.1 ms of it had no move.
const MOVE_EVENTS = ['pointermove', 'mousemove'];
function frameWork(trace) {
  const callbacks = trace.traceEvents.filter((e) => e.ph === 'X' && (e.name === 'FireAnimationFrame'
    || (e.name === 'EventDispatch' && MOVE_EVENTS.includes(e.args?.data?.type)))).sort((a, b) => a.ts - b.ts);
  const frames = [];
  let end = -Infinity;
  for (const e of callbacks) { // one frame's callbacks run back to back
    if (e.ts - end < 1000) frames[frames.length - 1] += e.dur / 1000;
    else frames.push(e.dur / 1000);
    end = e.ts + e.dur;
  }
  return frames.filter((ms) => ms >= 0.1);
}

async function newPage(browser, device, throttle) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp };
}

async function measureStart(browser, origin, path, device) {
  const { context, page } = await newPage(browser, device, THROTTLE);
  await page.addInitScript(watchStart);
  await page.goto(`${origin}/${path}`);
  // (a build from before data-ready: the numbers and 10 s)
  await page.waitForFunction(() => window.__bench.readyAt !== null
    || (window.__bench.numbersAt !== null && performance.now() > window.__bench.numbersAt + 10000), null, { timeout: 60000 });
  await page.waitForTimeout(2000); // tasks after: animations, resizes
  const { longtasks, numbersAt, readyAt } = await page.evaluate(() => window.__bench);
  await context.close();
  return { numbersMs: numbersAt, readyMs: readyAt ?? NaN, longestTaskMs: Math.max(0, ...longtasks), tasksOver200: longtasks.filter((d) => d > 200).length };
}

// Drags a handle (drag.mjs) by MOVES moves.
async function measureDrag(browser, origin, path, throttle) {
  const { context, page, cdp } = await newPage(browser, DESKTOP, throttle);
  if (path === BARE) await page.route(`${origin}/${BARE}`, (route) => route.fulfill({ contentType: 'text/html', body: BARE_PAGE }));
  await page.goto(`${origin}/${path}`);
  await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: 60000 });
  await page.waitForTimeout(1000);
  await page.evaluate(watchMoves);
  const drag = await grabHandle(page, cdp, path);
  await drag.press();
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  const sent = [];
  for (let i = 1; i <= MOVES; i += 1) {
    sent.push(drag.move(i));
    await new Promise((r) => setTimeout(r, MOVE_EVERY_MS));
  }
  await Promise.all(sent);
  await page.waitForTimeout(1500);
  const work = frameWork(JSON.parse((await browser.stopTracing()).toString()));
  await drag.release();
  const latencies = await page.evaluate(() => window.__moves.latencies);
  await context.close();
  return {
    moves: latencies.length, medianMs: median(latencies), p95Ms: quantile(latencies, 0.95),
    frames: work.length, workMedianMs: median(work), workP95Ms: quantile(work, 0.95),
    latencies: latencies.map((ms) => Math.round(ms * 10) / 10), work: work.map((ms) => Math.round(ms * 10) / 10),
  };
}

// CPU time (s) of every Chromium process so far, from /proc (Linux).
function chromiumCpuSeconds() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 a second)
    } catch { /* the process ended meanwhile */ }
  }
  return ticks / 100;
}

// The share of one core Chromium takes with an idle explorer open, unthrottled and throttled: Chromium's
// throttler makes the page's main thread spin three quarters of the time even when it has nothing to do,
// which on a machine with few cores leaves less to the compositor and the rest.
async function idleCost(browser, origin) {
  const { context, page, cdp } = await newPage(browser, DESKTOP, 1);
  await page.goto(`${origin}/?mode=continuous`);
  await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: 60000 });
  const shares = {};
  for (const rate of [1, THROTTLE]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.waitForTimeout(500);
    const before = chromiumCpuSeconds();
    await page.waitForTimeout(3000);
    shares[rate] = (chromiumCpuSeconds() - before) / 3;
  }
  await context.close();
  return shares;
}

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(0).padStart(7) : '      –');

async function main() {
  const [server, browser] = await Promise.all([
    preview({ configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent', ...(SITE && { build: { outDir: SITE } }), preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } }),
    chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] }),
  ]);
  const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
  const result = { throttle: THROTTLE, runs: RUNS, cores: availableParallelism(), start: {}, drag: {} };
  try {
    result.idleCoreShare = await idleCost(browser, origin);
    console.log(`${result.cores} cores; Chromium with an idle explorer takes ${Math.round(100 * result.idleCoreShare[1])} % of a core `
      + `unthrottled, ${Math.round(100 * result.idleCoreShare[THROTTLE])} % throttled ${THROTTLE}× (the throttler spins the main thread)\n`);
    console.log(`start, CPU ${THROTTLE}× slower (median of ${RUNS}):`);
    console.log('page                       device   numbers ms  ready ms  longest task ms  tasks > 200 ms');
    for (const [name, path] of Object.entries(DRAGS_ONLY ? {} : PAGES).filter(([n]) => n.includes(ONLY))) {
      for (const [deviceName, device] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
        const runs = [];
        for (let r = 0; r < RUNS; r += 1) runs.push(await measureStart(browser, origin, path, device));
        const row = Object.fromEntries(['numbersMs', 'readyMs', 'longestTaskMs', 'tasksOver200'].map((k) => [k, median(runs.map((x) => x[k]))]));
        result.start[`${name}, ${deviceName}`] = { ...row, runs };
        console.log(`${name.padEnd(26)} ${deviceName.padEnd(8)} ${fmt(row.numbersMs)}  ${fmt(row.readyMs)}     ${fmt(row.longestTaskMs)}          ${fmt(row.tasksOver200)}`);
      }
    }
    console.log(`\ndrag: pointer move → the frame after the numbers and the chart changed (${MOVES} moves at 60 Hz, median of ${RUNS} runs):`);
    console.log('(and the page\'s work in each frame that applied a move: its pointer-move handlers and animation-frame callbacks)');
    console.log('page                       CPU     moves  median ms   p95 ms  (pooled)   frames  work median ms  work p95 ms');
    for (const [name, path] of Object.entries(START_ONLY ? {} : DRAGS).filter(([n]) => n.includes(ONLY))) {
      for (const throttle of [1, THROTTLE]) {
        const runs = [];
        for (let r = 0; r < RUNS; r += 1) runs.push(await measureDrag(browser, origin, path, throttle));
        const row = Object.fromEntries(['moves', 'medianMs', 'p95Ms', 'frames', 'workMedianMs', 'workP95Ms'].map((k) => [k, median(runs.map((x) => x[k]))]));
        // The p95 of every move of the runs together: with 40 moves a run, a run's p95 is its second-worst move.
        row.pooledP95Ms = quantile(runs.flatMap((x) => x.latencies), 0.95);
        result.drag[`${name}, CPU ${throttle}×`] = { ...row, runs };
        console.log(`${name.padEnd(26)} ${`${throttle}×`.padEnd(6)} ${fmt(row.moves)} ${fmt(row.medianMs)}   ${fmt(row.p95Ms)}  ${fmt(row.pooledP95Ms)}  ${fmt(row.frames)}  ${row.workMedianMs.toFixed(1).padStart(14)}  ${row.workP95Ms.toFixed(1).padStart(11)}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mkdirSync(`${ROOT}dist/bench`, { recursive: true });
  writeFileSync(`${ROOT}dist/bench/explorer.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log('\nwritten: dist/bench/explorer.json');
}

// Run, unless imported (bench/profile-start.mjs borrows watchStart).
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
