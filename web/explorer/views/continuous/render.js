// Drawing the continuous view: setState() is the one way its state changes,
// and ends in render(), which asks the library for the densities and every
// measure, samples the curves and puts it all on the charts, in the numbers
// and in the controls.
import { logDensity } from 'infodiv';
import { chartsDue, setNote, setProp } from '../../shell/index.js';
import { moveLinesInPlace, redrawInPlace } from '../../shell/in-place.js';
import {
  PLOT_POINTS, frameX, frameY, integrand, integrandLimits, peakHeight, plotGrid, rangeWhileDragging, toPoints, zeroIntervals,
} from '../../numerics/curves.js';
import { UNITS } from '../../util.js';
import { buildControls, showNumbers, updateControls } from './controls.js';
import { MAX_BINS, MIN_BINS, distOf, familyOf, viewRange } from './model.js';
import { binned, measuresOf } from './numbers.js';
import { announcement, describeConvergence, describeCurves, describeIntegrands, infinityNote } from './text.js';

const SIDES = ['p', 'q'];
const MIN_POINTS = 200;

/**
 * The state changes to `next`; settled is false while a handle or slider
 * moves; fresh lets the x range start again (a new family, a swap, a reset).
 */
export function setState(view, next, { settled = true, fresh = false } = {}) {
  const rebuild = next.family !== view.state.family || !view.current;
  view.state = next;
  if (next.bins) view.lastBins = next.bins;
  if (fresh || rebuild) view.frame = null;
  if (rebuild) buildControls(view);
  render(view, { settled });
}

// The ends where either density may be infinite: near them, points do not set the y axis.
const singularEnds = (state) => SIDES.flatMap((side) => familyOf(state, side).singular(state[side]));

// The curves on screen: the frame ({ x: [lo, hi], y }: kept while it still fits, so handles do not jump), the
// grid, the densities and the integrands (in the chosen unit per unit of x), and where one density is 0.
function sampleCurves(view, ideal) {
  const { state } = view, dragging = Boolean(view.dragger?.current);
  const x = frameX(view.frame, ideal, dragging);
  // About one point per CSS pixel of the plot: more would not change what is seen (fewer on a phone).
  const points = Math.min(PLOT_POINTS, Math.max(MIN_POINTS, Math.round(view.charts?.curves.chartArea?.width ?? PLOT_POINTS)));
  const xs = plotGrid(x, SIDES.flatMap((side) => familyOf(state, side).support(state[side])), points);
  const lp = logDensity(distOf(state, 'p'), xs), lq = logDensity(distOf(state, 'q'), xs);
  const densities = [Array.from(lp, Math.exp), Array.from(lq, Math.exp)];
  const y = frameY(view.frame, peakHeight(xs, densities, x, singularEnds(state)), x, dragging);
  const ln = Math.log(UNITS[state.units]);
  return { frame: { x, y }, xs, densities, integrands: [integrand(lp, lq, ln), integrand(lq, lp, ln)], zero: zeroIntervals(xs, lp, lq) };
}

// The curves are the chart's curvesLayer's. While a handle is dragged the axes mostly stay (frameX, frameY):
// the chart is then drawn again as laid out.
function drawCurves({ charts, plugins }, curves, bins, mode) {
  const { curves: chart } = charts, { frame: { x, y }, xs, densities, zero } = curves;
  Object.assign(chart.options.scales.x, { min: x[0], max: x[1] });
  chart.options.scales.y.max = y;
  Object.assign(plugins.curves, { lines: { xs, series: densities }, bins: bins?.bars ?? null, mismatch: [...zero[0], ...zero[1]] });
  if (mode === 'none' && redrawInPlace(chart)) {
    plugins.curves.onLayout(chart); // the handles follow: no update, so no new layout to tell them of
    return;
  }
  chart.update(mode);
}

function drawIntegrands(view, curves, mode) {
  const { charts: { integrand: chart }, plugins, state } = view, { frame: { x }, xs, integrands, zero } = curves;
  const series = integrands.map((ys) => toPoints(xs, ys));
  const fit = integrandLimits(xs, integrands, x, singularEnds(state));
  view.integrandY = rangeWhileDragging(view.integrandY, fit, mode === 'none');
  Object.assign(chart.options.scales.x, { min: x[0], max: x[1] });
  Object.assign(chart.options.scales.y.title, { display: true, text: `${state.units} per unit of x` });
  Object.assign(chart.options.scales.y, view.integrandY);
  plugins.integrand.infinite = zero;
  if (mode === 'none' && moveLinesInPlace(chart, series)) return;
  chart.data.datasets.forEach((dataset, d) => { dataset.data = series[d]; });
  chart.update(mode);
}

function drawConvergence({ charts, plugins, state }, m, bins, mode) {
  if (!bins) return;
  const { convergence: chart } = charts, { datasets } = chart.data;
  datasets[0].data = bins.series[0].map((pt) => ({ x: pt.x, y: Number.isFinite(pt.y) ? pt.y : null }));
  datasets[1].data = bins.series[1].map((pt) => ({ x: pt.x, y: Number.isFinite(pt.y) ? pt.y : null }));
  const line = (v) => (Number.isFinite(v) ? [{ x: MIN_BINS, y: v }, { x: MAX_BINS, y: v }] : []);
  datasets[2].data = line(m.klPQ);
  datasets[3].data = line(m.klQP);
  Object.assign(chart.options.scales.y.title, { display: true, text: state.units });
  plugins.convergence.k = bins.k;
  plugins.convergence.infinite = [m.klPQ === Infinity, m.klQP === Infinity];
  chart.update(mode);
}

// Text equivalents of the charts, for screen readers (a canvas has no text); once a change settles.
function describeCharts({ shell, state, frame, current }, m, bins) {
  shell.$('[data-chart="curves"]').setAttribute('aria-label', describeCurves(state, frame.x, bins));
  shell.$('[data-chart="integrand"]').setAttribute('aria-label', describeIntegrands(m, current, state.units));
  if (bins) shell.$('[data-chart="convergence"]').setAttribute('aria-label', describeConvergence(m, bins, state.units));
}

function drawCharts(view, curves, m, bins, settled, changed = true) {
  const mode = settled ? undefined : 'none'; // no animation while dragging
  if (changed) drawCurves(view, curves, bins, mode);
  // While a handle is dragged the curves follow every frame, the integrands and the convergence (a full
  // Chart.js update each) take turns while on screen (chartsDue), drawn again in the frames after the
  // last move until neither is behind.
  const { integrand, convergence } = view.charts;
  const { due, behind } = chartsDue(view.chartTurns ??= {}, [integrand, convergence], { dragging: !settled, changed });
  if (due[0]) drawIntegrands(view, curves, mode);
  if (due[1]) drawConvergence(view, m, bins, mode);
  cancelAnimationFrame(view.catchUp);
  if (behind) view.catchUp = requestAnimationFrame(() => drawCharts(view, curves, m, bins, settled, false));
}

/** Draws the state; once a change settles, also its text for screen readers. */
export function render(view, { settled }) {
  view.freeze(!settled); // while a drag goes on, each move lays out only the boxes it changes
  const { state } = view, base = UNITS[state.units];
  const { m, errors } = measuresOf(state, base);
  const ideal = viewRange(state);
  const curves = sampleCurves(view, ideal);
  view.frame = curves.frame;
  const bins = state.bins ? binned(state, ideal, base, settled) : null;
  view.current = { m, xs: curves.xs, bins, integrands: curves.integrands };

  setProp(view.shell.$('[data-role="convergence"]'), 'hidden', !bins);
  if (view.charts) drawCharts(view, curves, m, bins, settled); // not yet on the first render: the numbers come first
  showNumbers(view, m, bins, errors);
  updateControls(view, { settled });
  setNote(view.shell.$('[data-role="infinity-note"]'), infinityNote(state, m));
  if (settled) {
    describeCharts(view, m, bins);
    view.history.settled(state);
  }
  view.onChange(state, m, { settled });
  if (settled && view.mounted) view.announce(() => announcement(view.state, view.current.m, view.current.bins));
}
