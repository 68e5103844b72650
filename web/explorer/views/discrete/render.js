// Drawing the discrete view: setState() is the one way its state changes,
// and ends in render(), which asks the library for every number and puts
// them on the charts, in the measures and in the controls.
import { klTerms, measures } from 'infodiv';
import { chartsDue } from '../../shell/index.js';
import { UNITS } from '../../util.js';
import { moveBarsInPlace } from '../../shell/in-place.js';
import { drawBars, infiniteOutcomes } from '../pair-bars/draw.js';
import { buildOutcomeControls, showMeasures, updateOutcomeControls } from './controls.js';
import { announcement, describeDecomposition, describeTerms } from './text.js';

/** The state changes to `next`; settled is false while a bar is being dragged. */
export function setState(view, next, { settled = true } = {}) {
  const rebuild = next.p.length !== view.state.p.length || !view.current;
  view.state = next;
  if (rebuild) buildOutcomeControls(view);
  render(view, { settled });
}

// The library's numbers for the state: the measures, the terms both ways, and which outcomes make a KL infinite.
function compute({ state }) {
  const base = UNITS[state.units];
  const m = measures(state.p, state.q, { base });
  const terms = [klTerms(state.p, state.q, { base }), klTerms(state.q, state.p, { base })];
  return { m, terms, infinite: infiniteOutcomes(state) };
}

const finiteOrNull = (v) => (v === Infinity ? null : v);

// A chart of bars: moved in place while a bar is dragged if the values fit its axes, else updated.
function drawBarChart(chart, data, { mode, sameBars = true }, set) {
  if (mode === 'none' && sameBars && moveBarsInPlace(chart, data)) return;
  data.forEach((values, d) => { chart.data.datasets[d].data = values; });
  set(chart);
  chart.update(mode);
}

// While a bar is dragged, the bars follow every frame and the other charts on screen take turns
// (chartsDue), drawn again in the frames after the last move until none is behind.
function drawCharts(view, mode, changed = true) {
  const { charts: { bars, decomposition, terms: termsChart }, state, current: { m, terms } } = view;
  if (changed) drawBars(bars, state, mode);
  const sameLabels = state.labels.every((l, i) => l === termsChart.data.labels[i]);
  const { due, behind } = chartsDue(view.chartTurns ??= {}, [decomposition, termsChart], { dragging: mode === 'none', changed });
  if (due[0]) {
    drawBarChart(decomposition, [[m.entropyP, m.entropyQ], [m.klPQ, m.klQP].map(finiteOrNull)], { mode }, (chart) => {
      chart.options.scales.x.title.text = state.units;
    });
  }
  if (due[1]) {
    drawBarChart(termsChart, terms.map((t) => Array.from(t, finiteOrNull)), { mode, sameBars: sameLabels }, (chart) => {
      chart.data.labels = state.labels.slice();
      chart.options.scales.y.title.text = state.units;
    });
  }
  cancelAnimationFrame(view.catchUp);
  if (behind) view.catchUp = requestAnimationFrame(() => drawCharts(view, mode, false));
}

/** Draws the state; once a change settles, also its text for screen readers. */
export function render(view, { settled }) {
  view.freeze(!settled); // while a drag goes on, each move lays out only the boxes it changes
  view.current = compute(view);
  const { m, terms, infinite } = view.current;
  Object.assign(view.plugins.outcomes, {
    locked: [view.state.locked.p, view.state.locked.q], infinite,
    infiniteTerm: terms.map((t) => Array.from(t, (v) => v === Infinity)),
  });
  view.plugins.decomposition.infinite = [m.klPQ === Infinity, m.klQP === Infinity];
  if (view.charts) drawCharts(view, settled ? undefined : 'none'); // no animation while dragging
  if (settled) { // screen readers need the text once a change settles, not per pixel
    view.shell.$('[data-chart="decomposition"]').setAttribute('aria-label', describeDecomposition(m, view.state.units));
    view.shell.$('[data-chart="terms"]').setAttribute('aria-label', describeTerms(view.state, terms));
  }
  showMeasures(view, m);
  updateOutcomeControls(view, { settled });
  if (settled) view.history.settled(view.state);
  view.onChange(view.state, m, { settled });
  if (settled && view.mounted) view.announce(() => announcement(view.current.m, view.state.units)); // changes, not the arrival
}
