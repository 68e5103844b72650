// The continuous view: P and Q are densities of a family, set with sliders
// or by dragging handles on their curves (the peak moves the location, the
// shoulder the width); beside them KL in both directions, the integrands
// p·log(p/q) and q·log(q/p), and KL of the two binned into k bins, which
// approaches the continuous value as k grows. One object holds the view (its
// shell, state, charts, the x and y range on screen and what was drawn last);
// render.js draws it, events.js changes it. Every density and every measure
// comes from the infodiv library.
import { init } from 'infodiv';
import { announcer, createShell, manageCharts, undoHistory } from '../../shell/index.js';
import { buildControls, parametersInTurns, placeHandles } from './controls.js';
import { wireEvents } from './events.js';
import { DEFAULT_BINS } from './model.js';
import { render, setState } from './render.js';
import { PANELS, TEMPLATE } from './template.js';

// What the chart plugins read: filled in by render().
function pluginViews(view) {
  return {
    curves: { bins: null, mismatch: [], onLayout: (chart) => placeHandles(view, chart) },
    integrand: { infinite: [[], []] },
    convergence: { k: 0, infinite: [false, false] },
  };
}

/**
 * Mounts the continuous view into `root`. `state` is { family, p, q, units,
 * bins } (see model.js); `panels` lists the PANELS to show; onChange(state,
 * measures, { settled }) is called after every change, with settled false
 * while a handle or slider moves. Returns { state, setState(next), destroy() }.
 * freezeWith goes to the shell (createShell: boxes of the host page held with its own).
 */
export async function mount(root, { state, panels = PANELS, onChange = () => {}, freezeWith }) {
  const shell = createShell(root, { template: TEMPLATE, panels, classes: ['continuous'], freezeWith });
  await init(); // the markup first, so the explorer takes its room while the wasm compiles
  const view = {
    shell, state, onChange, announce: announcer(shell),
    lastBins: state.bins || DEFAULT_BINS, // k to come back to when bins are switched on again
    frame: null, current: null, charts: null, mounted: false, dragger: null,
  };
  view.plugins = pluginViews(view);
  view.freeze = shell.freeze;
  view.parametersInTurns = parametersInTurns(view);
  shell.onDestroy(() => cancelAnimationFrame(view.catchUp)); // a chart's catch-up draw (render.js)
  // Undo brings back the family and P and Q, in the units and bins now shown.
  view.history = undoHistory(shell, {
    key: (s) => JSON.stringify([s.family, s.p, s.q]),
    restore: (previous) => setState(view, { ...previous, units: view.state.units, bins: view.state.bins }, { fresh: true }),
  });
  buildControls(view);
  render(view, { settled: true }); // the numbers first: the charts take a slow phone a second or more
  view.charts = await manageCharts(shell, async () => {
    const { createConvergenceChart, createCurvesChart, createIntegrandChart } = await import('./charts.js');
    return {
      curves: (canvas, palette, animate) => createCurvesChart(canvas, palette, animate, view.plugins.curves),
      integrand: (canvas, palette, animate) => createIntegrandChart(canvas, palette, animate, view.plugins.integrand),
      convergence: (canvas, palette, animate) => createConvergenceChart(canvas, palette, animate, view.plugins.convergence),
    };
  }, () => render(view, { settled: true }));
  wireEvents(view);
  render(view, { settled: true });
  view.mounted = true;
  shell.ready();
  return {
    get state() { return view.state; },
    setState: (next) => setState(view, next, { fresh: true }),
    destroy: () => shell.destroy(),
  };
}
