// The evidence view's runs layer (web/explorer/views/evidence/runs-layer.js):
// every run drawn from L₀ = 0 through each of its values, on a stand-in for a
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
