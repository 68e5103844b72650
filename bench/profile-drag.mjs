// node bench/profile-drag.mjs [view query] [--throttle N] [--moves N] [--invalidations]:
// where the time of a drag goes. Drags the first P bar (or P's peak handle) as
// bench/explorer.mjs does, under Chromium's sampling profiler (CDP Profiler,
// 100 µs), and prints the self time of the top functions, grouped by script,
// and the share of the page's main thread that was busy. --invalidations
// also traces why style and layout were invalidated (the node and reason),
// each layout's roots (the whole #document, or boxes laid out alone) and the
// script stacks that forced a layout; that tracing slows the page. The page is served by Vite's dev
// server (unbundled modules: the functions keep their names), so the times
// are a little above the built site's. Needs bash build.sh first.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { selfTimes } from './cpu-profile.mjs';
import { MOVE_EVERY_MS, grabHandle } from './drag.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const QUERY = args.find((a) => !a.startsWith('--')) ?? '';
const THROTTLE = Number(args[args.indexOf('--throttle') + 1]) || 1;
const INVALIDATIONS = args.includes('--invalidations');
const MOVES = Number(args[args.indexOf('--moves') + 1]) || 120; // --moves 1: a drag's first frame

// The renderer main thread's complete events, in order.
function mainThread(trace) {
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur);
  const main = events.find((e) => e.name === 'FunctionCall' || e.name === 'UpdateLayoutTree');
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

// The renderer main thread's complete events, by name: their own time (less their children's), per move.
function timelineSummary(trace, moves) {
  const mine = mainThread(trace);
  const own = new Map(), stack = [];
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    own.set(e.name, (own.get(e.name) ?? 0) + e.dur);
    if (stack.length) own.set(stack.at(-1).name, own.get(stack.at(-1).name) - Math.min(e.dur, stack.at(-1).ts + stack.at(-1).dur - e.ts));
    stack.push(e);
  }
  const frames = mine.filter((e) => e.name === 'FireAnimationFrame').length;
  const within = (e, name) => mine.some((o) => o.name === name && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur);
  const layouts = mine.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree');
  const forced = layouts.filter((e) => within(e, 'FunctionCall'));
  const objects = mine.filter((e) => e.name === 'Layout').map((e) => e.args?.beginData).filter(Boolean);
  const avg = (k) => (objects.reduce((t, b) => t + (b[k] ?? 0), 0) / Math.max(1, objects.length)).toFixed(0);
  console.log(`layouts: ${objects.length}, on average ${avg('dirtyObjects')} dirty of ${avg('totalObjects')} objects, ${objects.filter((b) => b.partialLayout).length} partial`);
  console.log(`layout and style: ${layouts.length} events, ${(layouts.reduce((s, e) => s + e.dur, 0) / 1000).toFixed(0)} ms; forced by scripts: ${forced.length}, ${(forced.reduce((s, e) => s + e.dur, 0) / 1000).toFixed(0)} ms`);
  const top = [...own].filter(([n]) => n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask').sort((a, b) => b[1] - a[1]).slice(0, 12);
  return `timeline: ${frames} animation frames; own time per move: ${top.map(([n, us]) => `${n} ${(us / 1000 / moves).toFixed(2)} ms`).join(', ')}`;
}

const count = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);

// With --invalidations: what invalidated style and layout, each layout's roots, and what forced a layout.
function invalidationSummary(trace) {
  const mine = mainThread(trace), reasons = new Map(), roots = new Map(), forcedBy = new Map();
  for (const e of trace.traceEvents) {
    if (!/InvalidationTracking$/.test(e.name)) continue;
    const d = e.args?.data ?? {};
    count(reasons, `${e.name.replace('InvalidationTracking', '')}: ${d.reason ?? ''} ${d.nodeName ?? ''}`.trim());
  }
  for (const e of mine.filter((x) => x.name === 'Layout')) {
    const r = (e.args?.endData?.layoutRoots ?? []).map((x) => `${x.nodeName ?? x.nodeId}@${x.depth}`).join(', ');
    count(roots, `${e.args?.beginData?.dirtyObjects} dirty; roots ${r}`);
  }
  for (const e of mine.filter((x) => x.name === 'Layout' || x.name === 'UpdateLayoutTree')) {
    const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace;
    const where = stack ? stack.slice(0, 3).map((f) => `${f.functionName}:${f.url.split('/').pop().split('?')[0]}:${f.lineNumber}`).join(' < ') : 'the frame';
    count(forcedBy, `${e.name} in ${where}`, e.dur / 1000);
  }
  console.log('invalidations (count, kind: reason node):');
  for (const [k, n] of top(reasons, 25)) console.log(`${String(n).padStart(6)}  ${k}`);
  console.log('layouts (count, dirty objects and roots):');
  for (const [k, n] of top(roots, 8)) console.log(`${String(n).padStart(6)}  ${k}`);
  console.log('style and layout time by where it was run (ms):');
  for (const [k, ms] of top(forcedBy, 8)) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
}

// Inclusive time of the page's own functions (not Chart.js's, not the library's): where a frame's work starts.
function inclusiveTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0 }]));
  profile.samples.forEach((id, i) => { byId.get(id).self += (profile.timeDeltas[i + 1] ?? 0) / 1000; });
  const total = (n) => n.self + (n.children ?? []).reduce((s, c) => s + total(byId.get(c)), 0);
  const rows = new Map();
  const walk = (n, seen) => {
    const f = n.callFrame, file = f.url.split('/').pop().split('?')[0];
    const key = `${f.functionName} ${file}`;
    const own = /^[a-z-]+\.js$/.test(file) && !file.startsWith('chart__') && f.functionName && !seen.has(key);
    if (own) rows.set(key, (rows.get(key) ?? 0) + total(n));
    const next = own ? new Set([...seen, key]) : seen;
    for (const c of n.children ?? []) walk(byId.get(c), next);
  };
  walk(byId.get(profile.nodes[0].id), new Set());
  return [...rows].sort((a, b) => b[1] - a[1]);
}

const [server, browser] = await Promise.all([
  createServer({ configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: true, open: false } }).then((s) => s.listen()),
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
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await drag.press();
  await cdp.send('Profiler.start');
  const tracing = INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack'] : [];
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', ...tracing] });
  const t0 = Date.now();
  for (let i = 1; i <= MOVES; i += 1) {
    drag.move(i);
    await new Promise((r) => setTimeout(r, MOVE_EVERY_MS));
  }
  await page.waitForTimeout(500);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const wall = Date.now() - t0;
  await drag.release();
  const rows = selfTimes(profile);
  console.log(timelineSummary(trace, MOVES));
  if (INVALIDATIONS) invalidationSummary(trace);
  const idle = rows.filter(([k]) => k.startsWith('(idle)')).reduce((s, [, ms]) => s + ms, 0);
  const total = rows.reduce((s, [, ms]) => s + ms, 0);
  console.log(`${QUERY || '(discrete)'}, CPU ${THROTTLE}×: ${MOVES} moves in ${wall} ms; main thread busy ${(total - idle).toFixed(0)} ms of ${total.toFixed(0)} (${(((total - idle) / MOVES)).toFixed(2)} ms per move)`);
  const byScript = new Map();
  for (const [k, ms] of rows) { const s = k.split(' ')[1]?.split(':')[0] || k.split(' ')[0]; byScript.set(s, (byScript.get(s) ?? 0) + ms); }
  console.log('by script (self ms):', [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join(', '));
  console.log('inclusive, the page\'s functions:');
  for (const [k, ms] of inclusiveTimes(profile).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  console.log('self:');
  for (const [k, ms] of rows.filter(([k2]) => !k2.startsWith('(idle)')).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
