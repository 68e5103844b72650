// Drawing the discrete view: setState() is the one way its state changes,
// and ends in render(), which asks the library for every number and puts
// them on the charts, in the measures and in the controls.
import { klTerms, measures } from 'infodiv';
import { UNITS } from '../../util.js';
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

// While a bar is dragged the bars follow every frame, and the decomposition and the terms (a full
// Chart.js update each, their axes fitted to the values) take turns: each is at most one frame behind.
function drawCharts(view, mode) {
  const { charts: { bars, decomposition, terms: termsChart }, state, current: { m, terms } } = view;
  drawBars(bars, state, mode);
  const turn = mode === 'none' ? (view.dragTurn = 1 - (view.dragTurn ?? 0)) : -1;
  if (turn !== 1) {
    decomposition.data.datasets[0].data = [m.entropyP, m.entropyQ];
    decomposition.data.datasets[1].data = [m.klPQ, m.klQP].map((k) => (k === Infinity ? null : k));
    decomposition.options.scales.x.title.text = state.units;
    decomposition.update(mode);
  }
  if (turn !== 0) {
    termsChart.data.labels = state.labels.slice();
    termsChart.data.datasets.forEach((dataset, d) => {
      dataset.data = Array.from(terms[d], (v) => (v === Infinity ? null : v));
    });
    termsChart.options.scales.y.title.text = state.units;
    termsChart.update(mode);
  }
}

/** Draws the state; once a change settles, also its text for screen readers. */
export function render(view, { settled }) {
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
  updateOutcomeControls(view);
  if (settled) view.history.settled(view.state);
  view.onChange(view.state, m, { settled });
  if (settled && view.mounted) view.announce(() => announcement(view.current.m, view.state.units)); // changes, not the arrival
}
