// The charts of the continuous view: the densities of P and Q (with the
// bins behind them and the drag handles' geometry), the integrands of KL in
// both directions, and the binned KL against the number of bins. Plugins are
// passed to each chart, never registered globally.
import {
  Chart, Filler, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip,
} from 'chart.js';
import { baseOptions as sharedOptions, clipToPlot, diagonalPattern, textDirection, tickLabel } from '../../shell/charts.js';
import { dragLayout } from '../../shell/in-place.js';
import { curvesLayer } from './curves-layer.js';
import { formatNumber } from '../../util.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Filler, Legend, Tooltip);

/** '#0072b2' (or 'rgb(…)') with an alpha, for fills. */
export function withAlpha(color, alpha) {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const n = parseInt(hex[1], 16);
    return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color.trim());
  if (rgb) return `rgba(${rgb[1].split(',').slice(0, 3).join(',')}, ${alpha})`;
  return color;
}

// Q is dashed and hatched as well as coloured, so P and Q differ without colour too.
const hatch = (color, alpha) => diagonalPattern({ stroke: withAlpha(color, alpha), lineWidth: 1.5 });

function baseOptions(palette, animate) {
  return {
    ...sharedOptions(palette, animate),
    parsing: false,
    normalized: true,
    elements: { point: { radius: 0, hoverRadius: 0 }, line: { borderWidth: 2, tension: 0 } },
  };
}

const axis = (palette, title) => ({
  type: 'linear',
  grid: { color: palette.grid },
  ticks: { color: palette.muted, maxTicksLimit: 9, includeBounds: false, callback: tickLabel },
  title: { display: Boolean(title), text: title, color: palette.muted },
});

// A translucent band over each x interval of `intervals`, with a label at its top.
function drawBands(chart, intervals, color, label) {
  const { ctx, chartArea, scales: { x } } = chart;
  ctx.save();
  clipToPlot(chart);
  for (const [a, b] of intervals) {
    const left = Math.max(x.getPixelForValue(a), chartArea.left), right = Math.min(x.getPixelForValue(b), chartArea.right);
    if (!(right > left)) continue;
    ctx.fillStyle = withAlpha(color, 0.12);
    ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
    if (label && right - left >= 14) {
      ctx.fillStyle = color;
      ctx.font = `bold 13px ${chart.options.font.family}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(label, (left + right) / 2, chartArea.top + 4);
    }
  }
  ctx.restore();
}

/**
 * The densities p(x) and q(x). `view` supplies what the plugins draw:
 * lines (the curves: see curvesLayer), bins ({ edges, p, q } as heights, or
 * null), mismatch (x intervals where one density is 0 and the other is
 * not), and onLayout(chart), called after every layout so the handles can
 * follow.
 */
export function createCurvesChart(canvas, palette, animate, view) {
  const overlay = {
    id: 'infodivCurves',
    beforeDatasetsDraw(chart) {
      drawBands(chart, view.mismatch, palette.alert, '');
      if (!view.bins) return;
      const { ctx, chartArea, scales: { x, y } } = chart;
      const { edges } = view.bins;
      ctx.save();
      clipToPlot(chart);
      const bottom = y.getPixelForValue(0);
      [['p', withAlpha(palette.p, 0.22), withAlpha(palette.p, 0.6)], ['q', hatch(palette.q, 0.55), withAlpha(palette.q, 0.85)]]
        .forEach(([side, fill, stroke]) => {
          ctx.fillStyle = fill;
          ctx.strokeStyle = stroke;
          ctx.lineWidth = 1;
          view.bins[side].forEach((height, j) => {
            const left = x.getPixelForValue(edges[j]), right = x.getPixelForValue(edges[j + 1]);
            const top = Math.max(y.getPixelForValue(height), chartArea.top - 2);
            ctx.fillRect(left, top, right - left, bottom - top);
            if (right - left >= 3) ctx.strokeRect(left + 0.5, top + 0.5, right - left - 1, bottom - top);
          });
        });
      ctx.restore();
    },
    afterUpdate(chart) { view.onLayout(chart); },
  };
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        // No data: curvesLayer draws the curves in these styles; the legend shows them.
        { label: 'p(x), the truth', data: [], borderColor: palette.p, backgroundColor: withAlpha(palette.p, 0.12) },
        { label: 'q(x), the model', data: [], borderColor: palette.q, backgroundColor: hatch(palette.q, 0.3), borderDash: [7, 4] },
      ],
    },
    options: {
      ...baseOptions(palette, animate),
      events: [], // the handles above the canvas take every pointer event
      layout: { padding: { top: 8, right: 8 } },
      scales: { x: axis(palette, 'x'), y: { ...axis(palette, 'density'), min: 0 } },
      plugins: { legend: { labels: { color: palette.text } }, tooltip: { enabled: false } },
    },
    plugins: [overlay, curvesLayer(view), dragLayout, textDirection], // dragLayout: see drawCurves (render.js)
  });
}

/** The integrands p·log(p/q) and q·log(q/p); `view.infinite` gives the x intervals where they are infinite. */
export function createIntegrandChart(canvas, palette, animate, view) {
  const overlay = {
    id: 'infodivIntegrand',
    beforeDatasetsDraw(chart) {
      drawBands(chart, view.infinite[0], palette.p, '∞');
      drawBands(chart, view.infinite[1], palette.q, '∞');
    },
    afterDatasetsDraw(chart) { // the zero line, which the areas are measured from
      const { ctx, chartArea, scales: { y } } = chart;
      const zero = y.getPixelForValue(0);
      if (zero < chartArea.top || zero > chartArea.bottom) return;
      ctx.save();
      ctx.strokeStyle = palette.muted;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(chartArea.left, zero);
      ctx.lineTo(chartArea.right, zero);
      ctx.stroke();
      ctx.restore();
    },
  };
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'p·log(p/q): area = KL(P‖Q)', data: [], borderColor: palette.p, backgroundColor: withAlpha(palette.p, 0.2), fill: 'origin', spanGaps: false },
        {
          label: 'q·log(q/p): area = KL(Q‖P)', data: [], borderColor: palette.q, backgroundColor: hatch(palette.q, 0.45),
          fill: 'origin', borderDash: [7, 4], spanGaps: false,
        },
      ],
    },
    options: {
      ...baseOptions(palette, animate),
      interaction: { mode: 'index', intersect: false },
      scales: { x: axis(palette, 'x'), y: axis(palette, '') },
      plugins: {
        legend: { labels: { color: palette.text } },
        tooltip: {
          callbacks: {
            title: (items) => `x = ${formatNumber(items[0]?.parsed.x)}`,
            label: (c) => `${c.datasetIndex === 0 ? 'p·log(p/q)' : 'q·log(q/p)'} = ${formatNumber(c.parsed.y ?? Infinity)}`,
          },
        },
      },
    },
    plugins: [overlay, dragLayout, textDirection], // dragLayout: see drawIntegrands (render.js)
  });
}

// The plugin that marks `view.k` on the chart of binned KL, and says when a continuous KL it approaches is infinite.
function currentKMarker(palette, view) {
  return {
    id: 'infodivCurrentK',
    afterDatasetsDraw(chart) {
      if (!view.k) return;
      const { ctx, chartArea, scales: { x } } = chart;
      const px = x.getPixelForValue(view.k);
      ctx.save();
      ctx.strokeStyle = palette.text;
      ctx.globalAlpha = 0.5;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = palette.text;
      ctx.font = `12px ${chart.options.font.family}`;
      ctx.textAlign = px > (chartArea.left + chartArea.right) / 2 ? 'right' : 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(`k = ${view.k}`, px + (ctx.textAlign === 'left' ? 4 : -4), chartArea.bottom - 2);
      // A continuous KL that is infinite has no line to approach: say so.
      const infinite = ['KL(P‖Q)', 'KL(Q‖P)'].filter((_, d) => view.infinite[d]);
      if (infinite.length) {
        ctx.fillStyle = palette.alert;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        ctx.fillText(`continuous ${infinite.join(' and ')} = ∞`, chartArea.left + 6, chartArea.top + 4);
      }
      ctx.restore();
    },
  };
}

/** Binned KL in both directions against k, with the continuous values as dashed lines; `view.k` is marked. */
export function createConvergenceChart(canvas, palette, animate, view) {
  const marker = currentKMarker(palette, view);
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'binned KL(P‖Q)', data: [], borderColor: palette.p, backgroundColor: palette.p },
        { label: 'binned KL(Q‖P)', data: [], borderColor: palette.q, backgroundColor: palette.q, borderDash: [7, 4] },
        { label: 'continuous values', data: [], borderColor: withAlpha(palette.p, 0.55), borderWidth: 1.5, borderDash: [2, 3] },
        { label: 'continuous KL(Q‖P)', data: [], borderColor: withAlpha(palette.q, 0.7), borderWidth: 1.5, borderDash: [2, 3] },
      ],
    },
    options: {
      ...baseOptions(palette, animate),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ...axis(palette, 'number of bins k'), type: 'logarithmic', min: 2, max: 200,
          ticks: { color: palette.muted, maxRotation: 0, autoSkip: false, callback: (v) => ([2, 5, 10, 20, 50, 100, 200].includes(v) ? String(v) : '') } },
        y: { ...axis(palette, ''), beginAtZero: true, grace: '18%' },
      },
      plugins: {
        // One entry for both dotted lines (each in its direction's colour): four entries crowd a phone.
        legend: { labels: { color: palette.text, boxHeight: 2, boxWidth: 24, filter: (item) => item.datasetIndex !== 3 } },
        tooltip: {
          filter: (item) => item.datasetIndex < 2,
          callbacks: {
            title: (items) => `k = ${items[0]?.parsed.x}`,
            label: (c) => `${c.dataset.label} = ${formatNumber(c.parsed.y ?? Infinity)}`,
          },
        },
      },
    },
    plugins: [marker, textDirection],
  });
}
