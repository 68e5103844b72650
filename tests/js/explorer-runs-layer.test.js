// The evidence view's runs layer (web/explorer/views/evidence/runs-layer.js):
// every run drawn from L₀ = 0 through each of its values, and their mean, on a stand-in for a
// Chart.js chart whose context records what is drawn. What the browser then
// shows is the browser tests'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runsLayer } from '../../web/explorer/views/evidence/runs-layer.js';

// A chart laid out over x in [0, 10] → pixels [50, 550] and y in [-5, 5] → pixels [300, 100], with a
// context that records its calls.
function recordingChart() {
  const calls = [];
  const ctx = new Proxy({}, {
    get: (target, name) => (name in target ? target[name] : (...args) => calls.push([name, ...args])),
    set: (target, name, value) => { calls.push([`${String(name)}=`, value]); return true; },
  });
  const chart = {
    ctx, chartArea: { left: 50, right: 550, top: 100, bottom: 300, width: 500, height: 200 },
    scales: { x: { getPixelForValue: (v) => 50 + 50 * v }, y: { getPixelForValue: (v) => 200 - 20 * v } },
    // the style Chart.js resolved for dataset 1, their mean's
    getDatasetMeta: (d) => ({ dataset: d === 1 ? { options: { borderColor: '#111', borderWidth: 2.5, borderJoinStyle: 'miter', borderCapStyle: 'butt' } } : undefined }),
  };
  return { chart, calls };
}

const draw = (runs) => {
  const { chart, calls } = recordingChart();
  runsLayer({ runs }).afterDatasetsDraw(chart);
  return calls;
};
const lines = (calls) => calls.filter(([name]) => name === 'moveTo' || name === 'lineTo');

test('runsLayer draws every run from (0, 0) through each of its values, clipped to the plot, in one stroke', () => {
  const calls = draw({ paths: [new Float64Array([1, 2, 3]), new Float64Array([-1, -2, -4])], shown: [2, 5, 10], colour: 'rgba(1, 2, 3, 0.35)' });
  assert.deepEqual(lines(calls), [
    ['moveTo', 50, 200], ['lineTo', 150, 180], ['lineTo', 300, 160], ['lineTo', 550, 140],
    ['moveTo', 50, 200], ['lineTo', 150, 220], ['lineTo', 300, 240], ['lineTo', 550, 280],
  ]);
  const names = calls.map(([name]) => name);
  assert.deepEqual(calls.find(([name]) => name === 'rect'), ['rect', 50, 100, 500, 200]);
  assert.ok(names.indexOf('clip') < names.indexOf('moveTo'), 'clipped before drawing');
  assert.deepEqual(names.filter((name) => name === 'stroke'), ['stroke']);
  assert.deepEqual(calls.find(([name]) => name === 'strokeStyle='), ['strokeStyle=', 'rgba(1, 2, 3, 0.35)']);
  assert.deepEqual([names[0], names.at(-1)], ['save', 'restore']);
});

test('runsLayer draws an infinite value far past the plot\'s edge and leaves a gap at NaN', () => {
  const calls = lines(draw({ paths: [new Float64Array([1, Infinity, Infinity]), new Float64Array([-1, -Infinity]), new Float64Array([1, NaN, 2])], shown: [1, 2, 3], colour: 'red' }));
  assert.deepEqual(calls, [
    ['moveTo', 50, 200], ['lineTo', 100, 180], ['lineTo', 150, 100 - 100 * 200], ['lineTo', 200, 100 - 100 * 200],
    ['moveTo', 50, 200], ['lineTo', 100, 220], ['lineTo', 150, 300 + 100 * 200],
    ['moveTo', 50, 200], ['lineTo', 100, 180], ['moveTo', 200, 160],
  ]);
});

test('runsLayer draws nothing before the view has runs', () => {
  assert.deepEqual(draw(null), []);
});

// A clip off the device pixel grid makes the browser's rasteriser pass every pixel of the runs through a
// coverage mask (bench/drag-ab.mjs at 200 runs × 2,000: its commit 3.7 ms with it, 1.9 without).
test('runsLayer clips to the plot with its edges on whole device pixels, the nearest ones', () => {
  for (const [ratio, rect] of [[1, [50, 100, 500, 200]], [2, [49.5, 100, 501, 200.5]], [3, [49.666666666666664, 100.33333333333333, 500.6666666666667, 200]]]) {
    const { chart, calls } = recordingChart();
    Object.assign(chart, { currentDevicePixelRatio: ratio, chartArea: { left: 49.7, right: 550.4, top: 100.2, bottom: 300.3, width: 500.7, height: 200.1 } });
    runsLayer({ runs: { paths: [new Float64Array([1])], shown: [1], colour: 'red' } }).afterDatasetsDraw(chart);
    const drawn = calls.find(([name]) => name === 'rect').slice(1);
    drawn.forEach((v, i) => assert.ok(Math.abs(v - rect[i]) < 1e-9, `ratio ${ratio}: rect ${drawn} against ${rect}`));
    const [left, top, width, height] = drawn;
    for (const edge of [left, top, left + width, top + height]) assert.ok(Math.abs(edge * ratio - Math.round(edge * ratio)) < 1e-9, `ratio ${ratio}: ${edge} is on the grid`);
  }
});

test('runsLayer draws the runs\' mean from (0, 0) in the second dataset\'s style, under the runs, with its own steps', () => {
  const calls = draw({ paths: [new Float64Array([1, 3])], shown: [5, 10], colour: 'red', mean: { at: [2, 5, 10], values: [0.5, Infinity, NaN] } });
  const strokes = calls.flatMap(([name], i) => (name === 'stroke' ? [i] : []));
  assert.equal(strokes.length, 2, 'the mean, then the runs');
  const meanCalls = calls.slice(0, strokes[0]), runCalls = calls.slice(strokes[0] + 1);
  assert.deepEqual(lines(meanCalls), [['moveTo', 50, 200], ['lineTo', 150, 190], ['lineTo', 300, 100 - 100 * 200]]);
  for (const [name, value] of [['strokeStyle=', '#111'], ['lineWidth=', 2.5], ['lineJoin=', 'miter'], ['lineCap=', 'butt']]) {
    assert.deepEqual(meanCalls.find(([n]) => n === name), [name, value]);
  }
  assert.deepEqual(lines(runCalls), [['moveTo', 50, 200], ['lineTo', 300, 180], ['lineTo', 550, 140]]);
  assert.deepEqual(runCalls.find(([n]) => n === 'strokeStyle='), ['strokeStyle=', 'red']);
  assert.ok(calls.findIndex(([n]) => n === 'clip') < strokes[0], 'both clipped');
});
