// P and Q as grouped, draggable bars: the Chart.js chart every view that lets
// the reader drag P and Q shares (discrete, code, evidence), with the
// geometry its handles need (./handles.js), and the small drawing helpers
// the discrete view's other charts use too (drawing the state: ./draw.js). Plugins are passed to the
// chart, never registered globally, so other charts on a page are untouched.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { baseOptions, diagonalPattern, textDirection, tickLabel } from '../../shell/charts.js';
import { formatProbability } from '../../util.js';
import { dragLayout } from '../../shell/in-place.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Q's bars are striped as well as coloured, so P and Q differ without colour too.
export const stripes = (color, background) => diagonalPattern({ fill: color, stroke: background, alpha: 0.45, lineWidth: 2 });

export const axis = (palette, title) => ({
  grid: { color: palette.grid },
  ticks: { color: palette.muted },
  title: { display: Boolean(title), text: title, color: palette.muted },
});
export const valueAxis = (palette, title) => {
  const options = axis(palette, title);
  options.ticks.callback = tickLabel;
  return options;
};

// Text above each bar (or "∞"), skipped when the bars are too narrow for it;
// inside the top of a bar that leaves no room above it (it would hit the legend).
export function drawBarText(chart, textOf, insideColor = chart.options.color) {
  const { ctx, chartArea } = chart;
  ctx.save();
  ctx.textAlign = 'center';
  ctx.font = `12px ${chart.options.font.family}`;
  chart.data.datasets.forEach((dataset, d) => {
    chart.getDatasetMeta(d).data.forEach((bar, i) => {
      const { x, y, width } = bar.getProps(['x', 'y', 'width'], true);
      const text = textOf(d, i);
      if (!text || ctx.measureText(text).width > width + 4) return; // would run into its neighbour
      const top = Math.min(y, chartArea.bottom), above = top - chartArea.top >= 16;
      ctx.fillStyle = above ? chart.options.color : insideColor;
      ctx.textBaseline = above ? 'bottom' : 'top';
      ctx.fillText(text, x, above ? top - 3 : top + 3);
    });
  });
  ctx.restore();
}

/**
 * P and Q as grouped bars on a fixed 0..1 axis. `view` supplies what the
 * plugins draw: locked[d][i], infinite[i] (q_i = 0 < p_i or the reverse), and
 * onLayout(geometry) receives the box of each bar's drag handle.
 */
export function createBarsChart(canvas, palette, animate, view) {
  const overlay = {
    id: 'infodivBars',
    afterDatasetsDraw(chart) {
      drawBarText(chart, (d, i) => formatProbability(chart.data.datasets[d].data[i]), palette.surface);
      const { ctx, chartArea } = chart;
      const [pBars, qBars] = [0, 1].map((d) => chart.getDatasetMeta(d).data.map((bar) => bar.getProps(['x', 'y', 'width'], true)));
      view.infinite.forEach((infinite, i) => { // outline the outcome that makes a KL infinite
        if (!infinite || !pBars[i] || !qBars[i]) return;
        const left = pBars[i].x - pBars[i].width / 2 - 3, right = qBars[i].x + qBars[i].width / 2 + 3;
        ctx.save();
        ctx.strokeStyle = palette.alert;
        ctx.setLineDash([5, 3]);
        ctx.lineWidth = 2;
        ctx.strokeRect(left, chartArea.top + 1, right - left, chartArea.bottom - chartArea.top - 2);
        ctx.restore();
      });
      [pBars, qBars].forEach((bars, d) => bars.forEach(({ x, y, width }, i) => {
        if (view.locked[d][i]) drawPadlock(ctx, x, Math.min(y, chartArea.bottom) - (width >= 18 ? 20 : 4), palette.text);
      }));
    },
    // Each bar's handle is wider than the bar: P's takes the left half of its outcome's slot, Q's the right half.
    afterUpdate(chart, { mode }) {
      dragLayout.afterUpdate(chart, { mode }); // see drawBars
      const { chartArea, scales: { x } } = chart, n = chart.data.labels.length;
      const half = n ? (x.right - x.left) / n / 2 : 0;
      view.onLayout([0, 1].map((d) => chart.data.labels.map((_, i) => ({
        left: x.getPixelForValue(i) - half + d * half, width: half, top: chartArea.top, height: chartArea.bottom - chartArea.top,
      }))));
    },
  };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { label: 'P, the truth', data: [], backgroundColor: palette.p, borderColor: palette.p, borderWidth: 1 },
        { label: 'Q, the model', data: [], backgroundColor: stripes(palette.q, palette.surface), borderColor: palette.q, borderWidth: 1 },
      ],
    },
    options: {
      ...baseOptions(palette, animate),
      events: [], // the drag handles above the canvas take every pointer event
      layout: { padding: { top: 8 } },
      scales: { x: axis(palette), y: { ...valueAxis(palette, 'probability'), min: 0, max: 1 } },
      // The legend at the start: with many outcomes the chart scrolls sideways, and a centred legend would be out of sight.
      plugins: { legend: { align: 'start', labels: { color: palette.text } }, tooltip: { enabled: false } },
    },
    plugins: [overlay, textDirection],
  });
}

function drawPadlock(ctx, x, y, color) {
  ctx.save();
  ctx.strokeStyle = ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(x, y - 7, 3.5, Math.PI, 0);
  ctx.stroke();
  ctx.fillRect(x - 5, y - 7, 10, 7);
  ctx.restore();
}
