// The code view (?view=code, embed.html?view=code, <kl-explorer view="code">):
// outcomes drawn from P written with Huffman codes for P and for Q. For a
// fixed seed the counters after n symbols are what the library's sampler and
// code lengths give in Node (which draws identically); the running averages
// settle on Σ pᵢℓᵢ; dragging a bar of P or Q (mouse, keys, a held finger)
// or typing them starts the run again with the new distributions, and the
// codes and KL follow the drag; q = 0 leaves Q's message unwritable.
// Screenshots at 1280 and 390 px, light and dark, in
// dist/screenshots/code-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLengths, crossEntropy, entropy, measures, prefixCode, sampler } from '../../dist/infodiv.js';
import {
  useExplorer, LOAD_TIMEOUT, assertClose, eventually, screenshot, barGeometry, dragBar, handle, swipe, BASES, DESKTOP, TOUCH_HOLD,
  textOutsideHeldInBarDrag,
} from './harness.js';

const explorer = useExplorer();
const STILL = { ...DESKTOP, reducedMotion: 'reduce' }; // no autoplay: the test steps the run
const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DEFAULT = { p: [0.6, 0.2, 0.1, 0.1], q: [0.4, 0.1, 0.1, 0.4], seed: 1 };
const QUERY = '?view=code&p=0.5,0.2,0.2,0.1&q=0.1,0.2,0.3,0.4&label=sun&label=rain&label=fog&label=snow&units=bits&seed=7&speed=2000';

async function openCode(query, device = STILL) {
  const page = await explorer.newPage({ device });
  await page.goto(explorer.url(query));
  await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: LOAD_TIMEOUT });
  return page;
}

/** The counters on screen: { n, bitsP, bitsQ, averageP, averageQ, extra } as numbers (data-value). */
const counters = (root) => root.locator('[data-counter]').evaluateAll((els) => Object.fromEntries(
  els.map((e) => [e.dataset.counter, Number(e.dataset.value)])));

/** What the library in Node says after n symbols of P drawn with `seed`: bits with each code, counts, the last outcomes. */
function expected({ p, q, seed }, n) {
  const draws = sampler(p, { seed }).draw(n), lp = codeLengths(p), lq = codeLengths(q);
  let bitsP = 0, bitsQ = 0;
  const counts = p.map(() => 0);
  for (const i of draws) {
    bitsP += lp[i];
    bitsQ = q[i] > 0 ? bitsQ + lq[i] : Infinity;
    counts[i] += 1;
  }
  return { draws, bitsP, bitsQ, counts };
}

/** Σ pᵢℓᵢ and its standard deviation per symbol for a code of lengths ℓ. */
function averageLength(p, lengths) {
  const mean = p.reduce((s, v, i) => s + v * lengths[i], 0);
  const variance = p.reduce((s, v, i) => s + v * (lengths[i] - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(variance) };
}

const scrollY = (page) => page.evaluate(() => window.scrollY);
// Puts the element in the middle of the screen, so the page can scroll both ways from there.
const centre = (locator) => locator.evaluate((e) => e.scrollIntoView({ block: 'center' }));

/** Waits until the page has scrolled down from `from` (the finger went up) and stopped moving. */
async function scrolledUp(page, from) {
  let last = from;
  await eventually(async () => {
    const now = await scrollY(page), still = now === last;
    last = now;
    assert.ok(now > from, `the page scrolled with the finger (scrollY ${from} → ${now})`);
    assert.ok(still, 'the page is still scrolling');
  });
}

const stateInUrl = (page) => {
  const u = new URL(page.url()).searchParams, nums = (k) => u.get(k).split(',').map(Number);
  return { view: u.get('view'), p: nums('p'), q: nums('q'), seed: Number(u.get('seed')), units: u.get('units'), labels: u.getAll('label') };
};

async function steps(root, count) {
  for (let k = 0; k < count; k++) await root.locator('button[data-action="step"]').click();
}

async function checkCounters(root, state, what) {
  const shown = await counters(root);
  const want = expected(state, shown.n);
  assert.equal(shown.bitsP, want.bitsP, `${what}: bits with P's code after ${shown.n} symbols`);
  assert.equal(shown.bitsQ, want.bitsQ, `${what}: bits with Q's code after ${shown.n} symbols`);
  if (shown.n) assertClose(shown.averageP, want.bitsP / shown.n, `${what}: bits per symbol, P's code`);
  return { shown, want };
}

test('?view=code loads the code view: the switch marks it, the codes and measures are the library\'s, nothing plays under reduced motion', async () => {
  const page = await openCode(QUERY);
  const state = stateInUrl(page);
  assert.deepEqual([state.view, state.p, state.q, state.seed], ['code', [0.5, 0.2, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4], 7]);
  assert.equal(await page.locator('a[data-mode-link="code"]').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('[data-role="url-note"]').isVisible(), false);
  const rows = await page.locator('[data-role="code-rows"] tr').evaluateAll((trs) => trs.map((tr) => Object.fromEntries(
    [...tr.querySelectorAll('[data-cell]')].map((c) => [c.dataset.cell, c.textContent]))));
  const codeP = prefixCode(state.p), codeQ = prefixCode(state.q);
  assert.deepEqual(rows.map((r) => [r.label, r.wordP, r.wordQ, Number(r.lengthQ)]),
    state.labels.map((l, i) => [l, codeP.codewords[i], codeQ.codewords[i], codeQ.lengths[i]]));
  for (const [i, row] of rows.entries()) {
    assert.equal(Number(row.ideal).toPrecision(3), (-Math.log2(state.q[i])).toPrecision(3), `−log₂ q of ${row.label}`);
  }
  const m = measures(state.p, state.q, { base: 2 });
  const shown = Object.fromEntries(await page.locator('[data-measure]').evaluateAll((es) => es.map((e) => [e.dataset.measure, Number(e.dataset.value)])));
  for (const key of ['entropyP', 'crossEntropyPQ', 'klPQ']) assertClose(shown[key], m[key], key);
  assertClose(shown.huffmanP, averageLength(state.p, codeP.lengths).mean, 'Σ pᵢℓᵢ(P)', 1e-15);
  assertClose(shown.huffmanQ, averageLength(state.p, codeQ.lengths).mean, 'Σ pᵢℓᵢ(Q)', 1e-15);
  assert.ok(shown.entropyP <= shown.huffmanP && shown.huffmanP < shown.entropyP + 1, 'H(P) ≤ Σ pᵢℓᵢ < H(P) + 1');
  // The prose quotes the same numbers.
  assert.equal(await page.locator('[data-live="huffmanQ"]').first().textContent(), shown.huffmanQ.toPrecision(3));
  await page.waitForTimeout(500);
  assert.equal((await counters(page)).n, 0, 'no autoplay with prefers-reduced-motion');
  assert.equal(await page.locator('button[data-action="play"]').textContent(), 'Play');
});

test('for a fixed seed, the counters after n symbols are what the library\'s sampler and code lengths give', async () => {
  const page = await openCode(QUERY);
  const state = stateInUrl(page);
  await steps(page, 12);
  const { shown, want } = await checkCounters(page, state, 'after 12 steps');
  assert.equal(shown.n, 12);
  // The message strip: the last symbols' labels and codewords, oldest first.
  const cells = await page.locator('[data-role="message"] .symbol-cell').evaluateAll((cs) => cs.map((c) => [...c.children].map((s) => s.textContent)));
  const codeP = prefixCode(state.p), codeQ = prefixCode(state.q);
  assert.deepEqual(cells, [...want.draws].map((i) => [state.labels[i], codeP.codewords[i], codeQ.codewords[i]]));
  const sent = await page.locator('[data-cell="sent"]').allTextContents();
  assert.deepEqual(sent.map((t) => Number(t.split(' ')[0])), want.counts, 'how often each outcome was sent');
  // Play at 2000 symbols a second, then pause: the counters are still the library's.
  await page.locator('button[data-action="play"]').click();
  await eventually(async () => assert.ok((await counters(page)).n > 300), LOAD_TIMEOUT);
  await page.locator('button[data-action="play"]').click();
  const paused = await checkCounters(page, state, 'after playing');
  assert.equal(await page.locator('button[data-action="play"]').textContent(), 'Play');
  await eventually(async () => {
    const said = await page.locator('[data-role="announce"]').textContent();
    assert.ok(said.startsWith(`Paused after ${paused.shown.n} symbols: P’s code ${paused.want.bitsP} bits`), said);
  });
  // Restart replays the same draws from the seed.
  await page.locator('button[data-action="restart"]').click();
  assert.equal((await counters(page)).n, 0);
  await steps(page, 3);
  await checkCounters(page, state, 'after restart');
});

test('playing, the strip gains one cell per symbol sent, not a new strip per frame, and shows the last 40 draws', async () => {
  // 20 symbols a second (the default): the page plays by itself, a symbol every third frame or so.
  const page = await openCode('?view=code&p=0.5,0.2,0.2,0.1&q=0.1,0.2,0.3,0.4&label=sun&label=rain&label=fog&label=snow&seed=5&speed=20', DESKTOP);
  const state = stateInUrl(page);
  // Cells added to the strip while it plays, and the symbols sent meanwhile (counted from the counter).
  const from = await page.evaluate(() => {
    window.__strip = { added: 0 };
    new MutationObserver((records) => {
      for (const r of records) window.__strip.added += r.addedNodes.length;
    }).observe(document.querySelector('[data-role="message"]'), { childList: true });
    return Number(document.querySelector('[data-counter="n"]').dataset.value);
  });
  await eventually(async () => assert.ok((await counters(page)).n >= from + 50, 'at least 50 more symbols sent'), LOAD_TIMEOUT);
  await page.locator('button[data-action="play"]').click(); // pause
  const { n } = await counters(page), added = await page.evaluate(() => window.__strip.added);
  assert.ok(added <= n - from, `${added} cells added for ${n - from} symbols sent (a strip rewritten in every frame adds 40 a frame)`);
  const cells = await page.locator('[data-role="message"] .symbol-cell').evaluateAll((cs) => cs.map((c) => [...c.children].map((s) => s.textContent)));
  const codeP = prefixCode(state.p), codeQ = prefixCode(state.q), last = [...expected(state, n).draws].slice(-40);
  assert.deepEqual(cells, last.map((i) => [state.labels[i], codeP.codewords[i], codeQ.codewords[i]]), 'the strip: the last 40 symbols, oldest first');
});

test('the running averages settle on Σ pᵢℓᵢ of each code, within the statistical error', async () => {
  const page = await openCode(QUERY);
  const state = stateInUrl(page);
  await page.locator('button[data-action="play"]').click();
  await eventually(async () => assert.ok((await counters(page)).n >= 6000), 2 * LOAD_TIMEOUT);
  // Step pauses (and adds one symbol, if the run has not ended): Play would start an ended run again.
  await page.locator('button[data-action="step"]').click();
  const { shown } = await checkCounters(page, state, 'after 6000 symbols');
  for (const [code, dist] of [['P', state.p], ['Q', state.q]]) {
    const { mean, sd } = averageLength(state.p, codeLengths(dist));
    const average = shown[`average${code}`], error = Math.abs(average - mean), bound = 4 * sd / Math.sqrt(shown.n) + 1e-12;
    assert.ok(error <= bound, `${code}'s code: ${average} bits per symbol after ${shown.n}, Σ pᵢℓᵢ = ${mean} (|error| ${error} > ${bound})`);
  }
  const label = await page.locator('canvas[data-chart="running"]').getAttribute('aria-label');
  assert.match(label, new RegExp(`^Running average length per symbol after ${shown.n} symbols`));
});

/** The code view's measures on screen (data-value), by name. */
const measuresShown = (root) => root.locator('[data-measure]').evaluateAll((els) => Object.fromEntries(
  els.map((e) => [e.dataset.measure, Number(e.dataset.value)])));

/** The numbers that depend on P and Q alone are the library's for `state`: Q's code lengths, H(P), H(P,Q), KL, Σ pᵢℓᵢ. */
async function checkCodes(root, state, what) {
  const lengths = (await root.locator('[data-cell="lengthQ"]').allTextContents()).map(Number);
  assert.deepEqual(lengths, [...codeLengths(state.q)], `${what}: Q's code lengths`);
  const m = await measuresShown(root), want = measures(state.p, state.q, { base: 2 });
  for (const key of ['entropyP', 'crossEntropyPQ', 'klPQ']) assertClose(m[key], want[key], `${what}: ${key}`);
  assertClose(m.huffmanQ, averageLength(state.p, codeLengths(state.q)).mean, `${what}: Σ pᵢℓᵢ of Q's code`, 1e-14);
}

test('dragging a bar of Q with the mouse starts the run again; the codes and KL follow the drag', async () => {
  const page = await openCode(QUERY);
  await steps(page, 5);
  const before = await measuresShown(page);
  // Drag Q(sun) up from 0.1: during the drag the run is back at 0 and KL has moved.
  const { target, pixel } = await dragBar(page, 'q', 0, 60, {
    during: async () => {
      assert.equal((await counters(page)).n, 0, 'the run started again during the drag');
      assert.ok((await measuresShown(page)).klPQ < before.klPQ, 'KL(P‖Q) followed the drag');
    },
  });
  const dragged = await eventually(async () => {
    const s = stateInUrl(page);
    assert.ok(Math.abs(s.q[0] - target) <= pixel + 1e-9, `Q(sun) in the URL is ${s.q[0]}, want ${target}`);
    return s;
  });
  assert.deepEqual(dragged.p, [0.5, 0.2, 0.2, 0.1], 'P unchanged');
  assertClose(dragged.q.reduce((a, b) => a + b, 0), 1, 'Q still sums to 1', 1e-12);
  await checkCodes(page, dragged, 'after the drag');
  assert.equal((await counters(page)).n, 0, 'the run started again');
  await steps(page, 8);
  await checkCounters(page, dragged, 'after the drag');
  const rows = await page.locator('[data-cell="wordQ"]').allTextContents();
  assert.deepEqual(rows, prefixCode(dragged.q).codewords, 'Q\'s code is the new Q\'s');
});

// A move lays out only the boxes it changes when each is held at its size while the drag goes on
// (shell/freeze.js): text changed outside them makes the browser lay out the whole page on every move.
test('while a bar is dragged, every text a move changes is in a box held at its size', async () => {
  const page = await openCode(QUERY);
  assert.deepEqual(await textOutsideHeldInBarDrag(page, 'q', 0, 60), [], 'text changed outside the held boxes during the drag');
  assert.equal(await page.evaluate(() => document.querySelectorAll('[style*="contain"]').length), 0, 'released: every box is free');
});

// Issue 14's "done when": a reader who drags Q away from P sees the message get longer. Q starts equal to P
// (the same code); Q(sun) dragged from 0.5 to about 0.1 gives sun, which P sends half the time, a 3-bit word.
test('dragging Q away from P: the same draws take more bits with Q\'s code, and KL grows during the drag', async () => {
  const page = await openCode('?view=code&p=0.5,0.2,0.2,0.1&q=0.5,0.2,0.2,0.1&units=bits&seed=7&speed=2000');
  await steps(page, 30);
  const before = await counters(page), m0 = await measuresShown(page);
  assert.equal(before.bitsQ, before.bitsP, 'Q = P: the same code, the same bits');
  const g = await barGeometry(page, 'q', 0);
  const { target, pixel } = await dragBar(page, 'q', 0, -0.4 / g.pixel, {
    during: async () => eventually(async () => assert.ok((await measuresShown(page)).klPQ > m0.klPQ + 0.1, 'KL(P‖Q) grew during the drag')),
  });
  const dragged = await eventually(async () => {
    const s = stateInUrl(page);
    assert.ok(Math.abs(s.q[0] - target) <= pixel + 1e-9, `Q(sun) in the URL is ${s.q[0]}, want ${target}`);
    return s;
  });
  await steps(page, 30);
  const after = await counters(page);
  assert.equal(after.n, 30);
  assert.equal(after.bitsP, before.bitsP, 'the same seed and P: the same draws, the same bits with P\'s code');
  assert.ok(after.bitsQ > before.bitsQ + 10, `Q's message got longer: ${before.bitsQ} → ${after.bitsQ} bits`);
  await checkCounters(page, dragged, 'after dragging Q away');
  const m1 = await measuresShown(page);
  assert.ok(m1.huffmanQ > m0.huffmanQ && m1.crossEntropyPQ > m0.crossEntropyPQ, 'both of Q\'s long-run lines went up');
});

test('keys on a focused handle move its bar, the others making room; the run starts again', async () => {
  const page = await openCode(QUERY);
  await steps(page, 3);
  const h = handle(page, 'p', 1);
  assert.equal(await h.getAttribute('aria-valuenow'), '0.2');
  assert.equal(await h.getAttribute('aria-label'), 'P(rain)');
  await h.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const moved = await eventually(async () => {
    const s = stateInUrl(page);
    assert.equal(s.p[1], 0.22);
    return s;
  });
  assertClose(moved.p[0] / moved.p[3], 5, 'the others keep their proportions', 1e-12);
  assert.equal(await h.getAttribute('aria-valuenow'), '0.22');
  assert.equal((await counters(page)).n, 0, 'the run started again');
  await checkCodes(page, moved, 'after the keys');
  await page.keyboard.press('Home');
  await eventually(async () => assert.equal(stateInUrl(page).p[1], 0));
});

test('typing Q starts the run again with the new distributions', async () => {
  const page = await openCode(QUERY);
  await steps(page, 5);
  // Type Q with a 0 where P sends: Q's code has no word for it.
  const field = page.locator('input[data-field="dist"][data-dist="q"]');
  await field.fill('1, 1, 2, 0');
  await field.press('Enter');
  const typed = await eventually(async () => {
    const s = stateInUrl(page);
    assert.deepEqual(s.q, [0.25, 0.25, 0.5, 0]);
    return s;
  });
  assert.equal((await counters(page)).n, 0, 'the run started again');
  assert.equal(await page.locator('[data-measure="klPQ"]').textContent(), '∞');
  assert.equal(await page.locator('[data-role="code-rows"] tr').nth(3).locator('[data-cell="wordQ"]').textContent(), 'none');
  const note = page.locator('[data-role="infinity-note"]');
  assert.match(await note.textContent(), /Q gives probability 0 to “snow”.*cannot be written/);
  // Step until P sends snow: from then on Q's message cannot be written.
  const first = [...sampler(typed.p, { seed: typed.seed }).draw(200)].indexOf(3) + 1;
  assert.ok(first > 0, 'P sends snow within 200 symbols');
  await steps(page, first);
  const { shown } = await checkCounters(page, typed, 'after snow');
  assert.equal(shown.bitsQ, Infinity);
  assert.equal(await page.locator('[data-counter="bitsQ"]').textContent(), 'cannot be written');
  assert.match(await note.textContent(), new RegExp(`happened at symbol ${first}\\.`));
});

test('undo: the button and Ctrl+Z bring back P, Q and the names before a key, a typed value and a drag', async () => {
  const page = await openCode(QUERY);
  const undo = page.locator('button[data-action="undo"]');
  assert.equal(await undo.isDisabled(), true, 'nothing to undo yet');
  const s0 = stateInUrl(page);
  await handle(page, 'p', 1).focus();
  await page.keyboard.press('PageUp');
  const s1 = await eventually(async () => {
    const s = stateInUrl(page);
    assert.equal(s.p[1], 0.3);
    return s;
  });
  const field = page.locator('input[data-field="labels"]');
  await field.fill('a, b, c, d');
  await field.press('Enter');
  await eventually(async () => assert.deepEqual(stateInUrl(page).labels, ['a', 'b', 'c', 'd']));
  await dragBar(page, 'q', 0, -40);
  await eventually(async () => assert.notEqual(stateInUrl(page).q[0], 0.1, 'the drag moved Q(a)'));
  await undo.click();
  await eventually(async () => assert.deepEqual(stateInUrl(page), { ...s1, labels: ['a', 'b', 'c', 'd'] }, 'Undo: Q before the drag'));
  await handle(page, 'p', 0).focus();
  await page.keyboard.press('Control+z');
  await eventually(async () => assert.deepEqual(stateInUrl(page), s1, 'Ctrl+Z: the names before they were typed'));
  await undo.click();
  await eventually(async () => assert.deepEqual(stateInUrl(page), s0, 'Undo: P before the key, exactly'));
  await checkCodes(page, s0, 'after undoing everything');
  assert.equal((await counters(page)).n, 0, 'the run started again');
  assert.equal(await undo.isDisabled(), true, 'nothing left to undo');
});

test('units: the averages are bits per symbol times one bit in the units; the table stays in bits', async () => {
  const page = await openCode(QUERY);
  await steps(page, 10);
  await page.locator('input[name="units"][value="nats"]').check();
  const state = stateInUrl(page);
  assert.equal(state.units, 'nats');
  const shown = await counters(page);
  assert.equal(shown.n, 10, 'a change of units keeps the run');
  const want = expected(state, 10), bit = entropy([1, 1], { base: BASES.nats });
  assertClose(shown.averageP, (want.bitsP / 10) * bit, 'nats per symbol, P\'s code');
  const m = Object.fromEntries(await page.locator('[data-measure]').evaluateAll((es) => es.map((e) => [e.dataset.measure, Number(e.dataset.value)])));
  assertClose(m.crossEntropyPQ, crossEntropy(state.p, state.q), 'H(P,Q) in nats');
  assertClose(m.huffmanQ, averageLength(state.p, codeLengths(state.q)).mean * Math.LN2, 'Σ pᵢℓᵢ(Q) in nats', 1e-14);
  assert.match(await page.locator('[data-role="units-note"]').textContent(), /each bit is worth ln 2 = 0\.693 nats/);
});

test('the default plays by itself; the share snippets hold the view, the seed and the speed', async () => {
  const page = await openCode('?view=code', DESKTOP);
  await eventually(async () => assert.ok((await counters(page)).n > 3, 'it plays'), LOAD_TIMEOUT);
  const state = stateInUrl(page);
  assert.deepEqual([state.p, state.q, state.seed], [DEFAULT.p, DEFAULT.q, DEFAULT.seed]);
  await page.locator('[data-role="share"] summary').click();
  const link = await page.locator('[data-share="link"]').inputValue();
  assert.match(link, /\?view=code&p=0\.6,0\.2,0\.1,0\.1&q=0\.4,0\.1,0\.1,0\.4&label=A&.*&units=bits&seed=1&speed=20$/);
  const tag = await page.locator('[data-share="tag"]').inputValue();
  assert.match(tag, /<kl-explorer view="code" p="0\.6,0\.2,0\.1,0\.1" q="0\.4,0\.1,0\.1,0\.4" labels="A,B,C,D" units="bits" seed="1" speed="20"><\/kl-explorer>$/);
  assert.match(await page.locator('[data-share="iframe"]').inputValue(), /embed\.html\?view=code&amp;p=/);
  await checkCounters(page, { ...DEFAULT }, 'the default');
});

test('embed.html?view=code and <kl-explorer view="code">: the same view, the library\'s counters', async () => {
  const embed = await openCode(`embed.html${QUERY}`);
  await steps(embed, 4);
  await checkCounters(embed, stateInUrl(embed), 'the embed');

  const page = await explorer.newPage({ device: STILL });
  await page.goto(explorer.url('embed.html'));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
    <script type="module" src="${explorer.url('kl-explorer.js')}"></script></head><body>
    <kl-explorer id="c" view="code" p="4,2,1,1" q="1,1,2,4" labels="w,x,y,z" units="bits" seed="42" speed="500"></kl-explorer></body></html>`);
  const el = page.locator('#c');
  await el.locator('[data-ready] [data-measure="klPQ"][data-value]').waitFor({ timeout: LOAD_TIMEOUT });
  const state = { p: [0.5, 0.25, 0.125, 0.125], q: [0.125, 0.125, 0.25, 0.5], seed: 42 };
  assert.equal(await el.locator('.attribute-note').isVisible(), false);
  assert.equal(await el.locator('[data-control="speed"]').inputValue(), '500');
  await steps(el, 6);
  await checkCounters(el, state, 'the element');
  assert.deepEqual(await el.locator('[data-cell="wordQ"]').allTextContents(), ['110', '111', '10', '0']);
  const value = await page.evaluate(() => document.querySelector('#c').value);
  assert.deepEqual([value.view, value.p, value.q, value.seed, value.speed], ['code', state.p, state.q, 42, 500]);
  // A new seed by attribute: the run starts again with its draws.
  await page.evaluate(() => document.querySelector('#c').setAttribute('seed', '5'));
  await eventually(async () => assert.equal((await counters(el)).n, 0));
  await steps(el, 6);
  await checkCounters(el, { ...state, seed: 5 }, 'the element, seed 5');
});

test('<kl-explorer view="code"> below the fold plays only while on screen, and goes on from where it was', async () => {
  const page = await explorer.newPage({ device: DESKTOP });
  await page.goto(explorer.url('embed.html'));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
    <script type="module" src="${explorer.url('kl-explorer.js')}"></script></head><body>
    <div style="height:3000px">a long post</div>
    <kl-explorer id="c" view="code" seed="3" speed="200"></kl-explorer><div style="height:3000px"></div></body></html>`);
  const el = page.locator('#c');
  await el.locator('[data-ready] [data-measure="klPQ"][data-value]').waitFor({ timeout: LOAD_TIMEOUT });
  const sent = async () => (await counters(el)).n;
  await page.waitForTimeout(1000); // 200 symbols a second, were it playing
  assert.equal(await sent(), 0, 'nothing sent below the fold');
  assert.equal(await el.locator('button[data-action="play"]').textContent(), 'Pause', 'it is playing, only not drawing');
  await el.locator('[data-role="message"]').scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(await sent() >= 20, 'sending once on screen'), LOAD_TIMEOUT);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // the observer's word, and a frame under way
  const left = await sent();
  await page.waitForTimeout(1000);
  assert.equal(await sent(), left, 'nothing sent once scrolled away');
  await el.locator('[data-role="message"]').scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(await sent() >= left + 20, 'going on from where it was'), LOAD_TIMEOUT);
  await checkCounters(el, { ...DEFAULT, seed: 3 }, 'after playing in two parts');
});

test('at 390 px by touch: tap Step; a swipe on a bar scrolls and changes nothing, a hold then drag moves it', async () => {
  const page = await openCode(QUERY, { ...PHONE_390, reducedMotion: 'reduce' });
  await page.locator('button[data-action="step"]').tap();
  await page.locator('button[data-action="step"]').tap();
  const start = stateInUrl(page);
  await checkCounters(page, start, 'after two taps');
  assert.match(await page.locator('[data-role="touch-hint"]:visible').textContent(), /hold/i, 'the touch hint says how');
  await centre(handle(page, 'q', 1));
  const g = await barGeometry(page, 'q', 1), before = await scrollY(page);
  await swipe(page, g.x, g.yOf(0.1), g.yOf(0.1) - 150, { steps: 12 });
  await scrolledUp(page, before);
  assert.deepEqual([stateInUrl(page).p, stateInUrl(page).q], [start.p, start.q], 'the swipe changed nothing');
  assert.equal((await counters(page)).n, 2, 'the run went on');

  await centre(handle(page, 'q', 1));
  const held = await scrollY(page);
  const { target, pixel } = await dragBar(page, 'q', 1, 80, { touch: true, hold: TOUCH_HOLD, steps: 8 });
  const moved = await eventually(async () => {
    const s = stateInUrl(page);
    assert.ok(Math.abs(s.q[1] - target) <= pixel + 1e-9, `Q(rain) after the finger: ${s.q[1]}, want ${target}`);
    return s;
  });
  assert.ok(moved.q[1] > 0.4, `the bar went up: ${moved.q[1]}`);
  assert.equal(await scrollY(page), held, 'the page did not scroll during the drag');
  assert.equal((await counters(page)).n, 0, 'the run started again');
  await checkCodes(page, moved, 'after the finger');
  await page.locator('button[data-action="step"]').tap();
  await checkCounters(page, moved, 'after the slide');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide at 390 px`);
});

for (const [name, device] of Object.entries({ desktop: DESKTOP, phone: PHONE_390 })) {
  for (const dark of [false, true]) {
    test(`screenshot: code view, ${name}, ${dark ? 'dark' : 'light'}`, async () => {
      const page = await explorer.newPage({ device: { ...device, reducedMotion: 'reduce' }, dark });
      await page.goto(explorer.url('?view=code&speed=2000'));
      await page.waitForSelector('[data-ready] [data-measure="klPQ"][data-value]', { timeout: LOAD_TIMEOUT });
      await page.locator('button[data-action="play"]').click();
      await eventually(async () => assert.ok((await counters(page)).n >= 400), LOAD_TIMEOUT);
      await page.locator('button[data-action="play"]').click();
      await screenshot(page, `code-${name}-${dark ? 'dark' : 'light'}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= device.viewport.width, `the page is ${width} px wide`);
    });
  }
}
