// The explorer's binning numerics (web/explorer/numerics/binning.js), with
// the library's log densities as the page uses them: tail masses against
// values of the normal and exponential distributions known in closed form,
// bins that sum to 1, the singular end of a beta density against its CDF,
// and log-sum-exp against direct sums where those do not underflow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, logDensity } from '../../dist/infodiv.js';
import {
  binCounts, binHeights, binLogMasses, binMasses, fineCells, logSumExp, singularCellLogMass, tailMass, underflows,
} from '../../web/explorer/numerics/binning.js';

await init();

const density = (dist) => (xs) => logDensity(dist, xs);
const NORMAL = density({ family: 'normal', mu: 0, sigma: 1 });
const LINE = [-Infinity, Infinity];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const close = (got, want, rel, what) => assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: got ${got}, want ${want}`);

// 1 − Φ(x) = erfc(x/√2)/2, to 17 digits.
const NORMAL_TAILS = [[1, 0.15865525393145705], [1.96, 0.024997895148220435], [2, 0.022750131948179195], [3, 0.0013498980316300933]];

test('tailMass: the tails of N(0,1) beyond ±x are erfc(x/√2)/2, on both sides', () => {
  for (const [x, want] of NORMAL_TAILS) {
    close(tailMass(NORMAL, x, 1, LINE), want, 1e-7, `upper tail beyond ${x}`);
    close(tailMass(NORMAL, -x, -1, LINE), want, 1e-7, `lower tail below −${x}`);
  }
});

test('tailMass: exponential tails are e^(−λx); no mass where the support ends', () => {
  for (const rate of [0.5, 1, 3]) {
    const f = density({ family: 'exponential', rate });
    for (const x of [0.5, 2]) close(tailMass(f, x, 1, [0, Infinity]), Math.exp(-rate * x), 1e-7, `rate ${rate}, beyond ${x}`);
    assert.equal(tailMass(f, 0, -1, [0, Infinity]), 0, 'nothing below 0');
  }
  assert.equal(tailMass(NORMAL, 1, 1, [0, 1]), 0, 'a support ending at the range holds nothing beyond it');
});

test('binMasses: with the tails, the bins of a density sum to 1 for every k', () => {
  const cases = [
    [{ family: 'normal', mu: 0, sigma: 1 }, [-4, 4], LINE],
    [{ family: 'normal', mu: 1, sigma: 2 }, [-3, 5], LINE], // most of the mass outside the range: the end bins hold it
    [{ family: 'laplace', loc: 0, scale: 1 }, [-6, 6], LINE],
    [{ family: 'gamma', shape: 2, rate: 1 }, [0, 6], [0, Infinity]],
  ];
  for (const [dist, range, support] of cases) {
    const cells = fineCells(density(dist), range, { support, singular: [] });
    for (const k of [2, 3, 7, 10, 64, 200]) {
      const masses = binMasses(cells, k);
      assert.equal(masses.length, k);
      assert.ok(masses.every((m) => m >= 0), `${dist.family}: no negative bin`);
      close(sum(masses), 1, 1e-7, `${dist.family} on [${range}], k = ${k}: total`); // midpoint cells and tails: a few 1e-8
    }
  }
});

test('binMasses: the bins of N(0,1) on [−4, 4] hold Φ(b) − Φ(a), the end bins with their tails', () => {
  const cells = fineCells(NORMAL, [-4, 4], { support: LINE, singular: [] });
  const [half, quarter] = [binMasses(cells, 2), binMasses(cells, 4)];
  close(half[0], 0.5, 1e-9, 'k = 2: below 0');
  close(half[1], 0.5, 1e-9, 'k = 2: above 0');
  // k = 4: (−∞, −2], [−2, 0], [0, 2], [2, ∞)
  close(quarter[0], 0.022750131948179195, 1e-6, 'k = 4: below −2');
  close(quarter[1], 0.5 - 0.022750131948179195, 1e-8, 'k = 4: from −2 to 0');
});

test('singularCellLogMass: the cell at an infinite end of Beta(½, ½) holds (2/π)·asin(√h)', () => {
  const arcsine = density({ family: 'beta', alpha: 0.5, beta: 0.5 });
  for (const h of [1e-2, 1e-3, 1 / 16000]) {
    const want = (2 / Math.PI) * Math.asin(Math.sqrt(h));
    close(Math.exp(singularCellLogMass(arcsine, 0, 1, h)), want, 1e-7, `[0, ${h}]`);
    // Near 1, x = 1 − h·s⁴ rounds to the doubles next to 1 (16 digits apart), so fewer digits survive there.
    close(Math.exp(singularCellLogMass(arcsine, 1, -1, h)), want, 1e-6, `[1 − ${h}, 1]`);
  }
});

test('fineCells: an infinite end gets the singular cell; the bins of Beta(½, ½) still sum to 1 within 1e-3', () => {
  const arcsine = density({ family: 'beta', alpha: 0.5, beta: 0.5 });
  const cells = fineCells(arcsine, [0, 1], { support: [0, 1], singular: [0, 1] });
  assert.ok(Number.isFinite(cells.logMass[0]) && Number.isFinite(cells.logMass.at(-1)), 'finite masses at both ends');
  assert.equal(cells.left, 0);
  assert.equal(cells.right, 0);
  for (const k of [2, 10, 200]) close(sum(binMasses(cells, k)), 1, 1e-3, `k = ${k}`);
  close(binMasses(cells, 2)[0], 0.5, 1e-3, 'symmetric: half below ½');
});

test('logSumExp: equals the log of the direct sum where nothing underflows', () => {
  const logs = Float64Array.from([-3, -1.5, 0, 2, -700, 1e-3]);
  const direct = (first, last, weight, extra) => {
    let s = Math.exp(extra);
    for (let i = first; i < last; i++) s += weight(i) * Math.exp(logs[i]);
    return Math.log(s);
  };
  close(logSumExp(logs), direct(0, logs.length, () => 1, -Infinity), 1e-15, 'all of it');
  close(logSumExp(logs, 1, 4), direct(1, 4, () => 1, -Infinity), 1e-15, 'a slice');
  const weight = (i) => 0.25 * (i + 1);
  close(logSumExp(logs, 0, 5, weight, Math.log(0.3)), direct(0, 5, weight, Math.log(0.3)), 1e-15, 'weighted, plus an extra term');
  assert.equal(logSumExp(Float64Array.from([-Infinity, -Infinity])), -Infinity, 'nothing at all');
  assert.equal(logSumExp(logs, 2, 2), -Infinity, 'an empty slice');
});

test('logSumExp: terms far below the smallest double still add up', () => {
  const logs = Float64Array.from([-5000, -5000, -5000 + Math.log(2)]);
  close(logSumExp(logs), -5000 + Math.log(4), 1e-15, 'e^−5000 (1 + 1 + 2)');
});

test('binLogMasses: the log of binMasses where masses are normal numbers; finite where they underflow', () => {
  const cells = fineCells(NORMAL, [-4, 4], { support: LINE, singular: [] });
  for (const k of [2, 5, 40]) {
    const masses = binMasses(cells, k), logs = binLogMasses(cells, k);
    masses.forEach((m, j) => close(logs[j], Math.log(m), 1e-12, `k = ${k}, bin ${j}`));
    assert.equal(underflows(masses, cells, k), false);
  }
  // N(0, 0.05) on [−20, 20]: the outer bins are e^−3000 and below, 0 as doubles, but not as logs.
  const narrow = fineCells(density({ family: 'normal', mu: 0, sigma: 0.05 }), [-20, 20], { support: LINE, singular: [] });
  const masses = binMasses(narrow, 10), logs = binLogMasses(narrow, 10);
  assert.deepEqual([masses[0], masses[3], masses[9]], [0, 0, 0]);
  assert.ok(logs.every(Number.isFinite), `every log mass is finite: ${Array.from(logs)}`);
  assert.ok(logs[0] < logs[1] && logs[1] < logs[2] && logs[2] < logs[3] && logs[3] < logs[4], 'falling away from the centre');
  close(logs[4], Math.log(0.5), 1e-9, 'the centre bins hold half each');
  assert.equal(underflows(masses, narrow, 10), true);
});

test('binHeights: bins drawn as densities have area 1 and span the range', () => {
  const mp = Float64Array.from([0.2, 0.3, 0.5]), mq = Float64Array.from([2, 2, 4]); // Q's masses not normalised
  const { edges, p, q } = binHeights([1, 4], mp, mq);
  assert.deepEqual(edges, [1, 2, 3, 4]);
  close(sum(p), 1, 1e-15, 'P: width 1 × heights');
  close(sum(q), 1, 1e-15, 'Q: normalised');
  assert.deepEqual(q, [0.25, 0.25, 0.5]);
});

test('binCounts: every k once settled, a few ascending with the chosen one while dragging', () => {
  assert.deepEqual(binCounts(true, 10, [2, 200]), Array.from({ length: 199 }, (_, i) => i + 2));
  const quick = binCounts(false, 37, [2, 200]);
  assert.ok(quick.includes(37) && quick.includes(2) && quick.includes(200));
  assert.deepEqual(quick, [...quick].sort((a, b) => a - b));
  assert.equal(new Set(quick).size, quick.length, 'no k twice');
  assert.ok(quick.length <= 21);
});

// What the page says of the binned KL (index.html, "From densities back to
// bars"), checked on the page's own numbers: splitting every bin in two never
// lowers it (the k bins are unions of the 2k ones), k + 1 bins can (the normal
// pair: 3 bins give less than 2), and it stays below the continuous value.
test('binned KL as the page computes it: k → 2k never lowers it, k → k + 1 can, never above the continuous KL', async () => {
  const { binned, measuresOf } = await import('../../web/explorer/views/continuous/numbers.js');
  const { fromPair, viewRange } = await import('../../web/explorer/views/continuous/model.js');
  for (const family of ['normal', 'laplace', 'gamma', 'beta', 'logNormal']) {
    const state = { ...fromPair(family), bins: 10 };
    const { series } = binned(state, viewRange(state), Math.E, true);
    const { m } = measuresOf(state, Math.E);
    for (const [i, key] of [[0, 'klPQ'], [1, 'klQP']]) {
      const at = new Map(series[i].map(({ x, y }) => [x, y]));
      for (let k = 2; k <= 100; k++) {
        assert.ok(at.get(2 * k) >= at.get(k) * (1 - 1e-9), `${family} ${key}: ${2 * k} bins ${at.get(2 * k)} < ${k} bins ${at.get(k)}`);
      }
      for (const [k, v] of at) assert.ok(v <= m[key] * (1 + 1e-7), `${family} ${key}: ${k} bins ${v} above ${m[key]}`);
    }
  }
  const state = { ...fromPair('normal'), bins: 10 };
  const at = new Map(binned(state, viewRange(state), Math.E, true).series[0].map(({ x, y }) => [x, y]));
  assert.ok(at.get(3) < at.get(2), `the normal pair: 3 bins ${at.get(3)}, 2 bins ${at.get(2)}`);
});
