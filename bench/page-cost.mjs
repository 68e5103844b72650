// node bench/page-cost.mjs [--runs N] [--site DIR] [--path P]: what a browser
// test pays for a page of the built site (bash build.sh first; --site: another
// build of it, --path: another page, e.g. embed.html), in wall time and in CPU time of the
// whole machine (/proc/stat, every process: Chromium's renderers, GPU and
// browser processes, Node), per load of the explorer until it is ready:
// in a new context, in a new page of an open context, and as a new document
// in a page already open (what tests/browser/page-pool.js reuses).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 8;
const SITE = args.includes('--site') ? fileURLToPath(new URL(args[args.indexOf('--site') + 1], `file://${process.cwd()}/`)) : null;
const PATH = args.includes('--path') ? args[args.indexOf('--path') + 1] : '';
const TAIL_MS = 1500; // work a load leaves behind (compilation, GC) counts too

const busyCentiseconds = () => {
  const t = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return t[0] + t[1] + t[2] + t[5] + t[6]; // user, nice, system, irq, softirq
};
const isReady = () => document.querySelector('[data-ready] [data-measure="klPQ"][data-value]') !== null;

const server = await preview({
  configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent', ...(SITE && { build: { outDir: SITE } }),
  preview: { host: '127.0.0.1', port: 0, open: false },
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
const WAYS = {
  'new context': async (state) => {
    await state.context.close();
    state.context = await browser.newContext();
    return state.context.newPage();
  },
  'new page, same context': async (state) => {
    await state.page.close();
    return state.context.newPage();
  },
  'new document, same page': async (state) => state.page,
};
try {
  console.log(`explorer page loads until ready, ${RUNS} of each, per load (CPU: core-ms of the whole machine, with ${TAIL_MS} ms after):`);
  for (const [way, nextPage] of Object.entries(WAYS)) {
    const state = { context: await browser.newContext() };
    state.page = await state.context.newPage();
    const before = busyCentiseconds(), start = performance.now();
    for (let i = 0; i < RUNS; i++) {
      state.page = await nextPage(state);
      await state.page.goto(`${origin}/${PATH}${PATH.includes('?') ? '&' : '?'}run=${i}`);
      await state.page.waitForFunction(isReady);
    }
    const wall = (performance.now() - start) / RUNS;
    await new Promise((resolve) => setTimeout(resolve, TAIL_MS));
    const cpu = ((busyCentiseconds() - before) * 10) / RUNS;
    console.log(`  ${way.padEnd(24)} wall ${wall.toFixed(0).padStart(5)} ms   CPU ${cpu.toFixed(0).padStart(5)} ms`);
    await state.context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
