// The points a chart's line needs (web/explorer/numerics/simplify.js): every
// point left out must lie within the tolerance of the line drawn through the
// points kept, and a point farther than that from the line without it must
// be kept. Checked on curves made here and on random polylines (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keptPoints } from '../../web/explorer/numerics/simplify.js';

// The distance from point i to the polyline through the kept points (the segment that spans i).
function distanceToKept(xs, ys, kept, i) {
  const k = kept.findIndex((j) => j >= i);
  if (kept[k] === i) return 0;
  const [a, b] = [kept[k - 1], kept[k]];
  const dx = xs[b] - xs[a], dy = ys[b] - ys[a], l2 = dx * dx + dy * dy;
  const t = l2 ? Math.min(1, Math.max(0, ((xs[i] - xs[a]) * dx + (ys[i] - ys[a]) * dy) / l2)) : 0;
  return Math.hypot(xs[i] - xs[a] - t * dx, ys[i] - ys[a] - t * dy);
}

test('keptPoints: a straight line keeps its two ends; a single point or two are kept as they are', () => {
  const xs = Array.from({ length: 50 }, (_, i) => i), ys = xs.map((x) => 3 * x + 1);
  assert.deepEqual(keptPoints(xs, ys, 0, 49, 0.25), [0, 49]);
  assert.deepEqual(keptPoints(xs, ys, 7, 7, 0.25), [7]);
  assert.deepEqual(keptPoints(xs, ys, 7, 8, 0.25), [7, 8]);
  assert.deepEqual(keptPoints(xs, ys, 10, 30, 0.25), [10, 30], 'a range inside the arrays');
});

test('keptPoints: a corner is kept, a bump within the tolerance is not, one beyond it is', () => {
  const xs = [0, 1, 2, 3, 4];
  assert.deepEqual(keptPoints(xs, [0, 1, 2, 1, 0], 0, 4, 0.25), [0, 2, 4]);
  assert.deepEqual(keptPoints(xs, [0, 0, 0.2, 0, 0], 0, 4, 0.25), [0, 4]);
  assert.deepEqual(keptPoints(xs, [0, 0, 0.3, 0, 0], 0, 4, 0.25), [0, 2, 4]);
});

test('keptPoints: a density sampled at every pixel keeps few points, and none left out is more than the tolerance off', () => {
  const xs = Array.from({ length: 601 }, (_, i) => 40 + i), ys = xs.map((x) => 320 - 280 * Math.exp(-(((x - 300) / 60) ** 2) / 2));
  const kept = keptPoints(xs, ys, 0, 600, 0.25);
  assert.ok(kept.length < 150, `${kept.length} points kept of 601`);
  xs.forEach((_, i) => assert.ok(distanceToKept(xs, ys, kept, i) <= 0.25, `point ${i}`));
});

test('keptPoints: on any polyline, increasing, with both ends, every point within the tolerance of the line drawn', () => {
  const polyline = fc.array(fc.tuple(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: -300, max: 300, noNaN: true })), { minLength: 1, maxLength: 200 });
  fc.assert(fc.property(polyline, fc.double({ min: 0.01, max: 3, noNaN: true }), (steps, tolerance) => {
    const xs = [], ys = [];
    steps.forEach(([dx, y], i) => { xs.push((xs[i - 1] ?? 0) + dx); ys.push(y); });
    const last = xs.length - 1, kept = keptPoints(xs, ys, 0, last, tolerance);
    assert.equal(kept[0], 0);
    assert.equal(kept.at(-1), last);
    kept.forEach((j, k) => assert.ok(k === 0 || j > kept[k - 1]));
    xs.forEach((_, i) => assert.ok(distanceToKept(xs, ys, kept, i) <= tolerance * (1 + 1e-12), `point ${i}`));
  }), { seed: 7, numRuns: 300 });
});
