// Drawing P and Q of a state on the bars chart (./chart.js): what a view's
// render needs, without Chart.js, so that it can show its numbers before
// its charts' code is loaded.

// When each chart's last layout (its last update) is drawn in full: at once
// after an update without animation, at the animation's end otherwise. Set
// by the dragLayout plugin, which every chart drawn by moveBarsInPlace has.
const layoutDrawnAt = new WeakMap();

/** A plugin that records when its chart's layout is drawn in full (see moveBarsInPlace). */
export const dragLayout = {
  id: 'infodivDragLayout',
  afterUpdate(chart, { mode }) {
    const { animation } = chart.options;
    const animated = mode !== 'none' && mode !== 'resize' && animation && animation.duration > 0;
    layoutDrawnAt.set(chart, performance.now() + (animated ? animation.duration + (animation.delay ?? 0) : 0));
  },
};

/**
 * Draws P and Q of `state` ({ labels, p, q }); mode 'none' while a bar is
 * dragged (no animation). During a drag only the bars' heights change: each
 * move sets them on the fixed 0..1 axis and redraws (moveBarsInPlace),
 * without Chart.js's update (options, scales, layout), which costs four
 * times the drawing.
 */
export function drawBars(chart, { labels, p, q }, mode) {
  const sameOutcomes = labels.length === chart.data.labels.length && labels.every((l, i) => l === chart.data.labels[i]);
  if (mode === 'none' && sameOutcomes && moveBarsInPlace(chart, [p, q])) return;
  chart.data.labels = labels.slice();
  chart.data.datasets[0].data = p.slice();
  chart.data.datasets[1].data = q.slice();
  chart.update(mode);
}

// Is every value (null: no bar) where the chart's bars can show it without a new layout?
function fitsLayout(chart, data, scale, stacked) {
  const { datasets, labels } = chart.data;
  if (!(layoutDrawnAt.get(chart) <= performance.now()) || data.length !== datasets.length) return false;
  const inRange = (v) => v >= scale.min && v <= scale.max;
  return data.every((values, d) => values.length === labels.length && values.every((v, i) => {
    const before = datasets[d].data[i];
    if ((v === null) !== (before === null || before === undefined)) return false;
    if (v === null) return true;
    if (!stacked) return inRange(v);
    const start = data.slice(0, d).reduce((sum, row) => sum + (row[i] ?? 0), 0);
    return v >= 0 && inRange(start) && inRange(start + v);
  }));
}

/**
 * Sets the bars of a Chart.js bar chart (vertical or horizontal, stacked
 * bars of values ≥ 0 or plain ones) to `data` (one array per dataset, null
 * for no bar) and redraws it without Chart.js's update: only if its last
 * layout is drawn in full (no animation running; see dragLayout), the bars
 * are the same, and every value is inside the value axis as it was laid
 * out. Returns false, having changed nothing, otherwise (the caller then
 * updates the chart).
 */
export function moveBarsInPlace(chart, data) {
  const horizontal = chart.options.indexAxis === 'y';
  const scale = horizontal ? chart.scales.x : chart.scales.y;
  const stacked = Boolean(scale?.options.stacked);
  if (!scale || !fitsLayout(chart, data, scale, stacked)) return false;
  chart.stop();
  const ends = horizontal ? 'x' : 'y';
  data.forEach((values, d) => {
    chart.data.datasets[d].data = values.slice();
    chart.getDatasetMeta(d).data.forEach((bar, i) => {
      if (values[i] === null) return;
      const start = stacked ? data.slice(0, d).reduce((sum, row) => sum + (row[i] ?? 0), 0) : null;
      bar[ends] = scale.getPixelForValue(stacked ? start + values[i] : values[i]);
      if (stacked) bar.base = scale.getPixelForValue(start);
    });
  });
  chart.render();
  return true;
}

/** Which outcomes make a KL infinite: one distribution gives them 0, the other more (the bars chart outlines them). */
export const infiniteOutcomes = ({ p, q }) => p.map((v, i) => (v > 0 && q[i] === 0) || (q[i] > 0 && v === 0));
