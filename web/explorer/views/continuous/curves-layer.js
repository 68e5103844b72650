// The continuous view's densities, drawn on the curves chart by a Chart.js
// plugin straight from the arrays sampled from the library, through only the
// points a line needs at the chart's pixels (numerics/simplify.js), in the
// styles of the chart's datasets. The datasets hold no data: they are there
// for the legend. As Chart.js points, each curve would be hundreds of
// elements to move at every frame of a drag, drawn through every one.
import { keptPoints } from '../../numerics/simplify.js';
import { clipToPlot } from '../../shell/charts.js';

// A point left out is at most this far from the line drawn: a quarter of a device pixel.
const TOLERANCE = 0.25;

// Where a finite value is drawn on an axis: at most far past the plot's edge, which clips it.
function clampedPixel(scale, v, low, high) {
  const margin = 100 * (high - low);
  return Math.min(high + margin, Math.max(low - margin, scale.getPixelForValue(v)));
}

// The index ranges [from, to] of ys's runs of finite values: a gap in the curve where a value is not.
function finiteRuns(ys) {
  const runs = [];
  for (let i = 0; i < ys.length; i++) {
    if (!Number.isFinite(ys[i])) continue;
    if (i > 0 && Number.isFinite(ys[i - 1])) runs.at(-1)[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

// The pixels of values vs on a scale: NaN where a value is not finite (a gap), at most far past the plot's
// edge (low to high), which clips it.
function pixels(scale, vs, low, high) {
  const out = new Float64Array(vs.length);
  for (let i = 0; i < vs.length; i++) out[i] = Number.isFinite(vs[i]) ? clampedPixel(scale, vs[i], low, high) : NaN;
  return out;
}

// One curve through the pixels px, py: each run filled down to the pixel base, then stroked, as Chart.js's
// filler and line draw a dataset.
function drawCurve(ctx, px, py, base, tolerance, options) {
  const runs = finiteRuns(py).map(([from, to]) => keptPoints(px, py, from, to, tolerance));
  ctx.beginPath();
  for (const kept of runs) {
    ctx.moveTo(px[kept[0]], base);
    for (const i of kept) ctx.lineTo(px[i], py[i]);
    ctx.lineTo(px[kept.at(-1)], base);
    ctx.closePath();
  }
  ctx.fillStyle = options.backgroundColor;
  ctx.fill();
  ctx.beginPath();
  for (const kept of runs) {
    ctx.moveTo(px[kept[0]], py[kept[0]]);
    for (let k = 1; k < kept.length; k++) ctx.lineTo(px[kept[k]], py[kept[k]]);
  }
  Object.assign(ctx, {
    strokeStyle: options.borderColor, lineWidth: options.borderWidth, lineJoin: options.borderJoinStyle,
    lineCap: options.borderCapStyle, lineDashOffset: options.borderDashOffset,
  });
  ctx.setLineDash(options.borderDash ?? []);
  ctx.stroke();
}

/**
 * The plugin that draws the densities: `view.lines` is { xs, series }, one
 * array of values per dataset at the points xs (in increasing order). Each
 * curve is drawn in its dataset's resolved style (the line and its fill to
 * y = 0), clipped to the plot, the first dataset last (on top), as Chart.js
 * would draw them.
 */
export function curvesLayer(view) {
  return {
    id: 'infodivCurvesLayer',
    afterDatasetsDraw(chart) {
      if (!view.lines) return;
      const { ctx, chartArea: area, scales: { x, y } } = chart, { xs, series } = view.lines;
      const px = pixels(x, xs, area.left, area.right), base = clampedPixel(y, 0, area.top, area.bottom);
      const tolerance = TOLERANCE / (chart.currentDevicePixelRatio || 1);
      ctx.save();
      clipToPlot(chart);
      for (let d = series.length - 1; d >= 0; d--) {
        const meta = chart.getDatasetMeta(d);
        if (!meta.dataset || !chart.isDatasetVisible(d)) continue;
        drawCurve(ctx, px, pixels(y, series[d], area.top, area.bottom), base, tolerance, meta.dataset.options);
      }
      ctx.restore();
    },
  };
}
