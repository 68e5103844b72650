// node bench/drag-ab.mjs [view query] [--throttle N] [--moves N]: two
// variants of the explorer's code compared within one drag, where the
// machine's noise is the same for both. Builds differ by more from one
// browser session to the next on this shared machine than most changes
// move a frame. For a change under study, write both variants in the source
// for a while, the new one where globalThis.__variant === 1 (bash build.sh
// after); the drag (drag.mjs) sets __variant to 0 and 1 by turns, every
// BLOCK moves, and this prints, for each, the main thread's time in each
// frame that ran animation callbacks (a move's frame: its callbacks,
// style, layout, paint and commit, which includes the canvases' raster):
// median, mean and p90, and the median of each step: its JavaScript, style,
// layout, pre-paint, paint, layerize and commit (a frame whose DOM did not
// change has no style to paint steps: a canvas drawn again needs only the commit).
// A run of the same code (nothing reads __variant) shows the noise left:
// medians within a few per cent. Times nothing in the tests.
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { FRAME_TRACE, MOVE_EVERY_MS, frameTasks, grabHandle } from './drag.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const QUERY = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? '';
const THROTTLE = Number(args[args.indexOf('--throttle') + 1]) || 1;
const MOVES = Number(args[args.indexOf('--moves') + 1]) || 320, BLOCK = 20;

// The steps of a frame, as the trace names them, and as this prints them.
const STEPS = { FunctionCall: 'JavaScript', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'pre-paint', Paint: 'paint', Layerize: 'layerize', Commit: 'commit' };

// The frames (frameTasks): each one's duration and the time of each of its steps (ms), and which variant was
// set when it began (from the console.timeStamp marks).
function frames(trace) {
  const marks = trace.traceEvents.filter((e) => e.name === 'TimeStamp' && /^variant [01]$/.test(e.args?.data?.message))
    .map((e) => ({ ts: e.ts, variant: Number(e.args.data.message.at(-1)) })).sort((a, b) => a.ts - b.ts);
  const out = [];
  for (const { ts, ms, inside } of frameTasks(trace)) {
    const mark = marks.filter((m) => m.ts <= ts).at(-1);
    if (!mark) continue;
    const sum = (name) => inside.filter((e) => e.name === name).reduce((s, e) => s + e.dur, 0) / 1000;
    out.push({ variant: mark.variant, ms, steps: Object.fromEntries(Object.keys(STEPS).map((name) => [name, sum(name)])) });
  }
  return out;
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;

const [server, browser] = await Promise.all([
  preview({ configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } }),
  chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] }),
]);
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/${QUERY}`);
  await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: 60000 });
  await page.waitForTimeout(1000);
  const drag = await grabHandle(page, cdp, QUERY);
  await drag.press();
  await browser.startTracing(page, { categories: FRAME_TRACE });
  for (let i = 1; i <= MOVES; i += 1) {
    if (i % BLOCK === 1) {
      await page.evaluate((variant) => { globalThis.__variant = variant; console.timeStamp(`variant ${variant}`); }, Math.floor(i / BLOCK) % 2);
    }
    drag.move(i);
    await new Promise((r) => setTimeout(r, MOVE_EVERY_MS));
  }
  await page.waitForTimeout(300);
  const all = frames(JSON.parse((await browser.stopTracing()).toString()));
  await drag.release();
  console.log(`${QUERY || '(discrete)'}, CPU ${THROTTLE}×, ${MOVES} moves; main thread per frame (ms):`);
  for (const variant of [0, 1]) {
    const f = all.filter((x) => x.variant === variant), ms = f.map((x) => x.ms);
    console.log(`variant ${variant}: ${f.length} frames; median ${quantile(ms, 0.5).toFixed(2)}, mean ${mean(ms).toFixed(2)}, p90 ${quantile(ms, 0.9).toFixed(2)}; `
      + `medians: ${Object.entries(STEPS).map(([name, label]) => `${label} ${quantile(f.map((x) => x.steps[name]), 0.5).toFixed(2)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
