// The explorer in the engines other than Chromium: WebKit, the engine of
// Safari (on every iPhone), and Firefox. Each view and the embed load and
// show the measures of their state, a bar and a curve follow a mouse drag, a
// handle follows its arrow key, and nothing throws. Not part of `npm test`:
// the Chromium tests (tests/browser/) are the full suite; `npm run
// test:engines` checks that what they hold does not depend on Chromium.
// Expected values are computed here from the state the page shows (its
// address bar), not by the library. Screenshots go to
// dist/screenshots/<engine>-*.png. Build first: bash build.sh
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { poll, sleep } from './clients.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = `${ROOT}dist/screenshots`;
const BASES = { nats: Math.E, bits: 2, hartleys: 10 };

// KL(P‖Q) of two lists, normalised, in the units' base: the sum written out.
function klOf(p, q, units) {
  const sp = p.reduce((a, b) => a + b, 0), sq = q.reduce((a, b) => a + b, 0);
  return p.reduce((sum, pi, i) => (pi === 0 ? sum : sum + (pi / sp) * Math.log((pi / sp) / (q[i] / sq))), 0) / Math.log(BASES[units]);
}
// KL(N(m1, s1²) ‖ N(m2, s2²)) in nats.
const klNormal = (m1, s1, m2, s2) => Math.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5;
const close = (got, want, what, rel) => assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, expected ${want}`);
const numbers = (text) => text.split(',').map(Number);

/** The checks, in the engine `name` driven by `makeClient` (clients.js). */
export function explorerTests(name, makeClient) {
  const at = { engine: name.toLowerCase() }; // and, once started, the client and the site's origin
  let site;
  before(async () => {
    site = await preview({
      configFile: `${ROOT}web/explorer/vite.config.js`, logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    at.origin = `http://127.0.0.1:${site.httpServer.address().port}/`;
    at.client = await makeClient({ width: 1280, height: 1000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await at.client?.close();
    await site?.close();
  });
  pageTests(name, at);
  dragTests(name, at);
}

// Helpers on the page `at` ({ client, origin, engine }).
function helpers(at) {
  const run = (body) => at.client.evaluate(body);
  const query = async () => Object.fromEntries(new URL(await at.client.url()).searchParams);
  return {
    run,
    // Opens a page of the site and waits for the explorer to be ready; from then on, errors are collected.
    async open(path) {
      await at.client.navigate(`${at.origin}${path}`);
      await poll(`${path} ready`, () => at.client.evaluate('return Boolean(document.querySelector("[data-ready] [data-measure=klPQ][data-value]"))'), 300);
      await run(`window.__errors = [];
        addEventListener('error', (e) => __errors.push(String(e.message)));
        addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
        const log = console.error; console.error = (...a) => { __errors.push(a.join(' ')); log(...a); };`);
    },
    errors: () => run('return window.__errors'),
    shown: (measure) => run(`return Number(document.querySelector('[data-measure="${measure}"]').dataset.value)`),
    query,
    // The state of the outcome views, from the address bar (exact numbers).
    async pairState() {
      const { p, q, units } = await query();
      return { p: numbers(p), q: numbers(q), units };
    },
    screenshot: async (name) => writeFileSync(`${SCREENSHOTS}/${at.engine}-${name}.png`, await at.client.screenshot()),
    // A mouse press on the element's centre, moves by (dx, dy) in `steps`, and a release.
    async drag(selector, dx, dy, steps = 10) {
      const from = await run(`const b = document.querySelector('${selector}').getBoundingClientRect();
        return { x: Math.round(b.left + b.width / 2), y: Math.round(b.top + b.height / 2) };`);
      const moves = Array.from({ length: steps }, (_, i) => ({
        type: 'pointerMove', duration: 16, x: from.x + Math.round((dx * (i + 1)) / steps), y: from.y + Math.round((dy * (i + 1)) / steps),
      }));
      await at.client.actions([{
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: from.x, y: from.y }, { type: 'pointerDown', button: 0 }, ...moves, { type: 'pointerUp', button: 0 }],
      }]);
      await sleep(400); // the settled render and the address bar
    },
    async press(key) {
      await at.client.actions([{ type: 'key', id: 'keys', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }]);
      await sleep(400);
    },
  };
}

function pageTests(engine, at) {
  const { open, run, errors, shown, pairState, screenshot } = helpers(at);
  for (const [name, path] of [['discrete', ''], ['code', '?view=code'], ['evidence', '?view=evidence'], ['embed', 'embed.html']]) {
    test(`${engine}, ${name}: the measures are those of the state shown`, async () => {
      await open(path);
      const state = name === 'embed'
        ? { p: [0.6, 0.3, 0.1], q: [0.5, 0.4, 0.1], units: 'nats' } // the embed keeps no address: its default view
        : await pairState();
      close(await shown('klPQ'), klOf(state.p, state.q, state.units), 'KL(P‖Q)', 1e-12);
      if (name !== 'code') close(await shown('klQP'), klOf(state.q, state.p, state.units), 'KL(Q‖P)', 1e-12); // code: P's messages only
      assert.ok(await run('return [...document.querySelectorAll("canvas")].every((c) => c.width > 0 || !c.checkVisibility())'), 'every chart shown is drawn');
      await screenshot(name);
      assert.deepEqual(await errors(), []);
    });
  }
}

function dragTests(engine, at) {
  const { open, run, errors, shown, pairState, query, screenshot, drag, press } = helpers(at);
  test(`${engine}, discrete: a bar follows a mouse drag and an arrow key, and the measures follow the bar`, async () => {
    await open('');
    const before = await pairState();
    await drag('.handle-p[data-index="1"]', 0, -60);
    const dragged = await pairState();
    assert.ok(dragged.p[1] > before.p[1] + 0.05, `P's second bar went up (${before.p[1]} → ${dragged.p[1]})`);
    close(dragged.p.reduce((a, b) => a + b, 0), 1, 'P still sums to 1', 1e-12);
    close(await shown('klPQ'), klOf(dragged.p, dragged.q, dragged.units), 'KL(P‖Q) after the drag', 1e-12);
    await run('document.querySelector(\'.handle-q[data-index="0"]\').focus()');
    await press('\uE013'); // ArrowUp
    const keyed = await pairState();
    close(keyed.q[0], dragged.q[0] + 0.01, 'ArrowUp on Q\'s first bar: +0.01', 1e-6);
    close(await shown('klPQ'), klOf(keyed.p, keyed.q, keyed.units), 'KL(P‖Q) after the key', 1e-12);
    await screenshot('discrete-dragged');
    assert.deepEqual(await errors(), []);
  });

  test(`${engine}, continuous: P's peak follows a mouse drag, and KL is the normals' closed form throughout`, async () => {
    await open('?view=continuous');
    const params = async () => {
      const { p, q } = await query();
      return { p: numbers(p), q: numbers(q) };
    };
    const start = await params();
    close(await shown('klPQ'), klNormal(...start.p, ...start.q), 'KL(P‖Q) at the start', 1e-12);
    await drag('.curve-handle', 80, 0);
    const moved = await params();
    assert.ok(moved.p[0] > start.p[0] + 0.5, `P's mean moved right (${start.p[0]} → ${moved.p[0]})`);
    assert.equal(moved.p[1], start.p[1], 'the peak moves the mean only');
    close(await shown('klPQ'), klNormal(...moved.p, ...moved.q), 'KL(P‖Q) after the drag', 1e-12);
    close(await shown('klQP'), klNormal(...moved.q, ...moved.p), 'KL(Q‖P) after the drag', 1e-12);
    await screenshot('continuous-dragged');
    assert.deepEqual(await errors(), []);
  });
}
