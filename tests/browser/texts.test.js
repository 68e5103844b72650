// The words of the page and of the views say what is true (issue 13, point 9):
// the prose of index.html, the names a screen reader hears for the sliders
// and the handles, the hint under the curves, and what Reset does to units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useExplorer, checkContinuous, checkMeasures, curveHandle, eventually, readState, THREE,
} from './harness.js';

const explorer = useExplorer();
const CONTINUOUS = '?mode=continuous';
const squash = (text) => text.replace(/\s+/g, ' ').trim();
const section = (page, heading) => page.locator('section.prose h2', { hasText: heading })
  .evaluate((h) => { // the heading's paragraphs, up to the next heading
    let text = '';
    for (let el = h.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) text += ` ${el.textContent}`;
    return text;
  }).then(squash);

test('prose: KL(P‖Q) is explained without the garbled "where the truth is not careful"', async () => {
  const page = await explorer.open();
  const text = await section(page, 'Why KL is not symmetric');
  assert.doesNotMatch(text, /not careful/);
  assert.match(text, /punishes a model that is too sure an outcome will not happen: an outcome P often produces but Q thinks rare costs a lot/);
});

test('prose: entropy is a lower bound on the average length of a code, not that length', async () => {
  const page = await explorer.open();
  const text = await section(page, 'Surprise and entropy');
  assert.doesNotMatch(text, /shortest average length/);
  assert.match(text, /no decodable code for P's outcomes is shorter on average than H\(P\)/);
  assert.match(text, /H\(P\) ≤ L < H\(P\) \+ 1/);
});

test('prose: the binned KL never drops when every bin is split in two, but can from k to k + 1', async () => {
  const page = await explorer.open(CONTINUOUS);
  const text = await section(page, 'From densities back to bars');
  assert.doesNotMatch(text, /climbs/);
  assert.match(text, /splitting every bin in two \(k → 2k\) can never lower it/);
  assert.match(text, /from k to k \+ 1 bins .* can drop/);
  const explain = squash(await page.locator('.bins-explain').textContent());
  assert.match(explain, /doubling k never lowers it, though k \+ 1 bins can give less than k/);
});

test('gamma and beta: the middle handle sits on the mean and is called the mean, in the hint too', async () => {
  const page = await explorer.open(CONTINUOUS);
  const hint = () => page.locator('.curves-panel figcaption').textContent().then(squash);
  assert.match(await hint(), /the peak moves the distribution, the shoulder changes its width/, 'normal');
  for (const [family, mean] of [['gamma', 2 / 1], ['beta', 2 / (2 + 5)]]) { // P: gamma(2, 1), beta(2, 5)
    await page.locator('select[data-control="family"]').selectOption(family);
    await eventually(async () => assert.equal((await checkContinuous(page)).state.family, family));
    const handle = curveHandle(page, 'p', 'peak');
    assert.match(await handle.getAttribute('aria-label'), /^P mean\b/, `${family}: the handle's name`);
    assert.ok(Math.abs(Number(await handle.getAttribute('aria-valuenow')) - mean) < 1e-5, `${family}: the handle sits on the mean`);
    const text = await hint();
    assert.match(text, /the mean moves the distribution/, `${family}: the hint`);
    assert.doesNotMatch(text, /peak/, `${family}: no "peak" in the hint`);
  }
});

test("sliders: each parameter's slider has a name of its own, saying whose it is", async () => {
  const page = await explorer.open(CONTINUOUS);
  const names = await page.locator('input[type="range"][data-field="slider"]').evaluateAll((sliders) => sliders.map((s) => s.getAttribute('aria-label')));
  assert.deepEqual(names, ["P's μ (mean)", "P's σ (standard deviation)", "Q's μ (mean)", "Q's σ (standard deviation)"]);
  assert.equal(await page.getByRole('slider', { name: "Q's μ (mean)", exact: true }).count(), 1);
});

test('Reset keeps the units, as the examples do, in both views', async () => {
  const page = await explorer.open();
  await page.locator('input[name="units"][value="bits"]').check();
  await page.locator('button[data-preset="weather"]').click();
  await eventually(async () => assert.equal(readState(page).units, 'bits', 'an example keeps the units'));
  await page.locator('button[data-action="reset"]').click();
  const r = await eventually(async () => {
    const a = await checkMeasures(page);
    assert.deepEqual([a.state.p, a.state.q], [THREE.p, THREE.q], 'reset restores the default P and Q');
    return a;
  });
  assert.equal(r.state.units, 'bits', 'reset keeps the units');
  assert.equal(await page.locator('input[name="units"][value="bits"]').isChecked(), true);

  const continuous = await explorer.open(CONTINUOUS);
  await continuous.locator('input[name="units"][value="hartleys"]').check();
  await continuous.locator('select[data-control="family"]').selectOption('gamma');
  await continuous.locator('button[data-action="reset"]').click();
  await eventually(async () => {
    const { state } = await checkContinuous(continuous);
    assert.deepEqual([state.family, state.units], ['gamma', 'hartleys'], 'continuous: the family and the units kept');
  });
});
