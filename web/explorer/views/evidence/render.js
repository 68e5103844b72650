// Drawing the evidence view: setState() is the one way its state changes and
// ends in render(), which asks the library for the runs (numbers.js) and puts
// the paths, the stopping times and the estimators on the charts and the
// numbers beside them. While a bar is dragged (moves applied once per
// animation frame), the runs are sampled and tested again for every move, the
// bars drawn, and the other charts take turns. Charts are drawn before any
// text is written (a canvas drawing text after a change of the page makes
// the browser lay it out first), and text and attributes are written only
// where they change (setText, setAttr).
import { histogram } from 'infodiv';
import { chartsDue, setAttr, setChecked, setNote, setText, setValue } from '../../shell/index.js';
import { moveLinesInPlace } from '../../shell/in-place.js';
import { rangeWhileDragging } from '../../numerics/curves.js';
import { spread } from '../../numerics/points.js';
import { formatNumber } from '../../util.js';
import { buildEditor } from '../outcomes-editor.js';
import { evidenceNumbers } from './numbers.js';
import {
  announcement, describeEstimators, describePaths, describeStopping, estimatorsCaption, estimatorsInfinite, infinityNote,
  pathsCaption, stoppingCaption,
} from './text.js';

const PATH_POINTS = 250; // points per path on the chart
const DRAG_POINTS = 6000; // points of all the paths together at most while a bar is dragged (then 250 each)
const HISTOGRAM_BINS = 30;
const WHISKER_OFFSETS = [0.9, 1, 1.11]; // k1, k2, k3 side by side on the logarithmic axis

/** The state changes to `next`; settled is false while a bar is dragged. */
export function setState(view, next, { settled = true } = {}) {
  if (next.p.length !== view.state.p.length) buildEditor(view.shell, next);
  view.state = next;
  render(view, { settled });
}

const finite = (v) => (Number.isFinite(v) ? v : null);

// The numbers of samples after which each run's path is drawn (and asked of the library): PATH_POINTS, and
// fewer while a bar is dragged when there are many runs.
const pathPoints = ({ n, runs }, settled) => spread(n, settled ? PATH_POINTS : Math.min(PATH_POINTS, Math.floor(DRAG_POINTS / runs)));

// A colour of the palette (computed, rgb(r, g, b), or #rrggbb) made see-through, for paths drawn over one another.
function fade(colour, alpha) {
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(colour);
  if (rgb) return `rgba(${rgb.slice(1, 4).join(', ')}, ${alpha})`;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return hex ? `rgba(${hex.slice(1).map((h) => parseInt(h, 16)).join(', ')}, ${alpha})` : colour;
}

// The y range when a path is infinite somewhere (else null: Chart.js fits the data): the finite values and
// the line at log 19, with room above or below, off which an infinite path leaves the chart. A path that
// becomes infinite stays so (evidenceRuns), so only the last values need a look when none is.
function yRange(paths, threshold) {
  if (paths.every((path) => Number.isFinite(path[path.length - 1]))) return null;
  let lo = Math.min(0, -threshold), hi = Math.max(0, threshold);
  for (const path of paths) {
    for (let k = 0; k < path.length; k++) {
      const v = path[k];
      if (v < lo && v !== -Infinity) lo = v;
      if (v > hi && v !== Infinity) hi = v;
    }
  }
  const room = (hi - lo) * 0.1;
  return { min: lo - room, max: hi + room };
}

// The lowest and highest finite values of the runs (each from L₀ = 0) and of the other lines' points.
function finiteRange(paths, series) {
  let min = 0, max = 0;
  for (const values of [...paths, ...series.map((points) => points.map(({ y }) => y))]) {
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (v < min && v !== -Infinity) min = v;
      if (v > max && v !== Infinity) max = v;
    }
  }
  return { min, max };
}

// The lines Chart.js draws: none for the runs and their mean (their datasets are their legend; the chart's
// runsLayer draws them), n·KL and the line at log 19.
function pathSeries({ state, numbers }) {
  const { direction, klTruth } = numbers;
  return [
    [],
    [],
    Number.isFinite(klTruth) ? [{ x: 0, y: 0 }, { x: state.n, y: direction * klTruth * state.n }] : [],
    [{ x: 0, y: numbers.line }, { x: state.n, y: numbers.line }],
  ];
}

// The runs' mean as runsLayer draws it: after `at` samples (all of its own points, however many the runs
// have while a bar is dragged).
function meanLine({ state, numbers }) {
  const at = spread(state.n, PATH_POINTS);
  return { at, values: at.map((k) => numbers.mean[k - 1]) };
}

// A bar dragged up or down tilts every path, so their ends move fast: when the axis must grow, it grows as
// far again beyond them as they span. Each growth lays the chart out anew (a frame or two on a slow phone),
// so it comes seldom: a drag that takes the paths' ends from 30 to 90 grows it twice.
const PATHS_HEADROOM = 1;

// The paths, their mean, n·KL and the line at log 19. While a bar is dragged the y axis only grows from the
// one laid out (Chart.js fits it to the values otherwise), so the lines are mostly moved in place, and many
// runs are drawn with fewer points each (their mean keeps all of its own).
function drawPaths(view, colour, mode) {
  const { charts: { paths: chart }, state, numbers, plugins } = view;
  const range = yRange(numbers.paths, numbers.m.threshold), series = pathSeries(view), mean = meanLine(view);
  const [runs, slope, threshold] = [0, 2, 3].map((d) => chart.data.datasets[d]);
  runs.borderColor = fade(colour, state.runs > 50 ? 0.18 : 0.35);
  plugins.runs = { paths: numbers.paths, shown: numbers.shown, colour: runs.borderColor, mean };
  slope.label = state.truth === 'p' ? 'n · KL(P‖Q)' : '−n · KL(Q‖P)';
  threshold.label = state.truth === 'p' ? 'log 19: odds 19 : 1 for P' : '−log 19: odds 19 : 1 for Q';
  const dragging = mode === 'none' && chart.scales.y, fit = range ?? finiteRange([...numbers.paths, mean.values], series);
  const y = dragging ? rangeWhileDragging(chart.scales.y, fit, true, PATHS_HEADROOM) : range;
  Object.assign(chart.options.scales.x, { max: state.n });
  // Chart.js fits the axis to its datasets and to the suggested ends (the runs and their mean, not among them).
  Object.assign(chart.options.scales.y, { min: y?.min, max: y?.max, suggestedMin: fit.min, suggestedMax: fit.max });
  chart.options.scales.y.title.text = `Lₙ, ${state.units}`;
  if (dragging && moveLinesInPlace(chart, series)) return;
  chart.data.datasets.forEach((dataset, d) => { dataset.data = series[d]; });
  chart.update('none');
}

function drawStopping({ charts: { stopping: chart }, numbers, plugins }, mode, colour) {
  const { meanStop } = numbers, { starts, width, counts } = histogram(numbers.stops, HISTOGRAM_BINS);
  chart.data.datasets[0].data = Array.from(counts, (count, b) => ({ x: starts[b] + (width - 1) / 2, y: count }));
  chart.data.datasets[0].backgroundColor = fade(colour, 0.6); // the colour of the truth the samples came from
  const wald = Number.isFinite(numbers.m.wald) ? numbers.m.wald : 0;
  Object.assign(chart.options.scales.x, { min: 0, max: Math.ceil(Math.max(starts.at(-1) + width, wald * 1.1, 10)) });
  plugins.markers = [
    { at: numbers.m.wald, label: `log 19 / KL = ${formatNumber(numbers.m.wald)}`, colour: 'alert', dash: [8, 4] },
    { at: meanStop, label: `mean = ${formatNumber(meanStop)}`, colour: 'text', dash: [] },
  ];
  chart.options.scales.y.suggestedMax = Math.max(1, ...counts);
  chart.update(mode);
}

function drawEstimators({ charts: { estimators: chart }, numbers }, mode) {
  const [k1, k2, k3, exact] = chart.data.datasets;
  [k1, k2, k3].forEach((dataset, d) => {
    const key = `k${d + 1}`;
    dataset.data = numbers.estimates.map((e) => ({ x: e.size * WHISKER_OFFSETS[d], y: finite(e[key].mean), spread: e[key].spread }));
  });
  const sizes = numbers.estimates.map((e) => e.size);
  exact.data = Number.isFinite(numbers.exact) ? [{ x: sizes[0] * 0.8, y: numbers.exact }, { x: sizes.at(-1) * 1.25, y: numbers.exact }] : [];
  Object.assign(chart.options.scales.x, { min: sizes[0] * 0.8, max: sizes.at(-1) * 1.25 });
  chart.update(mode);
}

function showNumbers({ shell, state, numbers }) {
  for (const el of shell.$$('[data-measure]')) {
    setText(el, formatNumber(numbers.m[el.dataset.measure]));
    setAttr(el, 'data-value', String(numbers.m[el.dataset.measure]));
  }
  const stat = (name, text, value) => {
    const el = shell.$(`[data-stat="${name}"]`);
    setText(el, text);
    setAttr(el, 'data-value', String(value));
  };
  const { slope, stopped, meanStop } = numbers;
  stat('slope', Number.isFinite(slope.mean) ? `${formatNumber(slope.mean)} ± ${formatNumber(slope.error)}` : formatNumber(slope.mean), slope.mean);
  stat('stopped', `${stopped} of ${state.runs}`, stopped);
  stat('meanStop', stopped ? formatNumber(meanStop) : '—', meanStop);
  shell.$$('[data-unit]').forEach((el) => setText(el, state.units));
  setNote(shell.$('[data-role="infinity-note"]'), infinityNote(state));
  setNote(shell.$('[data-role="estimators-note"]'), Number.isFinite(numbers.exact) ? '' : estimatorsInfinite(state));
}

function showControls({ shell, state, bars }, settled) {
  setChecked(shell.$$('input[name="units"]'), state.units);
  setChecked(shell.$$('input[name="truth"]'), state.truth);
  setValue(shell.$('[data-control="runs"]'), String(state.runs));
  setValue(shell.$('[data-control="n"]'), String(state.n));
  const seed = shell.$('[data-control="seed"]');
  if (shell.focused() !== seed) setValue(seed, String(state.seed));
  bars.show(state, { settled });
}

/** The charts' captions, which depend on the state alone (also shown before the library has loaded). */
export function showCaptions(shell, state) {
  shell.$('[data-role="paths-caption"]').textContent = pathsCaption(state);
  shell.$('[data-role="stopping-caption"]').textContent = stoppingCaption(state);
  shell.$('[data-role="estimators-caption"]').textContent = estimatorsCaption(state);
}

function describe(view) {
  const { shell, state } = view;
  showCaptions(shell, state);
  shell.$('[data-chart="paths"]').setAttribute('aria-label', describePaths(view));
  shell.$('[data-chart="stopping"]').setAttribute('aria-label', describeStopping(view));
  shell.$('[data-chart="estimators"]').setAttribute('aria-label', describeEstimators(view));
}

// While a bar is dragged the bars and the paths (mostly moved in place) follow every move; the stopping times
// and the estimators (a full Chart.js update each) take turns while on screen (chartsDue), drawn again in
// the frames after the last move until neither is behind.
function drawCharts(view, settled, changed = true) {
  const mode = settled ? undefined : 'none';
  const colour = view.palette[view.state.truth];
  const { stopping, estimators } = view.charts;
  if (changed) drawPaths(view, colour, mode);
  const { due, behind } = chartsDue(view.chartTurns ??= {}, [stopping, estimators], { dragging: !settled, changed });
  if (due[0]) drawStopping(view, mode, colour);
  if (due[1]) drawEstimators(view, mode);
  if (changed) view.bars.draw(view.charts.bars, view.state, { settled });
  cancelAnimationFrame(view.catchUp);
  if (behind) view.catchUp = requestAnimationFrame(() => drawCharts(view, settled, false));
}

/** Draws the state; once a change settles, also its words for screen readers. */
export function render(view, { settled }) {
  view.freeze(!settled); // while a drag goes on, each move lays out only the boxes it changes
  // States are replaced, never changed in place: the same state, the same runs (the charts drawn again, a new theme).
  const shown = pathPoints(view.state, settled);
  if (view.numbersOf !== view.state || view.numbers.shown.length !== shown.length) view.numbers = evidenceNumbers(view.state, shown, view.draws);
  view.numbersOf = view.state;
  if (view.charts) drawCharts(view, settled); // not yet on the first render: the numbers come first
  showNumbers(view);
  showControls(view, settled);
  if (settled) {
    if (view.charts) describe(view);
    view.history?.settled(view.state);
  }
  view.onChange(view.state, { ...view.numbers.m }, { settled });
  if (settled && view.mounted) view.announce(() => announcement(view));
}
