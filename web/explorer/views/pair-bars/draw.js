// Drawing P and Q of a state on the bars chart (./chart.js): what a view's
// render needs, without Chart.js, so that it can show its numbers before
// its charts' code is loaded.
import { moveBarsInPlace } from '../../shell/in-place.js';

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

/** Which outcomes make a KL infinite: one distribution gives them 0, the other more (the bars chart outlines them). */
export const infiniteOutcomes = ({ p, q }) => p.map((v, i) => (v > 0 && q[i] === 0) || (q[i] > 0 && v === 0));
