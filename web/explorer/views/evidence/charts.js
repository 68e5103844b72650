// The evidence view's three Chart.js charts: every run's log-likelihood path
// (drawn by runs-layer.js, faint, with their mean), the line n·KL
// and the line at log 19; the histogram of the stopping times with log 19/KL
// and their mean marked; and k1, k2, k3 against the number of samples, each
// mean with a whisker of ± one standard deviation, against the exact KL.
// Plugins are passed to each chart, never registered globally.
import {
  BarController, BarElement, Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement,
} from 'chart.js';
import { baseOptions, clipToPlot, textDirection, tickLabel } from '../../shell/charts.js';
import { dragLayout } from '../../shell/in-place.js';
import { lineLegend } from '../../shell/legend.js';
import { runsLayer } from './runs-layer.js';

export { createBarsChart } from '../pair-bars/chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend);

// A value axis; its ends get no tick of their own (an odd last value would crowd the one before it).
const axis = (palette, title) => ({
  grid: { color: palette.grid },
  ticks: { color: palette.muted, includeBounds: false, callback: tickLabel },
  title: { display: Boolean(title), text: title, color: palette.muted },
});

const line = (label, color, width, dash, extra = {}) => ({
  label, data: [], borderColor: color, backgroundColor: color, borderWidth: width, borderDash: dash,
  pointRadius: 0, pointHitRadius: 0, fill: false, tension: 0, ...extra,
});

/** The paths and their mean (drawn by runsLayer from `view.runs`), n·KL and the line at log 19. */
export function createPathsChart(canvas, palette, view) {
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        line('each run', palette.p, 1, []), // no data: its legend (runsLayer draws the runs)
        line('their mean', palette.text, 2.5, []), // no data: runsLayer draws it in this style
        line('n · KL', palette.alert, 2, [8, 4]),
        line('19 : 1, log 19', palette.muted, 1.5, [2, 3]),
      ],
    },
    options: {
      ...baseOptions(palette, false),
      parsing: false,
      events: [],
      scales: { x: { ...axis(palette, 'samples, n'), type: 'linear', min: 0 }, y: { ...axis(palette, ''), type: 'linear' } },
      plugins: { legend: lineLegend(palette), tooltip: { enabled: false } },
    },
    plugins: [runsLayer(view), dragLayout, textDirection], // dragLayout: see drawPaths (render.js)
  });
}

// Vertical lines at view.markers ([{ at, label, colour key, dash }]) with their labels.
function markers(palette, view) {
  return {
    id: 'infodivStopMarkers',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales: { x } } = chart;
      view.markers.forEach(({ at, label, colour, dash }, k) => {
        if (!Number.isFinite(at) || at < x.min || at > x.max) return;
        const px = x.getPixelForValue(at);
        ctx.save();
        ctx.strokeStyle = ctx.fillStyle = palette[colour];
        ctx.setLineDash(dash);
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        ctx.font = `12px ${chart.options.font.family}`;
        ctx.setLineDash([]);
        const width = ctx.measureText(label).width, right = px + 4 + width > chartArea.right;
        const left = right ? px - 4 - width : px + 4, top = chartArea.top + 2 + 16 * k;
        ctx.fillStyle = palette.surface; // on a patch of the panel's colour: the other marker's line does not cross the words
        ctx.fillRect(left - 2, top, width + 4, 15);
        ctx.fillStyle = palette[colour];
        ctx.textBaseline = 'top';
        ctx.fillText(label, left, top + 2);
        ctx.restore();
      });
    },
  };
}

/** The histogram of stopping times; `view.markers` are drawn over it. */
export function createStoppingChart(canvas, palette, animate, view) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      datasets: [{
        label: 'runs', data: [], backgroundColor: palette.muted, barPercentage: 1, categoryPercentage: 1,
        borderColor: palette.surface, borderWidth: { left: 1, right: 1 }, // neighbouring bins stay apart
      }],
    },
    options: {
      ...baseOptions(palette, animate),
      parsing: false,
      events: [],
      scales: {
        x: { ...axis(palette, 'samples until the line at 19 : 1'), type: 'linear', min: 0, ticks: { ...axis(palette).ticks, precision: 0 } },
        y: { ...axis(palette, 'runs'), beginAtZero: true, ticks: { color: palette.muted, precision: 0, callback: tickLabel } },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
    plugins: [markers(palette, view), textDirection],
  });
}

// A whisker of ± one standard deviation through each point that has a `spread`.
const whiskers = {
  id: 'infodivWhiskers',
  afterDatasetsDraw(chart) {
    const { ctx, scales: { y } } = chart;
    ctx.save();
    clipToPlot(chart); // a long whisker stops at the plot's edge, not over the legend
    chart.data.datasets.forEach((dataset, d) => {
      chart.getDatasetMeta(d).data.forEach((point, i) => {
        const { y: mean, spread } = dataset.data[i] ?? {};
        if (!Number.isFinite(spread)) return;
        ctx.save();
        ctx.strokeStyle = dataset.borderColor;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(point.x, y.getPixelForValue(mean - spread));
        ctx.lineTo(point.x, y.getPixelForValue(mean + spread));
        ctx.stroke();
        ctx.restore();
      });
    });
    ctx.restore();
  },
};

/** k1, k2 and k3 against the number of samples (logarithmic), and the exact KL. */
export function createEstimatorsChart(canvas, palette, animate) {
  const estimator = (label, color, dash, pointStyle) => line(label, color, 1.5, dash, { pointRadius: 4, pointStyle });
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        estimator('k1', palette.p, [], 'circle'),
        estimator('k2', palette.q, [6, 3], 'triangle'),
        estimator('k3', palette.text, [2, 2], 'rect'),
        line('exact KL', palette.alert, 2, [8, 4], { pointStyle: 'line' }),
      ],
    },
    options: {
      ...baseOptions(palette, animate),
      parsing: false,
      events: [],
      scales: {
        x: {
          ...axis(palette, 'samples per run'), type: 'logarithmic',
          ticks: { color: palette.muted, maxRotation: 0, callback: (v) => (/^[125]0*$/.test(String(v)) ? String(v) : '') },
        },
        y: { ...axis(palette, 'nats'), type: 'linear' },
      },
      plugins: {
        legend: { labels: { color: palette.text, usePointStyle: true, boxHeight: 9, font: { size: 11 } } },
        tooltip: { enabled: false },
      },
    },
    plugins: [whiskers, textDirection],
  });
}
