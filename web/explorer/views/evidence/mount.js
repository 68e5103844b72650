// The evidence view: runs of samples from P (or, switched, from Q), each
// run's log-likelihood ratio Lₙ against n beside the line n·KL, a sequential
// test stopping at odds of 19 to 1 with the histogram of its stopping times,
// and Schulman's estimators of KL from the samples. One object holds the view
// (its shell, state, charts and the numbers of the state); render.js draws
// it, events.js changes it. Every path, estimate and measure comes from the
// library.
import { init } from 'infodiv';
import { announcer, createShell, manageCharts } from '../../shell/index.js';
import { buildEditor, editorBars } from '../outcomes-editor.js';
import { wireEvents } from './events.js';
import { render, setState, showCaptions } from './render.js';
import { PANELS, TEMPLATE } from './template.js';

/**
 * Mounts the evidence view into `root`. `state` is { labels, p, q, units,
 * seed, truth, runs, n } (see model.js); `panels` lists the PANELS to show;
 * onChange(state, measures, { settled }) is called after every change.
 * Returns { state, setState(next), destroy() }.
 * freezeWith goes to the shell (createShell: boxes of the host page held with its own).
 */
export async function mount(root, { state, panels = PANELS, onChange = () => {}, freezeWith }) {
  const shell = createShell(root, { template: TEMPLATE, panels, classes: ['evidence-view'], freezeWith });
  buildEditor(shell, state); // the handles and captions take their room before the numbers come
  showCaptions(shell, state);
  await init(); // the markup first, so the explorer takes its room while the wasm compiles
  const view = {
    shell, state, onChange, announce: announcer(shell), numbers: null, mounted: false, plugins: { markers: [], runs: null },
    bars: editorBars(shell), charts: null, numbersOf: null, draws: {}, catchUp: 0,
    freeze: shell.freeze,
  };
  render(view, { settled: true }); // the numbers first: the charts take a slow phone a second or more
  view.charts = await manageCharts(shell, async () => {
    const { createBarsChart, createEstimatorsChart, createPathsChart, createStoppingChart } = await import('./charts.js');
    return {
      paths: (canvas, palette) => {
        view.palette = palette; // the colours the charts were made with (again when the theme changes)
        return createPathsChart(canvas, palette, view.plugins);
      },
      stopping: (canvas, palette, animate) => createStoppingChart(canvas, palette, animate, view.plugins),
      estimators: (canvas, palette, animate) => createEstimatorsChart(canvas, palette, animate),
      bars: (canvas, palette, animate) => createBarsChart(canvas, palette, animate, view.bars.plugin),
    };
  }, () => render(view, { settled: true }));
  shell.onDestroy(() => cancelAnimationFrame(view.catchUp)); // a chart's catch-up draw (render.js)
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
