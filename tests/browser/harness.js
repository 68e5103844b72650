// Shared set-up of the browser tests: a Vite preview server for dist/site/ on
// a free port, one headless Chromium per test file, pages that fail the test
// on any console error, page error or dialog, and helpers that read the
// explorer's state and act on it as a person would. Build first: bash build.sh
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { pagePool, BLANK, BLANK_FILE } from './page-pool.js';
import { init, measures, klDist, entropyDist, crossEntropyDist } from '../../dist/infodiv.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = `${ROOT}dist/screenshots`;
export const MEASURES = ['entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP', 'klPQ', 'klQP', 'js'];
export const BASES = { nats: Math.E, bits: 2, hartleys: 10 };
export const THREE = { p: [0.6, 0.3, 0.1], q: [0.5, 0.4, 0.1] }; // the default view
export const DESKTOP = { viewport: { width: 1280, height: 900 } };
export const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** A phone of the common 390 × 844 size, with touch. */
export const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** How long a finger rests before dragging: longer than the explorer's press-and-hold (300 ms). */
export const TOUCH_HOLD = 450;
/**
 * The soak sizes (npm run test:soak): 10,000 pointer moves, hundreds of fuzzed
 * addresses, 2 MB addresses. npm test runs the same checks on fewer inputs, so
 * that the whole suite stays within its time on a 2-core machine.
 */
export const SOAK = process.env.INFODIV_SOAK === '1';

await init();

/**
 * Serves `files` ({ '/path': { type, body } }) beside dist/site/, with the
 * server's extra headers: host pages of a test's own, from the site's origin.
 */
const extraFiles = (files, headers) => ({
  name: 'infodiv-test-files',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      const file = files[new URL(req.url, 'http://x').pathname];
      if (!file) return next();
      res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Cache-Control': 'no-store' });
      return res.end(file.body);
    });
  },
});

/**
 * Registers before/after hooks for one test file; returns { open, newPage, url }.
 * `headers` go on every response of the server (e.g. a Content-Security-Policy),
 * `files` are extra pages served beside dist/site/ (see extraFiles).
 */
export function useExplorer({ headers = {}, files = {} } = {}) {
  const env = { server: null, browser: null, origin: '', pages: null, problems: [] };
  before(async () => {
    assert.ok(existsSync(`${ROOT}dist/site/index.html`), 'dist/site/index.html is missing: run bash build.sh');
    assert.ok(existsSync('/usr/bin/chromium'), '/usr/bin/chromium is missing: run bash scripts/setup.sh --browser (npm test does)');
    // allSettled: if one fails to start, the other is still kept, so that after() closes it and the process can end
    const started = await Promise.allSettled([
      preview({
        configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent',
        preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false, headers },
        plugins: [extraFiles({ ...files, [BLANK]: BLANK_FILE }, headers)],
      }),
      chromium.launch({
        executablePath: '/usr/bin/chromium', headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-quic'],
      }),
    ]);
    [env.server, env.browser] = started.map((s) => (s.status === 'fulfilled' ? s.value : null));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    env.origin = `http://127.0.0.1:${env.server.httpServer.address().port}`;
    env.pages = pagePool(env.browser, env.origin);
  });
  after(async () => {
    await env.pages?.close();
    await env.browser?.close();
    await env.server?.close();
  });
  // Every page a test opened is taken back after it (page-pool.js: closed, or
  // kept on a blank page for the next test); anything logged as an error
  // (console.error, uncaught exception, alert/confirm), up to and including
  // the page's unloading, fails the test.
  afterEach(async () => {
    let problems = [];
    await env.pages.giveBack(() => {
      problems = env.problems.splice(0);
      return problems.length === 0;
    });
    assert.deepEqual(problems, [], 'console errors, page errors or dialogs');
  });
  const listen = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') env.problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => env.problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => { env.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  };
  /**
   * A page for `device` in the light or dark scheme, its console errors, page
   * errors and dialogs recorded as problems: one a test before this one left
   * as it found it, on a blank page, or with `fresh` a new one in a new
   * context (a first visit, nothing cached).
   */
  const newPage = ({ device = DESKTOP, dark = false, fresh = false } = {}) => env.pages.take({ device, dark, fresh }, listen);
  return {
    url: (query = '') => `${env.origin}/${query}`,
    newPage,
    /** The problems recorded so far (console errors, page errors, dialogs), taken: the list is emptied. */
    takeProblems: () => env.problems.splice(0),
    /** Opens the explorer with a query string ('' or '?p=...'); waits for the measures. */
    async open(query = '', options = {}) {
      const page = await newPage(options);
      await page.goto(`${env.origin}/${query}`);
      await ready(page);
      return page;
    },
  };
}

/**
 * How long a page may take to show its numbers, or a wait to come true, before
 * the test fails: long enough that only a hang trips it, never a busy machine
 * (a dozen frames loading at once beside other test files took over 15 s).
 */
export const LOAD_TIMEOUT = 60000;

export const ready = (page) => page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: LOAD_TIMEOUT });

/** Retries an assertion until it passes (the page may update on the next frame or after a debounce). */
export async function eventually(check, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    try { return await check(); } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

// ---- state, expectations, formatting -------------------------------------

/** The state written in the page's URL: { p, q, labels, units } (p, q null when absent). */
export function readState(page) {
  const u = new URL(page.url()).searchParams;
  const nums = (k) => (u.has(k) ? u.get(k).split(',').map(Number) : null);
  return { p: nums('p'), q: nums('q'), labels: u.getAll('label'), units: u.get('units') ?? 'nats' };
}

export const expectedMeasures = ({ p, q, units }) => measures(p, q, { base: BASES[units] });

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
/** The page's number format: 3 significant digits, "∞", "0", and "2.31 × 10⁻⁵" below 0.001. */
export function format3(v) {
  if (v === Infinity) return '∞';
  if (v === 0) return '0';
  assert.ok(v > 0 && v < 1000, `format3(${v}): outside the range the contract specifies`);
  if (v >= 0.001) return v.toPrecision(3);
  const [mantissa, exponent] = v.toExponential(2).split('e');
  return `${mantissa} × 10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join('')}`;
}

export function assertClose(got, want, what, tol = 1e-12) {
  if (want === 0 || !Number.isFinite(want)) return assert.equal(got, want, what);
  const rel = Math.abs(got - want) / Math.abs(want);
  assert.ok(rel <= tol, `${what}: got ${got}, want ${want} (relative error ${rel.toExponential(2)})`);
}

export const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Every shown measure (text, data-value) and every [data-live] quote as the page displays them. */
export const shownMeasures = (page) => page.evaluate(() => ({
  measures: Object.fromEntries([...document.querySelectorAll('[data-measure]')]
    .map((e) => [e.dataset.measure, { text: e.textContent.trim(), value: e.getAttribute('data-value') }])),
  live: [...document.querySelectorAll('[data-live]')].map((e) => [e.dataset.live, e.textContent.trim()]),
}));

/**
 * Asserts that the displayed measures are the library's for the state in the
 * URL (data-value within 1e-12, text formatted to 3 significant digits).
 * Retries until the page has settled; returns { state, want, shown }.
 */
export function checkMeasures(page) {
  return eventually(async () => {
    const state = readState(page);
    assert.ok(state.p && state.q, `no p/q in the URL ${page.url()}`);
    assert.equal(state.p.length, state.q.length, 'p and q lengths in the URL');
    const want = expectedMeasures(state);
    const shown = await shownMeasures(page);
    for (const k of MEASURES) {
      assert.ok(shown.measures[k], `[data-measure="${k}"] is missing`);
      assertClose(Number(shown.measures[k].value), want[k], `${k} data-value`);
      assert.equal(shown.measures[k].text, format3(want[k]), `${k} text`);
    }
    for (const [k, text] of shown.live) assert.equal(text, format3(want[k]), `[data-live="${k}"] text`);
    return { state, want, shown };
  });
}

// ---- acting on the page ---------------------------------------------------

/**
 * One finger on the page through CDP's Input.dispatchTouchEvent: real touch
 * input, which the browser turns into pointer and touch events and scrolls on
 * as a phone does. Returns { down(x, y), move(x, y), up(), detach() }.
 */
export async function finger(page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, x, y) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  return {
    down: (x, y) => send('touchStart', x, y),
    move: (x, y) => send('touchMove', x, y),
    up: () => send('touchEnd'),
    detach: () => cdp.detach(),
  };
}

const clockInstalled = new WeakSet();

/**
 * Runs `act` with the page's timers stopped, then lets them run again. A
 * finger that moves or lifts at once must not be taken for one that rests:
 * on a loaded machine the events of a quick gesture can reach the page more
 * than the hold time apart, and the page's hold timer would then grab.
 */
export async function withTimersStopped(page, act) {
  const context = page.context();
  if (!clockInstalled.has(context)) {
    await context.clock.install();
    clockInstalled.add(context);
  }
  // Just ahead of the page's time (which runs on while we ask): a jump no longer than a stall of the page.
  for (const ahead of [50, 200, 1000]) {
    try {
      await page.clock.pauseAt(await page.evaluate((ms) => Date.now() + ms, ahead));
      break;
    } catch (error) {
      if (!/to the past/.test(error.message) || ahead === 1000) throw error;
    }
  }
  try {
    return await act();
  } finally {
    await page.clock.resume();
  }
}

/**
 * Puts a finger down at (x, y) and rests it `hold` ms of the page's time:
 * its timers run exactly that long before the next event, so a hold longer
 * than the explorer's grabs however the machine is loaded.
 */
export async function touchAndRest(page, x, y, hold) {
  const f = await finger(page);
  await withTimersStopped(page, async () => {
    await f.down(x, y);
    if (hold) await page.clock.runFor(hold);
  });
  return f;
}

/**
 * A finger from (x, y0) to (x, y1) in `steps` moves, after resting `hold` ms;
 * the page scrolls on it unless something stops it. Without a hold, the
 * page's timers stand still from touch to lift: it is a quick swipe however
 * slowly the events arrive.
 */
export async function swipe(page, x, y0, y1, { steps = 10, hold = 0 } = {}) {
  const moveAndLift = async (f) => {
    for (let k = 1; k <= steps; k++) await f.move(x, y0 + ((y1 - y0) * k) / steps);
    await f.up();
    await f.detach();
  };
  if (hold) return moveAndLift(await touchAndRest(page, x, y0, hold));
  return withTimersStopped(page, async () => {
    const f = await finger(page);
    await f.down(x, y0);
    await moveAndLift(f);
  });
}

export const handle = (page, dist, i) => page.locator(`[role="slider"][data-dist="${dist}"][data-index="${i}"]`);
export const valueInput = (page, dist, i) => page.locator(`input[data-field="value"][data-dist="${dist}"][data-index="${i}"]`);
export const lockBox = (page, dist, i) => page.locator(`input[type="checkbox"][data-field="lock"][data-dist="${dist}"][data-index="${i}"]`);
export const labelInput = (page, i) => page.locator(`input[data-field="label"][data-index="${i}"]`);

/**
 * Where a bar is: the handle spans the plot height, y axis 0 (bottom) to 1 (top).
 * Returns the pointer x, the y of the bar's top (from aria-valuenow), and the
 * mappings between y and probability.
 */
export async function barGeometry(page, dist, i) {
  const h = handle(page, dist, i);
  await h.scrollIntoViewIfNeeded();
  const box = await h.boundingBox();
  const value = Number(await h.getAttribute('aria-valuenow'));
  const bottom = box.y + box.height;
  const yOf = (v) => bottom - v * box.height;
  // The pointer must land on the handle even for a bar at 0 or 1.
  const top = Math.min(Math.max(yOf(value), box.y + 1), bottom - 1);
  return { box, value, x: box.x + box.width / 2, top, yOf, valueAt: (y) => (bottom - y) / box.height, pixel: 1 / box.height };
}

/**
 * Starts watching which elements' text changes outside the boxes held at their size during a drag
 * (shell/freeze.js: an inline `contain`) or a visually hidden one (its size fixed, laid out alone):
 * such a change makes the browser lay out the whole page. Returns a function that gives them so far.
 */
export async function watchTextOutsideHeld(page) {
  await page.evaluate(() => {
    window.textOutsideHeld = new Set();
    const alone = (el) => el.closest('[style*="contain"], .visually-hidden');
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target.nodeType === 3 ? r.target.parentElement : r.target;
        if (!alone(el)) window.textOutsideHeld.add(el.dataset.role ?? el.dataset.cell ?? el.dataset.counter ?? el.tagName);
      }
    }).observe(document.body, { characterData: true, childList: true, subtree: true });
  });
  return () => page.evaluate(() => [...window.textOutsideHeld]);
}

/** The text changed outside the held boxes (watchTextOutsideHeld) while bar i of dist is dragged up by dy px, before the release. */
export async function textOutsideHeldInBarDrag(page, dist, i, dy) {
  const outside = await watchTextOutsideHeld(page);
  let during = null;
  await dragBar(page, dist, i, dy, { steps: 8, during: async () => { during = await outside(); } });
  return during;
}

/**
 * Drags bar i of dist ('p' or 'q') up by dy CSS pixels (down if negative),
 * starting at the bar's top, with the mouse or (touch: true) a finger that
 * first rests `hold` ms (a touch drag needs a press-and-hold: TOUCH_HOLD).
 * Returns the probability under the pointer at release, clamped to [0, 1], and one pixel's worth.
 */
export async function dragBar(page, dist, i, dy, { steps = 6, touch = false, hold = 0, pause = 0, during } = {}) {
  const g = await barGeometry(page, dist, i);
  const ys = Array.from({ length: steps }, (_, k) => g.top - (dy * (k + 1)) / steps);
  if (touch) {
    const f = await touchAndRest(page, g.x, g.top, hold);
    for (const y of ys) { await f.move(g.x, y); if (pause) await page.waitForTimeout(pause); }
    await during?.();
    await f.up();
    await f.detach();
  } else {
    await page.mouse.move(g.x, g.top);
    await page.mouse.down();
    for (const y of ys) { await page.mouse.move(g.x, y); if (pause) await page.waitForTimeout(pause); }
    await during?.();
    await page.mouse.up();
  }
  const end = ys.at(-1);
  return { target: Math.min(Math.max(g.valueAt(end), 0), 1), pixel: g.pixel, end, geometry: g };
}

/** Screenshot of the whole page into dist/screenshots/<name>.png; returns the path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

// ---- the continuous mode ----------------------------------------------------

/** Each family's parameters in URL order, and the families of P and Q of each pair. */
export const FAMILY_PARAMS = {
  normal: ['mu', 'sigma'], laplace: ['loc', 'scale'], cauchy: ['loc', 'scale'], logNormal: ['mu', 'sigma'],
  exponential: ['rate'], gamma: ['shape', 'rate'], beta: ['alpha', 'beta'], uniform: ['low', 'high'],
};
export const pairFamilies = (pair) => (pair.includes('-') ? pair.split('-') : [pair, pair]);
export const CONTINUOUS_MEASURES = ['klPQ', 'klQP', 'entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP'];

/** The library's measures of a continuous state { family, p: {…}, q: {…}, units }. */
export function expectedContinuous({ family, p, q, units }) {
  const [fp, fq] = pairFamilies(family), base = BASES[units];
  const P = { family: fp, ...p }, Q = { family: fq, ...q };
  return {
    klPQ: klDist(P, Q, { base }), klQP: klDist(Q, P, { base }), entropyP: entropyDist(P, { base }),
    entropyQ: entropyDist(Q, { base }), crossEntropyPQ: crossEntropyDist(P, Q, { base }), crossEntropyQP: crossEntropyDist(Q, P, { base }),
  };
}

/** The page's format for any value: format3 below 1000, then whole numbers, then "1.23 × 10⁶"; "−" below 0. */
export function formatSigned(v) {
  if (v < 0) return `−${formatSigned(-v)}`;
  if (v < 1000 || v === Infinity) return format3(v);
  if (v < 1e6) return v.toFixed(0);
  const [mantissa, exponent] = v.toExponential(2).split('e');
  return `${mantissa} × 10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join('')}`;
}

/** The continuous state in the page's URL: { mode, family, p, q, units, bins } (p, q as objects). */
export function readContinuousState(page) {
  const u = new URL(page.url()).searchParams, family = u.get('family');
  const [fp, fq] = pairFamilies(family ?? 'normal');
  const params = (k, f) => (u.has(k) ? Object.fromEntries(FAMILY_PARAMS[f].map((name, i) => [name, Number(u.get(k).split(',')[i])])) : null);
  return { mode: u.get('mode'), family, p: params('p', fp), q: params('q', fq), units: u.get('units') ?? 'nats', bins: Number(u.get('bins') ?? 0) };
}

/**
 * What the continuous explorer under `root` (a page or a locator) shows: the
 * family picked, the parameters in the exact-value fields, the units, and
 * every measure (text and data-value).
 */
export async function shownContinuous(root) {
  const family = await root.locator('select[data-control="family"]').inputValue();
  const [fp, fq] = pairFamilies(family);
  const fields = await root.locator('input[data-field="value"]').evaluateAll((es) => es.map((e) => [e.dataset.dist, e.dataset.param, e.value]));
  const params = { p: {}, q: {} };
  for (const [side, name, value] of fields) params[side][name] = Number(value);
  assert.deepEqual([Object.keys(params.p), Object.keys(params.q)], [FAMILY_PARAMS[fp], FAMILY_PARAMS[fq]], 'parameter fields');
  const units = await root.locator('input[type="radio"][name="units"]:checked').getAttribute('value');
  const shown = Object.fromEntries(await root.locator('[data-measure]').evaluateAll((es) => es.map((e) => [e.dataset.measure, { text: e.textContent.trim(), value: e.dataset.value }])));
  return { state: { family, ...params, units }, measures: shown };
}

/**
 * Asserts that the shown measures are the library's for the shown
 * parameters (data-value within 1e-12, text to 3 significant digits) and,
 * for a page, that the URL holds the same state. Retries until settled.
 */
export function checkContinuous(root, { url = true } = {}) {
  return eventually(async () => {
    const { state, measures: shown } = await shownContinuous(root);
    const want = expectedContinuous(state);
    for (const k of CONTINUOUS_MEASURES) {
      assert.ok(shown[k], `[data-measure="${k}"] is missing`);
      assertClose(Number(shown[k].value), want[k], `${k} data-value`);
      assert.equal(shown[k].text, want[k] === Infinity ? '∞' : formatSigned(want[k]), `${k} text`);
    }
    if (url) {
      const inUrl = readContinuousState(root);
      assert.equal(inUrl.mode, 'continuous', 'mode in the URL');
      assert.deepEqual([inUrl.family, inUrl.p, inUrl.q, inUrl.units], [state.family, state.p, state.q, state.units], 'URL state = shown state');
    }
    return { state, want, shown };
  });
}

export const curveHandle = (root, side, id) => root.locator(`[role="slider"][data-dist="${side}"][data-handle="${id}"]`);

/**
 * Drags a handle on a curve by dx CSS pixels with the mouse (or a finger,
 * which first rests `hold` ms), from its centre. `during` runs before the
 * release. Returns the pointer's x at the end.
 */
export async function dragCurveHandle(page, root, side, id, dx, { steps = 8, touch = false, hold = 0, during } = {}) {
  const h = curveHandle(root, side, id);
  await h.scrollIntoViewIfNeeded();
  const box = await h.boundingBox();
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  const xs = Array.from({ length: steps }, (_, k) => x + (dx * (k + 1)) / steps);
  if (touch) {
    const f = await touchAndRest(page, x, y, hold);
    for (const fx of xs) await f.move(fx, y);
    await during?.(xs.at(-1));
    await f.up();
    await f.detach();
  } else {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (const fx of xs) await page.mouse.move(fx, y);
    await during?.(xs.at(-1));
    await page.mouse.up();
  }
  return xs.at(-1);
}
