// The evidence view's runs and their mean, drawn on the paths chart by a
// Chart.js plugin straight from the library's arrays. Not Chart.js datasets:
// those would be thousands of elements to build at each update (an axis
// that grows during a drag is one) and to move at each frame of a drag, and
// Chart.js takes data it does not parse to be sorted by x (it draws only the
// points its binary search finds between the axis's ends), which runs one
// after another are not.
import { clipToPlot } from '../../shell/charts.js';

// Where a value of a path is drawn on the y axis: ±∞ far past the plot's edge, which clips it (the path
// leaves the chart there); null (a gap) for NaN.
function pathPixel(y, area, v) {
  if (Number.isFinite(v)) return y.getPixelForValue(v);
  if (Number.isNaN(v)) return null;
  return v > 0 ? area.top - 100 * area.height : area.bottom + 100 * area.height;
}

// Adds to the context's path a line from (x0, y0) through (xs[j], values[j]), a gap where a value is NaN.
function addPath(ctx, y, area, x0, y0, xs, values) {
  ctx.moveTo(x0, y0);
  let gap = false;
  for (let j = 0; j < values.length; j++) {
    const py = pathPixel(y, area, values[j]);
    if (py === null) {
      gap = true;
      continue;
    }
    if (gap) ctx.moveTo(xs[j], py);
    else ctx.lineTo(xs[j], py);
    gap = false;
  }
}

/**
 * The plugin that draws every run's path and their mean: `view.runs` is
 * { paths, shown, colour, mean }, path[j] a run's value after shown[j]
 * samples, mean (optional) { at, values }: the runs' mean after at[j]
 * samples. Each line starts at L₀ = 0. The mean is drawn in the style of the
 * chart's second dataset, then the runs over it, as the first dataset would
 * be (both datasets, with no data, are there for the legend).
 */
export function runsLayer(view) {
  return {
    id: 'infodivRuns',
    afterDatasetsDraw(chart) {
      if (!view.runs) return;
      const { paths, shown, colour, mean } = view.runs, { ctx, chartArea: area, scales: { x, y } } = chart;
      const pixelsOf = (steps) => Array.from(steps, (k) => x.getPixelForValue(k));
      const x0 = x.getPixelForValue(0), y0 = y.getPixelForValue(0), style = chart.getDatasetMeta(1).dataset?.options;
      ctx.save();
      clipToPlot(chart);
      if (mean && style) {
        ctx.beginPath();
        addPath(ctx, y, area, x0, y0, pixelsOf(mean.at), mean.values);
        Object.assign(ctx, { strokeStyle: style.borderColor, lineWidth: style.borderWidth, lineJoin: style.borderJoinStyle, lineCap: style.borderCapStyle });
        ctx.stroke();
      }
      const xs = pixelsOf(shown);
      ctx.beginPath();
      for (const path of paths) addPath(ctx, y, area, x0, y0, xs, path);
      Object.assign(ctx, { strokeStyle: colour, lineWidth: 1 });
      ctx.stroke();
      ctx.restore();
    },
  };
}
