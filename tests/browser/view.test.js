// The explorer as a reader first meets it: the default view, the presets,
// swap and reset, the units, and adding, removing and naming outcomes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useExplorer, checkMeasures, readState, shownMeasures, assertClose, eventually, sum, handle, valueInput,
  labelInput, dragBar, MEASURES, THREE,
} from './harness.js';

const explorer = useExplorer();
const click = (page, selector) => page.locator(selector).click();
const setUnits = (page, units) => page.locator(`input[type="radio"][name="units"][value="${units}"]`).check();

test('the default view loads without errors and shows the "three" preset', async () => {
  const page = await explorer.open();
  const shown = await shownMeasures(page);
  assert.deepEqual(Object.keys(shown.measures).sort(), [...MEASURES].sort());
  assert.equal(shown.measures.klPQ.text, '0.0231');
  assert.equal(await page.locator('[role="slider"]').count(), 6);
  for (const [dist, values] of Object.entries(THREE)) {
    for (const [i, v] of values.entries()) {
      assert.equal(Number(await valueInput(page, dist, i).inputValue()), v, `${dist}[${i}] input`);
      assertClose(Number(await handle(page, dist, i).getAttribute('aria-valuenow')), v, `${dist}[${i}] aria-valuenow`, 1e-2);
      assert.equal(await handle(page, dist, i).getAttribute('tabindex'), '0');
    }
  }
  assert.equal(await page.locator('input[type="radio"][name="units"][value="nats"]').isChecked(), true);
  assert.ok(shown.live.length > 0, 'the explanation quotes live numbers ([data-live])');
  for (const chart of ['bars', 'decomposition', 'terms']) {
    assert.equal(await page.locator(`canvas[data-chart="${chart}"]`).isVisible(), true, `${chart} chart`);
  }
  assert.equal(await page.locator('[data-role="infinity-note"]').isVisible(), false);
  assert.equal(await page.locator('[data-role="url-note"]').isVisible(), false);
  // Any change writes the state to the URL; the default's numbers then match the library.
  await setUnits(page, 'bits');
  await setUnits(page, 'nats');
  const { state } = await checkMeasures(page);
  assert.deepEqual([state.p, state.q], [THREE.p, THREE.q]);
});

test('each preset shows the library\'s numbers; swap exchanges P and Q; reset restores the default', async () => {
  const page = await explorer.open();
  const preset = async (name) => { await click(page, `button[data-preset="${name}"]`); return checkMeasures(page); };

  let r = await preset('weather');
  assert.deepEqual([r.state.p, r.state.q], [[0.8, 0.2], [0.5, 0.5]]);
  await setUnits(page, 'bits');
  r = await checkMeasures(page);
  assert.equal(r.state.units, 'bits');
  assert.equal(r.shown.measures.klPQ.text, '0.278');
  await setUnits(page, 'nats');

  r = await preset('three');
  assert.deepEqual([r.state.p, r.state.q], [THREE.p, THREE.q]);
  assert.equal(r.shown.measures.klPQ.text, '0.0231');

  r = await preset('identical');
  assert.deepEqual(r.state.p, r.state.q);
  for (const k of ['klPQ', 'klQP', 'js']) assert.deepEqual(r.shown.measures[k], { text: '0', value: '0' }, k);

  r = await preset('disjoint');
  assert.deepEqual(r.shown.measures.klPQ, { text: '∞', value: 'Infinity' });
  assert.deepEqual(r.shown.measures.klQP, { text: '∞', value: 'Infinity' });
  assert.equal(await page.locator('[data-role="infinity-note"]').isVisible(), true);

  for (const name of ['uniform-peaked', 'label-smoothing']) {
    r = await preset(name);
    assert.equal(sum(r.state.p) > 0 && r.state.p.length >= 2, true, name);
  }

  // Swap, from the three-outcome preset.
  const before = await preset('three');
  await click(page, 'button[data-action="swap"]');
  const after = await eventually(async () => {
    const a = await checkMeasures(page);
    assert.deepEqual([a.state.p, a.state.q], [before.state.q, before.state.p], 'P and Q exchanged in the URL');
    return a;
  });
  assertClose(after.want.klPQ, before.want.klQP, 'KL(P‖Q) after swap = KL(Q‖P) before');
  assertClose(Number(after.shown.measures.klPQ.value), Number(before.shown.measures.klQP.value), 'shown KL(P‖Q) after swap');
  assertClose(Number(after.shown.measures.klQP.value), Number(before.shown.measures.klPQ.value), 'shown KL(Q‖P) after swap');
  assert.equal(after.shown.measures.entropyP.value, before.shown.measures.entropyQ.value);

  // Reset after a drag, a renamed outcome and the weather preset.
  await preset('uniform-peaked');
  await dragBar(page, 'p', 0, 40);
  await labelInput(page, 1).fill('renamed');
  await labelInput(page, 1).press('Enter');
  await click(page, 'button[data-action="reset"]');
  r = await eventually(async () => {
    const a = await checkMeasures(page);
    assert.deepEqual([a.state.p, a.state.q], [THREE.p, THREE.q]);
    return a;
  });
  assert.equal(r.shown.measures.klPQ.text, '0.0231');
  assert.equal(await page.locator('input[data-field="label"]').count(), 3);
  assert.ok(!r.state.labels.includes('renamed'), `labels after reset: ${r.state.labels}`);
});

test('units: bits and hartleys divide every measure by ln 2 and ln 10, and the unit name follows', async () => {
  const page = await explorer.open();
  await click(page, 'button[data-preset="uniform-peaked"]');
  const nats = await checkMeasures(page);
  const unitNextTo = (k) => page.locator(`[data-measure="${k}"]`).evaluate((e) => e.parentElement.textContent);
  for (const k of MEASURES) assert.match(await unitNextTo(k), /\bnats\b/, `unit name next to ${k}`);
  for (const [units, ln] of [['bits', Math.LN2], ['hartleys', Math.LN10]]) {
    await setUnits(page, units);
    const r = await checkMeasures(page);
    assert.equal(r.state.units, units);
    for (const k of MEASURES) {
      assertClose(Number(r.shown.measures[k].value), Number(nats.shown.measures[k].value) / ln, `${k} in ${units}`);
      const text = await unitNextTo(k);
      assert.match(text, new RegExp(`\\b${units}\\b`), `unit name next to ${k}`);
      assert.doesNotMatch(text, /\bnats\b/, `no "nats" next to ${k} in ${units}`);
    }
  }
});

test('outcomes: add up to 20, remove down to 2, rename one', async () => {
  const page = await explorer.open();
  const add = page.locator('button[data-action="add"]');
  const labels = page.locator('input[data-field="label"]');
  for (let n = 3; n < 20; n++) {
    assert.equal(await add.isDisabled(), false, `add enabled at ${n}`);
    await add.click();
    await eventually(async () => assert.equal(await labels.count(), n + 1));
  }
  assert.equal(await add.isDisabled(), true, 'add disabled at 20');
  assert.equal(await page.locator('[role="slider"]').count(), 40);
  let r = await checkMeasures(page);
  assert.equal(r.state.p.length, 20);
  assertClose(sum(r.state.p), 1, 'sum P at 20');
  assertClose(sum(r.state.q), 1, 'sum Q at 20');
  assert.equal(new Set(r.state.labels).size, 20, 'distinct labels');

  const removes = page.locator('button[data-action="remove"]');
  for (let n = 20; n > 2; n--) {
    assert.equal(await removes.first().isDisabled(), false, `remove enabled at ${n}`);
    await page.locator(`button[data-action="remove"][data-index="${n % 3}"]`).click();
    await eventually(async () => assert.equal(await labels.count(), n - 1));
  }
  assert.equal(await removes.count(), 2);
  for (let i = 0; i < 2; i++) assert.equal(await removes.nth(i).isDisabled(), true, `remove ${i} disabled at 2`);
  assert.equal(await add.isDisabled(), false);
  r = await checkMeasures(page);
  assert.equal(r.state.p.length, 2);
  assertClose(sum(r.state.p), 1, 'sum P at 2');

  await labelInput(page, 0).fill('sunny');
  await labelInput(page, 0).press('Enter');
  await eventually(async () => {
    assert.equal(readState(page).labels[0], 'sunny');
    assert.match(await handle(page, 'p', 0).getAttribute('aria-label'), /^P\b.*\bsunny\b/);
    assert.match(await handle(page, 'q', 0).getAttribute('aria-label'), /^Q\b.*\bsunny\b/);
  });
});
