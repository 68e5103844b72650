// The explorer's curve sampling (web/explorer/numerics/curves.js): the x
// grid, the integrands of KL (whose area, summed here, must be KL in closed
// form), where one density is 0 and the other is not, the y ranges, the key
// step, and the x and y range kept on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, logDensity } from '../../dist/infodiv.js';
import {
  frameX, frameY, integrand, rangeWhileDragging, integrandLimits, niceStep, peakHeight, plotGrid, steppedFrom, toPoints, zeroIntervals,
} from '../../web/explorer/numerics/curves.js';

await init();

const close = (got, want, rel, what) => assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: got ${got}, want ${want}`);
const trapezoid = (xs, ys) => ys.reduce((s, y, i) => (i ? s + ((xs[i] - xs[i - 1]) * (y + ys[i - 1])) / 2 : 0), 0);
const normalKl = (m1, s1, m2, s2) => Math.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5;

test('plotGrid: evenly spaced, sorted, inside the range, with points either side of each finite end of a support', () => {
  const plain = plotGrid([-1, 1], [-Infinity, Infinity], 8);
  assert.deepEqual(Array.from(plain), [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1]);
  const xs = plotGrid([-1, 3], [0, 1, -Infinity], 600);
  assert.ok(xs.every((x, i) => i === 0 || x > xs[i - 1]), 'strictly ascending');
  assert.ok(xs[0] >= -1 && xs.at(-1) <= 3, 'inside the range');
  for (const end of [0, 1]) {
    assert.ok(!xs.includes(end), `never on the end ${end}`);
    assert.ok(xs.some((x) => x < end && end - x < 1e-5) && xs.some((x) => x > end && x - end < 1e-5), `points just around ${end}`);
  }
});

test('integrand: p·log(p/q) in the chosen unit; 0 where p is 0, ∞ where only q is; its area is KL', () => {
  const lp = Float64Array.from([-Infinity, Math.log(0.5), Math.log(0.25), Math.log(0.1)]);
  const lq = Float64Array.from([Math.log(0.3), Math.log(0.25), -Infinity, Math.log(0.1)]);
  const nats = integrand(lp, lq, 1), bits = integrand(lp, lq, Math.LN2);
  assert.deepEqual([nats[0], nats[2], nats[3]], [0, Infinity, 0]);
  close(nats[1], 0.5 * Math.LN2, 1e-15, '0.5·log(0.5/0.25)');
  close(bits[1], 0.5, 1e-15, 'the same in bits');

  const xs = plotGrid([-14, 16], [], 30000);
  for (const [m1, s1, m2, s2] of [[0, 1, 1, 2], [0, 1, 0, 1], [2, 0.5, -1, 3]]) {
    const lP = logDensity({ family: 'normal', mu: m1, sigma: s1 }, xs), lQ = logDensity({ family: 'normal', mu: m2, sigma: s2 }, xs);
    const want = normalKl(m1, s1, m2, s2);
    const area = trapezoid(xs, integrand(lP, lQ, 1));
    if (want === 0) assert.ok(Math.abs(area) < 1e-15, `KL(P‖P) = 0, got ${area}`);
    else close(area, want, 1e-6, `area of p·log(p/q) for N(${m1},${s1}) against N(${m2},${s2})`);
  }
});

test('zeroIntervals: where p > 0 = q and where q > 0 = p, as intervals of the grid', () => {
  const xs = Float64Array.from([0, 1, 2, 3, 4, 5]);
  const L = Math.log(0.2), Z = -Infinity;
  const lp = Float64Array.from([L, L, L, L, Z, Z]);
  const lq = Float64Array.from([Z, Z, L, L, L, Z]);
  assert.deepEqual(zeroIntervals(xs, lp, lq), [[[0, 2]], [[3, 5]]]);
  assert.deepEqual(zeroIntervals(xs, lp, lp), [[], []], 'the same support: none');
});

test('peakHeight and integrandLimits: room above the highest finite value, except next to an infinite end', () => {
  const xs = [0, 0.001, 0.5, 1];
  close(peakHeight(xs, [[Infinity, 50, 2, 1], [0, 0, 1, 3]], [0, 1], [0]), 3 * 1.12, 1e-15, 'the spike at 0 is left out');
  close(peakHeight(xs, [[Infinity, 50, 2, 1]], [0, 1], []), 50 * 1.12, 1e-15, 'without a singular end it counts');
  assert.equal(peakHeight(xs, [[0, 0, 0, 0]], [0, 1], []), 1, 'nothing positive: 1');
  const { min, max } = integrandLimits(xs, [[Infinity, 9, -1, 3]], [0, 1], [0]);
  close(min, -1 - 4 * 0.08, 1e-15, 'min padded by 8% of the span');
  close(max, 3 + 4 * 0.08, 1e-15, 'max padded');
  assert.deepEqual(integrandLimits(xs, [[0, 1, 2, 3]], [0, 1], []).min, 0, 'nothing negative: from 0');
});

test('niceStep and steppedFrom: steps of 1, 2 or 5 × 10^n, landing on the grid of the step', () => {
  assert.deepEqual([8, 10, 30, 60, 100, 0.4].map(niceStep), [0.1, 0.1, 0.2, 0.5, 1, 0.005]);
  assert.equal(steppedFrom(1.137, 0.1, 1), 1.2);
  assert.equal(steppedFrom(1.137, 0.1, -1), 1.1);
  assert.equal(steppedFrom(1.2, 0.1, 1), 1.3, 'on the grid: one step');
  assert.equal(steppedFrom(1.2, 0.1, -10), 0.2, 'ten steps');
  assert.equal(steppedFrom(0.30000000000000004, 0.1, 1), 0.4, 'float noise does not count');
});

test('frameX and frameY: the range on screen stays while it fits, and never moves under a dragging pointer', () => {
  const frame = { x: [-4, 6], y: 0.5 };
  assert.deepEqual(frameX(null, [0, 1], false), [0, 1], 'nothing on screen: the ideal range');
  assert.equal(frameX(frame, [-3, 5], false), frame.x, 'inside and not much smaller: kept');
  assert.deepEqual(frameX(frame, [-1, 1], false), [-1, 1], 'far smaller: the ideal');
  assert.deepEqual(frameX(frame, [-5, 5], false), [-5, 5], 'sticking out: the ideal');
  assert.equal(frameX(frame, [-50, 50], true), frame.x, 'while dragging: kept whatever');
  assert.equal(frameY(frame, 0.8, frame.x, false), 0.8, 'a higher peak: at once');
  assert.equal(frameY(frame, 0.4, frame.x, false), 0.5, 'a little lower: kept');
  assert.equal(frameY(frame, 0.2, frame.x, false), 0.2, 'below half: follows');
  assert.equal(frameY(frame, 0.2, frame.x, true), 0.5, 'while dragging: only grows');
  assert.equal(frameY(frame, 0.52, frame.x, true), 0.5, 'while dragging, a small rise (the peak still inside): kept');
  assert.equal(frameY(frame, 0.6, frame.x, true), 0.6 * 1.1, 'while dragging, a rise: a tenth above it');
  assert.equal(frameY({ ...frame, y: 0.66 }, 0.7, frame.x, true), 0.66, 'while dragging, the next small rise: kept');
  assert.equal(frameY(null, 0.6, [0, 1], true), 0.6, 'nothing shown yet: the top');
  assert.equal(frameY(frame, 0.4, [0, 1], false), 0.4, 'a new x range: follows');
});

test('rangeWhileDragging: the fitted range, which only grows while a pointer drags', () => {
  const shown = { min: -0.2, max: 1 };
  assert.deepEqual(rangeWhileDragging(shown, { min: 0, max: 0.5 }, false), { min: 0, max: 0.5 }, 'settled: what fits');
  assert.deepEqual(rangeWhileDragging(null, { min: 0, max: 0.5 }, true), { min: 0, max: 0.5 }, 'nothing shown yet: what fits');
  assert.deepEqual(rangeWhileDragging(shown, { min: 0, max: 0.5 }, true), shown, 'dragging, smaller: kept');
  assert.deepEqual(rangeWhileDragging(shown, { min: -0.5, max: 2 }, true), { min: -0.75, max: 2.25 }, 'dragging, larger: grows, a tenth of the range beyond');
  assert.deepEqual(rangeWhileDragging(shown, { min: 0, max: 3 }, true), { min: -0.2, max: 3.3 }, 'each end on its own');
  const grown = rangeWhileDragging(shown, { min: 0, max: 1.01 }, true);
  assert.deepEqual(rangeWhileDragging(grown, { min: 0, max: 1.1 }, true), grown, 'the next small rise: the same axis');
  assert.deepEqual(rangeWhileDragging(shown, { min: 0, max: 2 }, true, 0.25), { min: -0.2, max: 2.5 }, 'more room, asked for');
});

test('toPoints: chart points with gaps where a value is not finite', () => {
  assert.deepEqual(toPoints([0, 1, 2], [1, Infinity, NaN]), [{ x: 0, y: 1 }, { x: 1, y: null }, { x: 2, y: null }]);
});
