// The decomposition and terms charts, through their text alternatives (a
// canvas has no text; screen readers get these): every number must be the
// library's for the state in the address bar. And the page loads nothing
// from other hosts, so it works offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klTerms } from '../../dist/infodiv.js';
import {
  BASES, DESKTOP, dragBar, eventually, expectedMeasures, format3, handle, labelInput, readState, useExplorer,
} from './harness.js';

const { open } = useExplorer();
const signed = (v) => (v < 0 ? `−${format3(-v)}` : format3(v));
const chartText = (page, name) => page.getAttribute(`[data-chart="${name}"]`, 'aria-label');

async function assertChartsMatchLibrary(page) {
  const state = readState(page), m = expectedMeasures(state), base = BASES[state.units];
  const decomposition = await chartText(page, 'decomposition');
  assert.ok(decomposition.includes(`in ${state.units}:`), decomposition);
  assert.ok(decomposition.includes(`H(P,Q) ${format3(m.crossEntropyPQ)} = H(P) ${format3(m.entropyP)} + KL(P‖Q) ${format3(m.klPQ)}`), decomposition);
  assert.ok(decomposition.includes(`H(Q,P) ${format3(m.crossEntropyQP)} = H(Q) ${format3(m.entropyQ)} + KL(Q‖P) ${format3(m.klQP)}`), decomposition);
  const [pq, qp] = [klTerms(state.p, state.q, { base }), klTerms(state.q, state.p, { base })];
  const terms = await chartText(page, 'terms');
  state.labels.forEach((label, i) => {
    assert.ok(terms.includes(`${label}: p·log(p/q) ${signed(pq[i])}, q·log(q/p) ${signed(qp[i])}`), `${label} in: ${terms}`);
  });
}

test('the decomposition and the terms charts show the library\'s numbers, in every unit and after a drag', async () => {
  const page = await open();
  await assertChartsMatchLibrary(page);
  await dragBar(page, 'p', 1, 40);
  await eventually(() => assertChartsMatchLibrary(page)); // the address bar may lag a frame behind
  for (const units of ['bits', 'hartleys']) {
    await page.check(`input[name="units"][value="${units}"]`);
    await eventually(() => assertChartsMatchLibrary(page));
  }
});

test('infinite KL and infinite terms are shown as ∞ in the charts', async () => {
  const page = await open();
  await page.click('[data-preset="label-smoothing"]'); // KL(P‖Q) finite, KL(Q‖P) infinite
  await eventually(() => assertChartsMatchLibrary(page));
  assert.match(await chartText(page, 'decomposition'), /KL\(Q‖P\) ∞/);
  assert.match(await chartText(page, 'terms'), /dog: p·log\(p\/q\) 0, q·log\(q\/p\) ∞/);
});

test('the page loads every resource from its own origin (it works offline)', async () => {
  const page = await open();
  const { origin, resources, external } = await page.evaluate(() => ({
    origin: location.origin,
    resources: performance.getEntriesByType('resource').map((r) => r.name),
    external: [...document.querySelectorAll('script[src], link[href]')].map((e) => e.src || e.href),
  }));
  assert.ok(resources.length > 0);
  for (const url of [...resources, ...external]) assert.ok(url.startsWith(origin), `loaded from elsewhere: ${url}`);
  assert.ok(await page.locator('math').count() >= 3, 'the formulas are MathML');
});

// A canvas left to draw text in its default direction, 'inherit', makes the browser lay out the whole page
// before each text it draws after a change of the page: every chart of every view sets it once drawn.
test('every chart of every view draws its text in a set direction, not the canvas default "inherit"', async () => {
  for (const query of ['', '?mode=continuous', '?view=code', '?view=evidence']) {
    const page = await open(query);
    await page.locator('input[name="units"][value="bits"]').first().check(); // a change, so every chart draws again
    const directions = await eventually(async () => {
      const found = await page.locator('canvas[data-chart]').evaluateAll((canvases) => canvases.map(
        (c) => `${c.dataset.chart}: ${c.getContext('2d').direction}`,
      ));
      assert.ok(found.length >= 2 && found.every((d) => d.endsWith(': ltr')), `${query || 'discrete'}: ${found.join(', ')}`);
      return found;
    });
    assert.ok(directions.length >= 2);
  }
});

// While a bar is dragged, its chart is drawn without Chart.js's update, its bars moved on the axes as last laid
// out (shell/in-place.js). Held still mid-drag, the bars chart must be pixel for pixel what Chart.js draws for
// the same state once the drag has ended: at either pixel ratio, and after a change of its labels (a new
// layout).
test('a bars chart drawn in place mid-drag is, pixel for pixel, the chart drawn in full', async () => {
  const barsPixels = (page) => page.evaluate(() => document.querySelector('canvas[data-chart="bars"]').toDataURL());
  for (const deviceScaleFactor of [1, 2]) {
    const page = await open('', { device: { ...DESKTOP, deviceScaleFactor } });
    for (const label of [null, 'renamed']) {
      if (label) {
        await labelInput(page, 1).fill(label);
        await labelInput(page, 1).press('Enter');
        await eventually(async () => assert.equal(await handle(page, 'p', 1).getAttribute('aria-label'), `P(${label})`));
      }
      const before = await barsPixels(page);
      let held;
      const drawn = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await dragBar(page, 'p', 1, 40, { pause: 40, during: async () => { await drawn(); held = await barsPixels(page); } });
      assert.notEqual(held, before, `the bar moved (pixel ratio ${deviceScaleFactor}, label ${label})`);
      await eventually(async () => assert.ok(held === await barsPixels(page), `pixel ratio ${deviceScaleFactor}, label ${label}: mid-drag differs from the chart drawn after it`));
    }
  }
});
