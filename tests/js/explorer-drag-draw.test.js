// How the explorer draws its bar and line charts during a drag without
// Chart.js's update (web/explorer/shell/in-place.js) and which secondary charts
// it draws in each frame (web/explorer/shell/charts.js, chartsDue), on
// stand-ins for Chart.js charts: a linear value axis and bar elements, as
// Chart.js lays them out. What Chart.js then draws is the browser tests'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dragLayout, moveBarsInPlace, moveLinesInPlace } from '../../web/explorer/shell/in-place.js';
import { chartsDue } from '../../web/explorer/shell/charts.js';
import { TURN_MS, inTurns } from '../../web/explorer/shell/turns.js';

// A stand-in for a Chart.js chart (`chart`: options, scales, data) with its datasets' elements (`metas`), its
// last update drawn, counting stop() and render().
function laidOut(chart, metas) {
  Object.assign(chart, {
    getDatasetMeta: (d) => metas[d], stopped: 0, rendered: 0, stop() { this.stopped++; }, render() { this.rendered++; },
  });
  dragLayout.afterUpdate(chart, { mode: 'none' });
  return chart;
}

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
  return laidOut({
    options: { indexAxis: horizontal ? 'y' : 'x', animation },
    scales: horizontal ? { x: scale } : { y: scale },
    data: { labels: data[0].map((_, i) => `o${i}`), datasets: data.map((values) => ({ data: values.slice() })) },
  }, metas);
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

// A line chart laid out as Chart.js would (parsing off): x in [0, 10] onto [40, 440], y in [0, ymax] onto [300, 100].
function fakeLineChart(series, { ymax = 2 } = {}) {
  const x = { min: 0, max: 10, getPixelForValue: (v) => 40 + 40 * v };
  const y = { min: 0, max: ymax, getPixelForValue: (v) => 300 - (200 * v) / ymax };
  const metas = series.map((points) => {
    const data = points.map((pt) => ({ x: x.getPixelForValue(pt.x), y: pt.y === null ? NaN : y.getPixelForValue(pt.y), skip: pt.y === null }));
    return { data, dataset: { points: data } };
  });
  return laidOut({
    options: { animation: false, scales: { x: { min: 0, max: 10 }, y: { min: 0, max: ymax } } },
    scales: { x, y },
    data: { datasets: series.map((points) => ({ data: points })) },
  }, metas);
}
const curve = (ys) => ys.map((v, i) => ({ x: 2 * i, y: v }));

test('moveLinesInPlace: each point set on the axes as laid out, a gap where y is null, the line told, drawn once', () => {
  const chart = fakeLineChart([curve([0, 1, 0.5]), curve([0.2, 0.2, 0.2])]);
  const line = chart.getDatasetMeta(1).dataset;
  const next = [curve([0.1, 1.5, null]), [{ x: 1, y: 0.3 }, { x: 5, y: 0 }, { x: 9.5, y: 2 }]];
  assert.equal(moveLinesInPlace(chart, next), true);
  assert.deepEqual(chart.getDatasetMeta(0).data.map(({ x, y, skip }) => [x, y, skip]), [[40, 290, false], [120, 150, false], [200, NaN, true]]);
  assert.deepEqual(chart.getDatasetMeta(1).data.map(({ x, y }) => [x, y]), [[80, 270], [240, 300], [420, 100]]);
  assert.equal(line.points, chart.getDatasetMeta(1).data, 'the line is given its points again, so it drops its cached path');
  assert.equal(chart.data.datasets[0].data, next[0]);
  assert.deepEqual([chart.stopped, chart.rendered], [1, 1]);
});

test('moveLinesInPlace changes nothing and asks for an update where the layout is not the one asked for', () => {
  const cases = {
    'a higher y axis asked for': (chart) => { chart.options.scales.y.max = 3; },
    'another x range asked for': (chart) => { chart.options.scales.x.min = -1; },
    'an animated update still running': (chart) => { chart.options.animation = { duration: 60_000 }; dragLayout.afterUpdate(chart, {}); },
    'a y axis fitted to the data': (chart) => { delete chart.options.scales.y.max; },
  };
  for (const [what, change] of Object.entries(cases)) {
    const chart = fakeLineChart([curve([0, 1, 0.5])]);
    change(chart);
    const before = JSON.stringify([chart.data, chart.getDatasetMeta(0).data]);
    assert.equal(moveLinesInPlace(chart, [curve([0, 1.2, 0.4])]), false, what);
    assert.equal(JSON.stringify([chart.data, chart.getDatasetMeta(0).data]), before, `${what}: unchanged`);
    assert.equal(chart.rendered, 0, what);
  }
  const chart = fakeLineChart([curve([0, 1, 0.5])]);
  assert.equal(moveLinesInPlace(chart, [curve([0, 1, 0.5, 0.2])]), false, 'another number of points');
  assert.equal(moveLinesInPlace(chart, [curve([0, 1, 0.5]), curve([0, 1, 0.5])]), false, 'another number of lines');
  assert.equal(chart.rendered, 0);
});

test('chartsDue: all when settled; while dragging, those behind the state one at a time in turn, at most one per TURN_MS, until none is', () => {
  const charts = [{ canvas: {} }, { canvas: {} }, { canvas: {} }];
  const show = ({ due, behind }) => `${due.map(Number).join('')}${behind ? ' behind' : ''}`;
  assert.equal(show(chartsDue({}, charts, { dragging: false })), '111');
  const turns = {};
  const at = (now, changed = true) => show(chartsDue(turns, charts, { dragging: true, changed, now }));
  const moves = [0, 16, TURN_MS - 1, TURN_MS, 2 * TURN_MS, 3 * TURN_MS].map((now) => at(now));
  assert.deepEqual(moves, ['100 behind', '000 behind', '000 behind', '010 behind', '001 behind', '100 behind'],
    'a move per frame: each chart in turn, TURN_MS apart');
  const after = [4, 4.5, 5, 6].map((k) => at(k * TURN_MS, false));
  assert.deepEqual(after, ['010 behind', '000 behind', '001', '000'], 'the pointer rests: the frames after draw those behind, then stop');
  assert.equal(show(chartsDue(turns, charts, { dragging: false, changed: false })), '111', 'the drag ends: all');
  assert.equal(at(6 * TURN_MS + 1), '100 behind', 'the next drag: its first move draws one at once');
  assert.equal(show(chartsDue({}, charts.slice(0, 1), { dragging: true, now: 0 })), '1', 'a lone chart on screen, drawn at once');
});

// A clock for inTurns: the time is set by the test; timers run when it reaches them.
function fakeClock() {
  let time = 0, next = 1;
  const timers = new Map();
  return {
    now: () => time,
    later: (fn, ms) => { timers.set(next, { fn, at: time + ms }); return next++; },
    cancelLater: (id) => timers.delete(id),
    waiting: () => timers.size,
    advance(to) {
      time = to;
      for (const [id, { fn, at }] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (at <= time && timers.delete(id)) fn();
      }
    },
  };
}

test('inTurns: at once when settled; while dragging once per TURN_MS, the last call written once the calls rest a turn', () => {
  const clock = fakeClock(), written = [];
  const write = inTurns((value) => written.push(`${value}@${clock.now()}`), clock);
  const at = (time, dragging, value) => {
    clock.advance(time);
    write(dragging, value);
  };
  at(0, false, 'a');
  assert.deepEqual(written, ['a@0'], 'settled: at once');
  at(200, true, 'b');
  assert.deepEqual(written, ['a@0', 'b@200'], 'the first move of a drag, a turn after the last write: at once');
  at(216, true, 'c');
  at(232, true, 'd');
  assert.deepEqual(written, ['a@0', 'b@200'], 'moves within the turn wait');
  assert.equal(clock.waiting(), 1, 'one timer for them all');
  at(200 + TURN_MS, true, 'e');
  assert.deepEqual(written.slice(2), [`e@${200 + TURN_MS}`], 'the move that comes a turn later writes its own, at once');
  assert.equal(clock.waiting(), 0);
  at(200 + TURN_MS + 16, true, 'f');
  clock.advance(200 + 2 * TURN_MS + 15);
  assert.equal(written.length, 3, 'the pointer rests: not yet');
  clock.advance(200 + 2 * TURN_MS + 16);
  assert.deepEqual(written.slice(3), [`f@${200 + 2 * TURN_MS + 16}`], 'the pointer rested a turn: the last one is written');
  at(1000, true, 'g');
  at(1010, true, 'h');
  at(1020, false, 'i');
  assert.deepEqual(written.slice(4), ['g@1000', 'i@1020'], 'the drag settles: written at once, the one kept dropped');
  assert.equal(clock.waiting(), 0);
  at(2000, true, 'j');
  at(2010, true, 'k');
  write.cancel();
  clock.advance(3000);
  assert.deepEqual(written.slice(6), ['j@2000'], 'cancel drops the one kept (the view destroyed)');
});
