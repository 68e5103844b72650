// The evidence view (?view=evidence, embed.html?view=evidence,
// <kl-explorer view="evidence">): runs of samples from P or Q, their
// log-likelihood paths, a sequential test at odds of 19 to 1, and Schulman's
// estimators of KL. For a fixed seed the page's statistics are what the
// library gives in Node (which draws identically); the mean slope is KL(P‖Q)
// from P and −KL(Q‖P) from Q within its statistical error; dragging a bar
// of P or Q (mouse, keys, a held finger) or typing them draws the runs again
// with the new distributions. Screenshots at 1280 and
// 390 px, light and dark, in dist/screenshots/evidence-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidencePath, kl, klEstimates, logRatios, sampler } from '../../dist/infodiv.js';
import {
  useExplorer, LOAD_TIMEOUT, assertClose, eventually, screenshot, formatSigned, barGeometry, dragBar, handle, swipe, BASES, DESKTOP, TOUCH_HOLD,
  textOutsideHeldInBarDrag,
} from './harness.js';

const explorer = useExplorer();
const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const QUERY = '?view=evidence&p=0.5,0.3,0.2&q=0.2,0.3,0.5&label=x&label=y&label=z&units=nats&seed=11&truth=p&runs=50&n=200';

async function openEvidence(query, device = DESKTOP) {
  const page = await explorer.newPage({ device });
  await page.goto(explorer.url(query));
  await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: LOAD_TIMEOUT });
  return page;
}

const stateInUrl = (page) => {
  const u = new URL(page.url()).searchParams, nums = (k) => u.get(k).split(',').map(Number);
  return {
    view: u.get('view'), p: nums('p'), q: nums('q'), seed: Number(u.get('seed')), units: u.get('units'),
    truth: u.get('truth'), runs: Number(u.get('runs')), n: Number(u.get('n')),
  };
};

/** The numbers on screen (data-value): measures and the runs' statistics. */
const shown = (root) => root.locator('[data-measure], [data-stat]').evaluateAll((els) => Object.fromEntries(
  els.map((e) => [e.dataset.measure ?? e.dataset.stat, Number(e.dataset.value)])));

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** What the library in Node gives for a state: the runs' slopes, stopping times, and the paths' ends. */
function expected({ p, q, seed, truth, runs, n, units }, threshold) {
  const base = BASES[units], direction = truth === 'p' ? 1 : -1;
  const [from, other] = truth === 'p' ? [p, q] : [q, p];
  const stream = sampler(from, { seed });
  const draws = Array.from({ length: runs }, () => stream.draw(n));
  const paths = draws.map((d) => evidencePath(p, q, d, { base }));
  const slopes = draws.map((d) => direction * klEstimates(from, other, d, { base }).k1);
  const stops = paths.map((path) => path.findIndex((v) => direction * v >= threshold) + 1);
  const stopped = stops.filter((t) => t > 0);
  return { draws, paths, slopes, stops, stopped, from, other, direction };
}

async function checkRuns(root, state, what) {
  const got = await shown(root);
  assertClose(got.threshold, Math.log(19) / Math.log(BASES[state.units]), `${what}: log 19`, 1e-15);
  const want = expected(state, got.threshold);
  assertClose(got.slope, mean(want.slopes), `${what}: the runs' mean slope`, 1e-12);
  assertClose(got.slope, mean(want.paths.map((path) => path[state.n - 1] / state.n)), `${what}: slope = mean Lₙ/n of the paths`, 1e-9);
  assert.equal(got.stopped, want.stopped.length, `${what}: runs past log 19`);
  if (want.stopped.length) assertClose(got.meanStop, mean(want.stopped), `${what}: mean stopping time`);
  return { got, want };
}

test('?view=evidence loads the evidence view with the library\'s measures and the runs the seed gives', async () => {
  const page = await openEvidence(QUERY);
  const state = stateInUrl(page);
  assert.deepEqual([state.view, state.truth, state.runs, state.n, state.seed], ['evidence', 'p', 50, 200, 11]);
  assert.equal(await page.locator('a[data-mode-link="evidence"]').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('[data-role="url-note"]').isVisible(), false);
  const { got } = await checkRuns(page, state, 'from P');
  assertClose(got.klPQ, kl(state.p, state.q), 'KL(P‖Q)');
  assertClose(got.klQP, kl(state.q, state.p), 'KL(Q‖P)');
  assertClose(got.wald, Math.log(19) / kl(state.p, state.q), 'log 19 / KL(P‖Q)', 1e-12);
  assert.equal(await page.locator('[data-live="klQP"]').first().textContent(), got.klQP.toPrecision(3));
  assert.match(await page.locator('[data-role="estimators-caption"]').textContent(), /J\. Schulman, “Approximating KL divergence”, 2020/);
  assert.match(await page.locator('canvas[data-chart="paths"]').getAttribute('aria-label'), /^50 runs of 200 samples from P\./);
});

// In the page before its scripts: each stroke of the paths canvas made with the context's own path (the runs,
// the grid; Chart.js strokes its lines as Path2D objects), as the points it moved to and its count of lines.
function watchPathStrokes() {
  const proto = CanvasRenderingContext2D.prototype, { beginPath, moveTo, lineTo, stroke } = proto;
  const open = new WeakMap(), paths = (ctx) => ctx.canvas.dataset?.chart === 'paths';
  window.__strokes = [];
  proto.beginPath = function (...args) {
    if (paths(this)) open.set(this, { moves: [], lines: 0 });
    return beginPath.apply(this, args);
  };
  proto.moveTo = function (x, y) {
    if (paths(this)) open.get(this)?.moves.push(`${x},${y}`);
    return moveTo.call(this, x, y);
  };
  proto.lineTo = function (...args) {
    if (paths(this) && open.has(this)) open.get(this).lines += 1;
    return lineTo.apply(this, args);
  };
  proto.stroke = function (...args) {
    if (paths(this) && !args.length && open.has(this)) window.__strokes.push(open.get(this));
    return stroke.apply(this, args);
  };
}

// As one Chart.js dataset (runs one after another: data not sorted by x, which Chart.js assumes of data it
// does not parse) only the runs between two points its search found were drawn, 4 or 5 of 20.
test('the paths chart draws every run, each from L₀ = 0 through every one of its samples', async () => {
  const page = await explorer.newPage({ device: DESKTOP });
  await page.addInitScript(watchPathStrokes);
  for (const [runs, truth] of [[50, 'p'], [20, 'q']]) {
    await page.goto(explorer.url(QUERY.replace('runs=50', `runs=${runs}`).replace('truth=p', `truth=${truth}`)));
    await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: LOAD_TIMEOUT });
    const strokes = await page.evaluate(() => window.__strokes);
    // The runs' stroke: one moveTo per run, all at the origin (no run is infinite here), and a line to each of
    // a run's 200 samples (n = 200, at most 250 points a run: every sample).
    const fromOrigin = strokes.filter(({ moves }) => moves.length > 1 && moves.every((m) => m === moves[0]));
    assert.ok(fromOrigin.length > 0, `${runs} runs from ${truth}: a stroke of the runs`);
    assert.deepEqual(fromOrigin.map(({ moves, lines }) => [moves.length, lines]).at(-1), [runs, runs * 200], `${runs} runs from ${truth}`);
  }
});

test('the mean slope is KL(P‖Q) from P and −KL(Q‖P) from Q, within its statistical error: two different slopes', async () => {
  const page = await openEvidence('?view=evidence&p=0.6,0.38,0.02&q=0.45,0.4,0.15&seed=5&runs=200&n=2000');
  const slopes = {};
  for (const truth of ['p', 'q']) {
    if (truth === 'q') await page.locator('input[name="truth"][value="q"]').check();
    const state = await eventually(async () => {
      const s = stateInUrl(page);
      assert.equal(s.truth, truth);
      return s;
    });
    const { got } = await checkRuns(page, state, `from ${truth.toUpperCase()}`);
    const [from, other] = truth === 'p' ? [state.p, state.q] : [state.q, state.p];
    const exact = kl(from, other), ratios = [...logRatios(from, other)];
    const sd = Math.sqrt(from.reduce((s, v, i) => s + v * (ratios[i] - exact) ** 2, 0)); // of one sample's evidence
    const error = sd / Math.sqrt(state.n * state.runs), slope = got.slope * (truth === 'p' ? 1 : -1);
    assert.ok(Math.abs(slope - exact) <= 4 * error, `from ${truth}: slope ${slope} vs KL ${exact} (4 standard errors: ${4 * error})`);
    await checkKlLine(page, state, `from ${truth}`);
    slopes[truth] = exact;
  }
  assert.ok(Math.abs(slopes.p - slopes.q) > 0.05, `KL(P‖Q) ${slopes.p} and KL(Q‖P) ${slopes.q} differ`);
});

test('the estimators: the chart\'s words are the library\'s k1, k2, k3 over the runs; k1 and k3 close in on KL', async () => {
  const page = await openEvidence(QUERY.replace('runs=50', 'runs=200'));
  const state = stateInUrl(page);
  const { want } = await checkRuns(page, state, 'from P');
  const label = await page.locator('canvas[data-chart="estimators"]').getAttribute('aria-label');
  const exact = kl(state.p, state.q);
  for (const size of [1, 2, 5, 10, 20, 50, 100, 200]) {
    const each = want.draws.map((d) => klEstimates(state.p, state.q, d.subarray(0, size)));
    const stats = ['k1', 'k2', 'k3'].map((k) => {
      const values = each.map((e) => e[k]), m = mean(values);
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
      if (size === 200 && k !== 'k2') assert.ok(Math.abs(m - exact) <= 4 * sd / Math.sqrt(values.length), `${k} after 200: ${m} vs ${exact}`);
      if (k === 'k3') assert.ok(values.every((v) => v >= 0), 'k3 is never negative');
      return `${k} ${formatSigned(m)} ± ${formatSigned(sd)}`;
    });
    assert.ok(label.includes(`${size}: ${stats.join(', ')}`), `after ${size} samples: ${stats.join(', ')} in ${label}`);
  }
  assert.ok(label.endsWith(`The exact value is ${formatSigned(exact)} nats.`), label);
});

/** The numbers that depend on P and Q alone are the library's for `state`: both KLs and log 19 / KL, the slope of the line n·KL. */
async function checkMeasures(root, state, what) {
  const got = await shown(root), base = BASES[state.units];
  assertClose(got.klPQ, kl(state.p, state.q) / Math.log(base), `${what}: KL(P‖Q)`);
  assertClose(got.klQP, kl(state.q, state.p) / Math.log(base), `${what}: KL(Q‖P)`);
  assertClose(got.wald, Math.log(19) / kl(state.p, state.q), `${what}: log 19 / KL(P‖Q)`, 1e-12);
}

/** The line drawn beside the paths, as the chart's words give it: ±n·KL of the truth, KL the library's, in the units. */
async function checkKlLine(page, state, what) {
  const [T, O, kind, way] = state.truth === 'p' ? ['P', 'Q', '', 'rises'] : ['Q', 'P', '−', 'falls'];
  const [from, other] = state.truth === 'p' ? [state.p, state.q] : [state.q, state.p];
  const units = state.units ?? 'nats', rate = kl(from, other) / Math.log(BASES[units]);
  const words = `${kind}KL(${T}‖${O}) = ${kind}${formatSigned(rate)} ${units}: the line ${kind}n · KL(${T}‖${O}) ${way} from 0 at that rate.`;
  await eventually(async () => assert.ok(
    (await page.locator('[data-chart="paths"]').getAttribute('aria-label')).includes(words), `${what}: ${words}`));
}

test('dragging a bar of Q with the mouse draws the runs again; KL and the line n·KL follow the drag', async () => {
  const page = await openEvidence(QUERY);
  const before = await shown(page);
  // Drag Q(z) down from 0.5: during the drag KL(P‖Q) has already moved.
  const { target, pixel } = await dragBar(page, 'q', 2, -50, {
    during: async () => eventually(async () => assert.ok((await shown(page)).klPQ < before.klPQ, 'KL(P‖Q) followed the drag')),
  });
  const dragged = await eventually(async () => {
    const s = stateInUrl(page);
    assert.ok(Math.abs(s.q[2] - target) <= pixel + 1e-9, `Q(z) in the URL is ${s.q[2]}, want ${target}`);
    return s;
  });
  assert.deepEqual(dragged.p, [0.5, 0.3, 0.2], 'P unchanged');
  assertClose(dragged.q.reduce((a, b) => a + b, 0), 1, 'Q still sums to 1', 1e-12);
  await eventually(() => checkRuns(page, dragged, 'after the drag'));
  await checkMeasures(page, dragged, 'after the drag');
  await checkKlLine(page, dragged, 'after the drag');
});

// Issue 14's "done when": a reader who drags Q away from P sees the evidence grow faster. Q starts equal to
// P (no evidence either way); Q(x) dragged from 0.5 to about 0.15 makes each x, half of P's samples, count.
test('dragging Q away from P: the runs climb faster and more of them reach 19 : 1, as the drag goes', async () => {
  const page = await openEvidence('?view=evidence&p=0.5,0.3,0.2&q=0.5,0.3,0.2&units=nats&seed=11&truth=p&runs=50&n=200');
  const before = await shown(page);
  assert.equal(before.klPQ, 0);
  const g = await barGeometry(page, 'q', 0);
  const { target, pixel } = await dragBar(page, 'q', 0, -0.35 / g.pixel, {
    during: async () => eventually(async () => {
      const now = await shown(page);
      assert.ok(now.klPQ > 0.1 && now.slope > before.slope + 0.1, `during the drag: KL ${now.klPQ}, slope ${now.slope}`);
    }),
  });
  const dragged = await eventually(async () => {
    const s = stateInUrl(page);
    assert.ok(Math.abs(s.q[0] - target) <= pixel + 1e-9, `Q(x) in the URL is ${s.q[0]}, want ${target}`);
    return s;
  });
  await eventually(() => checkRuns(page, dragged, 'after dragging Q away'));
  const after = await shown(page);
  assert.ok(after.slope > before.slope + 0.1, `the evidence grows faster: slope ${before.slope} → ${after.slope}`);
  assert.ok(after.stopped > before.stopped, `more runs reach 19 : 1: ${before.stopped} → ${after.stopped}`);
});

// Text a move changes outside the boxes held at their size makes the browser lay out the whole page each move.
test('while a bar is dragged, every text a move changes is in a box held at its size', async () => {
  const page = await openEvidence(QUERY);
  assert.deepEqual(await textOutsideHeldInBarDrag(page, 'p', 0, 60), [], 'text changed outside the held boxes during the drag');
});

test('keys on a focused handle move its bar, the others making room; the runs are drawn again', async () => {
  const page = await openEvidence(QUERY);
  const h = handle(page, 'q', 0);
  assert.equal(await h.getAttribute('aria-label'), 'Q(x)');
  await h.focus();
  await page.keyboard.press('PageUp');
  const moved = await eventually(async () => {
    const s = stateInUrl(page);
    assert.equal(s.q[0], 0.3);
    return s;
  });
  assertClose(moved.q[1] / moved.q[2], 0.6, 'the others keep their proportions', 1e-12);
  assert.equal(await h.getAttribute('aria-valuenow'), '0.3');
  await eventually(() => checkRuns(page, moved, 'after the key'));
  await checkMeasures(page, moved, 'after the key');
});

test('typing P draws the runs again with the new distributions; so does a new seed', async () => {
  const page = await openEvidence(QUERY);
  const field = page.locator('input[data-field="dist"][data-dist="p"]');
  await field.fill('1, 1, 1');
  await field.press('Enter');
  const typed = await eventually(async () => {
    const s = stateInUrl(page);
    assert.deepEqual(s.p, [1 / 3, 1 / 3, 1 / 3]);
    return s;
  });
  await eventually(() => checkRuns(page, typed, 'after typing P'));
  // A new seed draws other runs, and says so in the URL.
  await page.locator('button[data-action="new-seed"]').click();
  const reseeded = await eventually(async () => {
    const s = stateInUrl(page);
    assert.notEqual(s.seed, typed.seed);
    return s;
  });
  await eventually(() => checkRuns(page, reseeded, 'after new draws'));
});

test('undo: the button and Ctrl+Z bring back P and Q before a drag and a typed value; the runs with them', async () => {
  const page = await openEvidence(QUERY);
  const undo = page.locator('button[data-action="undo"]');
  assert.equal(await undo.isDisabled(), true, 'nothing to undo yet');
  const s0 = stateInUrl(page);
  await dragBar(page, 'q', 2, -50);
  const s1 = await eventually(async () => {
    const s = stateInUrl(page);
    assert.ok(s.q[2] < 0.5, 'the drag moved Q(z)');
    return s;
  });
  const field = page.locator('input[data-field="dist"][data-dist="p"]');
  await field.fill('1, 1, 1');
  await field.press('Enter');
  await eventually(async () => assert.deepEqual(stateInUrl(page).p, [1 / 3, 1 / 3, 1 / 3]));
  await handle(page, 'p', 0).focus();
  await page.keyboard.press('Control+z');
  await eventually(async () => assert.deepEqual(stateInUrl(page), s1, 'Ctrl+Z: P before it was typed'));
  await undo.click();
  await eventually(async () => assert.deepEqual(stateInUrl(page), s0, 'Undo: Q before the drag, exactly'));
  await eventually(() => checkRuns(page, s0, 'after undoing'));
  await checkMeasures(page, s0, 'after undoing');
  assert.equal(await undo.isDisabled(), true, 'nothing left to undo');
});

test('q = 0 where P samples: KL(P‖Q) = ∞, the page says why, and every run stops at that sample', async () => {
  const page = await openEvidence('?view=evidence&p=0.5,0.4,0.1&q=0.5,0.5,0&seed=3&runs=20&n=100');
  const state = stateInUrl(page);
  const { got, want } = await checkRuns(page, state, 'q = 0');
  assert.equal(got.klPQ, Infinity);
  assert.equal(await page.locator('[data-measure="klPQ"]').textContent(), '∞');
  assert.match(await page.locator('[data-role="infinity-note"]').textContent(), /KL\(P‖Q\) is infinite: Q gives probability 0 to “C”/);
  const first = want.draws.map((d) => [...d].indexOf(2) + 1);
  assert.deepEqual(want.stops.filter((_, r) => first[r] > 0), first.filter((t) => t > 0), 'a run stops at its first C');
});

test('embed.html?view=evidence and <kl-explorer view="evidence">: the same view, the library\'s runs, attributes apply', async () => {
  const embed = await openEvidence(`embed.html${QUERY}`);
  await checkRuns(embed, stateInUrl(embed), 'the embed');

  const page = await explorer.newPage();
  await page.goto(explorer.url('embed.html'));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
    <script type="module" src="${explorer.url('kl-explorer.js')}"></script></head><body>
    <kl-explorer id="e" view="evidence" p="5,3,2" q="2,3,5" units="bits" seed="4" runs="20" n="100"></kl-explorer></body></html>`);
  const el = page.locator('#e');
  await el.locator('[data-ready] [data-measure="klPQ"][data-value]').waitFor({ timeout: LOAD_TIMEOUT });
  const state = { p: [0.5, 0.3, 0.2], q: [0.2, 0.3, 0.5], units: 'bits', seed: 4, truth: 'p', runs: 20, n: 100 };
  assert.equal(await el.locator('.attribute-note').isVisible(), false);
  await checkRuns(el, state, 'the element');
  const value = await page.evaluate(() => document.querySelector('#e').value);
  assert.deepEqual([value.view, value.truth, value.runs, value.n, value.seed], ['evidence', 'p', 20, 100, 4]);
  await page.evaluate(() => document.querySelector('#e').setAttribute('truth', 'q'));
  await eventually(() => checkRuns(el, { ...state, truth: 'q' }, 'the element from Q'));
  assert.equal(await el.locator('input[name="truth"][value="q"]').isChecked(), true);
});

const scrollY = (page) => page.evaluate(() => window.scrollY);
const centre = (locator) => locator.evaluate((e) => e.scrollIntoView({ block: 'center' }));

test('at 390 px by touch: a swipe on a bar scrolls and changes nothing; a hold then drag moves it', async () => {
  const page = await openEvidence(QUERY, PHONE_390);
  const start = stateInUrl(page);
  assert.match(await page.locator('[data-role="touch-hint"]:visible').textContent(), /hold/i, 'the touch hint says how');
  await centre(handle(page, 'p', 0));
  const g = await barGeometry(page, 'p', 0), before = await scrollY(page);
  await swipe(page, g.x, g.yOf(0.2), g.yOf(0.2) + 150, { steps: 12 });
  let last = before;
  await eventually(async () => { // scrolled up with the finger, and stopped
    const now = await scrollY(page), still = now === last;
    last = now;
    assert.ok(now < before, `the page scrolled with the finger (scrollY ${before} → ${now})`);
    assert.ok(still, 'the page is still scrolling');
  });
  assert.deepEqual([stateInUrl(page).p, stateInUrl(page).q], [start.p, start.q], 'the swipe changed nothing');

  await centre(handle(page, 'p', 0));
  const held = await scrollY(page);
  const { target, pixel } = await dragBar(page, 'p', 0, 60, { touch: true, hold: TOUCH_HOLD, steps: 8 });
  const moved = await eventually(async () => {
    const s = stateInUrl(page);
    assert.ok(Math.abs(s.p[0] - target) <= pixel + 1e-9, `P(x) after the finger: ${s.p[0]}, want ${target}`);
    return s;
  });
  assert.ok(moved.p[0] > 0.6, `the bar went up: ${moved.p[0]}`);
  assert.deepEqual(moved.q, start.q, 'Q unchanged');
  assert.equal(await scrollY(page), held, 'the page did not scroll during the drag');
  await eventually(() => checkRuns(page, moved, 'after the finger'));
  await checkMeasures(page, moved, 'after the finger');
});

test('at 390 px by touch: switch the truth with a tap, the page fits its width; the share snippets hold the view', async () => {
  const page = await openEvidence(QUERY, PHONE_390);
  await page.locator('input[name="truth"][value="q"]').tap();
  const state = await eventually(async () => {
    const s = stateInUrl(page);
    assert.equal(s.truth, 'q');
    return s;
  });
  await checkRuns(page, state, 'from Q, tapped');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide at 390 px`);
  await page.locator('[data-role="share"] summary').tap();
  assert.match(await page.locator('[data-share="tag"]').inputValue(),
    /<kl-explorer view="evidence" p="0\.5,0\.3,0\.2" q="0\.2,0\.3,0\.5" labels="x,y,z" units="nats" seed="11" truth="q" runs="50" n="200"><\/kl-explorer>$/);
  assert.match(await page.locator('[data-share="link"]').inputValue(), /\?view=evidence&p=0\.5,0\.3,0\.2&.*&truth=q&runs=50&n=200$/);
});

for (const [name, device] of Object.entries({ desktop: DESKTOP, phone: PHONE_390 })) {
  for (const dark of [false, true]) {
    test(`screenshot: evidence view, ${name}, ${dark ? 'dark' : 'light'}`, async () => {
      const page = await explorer.newPage({ device, dark });
      await page.goto(explorer.url('?view=evidence'));
      await page.waitForSelector('canvas[data-chart="paths"]', { timeout: LOAD_TIMEOUT });
      await page.waitForSelector('[data-stat="slope"][data-value]');
      await page.waitForTimeout(800); // the histogram's and estimators' animations
      await screenshot(page, `evidence-${name}-${dark ? 'dark' : 'light'}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= device.viewport.width, `the page is ${width} px wide`);
    });
  }
}
