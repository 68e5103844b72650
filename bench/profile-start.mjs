// node bench/profile-start.mjs [path] [--throttle N] [--phone]: where the
// time of the start-up goes, on the built site (bash build.sh first). Loads
// the page (default the discrete view; e.g. '?view=evidence', 'embed.html',
// 'examples/blog-post.html') with the CPU throttled (default 4×) under
// Chromium's tracing, and prints every task of the main thread over 50 ms:
// when it started, how long it took and the events inside it with the most
// time of their own (script evaluation, compilation, layout, ...), then when
// the numbers were on screen, and the functions with the most time of their
// own under the sampling profiler. --site DIR serves another build of the
// site, e.g. one built without minifying so that functions keep their names:
//   npx vite build --config web/explorer/vite.config.js --minify false --outDir ../../dist/site-plain
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { selfTimes } from './cpu-profile.mjs';
import { watchStart } from './explorer.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const PATH = args.find((a, i) => !a.startsWith('--') && !['--throttle', '--site'].includes(args[i - 1])) ?? '';
const THROTTLE = Number(args[args.indexOf('--throttle') + 1]) || 4;
const DEVICE = args.includes('--phone')
  ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
  : { viewport: { width: 1280, height: 900 } };
const SITE = args.includes('--site') ? args[args.indexOf('--site') + 1] : null;

// The renderer's main thread: the one that ran the page's scripts.
function mainThread(events) {
  const first = events.find((e) => e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule');
  return events.filter((e) => e.pid === first.pid && e.tid === first.tid);
}

// Own time (less nested events') by name, inside [task.ts, task.ts + task.dur).
function ownTimes(task, events) {
  const inside = events.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const own = new Map(), stack = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    own.set(e.name, (own.get(e.name) ?? 0) + e.dur);
    const parent = stack.at(-1);
    if (parent) own.set(parent.name, own.get(parent.name) - e.dur);
    stack.push(e);
  }
  return [...own].sort((a, b) => b[1] - a[1]);
}

// The rows of the page's own work: not idle, not the browser's.
const busy = (rows) => rows.filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'));

// Inclusive time by function of the samples in [from, to): where a long task's time goes, top-down.
function inclusiveIn(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const rows = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t < from || t >= to) return;
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame, key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.set(key, (rows.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
  });
  return [...rows].sort((a, b) => b[1] - a[1]);
}

function detail(e) {
  const d = e.args?.data ?? e.args?.beginData ?? {};
  const url = d.url ?? d.stackTrace?.[0]?.url ?? '';
  return url ? ` ${url.split('/').pop()}` : '';
}

const [server, browser] = await Promise.all([
  preview({ configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent', ...(SITE && { build: { outDir: fileURLToPath(new URL(SITE, `file://${process.cwd()}/`)) } }), preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } }),
  chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] }),
]);
try {
  const context = await browser.newContext(DEVICE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8', 'blink'] });
  await page.addInitScript(watchStart);
  await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/${PATH}`);
  const [numbersAt, readyAt] = await page.evaluate(() => new Promise((resolve) => {
    const { __bench: bench } = window, give = performance.now() + 30000; // no data-ready in builds before it
    const poll = () => (bench.readyAt !== null || performance.now() > give ? resolve([bench.numbersAt, bench.readyAt ?? NaN]) : setTimeout(poll, 100));
    poll();
  }));
  await page.waitForTimeout(2000);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const { profile } = await cdp.send('Profiler.stop');
  const events = mainThread(trace.traceEvents.filter((e) => e.ph === 'X' && e.dur));
  const nav = trace.traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming')?.ts
    ?? Math.min(...events.map((e) => e.ts));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.dur > (Number(process.env.MIN_TASK_MS) || 50) * 1000).sort((a, b) => a.ts - b.ts);
  console.log(`${PATH || '(discrete)'}, CPU ${THROTTLE}×, ${args.includes('--phone') ? 'phone' : 'desktop'}: numbers on screen at ${numbersAt.toFixed(0)} ms, ready at ${readyAt.toFixed(0)} ms`);
  // Layouts and style recalculations forced by scripts: where, by the script's stack.
  if (process.env.FORCED) {
    for (const e of events.filter((x) => ['Layout', 'UpdateLayoutTree'].includes(x.name) && x.dur > 5000)) {
      const stack = (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? []).slice(0, 4).map((f) => `${f.functionName}@${f.url.split('/').pop()}:${f.lineNumber}`);
      if (stack.length) console.log(`forced ${e.name} at ${((e.ts - nav) / 1000).toFixed(0)} ms: ${(e.dur / 1000).toFixed(0)} ms, ${stack.join(' < ')}`);
    }
  }
  const tasksProfiles = [];
  for (const task of tasks) {
    const top = ownTimes(task, events).filter(([, us]) => us > 5000).slice(0, 6);
    const named = (name) => events.find((e) => e.name === name && e.ts >= task.ts && e.ts < task.ts + task.dur);
    const script = named('EvaluateScript') ?? named('v8.evaluateModule') ?? named('FunctionCall') ?? task;
    console.log(`task at ${((task.ts - nav) / 1000).toFixed(0).padStart(5)} ms: ${(task.dur / 1000).toFixed(0).padStart(4)} ms${detail(script)}`);
    console.log(`    ${top.map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`).join(', ')}`);
    tasksProfiles.push([task, busy(selfTimes(profile, task.ts, task.ts + task.dur)).slice(0, 8)]);
    if (args.includes('--inclusive') && task.dur > 150000) {
      console.log(`    inclusive: ${inclusiveIn(profile, task.ts, task.ts + task.dur).slice(0, 40).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join('; ')}`);
    }
  }
  for (const [task, rows] of tasksProfiles) {
    console.log(`task at ${((task.ts - nav) / 1000).toFixed(0)} ms, functions: ${rows.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join('; ')}`);
  }
  console.log('self time, the top functions (ms):');
  for (const [k, ms] of busy(selfTimes(profile)).slice(0, 20)) console.log(`${ms.toFixed(0).padStart(6)}  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
