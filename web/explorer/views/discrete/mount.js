// The discrete view: P and Q as draggable bars, the seven measures, the
// decomposition and the per-outcome terms, an editable table of outcomes.
// One object holds the view (its shell, state, charts and what was drawn
// last); render.js draws it, events.js changes it. Every number comes from
// the infodiv library; none is computed here.
import { init } from 'infodiv';
import { announcer, createShell, manageCharts, undoHistory } from '../../shell/index.js';
import { placeHandles } from '../pair-bars/handles.js';
import { buildOutcomeControls, fieldsInTurns } from './controls.js';
import { wireEvents } from './events.js';
import { render, setState } from './render.js';
import { PANELS, TEMPLATE } from './template.js';
import { describeTerm } from './text.js';

// What the chart plugins read: filled in by render().
function pluginViews(view) {
  return {
    outcomes: { // read by the bars and the terms charts
      locked: [[], []], infinite: [], infiniteTerm: [[], []],
      onLayout: (geometry) => placeHandles(view.shell, geometry),
      describeTerm: (d, i) => describeTerm(view.state, view.current.terms, d, i),
    },
    decomposition: { infinite: [false, false] }, // per row: is KL(P‖Q), KL(Q‖P) infinite
  };
}

/**
 * Mounts the discrete view into `root`. `state` is the starting state (see
 * model.js); `panels` lists the PANELS to show; onChange(state, measures,
 * { settled }) is called after every change, with settled false while a bar
 * is being dragged. Returns { state, setState(next), destroy() }.
 * freezeWith goes to the shell (createShell: boxes of the host page held with its own).
 */
export async function mount(root, { state, panels = PANELS, onChange = () => {}, freezeWith }) {
  const shell = createShell(root, { template: TEMPLATE, panels, freezeWith });
  await init(); // the markup first, so the explorer takes its room while the wasm compiles
  const view = {
    shell, state, current: null, charts: null, mounted: false, onChange, announce: announcer(shell),
    freeze: shell.freeze,
  };
  view.plugins = pluginViews(view);
  view.fieldsInTurns = fieldsInTurns(view);
  shell.onDestroy(() => cancelAnimationFrame(view.catchUp)); // a chart's catch-up draw (render.js)
  // Undo brings back P and Q (with their labels and locks), in the units now shown.
  view.history = undoHistory(shell, {
    key: (s) => JSON.stringify([s.p, s.q]),
    restore: (previous) => setState(view, { ...previous, units: view.state.units }),
  });
  buildOutcomeControls(view);
  render(view, { settled: true }); // the numbers first: the charts take a slow phone a second or more
  view.charts = await manageCharts(shell, async () => {
    const { createBarsChart, createDecompositionChart, createTermsChart } = await import('./charts.js');
    return {
      bars: (canvas, palette, animate) => createBarsChart(canvas, palette, animate, view.plugins.outcomes),
      decomposition: (canvas, palette, animate) => createDecompositionChart(canvas, palette, animate, view.plugins.decomposition),
      terms: (canvas, palette, animate) => createTermsChart(canvas, palette, animate, view.plugins.outcomes),
    };
  }, () => render(view, { settled: true }));
  wireEvents(view);
  render(view, { settled: true });
  view.mounted = true;
  shell.ready();
  return {
    get state() { return view.state; },
    setState: (next) => setState(view, next),
    destroy: () => shell.destroy(),
  };
}
