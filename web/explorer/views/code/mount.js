// The code view: outcomes drawn from P one by one are written with a Huffman
// code built for P and one built for Q; the counters and the chart of
// running averages show the message growing at H(P)-ish and H(P,Q)-ish bits
// per symbol, the gap being KL. One object holds the view (its shell, state,
// charts, the library's numbers for the state and the run); render.js draws
// it, run.js plays it, events.js changes it.
import { init } from 'infodiv';
import { announcer, createShell, manageCharts } from '../../shell/index.js';
import { editorBars } from '../outcomes-editor.js';
import { wireEvents } from './events.js';
import { buildRows, render, runChartInTurns, setState } from './render.js';
import { pause, play, playOnScreen } from './run.js';
import { PANELS, TEMPLATE } from './template.js';

/**
 * Mounts the code view into `root`. `state` is { labels, p, q, units, seed,
 * speed } (see model.js); `panels` lists the PANELS to show; onChange(state,
 * measures, { settled }) is called after every change of the state (not per
 * symbol drawn). It plays at once unless the reader prefers reduced motion, and
 * only while on screen.
 * Returns { state, setState(next), destroy() }.
 * freezeWith goes to the shell (createShell: boxes of the host page held with its own).
 */
export async function mount(root, { state, panels = PANELS, onChange = () => {}, freezeWith }) {
  const shell = createShell(root, { template: TEMPLATE, panels, classes: ['code-view'], freezeWith });
  buildRows({ shell, state }); // the rows take their room before the numbers come
  await init(); // the markup first, so the explorer takes its room while the wasm compiles
  const view = {
    shell, state, onChange, announce: announcer(shell), numbers: null, lines: {}, bars: editorBars(shell),
    // offScreen until playOnScreen's observer first says otherwise: no symbol sent before it is known to be seen
    run: { sampler: null, draws: null, n: 0, message: null, playing: false, frame: 0, last: 0, chartAt: 0, due: 0, offScreen: true },
    charts: null,
    freeze: shell.freeze, dragging: false, strip: null,
  };
  view.runChart = runChartInTurns(view);
  setState(view, state); // the numbers first: the charts take a slow phone a second or more
  view.charts = await manageCharts(shell, async () => {
    const { createBarsChart, createRunningChart } = await import('./charts.js');
    return {
      running: (canvas, palette, animate) => createRunningChart(canvas, palette, animate, view),
      bars: (canvas, palette, animate) => createBarsChart(canvas, palette, animate, view.bars.plugin),
    };
  }, () => render(view, { settled: true }));
  shell.onDestroy(() => cancelAnimationFrame(view.run.frame));
  wireEvents(view);
  render(view, { settled: true });
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) play(view);
  playOnScreen(view);
  shell.ready();
  return {
    get state() { return view.state; },
    setState: (next) => setState(view, next),
    destroy: () => {
      pause(view);
      shell.destroy();
    },
  };
}
