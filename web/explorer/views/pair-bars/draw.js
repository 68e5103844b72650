// Drawing P and Q of a state on the bars chart (./chart.js): what a view's
// render needs, without Chart.js, so that it can show its numbers before
// its charts' code is loaded.

/** Charts whose last update was a drag's (mode 'none'): their layout holds while the outcomes do (set by ./chart.js). */
export const laidOutForDrag = new WeakSet();

/**
 * Draws P and Q of `state` ({ labels, p, q }); mode 'none' while a bar is
 * dragged (no animation). During a drag only the bars' heights change: after
 * the drag's first full update, each move sets them on the fixed 0..1 axis
 * and redraws, without Chart.js's update (options, scales, layout), which
 * costs four times the drawing.
 */
export function drawBars(chart, { labels, p, q }, mode) {
  const sameOutcomes = labels.length === chart.data.labels.length && labels.every((l, i) => l === chart.data.labels[i]);
  chart.data.labels = labels.slice();
  chart.data.datasets[0].data = p.slice();
  chart.data.datasets[1].data = q.slice();
  if (mode === 'none' && sameOutcomes && laidOutForDrag.has(chart)) {
    chart.stop();
    [p, q].forEach((values, d) => chart.getDatasetMeta(d).data.forEach((bar, i) => {
      bar.y = chart.scales.y.getPixelForValue(values[i]);
    }));
    chart.render();
    return;
  }
  chart.update(mode);
}

/** Which outcomes make a KL infinite: one distribution gives them 0, the other more (the bars chart outlines them). */
export const infiniteOutcomes = ({ p, q }) => p.map((v, i) => (v > 0 && q[i] === 0) || (q[i] > 0 && v === 0));
