// The evidence view's markup: the controls of the runs, the chart of the
// log-likelihood paths, the numbers, the stopping times, the estimators of
// KL and the P/Q editor. Static: every user-provided text goes in later
// through textContent or value.
import { UNITS } from '../../util.js';
import { EDITOR_TEMPLATE } from '../outcomes-editor.js';
import { LENGTHS, RUNS } from './model.js';

/** The parts of the evidence view that can be shown or hidden (all by default). */
export const PANELS = ['runs', 'units', 'paths', 'numbers', 'stopping', 'estimators', 'outcomes'];

const options = (values, unit) => values.map((v) => `<option value="${v}">${v} ${unit}</option>`).join('');

export const TEMPLATE = `
  <div class="toolbar">
    <div class="run-controls" data-panel="runs">
      <form class="truth-form"><fieldset class="units truth"><legend>Samples drawn from</legend>
        <label><input type="radio" name="truth" value="p"> <span class="p-name">P</span></label>
        <label><input type="radio" name="truth" value="q"> <span class="q-name">Q</span></label>
      </fieldset></form>
      <label class="inline-field"><select data-control="runs" aria-label="number of runs">${options(RUNS, 'runs')}</select></label>
      <label class="inline-field">of <select data-control="n" aria-label="observations per run">${options(LENGTHS, 'samples')}</select></label>
      <label class="inline-field">Seed <input type="number" data-control="seed" min="0" step="1" inputmode="numeric"></label>
      <button type="button" data-action="new-seed">New draws</button>
    </div>
    <form class="units-form" data-panel="units">
      <fieldset class="units"><legend>Units</legend>
        ${Object.keys(UNITS).map((u) => `<label><input type="radio" name="units" value="${u}"> ${u}</label>`).join('')}
      </fieldset>
    </form>
  </div>
  <div class="main-row">
    <figure class="panel lead-panel" data-panel="paths">
      <figcaption data-role="paths-caption"></figcaption>
      <div class="chart chart-paths"><canvas data-chart="paths" role="img"
        aria-label="The log-likelihood ratio of each run against the number of samples"></canvas></div>
    </figure>
    <section class="panel counters-panel" aria-label="Evidence in numbers" data-panel="numbers">
      <div data-freeze><table class="counters">
        <tbody>
          <tr><th scope="row">KL(P‖Q), the slope from P</th><td><span data-measure="klPQ"></span> <span data-unit></span></td></tr>
          <tr><th scope="row">KL(Q‖P), the slope from Q (downwards)</th><td><span data-measure="klQP"></span> <span data-unit></span></td></tr>
          <tr><th scope="row">slope of these runs, Lₙ/n</th><td><span data-stat="slope"></span> <span data-unit></span></td></tr>
          <tr><th scope="row">the line at 19 : 1, log 19</th><td><span data-measure="threshold"></span> <span data-unit></span></td></tr>
          <tr><th scope="row">runs past it</th><td data-stat="stopped"></td></tr>
          <tr><th scope="row">their mean stopping time</th><td data-stat="meanStop"></td></tr>
          <tr><th scope="row">log 19 / KL</th><td data-measure="wald"></td></tr>
        </tbody>
      </table></div>
      <p class="counters-units">Slope ± its standard error over the runs. Stopping times in samples.</p>
      <p class="infinity-note" data-role="infinity-note" hidden></p>
    </section>
  </div>
  ${EDITOR_TEMPLATE}
  <div class="lower-row">
    <figure class="panel" data-panel="stopping">
      <figcaption data-role="stopping-caption"></figcaption>
      <div class="chart chart-stopping"><canvas data-chart="stopping" role="img"
        aria-label="Histogram of the stopping times of the sequential test"></canvas></div>
    </figure>
    <figure class="panel" data-panel="estimators">
      <figcaption data-role="estimators-caption"></figcaption>
      <div class="chart chart-estimators"><canvas data-chart="estimators" role="img"
        aria-label="Estimators of KL against the number of samples"></canvas></div>
      <p class="infinity-note" data-role="estimators-note" hidden></p>
    </figure>
  </div>
  <div class="visually-hidden" data-role="announce" aria-live="polite"></div>
`;
