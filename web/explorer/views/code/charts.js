// The code view's chart: the running average length per symbol of the
// message with each code, and the lines those averages settle on (Huffman's
// Σ pᵢℓᵢ) and the ideal ones (H(P), H(P,Q)), with KL(P‖Q) marked as the gap
// between the last two. The plugin is passed to the chart, never registered
// globally.
import { Chart, Legend, LineController, LineElement, LinearScale, PointElement } from 'chart.js';
import { baseOptions, textDirection, tickLabel } from '../../shell/charts.js';
import { dragLayout } from '../../shell/in-place.js';
import { lineLegend } from '../../shell/legend.js';
import { formatNumber } from '../../util.js';

export { createBarsChart } from '../pair-bars/chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend);


// A value axis; its ends get no tick of their own (an odd last value would crowd the one before it).
const axis = (palette, title) => ({
  grid: { color: palette.grid },
  ticks: { color: palette.muted, includeBounds: false, callback: tickLabel },
  title: { display: Boolean(title), text: title, color: palette.muted },
});

// A bracket at the right edge from H(P) to H(P,Q), labelled with KL: the ideal gap.
function klBracket(palette, view) {
  return {
    id: 'infodivKlBracket',
    afterDatasetsDraw(chart) {
      const { entropyP, crossEntropyPQ, klPQ } = view.lines;
      if (!Number.isFinite(crossEntropyPQ) || !(klPQ > 0)) return;
      const { ctx, chartArea, scales: { y } } = chart;
      const x = chartArea.right - 6, top = y.getPixelForValue(crossEntropyPQ), bottom = y.getPixelForValue(entropyP);
      if (bottom - top < 6) return;
      ctx.save();
      ctx.strokeStyle = ctx.fillStyle = palette.alert;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x - 4, top); ctx.lineTo(x, top); ctx.lineTo(x, bottom); ctx.lineTo(x - 4, bottom);
      ctx.stroke();
      ctx.font = `12px ${chart.options.font.family}`;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      ctx.fillText(`KL ${formatNumber(klPQ)}`, x - 7, (top + bottom) / 2);
      ctx.restore();
    },
  };
}

/** The chart; `view.lines` ({ entropyP, crossEntropyPQ, klPQ }) is read by the KL bracket. */
export function createRunningChart(canvas, palette, animate, view) {
  const line = (label, color, width, dash) => ({
    label, data: [], borderColor: color, backgroundColor: color, borderWidth: width, borderDash: dash,
    pointRadius: 0, pointHitRadius: 0, fill: false, tension: 0,
  });
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        line('with P’s code, so far', palette.p, 2.5, []),
        line('with Q’s code, so far', palette.q, 2.5, [7, 3]),
        line('Σ pᵢℓᵢ, P’s Huffman code', palette.p, 1, [2, 3]),
        line('Σ pᵢℓᵢ, Q’s Huffman code', palette.q, 1, [2, 3]),
        line('H(P), ideal for P', palette.muted, 1.5, [9, 4]),
        line('H(P,Q), ideal for Q', palette.alert, 1.5, [9, 4]),
      ],
    },
    options: {
      ...baseOptions(palette, false), // a stream of points: no animation
      parsing: false,
      normalized: true,
      events: [],
      layout: { padding: { right: 4 } },
      scales: {
        x: { ...axis(palette, 'symbols sent'), type: 'linear', min: 1 },
        y: { ...axis(palette, ''), type: 'linear', grace: '5%' },
      },
      plugins: {
        legend: lineLegend(palette),
        tooltip: { enabled: false },
      },
    },
    plugins: [klBracket(palette, view), dragLayout, textDirection], // dragLayout: see drawRun (render.js)
  });
}
