// The continuous mode, as a reader uses it: the default view (N(0,1) against
// N(1,2)), dragging the peak and the shoulder of a curve with a mouse or a
// finger, the keyboard on a focused handle, the sliders and the exact-value
// fields, every family, the units, swap and reset. Every number shown must be
// the library's (klDist, entropyDist, crossEntropyDist in Node) for the
// parameters shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useExplorer, checkContinuous, shownContinuous, curveHandle, dragCurveHandle, readContinuousState, eventually,
  assertClose, expectedContinuous, FAMILY_PARAMS, pairFamilies, CONTINUOUS_MEASURES, PHONE, TOUCH_HOLD, watchTextOutsideHeld,
} from './harness.js';

const explorer = useExplorer();
const CONTINUOUS = '?mode=continuous';
const centreX = async (locator) => { const b = await locator.boundingBox(); return b.x + b.width / 2; };

test('continuous: the default view is N(0,1) against N(1,2), KL(P‖Q) = 0.4431 nats, with both directions', async () => {
  const page = await explorer.open(CONTINUOUS);
  await page.locator('input[name="units"][value="bits"]').check(); // any change writes the URL
  await page.locator('input[name="units"][value="nats"]').check();
  const { state, shown, want } = await checkContinuous(page);
  assert.deepEqual(state, { family: 'normal', p: { mu: 0, sigma: 1 }, q: { mu: 1, sigma: 2 }, units: 'nats' });
  assertClose(want.klPQ, 0.4431471805599453, 'the textbook value', 1e-12);
  assert.equal(shown.klPQ.text, '0.443');
  assert.ok(want.klQP > want.klPQ, 'KL(Q‖P) differs');
  assert.equal(await page.locator('[data-measure="klQP"]').isVisible(), true, 'both directions shown');
  for (const chart of ['curves', 'integrand']) assert.equal(await page.locator(`canvas[data-chart="${chart}"]`).isVisible(), true, chart);
  assert.equal(await page.locator('[role="slider"][data-handle]').count(), 4, 'peak and shoulder of P and of Q');
  assert.equal(await page.locator('input[type="range"][data-field="slider"]').count(), 4, 'a slider per parameter');
  for (const slider of await page.locator('input[type="range"][data-field="slider"]').all()) {
    assert.match(await slider.evaluate((e) => e.closest('label')?.textContent.trim() ?? ''), /\w/, 'each slider has a label');
  }
  assert.equal(await page.locator('[data-role="infinity-note"]').isVisible(), false);
  assert.equal(await page.locator('[data-role="url-note"]').isVisible(), false);
  assert.equal(await page.locator('a[data-mode-link="continuous"]').getAttribute('aria-current'), 'page');
  assert.match(await page.locator('[data-live="klPQ"]').first().textContent(), /^0\.443$/, 'the prose quotes KL live');
});

test('continuous: dragging the peak of P with the mouse moves μ with the pointer; the shoulder changes σ only', async () => {
  const page = await explorer.open(CONTINUOUS);
  const peak = curveHandle(page, 'p', 'peak');
  let underPointer = null;
  const end = await dragCurveHandle(page, page, 'p', 'peak', 90, {
    during: async (x) => { underPointer = { pointer: x, handle: await centreX(peak) }; },
  });
  assert.ok(Math.abs(underPointer.handle - underPointer.pointer) <= 2, `the peak follows the pointer: ${JSON.stringify(underPointer)}`);
  const after = await checkContinuous(page);
  assert.ok(after.state.p.mu > 1, `μ of P moved right: ${after.state.p.mu}`);
  assert.equal(after.state.p.sigma, 1, 'σ of P unchanged');
  assert.deepEqual(after.state.q, { mu: 1, sigma: 2 }, 'Q unchanged');
  assert.ok(end > 0);
  assert.equal(Number(await page.locator('input[data-field="value"][data-dist="p"][data-param="mu"]').inputValue()), after.state.p.mu, 'the μ field shows it');
  assert.match(await peak.getAttribute('aria-valuetext'), new RegExp(`μ = ${after.state.p.mu}`));

  // The shoulder of Q, dragged left: σ of Q shrinks, μ of Q stays.
  await dragCurveHandle(page, page, 'q', 'shoulder', -60);
  const narrower = await checkContinuous(page);
  assert.ok(narrower.state.q.sigma < 2, `σ of Q shrank: ${narrower.state.q.sigma}`);
  assert.equal(narrower.state.q.mu, 1, 'μ of Q unchanged');
  assert.deepEqual(narrower.state.p, after.state.p, 'P unchanged');
});

// The canvas's pixels, as a string to compare.
const pixels = (canvas) => canvas.evaluate((c) => c.toDataURL());

test('continuous: mid-drag the curves are moved in place as a full redraw would draw them; boxes held still are freed after', async () => {
  const page = await explorer.open(CONTINUOUS);
  const canvas = page.locator('canvas[data-chart="curves"]');
  const held = () => page.evaluate(() => document.querySelectorAll('[style*="contain"]').length);
  const outside = await watchTextOutsideHeld(page);
  let during = null;
  await dragCurveHandle(page, page, 'p', 'peak', 40, {
    during: async () => {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      during = { image: await pixels(canvas), held: await held(), outside: await outside() };
    },
  });
  assert.ok(during.held >= 5, `while dragging, the numbers, the parameter rows and the prose hold their size (${during.held})`);
  assert.deepEqual(during.outside, [], 'no text a move changed was outside them');
  // Released: the state settles and the chart has a full Chart.js update (animated unless motion is reduced).
  const settled = await eventually(async () => {
    const a = await pixels(canvas);
    await page.waitForTimeout(300);
    assert.equal(await pixels(canvas), a, 'drawn and still');
    return a;
  });
  assert.equal(settled, during.image, 'the last move, drawn in place, is what the full update draws');
  assert.equal(await held(), 0, 'every box is free again');
  await checkContinuous(page);
});

test('continuous: a pressed handle holds the boxes still before the first move; released unmoved, nothing changed', async () => {
  const page = await explorer.open(CONTINUOUS);
  const before = await readContinuousState(page);
  const held = () => page.evaluate(() => [...document.querySelectorAll('[style*="contain"]')]
    .map((el) => (el.closest('.infodiv-explorer') ? el.tagName : `page ${el.tagName}`)));
  const box = await curveHandle(page, 'p', 'peak').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const pressed = await held();
  assert.ok(pressed.length >= 5, `pressed: the numbers and parameter rows are held (${pressed})`);
  assert.ok(pressed.includes('page P'), `pressed: the page's paragraphs with live numbers are held too (${pressed})`);
  await page.mouse.up();
  assert.deepEqual(await held(), [], 'released: every box is free again');
  assert.deepEqual(await readContinuousState(page), before, 'a press without a move changes nothing');
  await checkContinuous(page);
});

test('continuous: a finger drags a handle on a phone (after a press-and-hold) without scrolling the page', async () => {
  const page = await explorer.open(CONTINUOUS, { device: PHONE });
  await curveHandle(page, 'q', 'peak').scrollIntoViewIfNeeded();
  const scroll = await page.evaluate(() => window.scrollY);
  const box = await curveHandle(page, 'q', 'peak').boundingBox();
  assert.ok(box.width >= 20, `the handle is big enough to see (${box.width} px)`);
  const target = await curveHandle(page, 'q', 'peak').evaluate((e) => getComputedStyle(e, '::before').inset);
  assert.equal(target, '-11px', 'the touch target reaches 44 px');
  const look = () => curveHandle(page, 'q', 'peak').evaluate((e) => {
    const style = getComputedStyle(e);
    return { fill: style.backgroundColor, outline: style.outlineStyle, touch: e.dataset.touch ?? null };
  });
  const before = await look();
  let held = null;
  await dragCurveHandle(page, page, 'q', 'peak', -50, { touch: true, hold: TOUCH_HOLD, during: async () => { held = await look(); } });
  // Held, the handle (the mark on Q's curve) keeps its colour and is outlined.
  assert.deepEqual(held, { fill: before.fill, outline: 'solid', touch: 'grabbed' });
  const { state } = await checkContinuous(page);
  assert.ok(state.q.mu < 1, `μ of Q moved left: ${state.q.mu}`);
  assert.equal(await page.evaluate(() => window.scrollY), scroll, 'the page did not scroll');
});

test('continuous: keyboard on a focused handle: arrows step, Page Up/Down and Shift take ten steps', async () => {
  const page = await explorer.open(CONTINUOUS);
  // The handles are reachable with Tab.
  let focused = null;
  for (let n = 0; n < 40 && !focused; n++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => (document.activeElement?.matches('[role="slider"][data-handle]') ? document.activeElement.dataset.handle : null));
  }
  assert.ok(focused, 'a curve handle gets focus with Tab');

  await curveHandle(page, 'p', 'peak').focus();
  const mu = async () => (await checkContinuous(page)).state.p.mu;
  await page.keyboard.press('ArrowRight');
  const step = await mu();
  assert.ok(step > 0 && step <= 0.5, `one step right: μ = ${step}`);
  assert.ok([1, 2, 5].some((m) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - m) < 1e-9), `a round step: ${step}`);
  await page.keyboard.press('ArrowUp');
  assertClose(await mu(), 2 * step, 'ArrowUp is a step too', 1e-9);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  assert.equal(await mu(), 0, 'and back to exactly 0');
  await page.keyboard.press('PageUp');
  assertClose(await mu(), 10 * step, 'Page Up: ten steps', 1e-9);
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal(await mu(), 0, 'Shift+ArrowLeft: ten steps back');

  await curveHandle(page, 'p', 'shoulder').focus();
  await page.keyboard.press('ArrowRight');
  const r = await checkContinuous(page);
  assert.ok(r.state.p.sigma > 1, `the shoulder widens P: σ = ${r.state.p.sigma}`);
  assert.equal(r.state.p.mu, 0, 'the shoulder leaves μ alone');
  assert.equal(Number(await curveHandle(page, 'p', 'shoulder').getAttribute('aria-valuenow')), r.state.p.mu + r.state.p.sigma,
    'aria-valuenow is where the handle is');
});

test('continuous: sliders and exact-value fields set the parameters; bad values are refused with a message', async () => {
  const page = await explorer.open(CONTINUOUS);
  const slider = (side, name) => page.locator(`input[type="range"][data-dist="${side}"][data-param="${name}"]`);
  const field = (side, name) => page.locator(`input[data-field="value"][data-dist="${side}"][data-param="${name}"]`);

  await slider('p', 'mu').focus();
  await page.keyboard.press('ArrowRight');
  let r = await checkContinuous(page);
  assert.equal(r.state.p.mu, 0.01, 'a linear slider steps by 0.01');
  await page.keyboard.press('End');
  r = await checkContinuous(page);
  assert.equal(r.state.p.mu, 20, 'End: the largest μ');

  await slider('q', 'sigma').focus(); // a scale parameter: the slider is logarithmic
  await page.keyboard.press('ArrowLeft');
  r = await checkContinuous(page);
  assert.ok(r.state.q.sigma < 2 && r.state.q.sigma > 1.9, `σ of Q one step down: ${r.state.q.sigma}`);
  await page.keyboard.press('Home');
  r = await checkContinuous(page);
  assert.equal(r.state.q.sigma, 0.05, 'Home: the smallest σ');
  assert.match(await slider('q', 'sigma').getAttribute('aria-valuetext'), /σ = 0\.05/);

  await field('p', 'mu').fill('0.123456789');
  await field('p', 'mu').press('Enter');
  r = await checkContinuous(page);
  assert.equal(r.state.p.mu, 0.123456789, 'a typed value is kept exactly');

  const error = page.locator('[data-role="field-error"]');
  for (const bad of ['-3', '1e9', '0', '']) {
    await field('p', 'sigma').fill(bad);
    await field('p', 'sigma').press('Enter');
    await eventually(async () => {
      assert.equal(await error.isVisible(), true, `"${bad}": error shown`);
      assert.match(await error.textContent(), /σ must be a number from/);
      assert.equal(await field('p', 'sigma').getAttribute('aria-invalid'), 'true');
    });
    assert.equal(readContinuousState(page).p.sigma, 1, `"${bad}": σ unchanged`);
  }
  await field('p', 'sigma').fill('0.5');
  await field('p', 'sigma').press('Tab');
  r = await checkContinuous(page);
  assert.equal(r.state.p.sigma, 0.5);
  assert.equal(await error.isVisible(), false, 'the error goes once the value is good');
});

test('continuous: every family, its handles and its numbers; swap and reset', async () => {
  const page = await explorer.open(CONTINUOUS);
  const families = await page.locator('select[data-control="family"] option').evaluateAll((os) => os.map((o) => o.value));
  for (const f of ['normal', 'laplace', 'cauchy', 'logNormal', 'exponential', 'gamma', 'beta', 'uniform', 'normal-laplace']) {
    assert.ok(families.includes(f), `the picker offers ${f}`);
  }
  for (const family of families) {
    await page.locator('select[data-control="family"]').selectOption(family);
    const r = await eventually(async () => {
      const a = await checkContinuous(page);
      assert.equal(a.state.family, family);
      return a;
    });
    const [fp, fq] = pairFamilies(family);
    assert.deepEqual([Object.keys(r.state.p), Object.keys(r.state.q)], [FAMILY_PARAMS[fp], FAMILY_PARAMS[fq]], family);
    const handles = await page.locator('[role="slider"][data-handle]').count();
    assert.equal(handles, (fp === 'exponential' ? 1 : 2) + (fq === 'exponential' ? 1 : 2), `${family}: handles`);
    assert.equal(await page.locator('input[type="range"][data-field="slider"]').count(), FAMILY_PARAMS[fp].length + FAMILY_PARAMS[fq].length);
    for (const k of CONTINUOUS_MEASURES) assert.ok(Number.isFinite(r.want[k]) || r.want[k] === Infinity, `${family} ${k}`);

    // A drag of P's first handle changes P and KL, in every family.
    await dragCurveHandle(page, page, 'p', 'peak', 30);
    const moved = await checkContinuous(page);
    assert.notDeepEqual(moved.state.p, r.state.p, `${family}: the drag changed P`);

    await page.locator('button[data-action="swap"]').click();
    const swapped = await eventually(async () => {
      const a = await checkContinuous(page);
      assert.deepEqual([a.state.p, a.state.q], [moved.state.q, moved.state.p], `${family}: swapped`);
      return a;
    });
    assertClose(swapped.want.klPQ, moved.want.klQP, `${family}: KL(P‖Q) after the swap`);
    // Reset gives the defaults of the family now picked (a cross pair's swap is the reverse pair, whose defaults are swapped too).
    await page.locator('button[data-action="reset"]').click();
    if (fp !== fq) {
      await eventually(async () => assert.equal((await checkContinuous(page)).state.family, swapped.state.family, `${family}: reverse pair`));
      await page.locator('button[data-action="swap"]').click();
    }
    await eventually(async () => assert.deepEqual((await checkContinuous(page)).state, { ...r.state }, `${family}: reset`));
  }
});

test('continuous: units: bits and hartleys divide every measure by ln 2 and ln 10', async () => {
  const page = await explorer.open('?mode=continuous&family=gamma&p=2,1&q=3,2');
  const nats = await checkContinuous(page);
  for (const [units, ln] of [['bits', Math.LN2], ['hartleys', Math.LN10]]) {
    await page.locator(`input[name="units"][value="${units}"]`).check();
    const r = await checkContinuous(page);
    assert.equal(r.state.units, units);
    for (const k of CONTINUOUS_MEASURES) assertClose(Number(r.shown[k].value), Number(nats.shown[k].value) / ln, `${k} in ${units}`, 1e-12);
    const unitText = await page.locator('[data-measure="klPQ"] + .unit').textContent();
    assert.equal(unitText, units);
    assert.match(await page.locator('canvas[data-chart="integrand"]').getAttribute('aria-label'), new RegExp(`in ${units} per unit of x`));
  }
  assert.deepEqual((await shownContinuous(page)).state.p, { shape: 2, rate: 1 });
  assertClose(expectedContinuous({ family: 'gamma', p: { shape: 2, rate: 1 }, q: { shape: 3, rate: 2 }, units: 'nats' }).klPQ,
    Number(nats.shown.klPQ.value), 'gamma KL');
});

test('continuous: screen-reader text: the charts describe the library\'s numbers, the live region announces a settled change', async () => {
  const page = await explorer.open('?mode=continuous&family=laplace&p=0,1&q=1,2&bins=10');
  const r = await checkContinuous(page);
  const label = (name) => page.locator(`canvas[data-chart="${name}"]`).getAttribute('aria-label');
  assert.match(await label('curves'), /P \(solid\) Laplace, m = 0, b = 1; Q \(dashed\) Laplace, m = 1, b = 2/);
  assert.ok((await label('integrand')).includes(`p·log(p/q) has area KL(P‖Q) = ${r.shown.klPQ.text}`), await label('integrand'));
  assert.ok((await label('integrand')).includes(`q·log(q/p) has area KL(Q‖P) = ${r.shown.klQP.text}`));
  assert.match(await label('convergence'), /k = 2: .*k = 200: .*; continuous: /);
  const region = page.locator('[data-role="announce"][aria-live="polite"]');
  await dragCurveHandle(page, page, 'p', 'peak', 40);
  const after = await checkContinuous(page);
  await eventually(async () => {
    const text = await region.textContent();
    assert.ok(text.includes(`KL(P‖Q) ${after.shown.klPQ.text} nats`), `announcement: ${text}`);
    assert.ok(text.includes(`m = ${after.state.p.loc}`), `announcement names the new parameters: ${text}`);
  }, 5000);
});
