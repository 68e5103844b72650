// The continuous mode's state in the URL (a link restores the view, a
// reload keeps it, hostile or broken links neither run code nor break the
// page), support mismatches (KL = ∞, explained), and the "discretise into k
// bins" control: the binned KL never above the continuous one and within a
// few per cent of it at k = 200.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useExplorer, ready, checkContinuous, readContinuousState, eventually, assertClose, dragCurveHandle,
} from './harness.js';

const explorer = useExplorer();
const urlNote = (page) => page.locator('[data-role="url-note"]');
const binned = async (page, key) => Number(await page.locator(`[data-binned="${key}"]`).getAttribute('data-value'));
const setBins = async (page, k) => page.locator('input[data-control="bins"]').evaluate((e, v) => {
  e.value = String(v);
  e.dispatchEvent(new Event('input', { bubbles: true }));
  e.dispatchEvent(new Event('change', { bubbles: true }));
}, k);

async function goto(page, query) {
  await page.goto(explorer.url(query));
  await ready(page);
}

test('continuous URL: a link restores family, parameters, units and bins; a reload keeps them', async () => {
  const query = '?mode=continuous&family=gamma&p=2,1&q=3,2&units=bits&bins=20';
  const page = await explorer.open(query);
  assert.equal(await urlNote(page).isVisible(), false);
  const r = await checkContinuous(page);
  assert.deepEqual(r.state, { family: 'gamma', p: { shape: 2, rate: 1 }, q: { shape: 3, rate: 2 }, units: 'bits' });
  assert.equal(await page.locator('input[data-control="bins-on"]').isChecked(), true);
  assert.equal(await page.locator('input[data-control="bins"]').inputValue(), '20');
  assert.equal(readContinuousState(page).bins, 20);

  // After a drag, the URL holds exactly what is shown, and a reload gives back the same numbers.
  await dragCurveHandle(page, page, 'q', 'peak', 40);
  const before = await checkContinuous(page);
  const url = page.url(), binnedBefore = await binned(page, 'klPQ');
  await page.reload();
  await ready(page);
  const after = await checkContinuous(page);
  assert.equal(page.url(), url);
  assert.deepEqual(after.state, before.state, 'state after the reload');
  assert.deepEqual(after.shown, before.shown, 'measures after the reload');
  assert.equal(await binned(page, 'klPQ'), binnedBefore, 'binned KL after the reload');
});

test('continuous: a support mismatch shows KL = ∞, says why, and shades where', async () => {
  // Q = U(0.2, 0.8) is narrower than P = U(0, 1): P's outcomes in [0, 0.2] and [0.8, 1] are impossible under Q.
  const page = await explorer.open('?mode=continuous&family=uniform&p=0,1&q=0.2,0.8');
  const r = await checkContinuous(page);
  assert.deepEqual(r.shown.klPQ, { text: '∞', value: 'Infinity' });
  assert.deepEqual(r.shown.crossEntropyPQ, { text: '∞', value: 'Infinity' });
  assertClose(r.want.klQP, Math.log(1 / 0.6), 'KL(Q‖P) = log(1/0.6)', 1e-12);
  const note = page.locator('[data-role="infinity-note"]');
  assert.equal(await note.isVisible(), true);
  const text = await note.textContent();
  assert.match(text, /KL\(P‖Q\) is infinite/);
  assert.match(text, /\[0, 0\.2\] and \[0\.8, 1\]/, text);
  assert.doesNotMatch(text, /KL\(Q‖P\) is infinite/);
  assert.match(await page.locator('canvas[data-chart="integrand"]').getAttribute('aria-label'), /KL\(P‖Q\) = ∞/);

  // Widening Q to cover P makes it finite again, and the note goes.
  await page.locator('input[data-field="value"][data-dist="q"][data-param="low"]').fill('-0.5');
  await page.locator('input[data-field="value"][data-dist="q"][data-param="low"]').press('Enter');
  await page.locator('input[data-field="value"][data-dist="q"][data-param="high"]').fill('1.5');
  await page.locator('input[data-field="value"][data-dist="q"][data-param="high"]').press('Enter');
  const wide = await checkContinuous(page);
  assertClose(wide.want.klPQ, Math.log(2), 'KL(U(0,1)‖U(−0.5,1.5)) = log 2', 1e-12);
  assert.deepEqual(wide.shown.klQP, { text: '∞', value: 'Infinity' }, 'now the other way round is infinite');
  await eventually(async () => assert.match(await note.textContent(), /^KL\(Q‖P\) is infinite/));
});

test('bins: k = 200 is within 3% of the continuous KL and below it; every k is at most the continuous value', async () => {
  const page = await explorer.open('?mode=continuous');
  assert.equal(await page.locator('input[data-control="bins"]').isDisabled(), true, 'the slider waits for the switch');
  await page.locator('input[data-control="bins-on"]').check();
  await eventually(async () => assert.equal(readContinuousState(page).bins, 10, 'bins=10 in the URL'));
  // Chart.js sizes a canvas shown again on its resize observer's next frame: until then it has no area.
  await eventually(async () => assert.equal(await page.locator('canvas[data-chart="convergence"]').isVisible(), true, 'the chart of binned KL against k'));
  const r = await checkContinuous(page);
  const seen = {};
  for (const k of [2, 5, 10, 50, 100, 200]) {
    await setBins(page, k);
    await eventually(async () => assert.equal(readContinuousState(page).bins, k));
    seen[k] = { pq: await binned(page, 'klPQ'), qp: await binned(page, 'klQP') };
    for (const [key, v] of [['klPQ', seen[k].pq], ['klQP', seen[k].qp]]) {
      assert.ok(v > 0 && v <= r.want[key] * (1 + 1e-12), `k = ${k}: binned ${key} ${v} ≤ continuous ${r.want[key]}`);
    }
  }
  for (const key of ['pq', 'qp']) {
    const continuous = key === 'pq' ? r.want.klPQ : r.want.klQP;
    assert.ok(seen[200][key] > 0.97 * continuous, `k = 200: ${seen[200][key]} within 3% of ${continuous}`);
    assert.ok(seen[2][key] < seen[10][key] && seen[10][key] < seen[200][key], `${key}: grows from k = 2 to 10 to 200`);
  }
  // The text says the same, and the slider is a labelled range input that the keyboard moves.
  assert.match(await page.locator('[data-role="bins-result"]').textContent(), /With 200 bins: KL\(P‖Q\) 0\.44\d against 0\.443 continuous/);
  const slider = page.locator('input[type="range"][data-control="bins"]');
  assert.equal(await slider.getAttribute('aria-label'), 'number of bins k');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await eventually(async () => assert.equal(readContinuousState(page).bins, 199));
  await page.keyboard.press('Home');
  await eventually(async () => assert.equal(readContinuousState(page).bins, 2));
  // Switched off: the bins leave the URL and the page.
  await page.locator('input[data-control="bins-on"]').uncheck();
  await eventually(async () => assert.equal(readContinuousState(page).bins, 0));
  assert.equal(await page.locator('[data-binned="klPQ"]').isVisible(), false);
});

test('bins: densities that are infinite at an end (beta with α < 1), heavy tails (Cauchy), and a support mismatch', async () => {
  const page = await explorer.open('?mode=continuous&family=beta&p=0.5,2&q=2,2&bins=200');
  let r = await checkContinuous(page);
  assert.ok(Number.isFinite(r.want.klPQ));
  let b = await binned(page, 'klPQ');
  assert.ok(b <= r.want.klPQ * (1 + 1e-12) && b > 0.9 * r.want.klPQ, `beta: binned ${b}, continuous ${r.want.klPQ}`);

  await goto(page, '?mode=continuous&family=cauchy&p=0,1&q=2,0.5&bins=200');
  r = await checkContinuous(page);
  b = await binned(page, 'klPQ');
  assert.ok(b <= r.want.klPQ * (1 + 1e-12) && b > 0.9 * r.want.klPQ, `cauchy: binned ${b}, continuous ${r.want.klPQ} (tails lumped into the end bins)`);

  // U(0,1) against U(0.2,0.8): coarse bins each overlap Q, so finite; fine bins are not, so infinite too.
  await goto(page, '?mode=continuous&family=uniform&p=0,1&q=0.2,0.8&bins=2');
  assert.ok(Number.isFinite(await binned(page, 'klPQ')), 'two bins: finite');
  await setBins(page, 200);
  await eventually(async () => assert.equal(await page.locator('[data-binned="klPQ"]').getAttribute('data-value'), 'Infinity'));
});

const REJECTED = {
  'unknown family': ['?mode=continuous&family=gauss&p=0,1&q=1,2', /family must be one of/],
  'script as family': [`?mode=continuous&family=${encodeURIComponent('<script>window.__pwned=1</script>')}`, /family/],
  'NaN in P': ['?mode=continuous&family=normal&p=NaN,1&q=1,2', /P's μ is not a number/],
  'negative σ': ['?mode=continuous&family=normal&p=0,-1&q=1,2', /P's σ must be from/],
  '1e999': ['?mode=continuous&family=normal&p=1e999,1&q=1,2', /P's μ is not a number/],
  'σ too small': ['?mode=continuous&family=normal&p=0,1&q=1,1e-300', /Q's σ must be from/],
  'too many numbers': ['?mode=continuous&family=gamma&p=1,2,3&q=1,2', /P needs 2 numbers/],
  'uniform backwards': ['?mode=continuous&family=uniform&p=1,0&q=0,1', /lower end must be below/],
  'huge P': [`?mode=continuous&family=normal&p=${'1,'.repeat(3000)}1&q=1,2`, /too long/],
  'markup in P': [`?mode=continuous&family=normal&p=${encodeURIComponent('<img src=x onerror=window.__pwned=1>,1')}&q=1,2`, /P needs 2 numbers|not a number/],
  'bins 1e9': ['?mode=continuous&bins=1000000000', /bins must be a whole number from 2 to 200/],
  'bins markup': [`?mode=continuous&bins=${encodeURIComponent('<b>1</b>')}`, /bins/],
  'units=javascript:': ['?mode=continuous&units=javascript:alert(1)', /units/],
  'unknown mode': ['?mode=<svg onload=alert(1)>', /mode must be discrete, continuous, code or evidence/],
};

test('continuous URL: broken or hostile values give a visible note, the default for that part, and run nothing', async () => {
  const page = await explorer.open('?mode=continuous');
  for (const [what, [query, mention]] of Object.entries(REJECTED)) {
    await goto(page, query);
    const note = urlNote(page);
    assert.equal(await note.isVisible(), true, `${what}: url-note visible`);
    const text = await note.textContent();
    assert.match(text, mention, `${what}: "${text}"`);
    assert.match(text, /^This link: /);
    await page.waitForTimeout(100); // an injected onerror would have fired by now
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: injected code ran`);
    assert.equal(await page.locator('img[src="x"], script:not([src]):not([type="module"]), svg[onload]').count(), 0, `${what}: markup from the URL`);
    if (what === 'unknown mode') {
      assert.equal(await page.locator('[data-measure="js"]').count(), 1, 'an unknown mode falls back to the discrete explorer');
      continue;
    }
    // The page still works: the numbers are the library's, and a drag changes them.
    const r = await checkContinuous(page, { url: false });
    if (what.startsWith('bins')) assert.equal(await page.locator('input[data-control="bins-on"]').isChecked(), false, `${what}: bins off`);
    const before = r.shown.klPQ.value;
    await dragCurveHandle(page, page, 'p', 'peak', 40);
    await eventually(async () => assert.notEqual(await page.locator('[data-measure="klPQ"]').getAttribute('data-value'), before, `${what}: a drag changes KL`));
    await checkContinuous(page);
  }
});

test('continuous URL: the values that did arrive are kept next to the note about those that did not', async () => {
  const page = await explorer.open('?mode=continuous&family=laplace&p=0.5,abc&q=2,3&units=bits');
  const r = await checkContinuous(page, { url: false });
  assert.deepEqual(r.state, { family: 'laplace', p: { loc: 0, scale: 1 }, q: { loc: 2, scale: 3 }, units: 'bits' });
  assert.match(await urlNote(page).textContent(), /P's b is not a number/);
  assert.match(await urlNote(page).textContent(), /The default is shown for what could not be used\./);
});
