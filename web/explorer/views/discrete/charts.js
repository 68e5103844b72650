// The discrete view's charts besides P and Q's bars (../pair-bars/chart.js):
// cross-entropy split into entropy + KL, and the per-outcome terms of KL in
// both directions. Plugins are passed to each chart, never registered
// globally, so other charts on a page are untouched.
import { Chart } from 'chart.js';
import { baseOptions, textDirection } from '../../shell/charts.js';
import { formatNumber } from '../../util.js';
import { axis, drawBarText, stripes, valueAxis } from '../pair-bars/chart.js';
import { dragLayout } from '../../shell/in-place.js';

export { createBarsChart } from '../pair-bars/chart.js';

/**
 * Cross-entropy as a stacked bar: entropy, then KL on top of it. An infinite
 * KL is drawn as "+ ∞" after the entropy segment.
 */
export function createDecompositionChart(canvas, palette, animate, view) {
  const infinity = {
    id: 'infodivInfiniteKl',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      chart.getDatasetMeta(0).data.forEach((bar, row) => {
        if (!view.infinite[row]) return;
        const { x, y } = bar.getProps(['x', 'y'], true);
        ctx.save();
        ctx.fillStyle = palette.alert;
        ctx.font = `bold 14px ${chart.options.font.family}`;
        ctx.textBaseline = 'middle';
        ctx.fillText('+ ∞', x + 6, y);
        ctx.restore();
      });
    },
  };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: ['H(P,Q)', 'H(Q,P)'],
      datasets: [
        { label: 'entropy of the truth, H(P) or H(Q)', data: [], backgroundColor: palette.muted, stack: 's' },
        { label: 'extra cost of the model, KL', data: [], backgroundColor: palette.alert, stack: 's' },
      ],
    },
    options: {
      ...baseOptions(palette, animate),
      indexAxis: 'y',
      layout: { padding: { right: 28 } }, // room for "+ ∞"
      scales: {
        x: { ...valueAxis(palette, ''), stacked: true, beginAtZero: true },
        y: { ...axis(palette), stacked: true },
      },
      plugins: {
        legend: { labels: { color: palette.text } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.raw ?? Infinity)}` } },
      },
    },
    plugins: [infinity, dragLayout, textDirection], // dragLayout: see moveBarsInPlace
  });
}

/** The signed terms p_i log(p_i/q_i) and q_i log(q_i/p_i), per outcome. */
export function createTermsChart(canvas, palette, animate, view) {
  const infinity = {
    id: 'infodivInfiniteTerms',
    afterDatasetsDraw(chart) {
      drawBarText(chart, (d, i) => (chart.data.datasets[d].data[i] === null && view.infiniteTerm[d][i] ? '∞' : ''));
    },
  };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { label: 'p·log(p/q), adds up to KL(P‖Q)', data: [], backgroundColor: palette.p },
        { label: 'q·log(q/p), adds up to KL(Q‖P)', data: [], backgroundColor: stripes(palette.q, palette.surface), borderColor: palette.q, borderWidth: 1 },
      ],
    },
    options: {
      ...baseOptions(palette, animate),
      scales: { x: axis(palette), y: { ...valueAxis(palette, '') } },
      plugins: {
        legend: { labels: { color: palette.text } },
        tooltip: { callbacks: { label: (c) => view.describeTerm(c.datasetIndex, c.dataIndex) } },
      },
    },
    plugins: [infinity, dragLayout, textDirection], // dragLayout: see moveBarsInPlace
  });
}
