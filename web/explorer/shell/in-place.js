// Redrawing a Chart.js chart during a drag without its update (options,
// scales, layout: four times the drawing): the elements are moved on the
// axes as last laid out, then drawn over a copy of what that layout draws
// under them. Only where that layout can show the new values; the caller
// otherwise updates the chart.

// When each chart's last layout (its last update) is drawn in full: at once
// after an update without animation, at the animation's end otherwise. Set
// by the dragLayout plugin, which every chart moved in place has.
const layoutDrawnAt = new WeakMap();

// What each chart's last layout draws under its data (grid, axes, ticks, titles, legend), copied from its
// canvas in the first draw after each update (by its snapshot layer) and copied back in each draw in place,
// which costs the page a fraction of drawing it (its text above all). The copy is made where the canvas
// is drawn anyway, so a drag's first frame, and the frame after an axis grows, draw no more than the others.
// Each chart keeps one canvas for its copies; `fresh` holds the charts whose copy is of their last update.
const copies = new WeakMap();
const fresh = new WeakSet();

/** A plugin that records when its chart's layout is drawn in full, and copies it (see moveBarsInPlace, moveLinesInPlace). */
export const dragLayout = {
  id: 'infodivDragLayout',
  afterUpdate(chart, { mode }) {
    const { animation } = chart.options;
    const animated = mode !== 'none' && mode !== 'resize' && animation && animation.duration > 0;
    layoutDrawnAt.set(chart, performance.now() + (animated ? animation.duration + (animation.delay ?? 0) : 0));
    fresh.delete(chart);
    const layers = chart._layers; // (a Chart.js without them draws in full: see drawOverBackground)
    if (!Array.isArray(layers)) return;
    const under = layers.findIndex((layer) => layer.z > 0);
    layers.splice(under < 0 ? layers.length : under, 0, snapshotLayer(chart)); // drawn last of those under the data
  },
};

// The layer that copies the chart's canvas as drawn so far, its layout's boxes, in the first draw after an
// update: only the boxes are drawn by then, and an animation moves the data alone. Chart.js sorts the layers
// by z, then _idx, after afterUpdate: this one stays the last under the data.
const snapshotLayer = (chart) => ({
  z: 0,
  _idx: Infinity,
  draw() {
    const { canvas } = chart;
    if (fresh.has(chart) || !canvas.width || !canvas.height) return; // (a canvas of no size cannot be copied)
    let copy = copies.get(chart);
    if (copy?.width !== canvas.width || copy.height !== canvas.height) {
      copy = Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height });
      copies.set(chart, copy);
    }
    const ctx = copy.getContext('2d');
    ctx.clearRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    fresh.add(chart);
  },
});

// A layer that draws `from`, a copy of the canvas of the same size, onto the chart's canvas, pixel for pixel
// (whatever the context's transform).
const copyLayer = (from, chart) => ({
  z: 0,
  draw() {
    const { ctx } = chart;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(from, 0, 0);
    ctx.restore();
  },
});

// Draws the chart as laid out, its background from the copy (see copies). Chart.js draws its layers
// (chart._layers: the layout's boxes, z ≤ 0 under the data), then the datasets with their plugins' hooks;
// the layers under the data are swapped for one that copies, only for this draw. Without a copy of the
// last update's layout (a canvas resized since), the chart is drawn in full, which copies it.
function drawOverBackground(chart) {
  const layers = chart._layers, copy = copies.get(chart);
  if (!Array.isArray(layers) || !fresh.has(chart) || copy.width !== chart.canvas.width || copy.height !== chart.canvas.height) {
    fresh.delete(chart);
    chart.render();
    return;
  }
  chart._layers = [copyLayer(copy, chart), ...layers.filter((layer) => layer.z > 0)];
  try {
    chart.render();
  } finally {
    chart._layers = layers;
  }
}

// Is the chart's last layout drawn in full (no animation running), so that its elements can be moved?
const layoutDrawn = (chart) => layoutDrawnAt.get(chart) <= performance.now();

// Is every value (null: no bar) where the chart's bars can show it without a new layout?
function fitsLayout(chart, data, scale, stacked) {
  const { datasets, labels } = chart.data;
  if (!layoutDrawn(chart) || data.length !== datasets.length) return false;
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
  drawOverBackground(chart);
  return true;
}

// Are the axes laid out with the limits their options now ask for (set by the caller before drawing)? An axis
// fitted to the data might be laid out anew by an update, so it never is.
function axesAsAsked(chart) {
  return Object.entries(chart.scales).every(([id, scale]) => ['min', 'max'].every((end) => {
    const asked = chart.options.scales?.[id]?.[end];
    return asked !== undefined && asked === scale[end];
  }));
}

/**
 * Sets the lines of a Chart.js line chart whose data are { x, y } points
 * (parsing off; y null for a gap) to `series` (one array of points per
 * dataset) and redraws it without Chart.js's update: only if its last
 * layout is drawn in full (see dragLayout), each line keeps its number of
 * points, and every axis has the limits its options ask for (none fitted
 * to the data). Points off the chart area are clipped, as an update would
 * draw them. Returns false, having changed nothing, otherwise.
 */
export function moveLinesInPlace(chart, series) {
  const { datasets } = chart.data;
  if (!layoutDrawn(chart) || series.length !== datasets.length || !axesAsAsked(chart)) return false;
  if (series.some((points, d) => points.length !== chart.getDatasetMeta(d).data.length)) return false;
  chart.stop();
  const { x, y } = chart.scales;
  series.forEach((points, d) => {
    const meta = chart.getDatasetMeta(d);
    datasets[d].data = points;
    meta.data.forEach((point, i) => {
      point.x = x.getPixelForValue(points[i].x);
      point.y = points[i].y === null ? NaN : y.getPixelForValue(points[i].y);
      point.skip = points[i].y === null;
    });
    meta.dataset.points = meta.data; // the line drops the path and the gaps it had worked out
  });
  drawOverBackground(chart);
  return true;
}

/**
 * Draws the chart again without Chart.js's update, for what its plugins draw
 * from data of their own (a layer): only if its last layout is drawn in full
 * (see dragLayout) and every axis has the limits its options ask for.
 * Returns false, having drawn nothing, otherwise.
 */
export function redrawInPlace(chart) {
  if (!layoutDrawn(chart) || !axesAsAsked(chart)) return false;
  chart.stop();
  drawOverBackground(chart);
  return true;
}
