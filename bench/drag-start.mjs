// node bench/drag-start.mjs [view query] --sites DIR,DIR… [--throttle N] [--rounds N]:
// the first frames of a drag, where a drag pays for what it sets up (a copy
// of a chart's axes, an axis grown to fit the values), for builds of the
// site side by side (each DIR a dist/site; bash build.sh at each commit).
// In each round, each build is loaded afresh and dragged three times (the
// first P bar, or P's peak, as drag.mjs does: six moves each, released in
// between); prints, per build, the main thread's time in each of the first
// three frames that ran animation callbacks (median and mean over the
// drags: callbacks, style, layout, paint and commit) and in the later ones.
// The builds take turns, so they see the same machine. Times nothing in the tests.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { FRAME_TRACE, MOVE_EVERY_MS, frameTasks, grabHandle } from './drag.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const QUERY = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '';
const SITES = option('--sites', `${ROOT}dist/site`).split(',').map((dir) => resolve(dir));
const THROTTLE = Number(option('--throttle', 1));
const ROUNDS = Number(option('--rounds', 10));
const DRAGS = 3, MOVES = 6;

async function dragsOf(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(`${origin}/${QUERY}`);
  await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: 60000 });
  await page.waitForTimeout(1000);
  const out = [];
  for (let d = 0; d < DRAGS; d += 1) {
    const drag = await grabHandle(page, cdp, QUERY);
    await drag.press();
    await browser.startTracing(page, { categories: FRAME_TRACE });
    for (let i = 1; i <= MOVES; i += 1) {
      drag.move(i + 10 * d); // each drag its own way: up, down, up
      await new Promise((r) => setTimeout(r, MOVE_EVERY_MS));
    }
    await page.waitForTimeout(300);
    out.push(frameTasks(JSON.parse((await browser.stopTracing()).toString())).map(({ ms }) => ms));
    await drag.release();
    await page.waitForTimeout(700); // the settled render
  }
  await context.close();
  return out;
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const servers = await Promise.all(SITES.map((outDir) => preview({
  configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
})));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const drags = SITES.map(() => []);
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [s, server] of servers.entries()) drags[s].push(...await dragsOf(browser, `http://127.0.0.1:${server.httpServer.address().port}`));
  }
  console.log(`${QUERY || '(discrete)'}, CPU ${THROTTLE}×, ${ROUNDS * DRAGS} drags of ${MOVES} moves per build; main thread per frame, median / mean (ms):`);
  for (const [s, site] of SITES.entries()) {
    const nth = (k) => drags[s].map((f) => f[k] ?? 0), later = drags[s].flatMap((f) => f.slice(3));
    const cell = (xs) => `${quantile(xs, 0.5).toFixed(1)} / ${mean(xs).toFixed(1)}`;
    console.log(`${site}: frame 1 ${cell(nth(0))}, frame 2 ${cell(nth(1))}, frame 3 ${cell(nth(2))}, later ${cell(later)}`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
