// How the explorer draws its bar charts during a drag without Chart.js's
// update (web/explorer/views/pair-bars/draw.js) and which secondary charts
// it draws in each frame (web/explorer/shell/charts.js, chartsDue), on
// stand-ins for Chart.js charts: a linear value axis and bar elements, as
// Chart.js lays them out. What Chart.js then draws is the browser tests'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dragLayout, moveBarsInPlace } from '../../web/explorer/views/pair-bars/draw.js';
import { chartsDue } from '../../web/explorer/shell/charts.js';

// A chart laid out as Chart.js would: value axis [min, max] onto pixels [300, 100] (or [50, 450] across).
function fakeChart({ data, min = 0, max = 1, horizontal = false, stacked = false, animation = false }) {
  const pixel = horizontal ? (v) => 50 + (400 * (v - min)) / (max - min) : (v) => 300 - (200 * (v - min)) / (max - min);
  const scale = { min, max, options: { stacked }, getPixelForValue: pixel };
  const metas = data.map((values, d) => ({
    data: values.map((v, i) => {
      const start = stacked ? data.slice(0, d).reduce((s, row) => s + (row[i] ?? 0), 0) : 0;
      return { [horizontal ? 'x' : 'y']: pixel(start + (v ?? 0)), base: pixel(start) };
    }),
  }));
  const chart = {
    options: { indexAxis: horizontal ? 'y' : 'x', animation },
    scales: horizontal ? { x: scale } : { y: scale },
    data: { labels: data[0].map((_, i) => `o${i}`), datasets: data.map((values) => ({ data: values.slice() })) },
    getDatasetMeta: (d) => metas[d],
    stopped: 0,
    rendered: 0,
    stop() { this.stopped++; },
    render() { this.rendered++; },
  };
  dragLayout.afterUpdate(chart, { mode: 'none' });
  return chart;
}

test('moveBarsInPlace: vertical bars set to the new values on the axis as laid out, drawn once', () => {
  const chart = fakeChart({ data: [[0.2, 0.5, 0.3], [0.1, -0.2, 0.4]], min: -0.5, max: 1 });
  const bases = chart.getDatasetMeta(1).data.map((bar) => bar.base);
  assert.equal(moveBarsInPlace(chart, [[0.25, 0.45, 0.3], [-0.4, 0.9, 0]]), true);
  assert.deepEqual(chart.getDatasetMeta(0).data.map((bar) => bar.y), [0.25, 0.45, 0.3].map(chart.scales.y.getPixelForValue));
  assert.deepEqual(chart.getDatasetMeta(1).data.map((bar) => bar.y), [-0.4, 0.9, 0].map(chart.scales.y.getPixelForValue));
  assert.deepEqual(chart.getDatasetMeta(1).data.map((bar) => bar.base), bases, 'unstacked bars keep their base');
  assert.deepEqual(chart.data.datasets[1].data, [-0.4, 0.9, 0]);
  assert.deepEqual([chart.stopped, chart.rendered], [1, 1]);
});

test('moveBarsInPlace: stacked horizontal bars start where the dataset below ends', () => {
  const chart = fakeChart({ data: [[1, 2], [0.5, null]], max: 4, horizontal: true, stacked: true });
  assert.equal(moveBarsInPlace(chart, [[1.5, 2.5], [1, null]]), true);
  const px = chart.scales.x.getPixelForValue;
  assert.deepEqual(chart.getDatasetMeta(0).data.map((bar) => [bar.base, bar.x]), [[px(0), px(1.5)], [px(0), px(2.5)]]);
  assert.deepEqual(chart.getDatasetMeta(1).data[0], { base: px(1.5), x: px(2.5) });
});

test('moveBarsInPlace changes nothing and asks for an update where the layout cannot show the values', () => {
  const cases = {
    'a value above the axis': [fakeChart({ data: [[0.2, 0.8]] }), [[0.2, 1.2]]],
    'a value below the axis': [fakeChart({ data: [[0.2, 0.8]] }), [[-0.01, 0.8]]],
    'a stacked end beyond the axis': [fakeChart({ data: [[1, 2], [0.5, 1]], max: 4, horizontal: true, stacked: true }), [[1, 2], [0.5, 2.5]]],
    'a negative stacked value': [fakeChart({ data: [[1, 2], [0.5, 1]], max: 4, horizontal: true, stacked: true }), [[1, 2], [-0.5, 1]]],
    'a bar that appears (was ∞)': [fakeChart({ data: [[0.2, null]] }), [[0.2, 0.5]]],
    'a bar that goes (now ∞)': [fakeChart({ data: [[0.2, 0.4]] }), [[0.2, null]]],
    'another number of outcomes': [fakeChart({ data: [[0.2, 0.4]] }), [[0.2, 0.4, 0.1]]],
    'another number of datasets': [fakeChart({ data: [[0.2, 0.4]] }), [[0.2, 0.4], [0.1, 0.1]]],
    NaN: [fakeChart({ data: [[0.2, 0.4]] }), [[NaN, 0.4]]],
  };
  for (const [what, [chart, data]] of Object.entries(cases)) {
    const before = JSON.stringify([chart.data, chart.getDatasetMeta(0).data]);
    assert.equal(moveBarsInPlace(chart, data), false, what);
    assert.equal(JSON.stringify([chart.data, chart.getDatasetMeta(0).data]), before, `${what}: unchanged`);
    assert.equal(chart.rendered, 0, what);
  }
});

test('moveBarsInPlace waits for an animated update to end; a chart never laid out is updated', () => {
  const chart = fakeChart({ data: [[0.2, 0.8]], animation: { duration: 60_000 } });
  dragLayout.afterUpdate(chart, { mode: undefined }); // an animated update: its bars are moving for a minute
  assert.equal(moveBarsInPlace(chart, [[0.3, 0.7]]), false);
  dragLayout.afterUpdate(chart, { mode: 'resize' }); // resizes are not animated
  assert.equal(moveBarsInPlace(chart, [[0.3, 0.7]]), true);
  const unseen = { ...fakeChart({ data: [[0.2, 0.8]] }) }; // a copy: the plugin never ran on it
  assert.equal(moveBarsInPlace(unseen, [[0.3, 0.7]]), false);
});

test('chartsDue: all when settled; while dragging, those behind the state one per frame in turn, until none is', () => {
  const charts = [{ canvas: {} }, { canvas: {} }, { canvas: {} }];
  const show = ({ due, behind }) => `${due.map(Number).join('')}${behind ? ' behind' : ''}`;
  assert.equal(show(chartsDue({}, charts, { dragging: false })), '111');
  const turns = {};
  const moves = Array.from({ length: 4 }, () => show(chartsDue(turns, charts, { dragging: true })));
  assert.deepEqual(moves, ['100 behind', '010 behind', '001 behind', '100 behind'], 'a move per frame: each chart in turn');
  const after = Array.from({ length: 3 }, () => show(chartsDue(turns, charts, { dragging: true, changed: false })));
  assert.deepEqual(after, ['010 behind', '001', '000'], 'the pointer rests: the frames after draw those behind, then stop');
  assert.equal(show(chartsDue(turns, charts, { dragging: false, changed: false })), '111', 'the drag ends: all');
  assert.equal(show(chartsDue({}, charts.slice(0, 1), { dragging: true })), '1', 'a lone chart on screen is drawn every frame');
});
