// The continuous view's curves layer (web/explorer/views/continuous/curves-layer.js):
// each density filled down to y = 0 and stroked in its dataset's style, with
// a gap where a value is not finite, the first dataset on top, on a stand-in
// for a Chart.js chart whose context records what is drawn. What the browser
// then shows is the browser tests'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curvesLayer } from '../../web/explorer/views/continuous/curves-layer.js';

const STYLES = [
  { borderColor: 'blue', backgroundColor: 'lightblue', borderWidth: 2, borderDash: [], borderDashOffset: 0, borderJoinStyle: 'miter', borderCapStyle: 'butt' },
  { borderColor: 'orange', backgroundColor: 'hatched', borderWidth: 2, borderDash: [7, 4], borderDashOffset: 0, borderJoinStyle: 'miter', borderCapStyle: 'butt' },
];

// A chart laid out over x in [0, 10] → pixels [50, 550] and y in [0, 10] → pixels [300, 100], whose
// context records its calls.
function draw(lines, { visible = [true, true], ratio = 1 } = {}) {
  const calls = [];
  const ctx = new Proxy({}, {
    get: (target, name) => (name in target ? target[name] : (...args) => calls.push([name, ...args])),
    set: (target, name, value) => { calls.push([`${String(name)}=`, value]); return true; },
  });
  const chart = {
    ctx, currentDevicePixelRatio: ratio, chartArea: { left: 50, right: 550, top: 100, bottom: 300 },
    scales: { x: { getPixelForValue: (v) => 50 + 50 * v }, y: { getPixelForValue: (v) => 300 - 20 * v } },
    getDatasetMeta: (d) => ({ dataset: { options: STYLES[d] } }),
    isDatasetVisible: (d) => visible[d],
  };
  curvesLayer({ lines }).afterDatasetsDraw(chart);
  return calls;
}

// The calls between each fill or stroke and the one before it.
function paths(calls) {
  const out = [];
  let current = [];
  for (const call of calls) {
    if (call[0] === 'fill' || call[0] === 'stroke') {
      out.push({ op: call[0], path: current.filter(([name]) => ['moveTo', 'lineTo', 'closePath'].includes(name)) });
      current = [];
    } else current.push(call);
  }
  return out;
}

test('curvesLayer fills each curve down to y = 0 and strokes it, the second dataset first, clipped to the plot', () => {
  const calls = draw({ xs: [0, 1, 2, 3, 4], series: [[0, 2, 4, 2, 0], [1, 1, 1, 1, 1]] });
  assert.deepEqual(paths(calls), [
    { op: 'fill', path: [['moveTo', 50, 300], ['lineTo', 50, 280], ['lineTo', 250, 280], ['lineTo', 250, 300], ['closePath']] },
    { op: 'stroke', path: [['moveTo', 50, 280], ['lineTo', 250, 280]] },
    // (100, 260) and (200, 260) are on the straight lines through their neighbours: left out.
    { op: 'fill', path: [['moveTo', 50, 300], ['lineTo', 50, 300], ['lineTo', 150, 220], ['lineTo', 250, 300], ['lineTo', 250, 300], ['closePath']] },
    { op: 'stroke', path: [['moveTo', 50, 300], ['lineTo', 150, 220], ['lineTo', 250, 300]] },
  ]);
  const names = calls.map(([name]) => name);
  assert.deepEqual(calls.find(([name]) => name === 'rect'), ['rect', 50, 100, 500, 200]);
  assert.ok(names.indexOf('clip') < names.indexOf('moveTo'), 'clipped before drawing');
  assert.deepEqual([names[0], names.at(-1)], ['save', 'restore']);
  assert.deepEqual(calls.filter(([name]) => name === 'fillStyle=').map(([, v]) => v), ['hatched', 'lightblue']);
  assert.deepEqual(calls.filter(([name]) => name === 'strokeStyle=').map(([, v]) => v), ['orange', 'blue']);
  assert.deepEqual(calls.filter(([name]) => name === 'setLineDash').map(([, v]) => v), [[7, 4], []]);
});

test('curvesLayer leaves a gap where a value is not finite and draws a value far off the chart just past its edge', () => {
  const [fill, stroke] = paths(draw({ xs: [0, 1, 2, 3, 4, 5], series: [[1, NaN, 1, Infinity, 2, 1e300]] }));
  assert.deepEqual(stroke.path, [['moveTo', 50, 280], ['moveTo', 150, 280], ['moveTo', 250, 260], ['lineTo', 300, 100 - 100 * 200]]);
  assert.equal(fill.path.filter(([name]) => name === 'closePath').length, 3, 'each run filled on its own');
});

test('curvesLayer draws through the points the line needs: fewer on a straight stretch, within a quarter of a device pixel', () => {
  const xs = Array.from({ length: 101 }, (_, i) => i / 10);
  const [, stroke] = paths(draw({ xs, series: [xs.map((x) => x / 2)] }, { visible: [true] }));
  assert.deepEqual(stroke.path, [['moveTo', 50, 300], ['lineTo', 550, 200]]);
  // A bump of 0.2 px is left out at a pixel ratio of 1 (a quarter of a pixel), not at 2 (an eighth): then the
  // bump and the points beside it, 0.196 px off the line from the ends to the bump, are kept.
  const bump = xs.map((x) => (x === 5 ? 0.01 : 0));
  assert.deepEqual(paths(draw({ xs, series: [bump] }, { visible: [true] }))[1].path, [['moveTo', 50, 300], ['lineTo', 550, 300]]);
  assert.deepEqual(paths(draw({ xs, series: [bump] }, { visible: [true], ratio: 2 }))[1].path.map(([, x]) => x), [50, 295, 300, 305, 550]);
});

test('curvesLayer draws nothing before the view has curves, and no hidden dataset', () => {
  assert.deepEqual(draw(null), []);
  const drawn = paths(draw({ xs: [0, 1], series: [[1, 1], [2, 2]] }, { visible: [true, false] }));
  assert.deepEqual(drawn.map(({ op }) => op), ['fill', 'stroke']);
});
