// The evidence view's runs, drawn on the paths chart by a Chart.js plugin
// straight from the library's arrays. Not a Chart.js dataset: that would be
// thousands of elements to build at each update and to move at each frame
// of a drag, and Chart.js takes data it does not parse to be sorted by x
// (it draws only the points its binary search finds between the axis's
// ends), which runs one after another are not.

import { clipToPlot } from '../../shell/charts.js';

// Where a value of a path is drawn on the y axis: ±∞ far past the plot's edge, which clips it (the path
// leaves the chart there); null (a gap) for NaN.
function pathPixel(y, area, v) {
  if (Number.isFinite(v)) return y.getPixelForValue(v);
  if (Number.isNaN(v)) return null;
  return v > 0 ? area.top - 100 * area.height : area.bottom + 100 * area.height;
}

/**
 * The plugin that draws every run's path: `view.runs` is { paths, shown,
 * colour }, path[j] a run's value after shown[j] samples; each starts at
 * L₀ = 0. Drawn over the other lines, as the first dataset (the runs'
 * legend, with no data) would be.
 */
export function runsLayer(view) {
  return {
    id: 'infodivRuns',
    afterDatasetsDraw(chart) {
      if (!view.runs) return;
      const { paths, shown, colour } = view.runs, { ctx, chartArea: area, scales: { x, y } } = chart;
      const xs = Array.from(shown, (k) => x.getPixelForValue(k)), x0 = x.getPixelForValue(0), y0 = y.getPixelForValue(0);
      ctx.save();
      clipToPlot(chart);
      ctx.beginPath();
      for (const path of paths) {
        ctx.moveTo(x0, y0);
        let gap = false;
        for (let j = 0; j < path.length; j++) {
          const py = pathPixel(y, area, path[j]);
          if (py === null) {
            gap = true;
            continue;
          }
          if (gap) ctx.moveTo(xs[j], py);
          else ctx.lineTo(xs[j], py);
          gap = false;
        }
      }
      Object.assign(ctx, { strokeStyle: colour, lineWidth: 1 });
      ctx.stroke();
      ctx.restore();
    },
  };
}
