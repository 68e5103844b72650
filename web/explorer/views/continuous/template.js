// The continuous view's markup: the panels and the measures it shows.
// Static: names and numbers go in later through textContent or value.
// Named panels are groups, not regions: a page may hold several explorers,
// and landmarks must have names of their own.
import { UNITS } from '../../util.js';
import { DEFAULT_BINS, MAX_BINS, MIN_BINS, PAIRS, pairName } from './model.js';

/** The parts of the continuous view that can be shown or hidden (all by default). */
export const PANELS = ['family', 'units', 'curves', 'numbers', 'parameters', 'integrand', 'bins'];

/** The measures besides KL: [key, symbol, meaning]. */
export const MEASURES = [
  ['entropyP', 'h(P)', 'differential entropy of P (can be negative: a narrow density)'],
  ['entropyQ', 'h(Q)', 'differential entropy of Q'],
  ['crossEntropyPQ', 'H(P,Q)', 'cross-entropy, h(P) + KL(P‖Q)'],
  ['crossEntropyQP', 'H(Q,P)', 'cross-entropy the other way round'],
];

export const TEMPLATE = `
  <div class="toolbar">
    <div class="family-picker" data-panel="family">
      <label class="family-label">Family <select data-control="family">
        ${Object.keys(PAIRS).map((key) => `<option value="${key}">${pairName(key)}</option>`).join('')}
      </select></label>
      <button type="button" data-action="swap">Swap P and Q</button>
      <button type="button" data-action="reset">Reset</button>
    </div>
    <form class="units-form" data-panel="units">
      <fieldset class="units"><legend>Units</legend>
        ${Object.keys(UNITS).map((u) => `<label><input type="radio" name="units" value="${u}"> ${u}</label>`).join('')}
      </fieldset>
    </form>
  </div>
  <div class="main-row">
    <figure class="panel curves-panel lead-panel" data-panel="curves">
      <p class="touch-hint" data-role="touch-hint">Hold a handle still to drag it; a swipe scrolls.</p>
      <div class="chart chart-curves">
        <canvas data-chart="curves" role="img" aria-label="The densities of P and Q"></canvas>
        <div class="handles" data-role="handles"></div>
      </div>
      <div class="chart-actions">
        <button type="button" data-action="undo" aria-keyshortcuts="Control+Z Meta+Z" disabled>Undo</button>
      </div>
      <figcaption class="hint">Drag a round handle (P) or a square one (Q): <span data-role="handles-hint">the peak
        moves the distribution, the shoulder changes its width</span>. Or focus a handle and use the arrow keys (Page Up/Down for big steps).
        Undo (Ctrl+Z) takes back the last change.</figcaption>
    </figure>
    <section class="panel measures-panel" role="group" aria-label="Measures" data-panel="numbers">
      <div class="kl-pair">
        <div class="kl-card" data-key="klPQ">
          <div class="kl-symbol">KL(P‖Q)</div>
          <div data-freeze><span class="number" data-measure="klPQ"></span> <span class="unit" data-unit></span></div>
          <p class="kl-meaning">forward: averaged over P. Huge where Q misses what P does, so a Q fitted this way
            <em>covers</em> every mode of P.</p>
          <p class="kl-binned" data-role="binned-klPQ" data-freeze hidden>binned into <span data-bins-k></span>:
            <b data-binned="klPQ"></b></p>
        </div>
        <div class="kl-card" data-key="klQP">
          <div class="kl-symbol">KL(Q‖P)</div>
          <div data-freeze><span class="number" data-measure="klQP"></span> <span class="unit" data-unit></span></div>
          <p class="kl-meaning">reverse: averaged over Q. Huge where Q claims what P rarely does, so a Q fitted
            this way <em>seeks</em> one mode.</p>
          <p class="kl-binned" data-role="binned-klQP" data-freeze hidden>binned into <span data-bins-k></span>:
            <b data-binned="klQP"></b></p>
        </div>
      </div>
      <dl class="measures" data-freeze>
        ${MEASURES.map(([key, symbol, meaning]) => `<div class="measure" data-key="${key}">
          <dt><span class="symbol">${symbol}</span> <span class="meaning">${meaning}</span></dt>
          <dd><span class="number" data-measure="${key}"></span> <span class="unit" data-unit></span></dd>
        </div>`).join('')}
      </dl>
      <p class="infinity-note" data-role="infinity-note" hidden></p>
      <p class="infinity-note" data-role="error-note" hidden></p>
    </section>
  </div>
  <section class="panel parameters-panel" data-panel="parameters" role="group" aria-label="Parameters">
    <fieldset class="params" data-side="p"><legend><span class="p-name">P</span>, the truth: <span data-role="family-name-p"></span></legend>
      <div data-role="params-p"></div></fieldset>
    <fieldset class="params" data-side="q"><legend><span class="q-name">Q</span>, the model: <span data-role="family-name-q"></span></legend>
      <div data-role="params-q"></div></fieldset>
    <p class="field-error" data-role="field-error" role="alert" hidden></p>
  </section>
  <div class="lower-row">
    <figure class="panel" data-panel="integrand">
      <figcaption>What each x adds to KL, both ways round: the area under p·log(p/q) is KL(P‖Q), under
        q·log(q/p) KL(Q‖P). Below 0 where the one averaged over is the smaller density; the areas are never negative.</figcaption>
      <div class="chart chart-integrand"><canvas data-chart="integrand" role="img"
        aria-label="The integrands of KL(P‖Q) and KL(Q‖P)"></canvas></div>
    </figure>
    <section class="panel bins-panel" data-panel="bins" role="group" aria-label="Discretise into bins">
      <label class="bins-toggle"><input type="checkbox" data-control="bins-on"> Discretise into <var>k</var> bins</label>
      <label class="bins-slider" data-freeze><span>k = <output data-role="bins-value"></output></span>
        <input type="range" data-control="bins" min="${MIN_BINS}" max="${MAX_BINS}" step="1" value="${DEFAULT_BINS}"
          aria-label="number of bins k"></label>
      <p class="bins-explain">Cut the x range into <var>k</var> equal bins (what falls outside goes into the end bins)
        and compare the two lists of bin probabilities with the discrete KL. Binning can only lose information, so
        the binned KL is never above the continuous one, and it approaches it as <var>k</var> grows: doubling
        <var>k</var> never lowers it, though <var>k</var> + 1 bins can give less than <var>k</var>.</p>
      <p class="bins-result" data-role="bins-result" data-freeze hidden></p>
      <div class="chart chart-convergence" data-role="convergence" hidden><canvas data-chart="convergence" role="img"
        aria-label="Binned KL against the number of bins"></canvas></div>
    </section>
  </div>
  <div class="visually-hidden" data-role="announce" aria-live="polite"></div>
`;
