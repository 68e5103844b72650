// The discrete view's markup: the panels, the measures it shows, and a row
// of the outcomes table. Static: every user-provided text goes in later
// through textContent or value.
// Named panels are groups, not regions: a page may hold several explorers,
// and landmarks must have names of their own.
import { UNITS } from '../../util.js';
import { barsMarkup } from '../pair-bars/handles.js';
import { MAX_LABEL_LENGTH, PRESETS } from './model.js';

export const MEASURES = [
  ['entropyP', 'H(P)', 'entropy of P: the average surprise of the truth'],
  ['entropyQ', 'H(Q)', 'entropy of Q'],
  ['crossEntropyPQ', 'H(P,Q)', 'cross-entropy: average cost of coding P with a code built for Q'],
  ['crossEntropyQP', 'H(Q,P)', 'cross-entropy the other way round'],
  ['klPQ', 'KL(P‖Q)', 'the extra cost, H(P,Q) − H(P)'],
  ['klQP', 'KL(Q‖P)', 'the extra cost the other way round'],
  ['js', 'JS(P,Q)', 'Jensen–Shannon divergence: symmetric, at most log 2'],
];
/** The parts of the explorer that can be shown or hidden (all by default). */
export const PANELS = ['presets', 'units', 'bars', 'numbers', 'decomposition', 'terms', 'table'];

export const TEMPLATE = `
  <div class="toolbar">
    <div class="presets" role="group" aria-label="Examples" data-panel="presets">
      ${Object.entries(PRESETS).map(([key, { name }]) => `<button type="button" data-preset="${key}">${name}</button>`).join('')}
      <button type="button" data-action="swap">Swap P and Q</button>
      <button type="button" data-action="reset">Reset</button>
    </div>
    <form class="units-form" data-panel="units"><!-- a form of its own scopes the radio group to this explorer -->
      <fieldset class="units"><legend>Units</legend>
        ${Object.keys(UNITS).map((u) => `<label><input type="radio" name="units" value="${u}"> ${u}</label>`).join('')}
      </fieldset>
    </form>
  </div>
  <div class="main-row">
    <figure class="panel bars-panel lead-panel" data-panel="bars">
      ${barsMarkup('Bar chart of the distributions P and Q')}
      <div class="chart-actions" data-freeze>
        <button type="button" data-action="undo" aria-keyshortcuts="Control+Z Meta+Z" disabled>Undo</button>
        <p class="quick-measures" aria-hidden="true">KL(P‖Q) <b data-quick="klPQ"></b> ·
          KL(Q‖P) <b data-quick="klQP"></b> · H(P,Q) <b data-quick="crossEntropyPQ"></b> <span data-unit></span></p>
      </div>
      <figcaption class="hint">Drag a bar, or focus it and use the arrow keys (Page Up/Down for big steps,
        Home for 0, L to lock it). The other bars of that distribution make room. Undo (Ctrl+Z) takes back
        the last change.</figcaption>
    </figure>
    <section class="panel measures-panel" role="group" aria-label="Measures" data-panel="numbers">
      <dl class="measures" data-freeze>
        ${MEASURES.map(([key, symbol, meaning]) => `<div class="measure" data-key="${key}">
          <dt><span class="symbol">${symbol}</span> <span class="meaning">${meaning}</span></dt>
          <dd><span class="number" data-measure="${key}"></span> <span class="unit" data-unit></span></dd>
        </div>`).join('')}
      </dl>
      <p class="infinity-note" data-role="infinity-note" hidden></p>
    </section>
  </div>
  <div class="lower-row">
    <figure class="panel" data-panel="decomposition">
      <figcaption>Cross-entropy = entropy + KL: what coding with the model costs, split into the
        unavoidable part and the extra cost of the model.</figcaption>
      <div class="chart chart-decomposition"><canvas data-chart="decomposition" role="img"
        aria-label="Stacked bars: cross-entropy split into entropy and KL divergence"></canvas></div>
    </figure>
    <figure class="panel" data-panel="terms">
      <figcaption>What each outcome adds to KL, both ways round. Terms below 0 are outcomes the model
        over-predicts; they never outweigh the rest.</figcaption>
      <div class="chart chart-terms"><canvas data-chart="terms" role="img"
        aria-label="Bar chart of each outcome's contribution to KL(P‖Q) and KL(Q‖P)"></canvas></div>
    </figure>
  </div>
  <details class="panel table-panel" open data-panel="table">
    <summary>Outcomes: type exact values, rename, lock, add or remove</summary>
    <form class="dist-form" data-role="dist-form" data-freeze novalidate>
      <p class="dist-form-intro">Type a whole distribution: probabilities (0.6, 0.3, 0.1) or counts (3, 2, 1),
        separated by commas. Counts are divided by their sum.</p>
      ${['p', 'q'].map((d) => `<label class="dist-field"><span class="${d}-name">${d.toUpperCase()}</span><span
        class="visually-hidden">, comma-separated</span> <input type="text" data-field="dist-text" data-dist="${d}"
        autocomplete="off" spellcheck="false"></label>`).join('')}
      <button type="submit">Set P and Q</button>
      <p class="field-error" data-role="dist-error" role="alert" hidden></p>
      <p class="dist-status" data-role="dist-status" role="status"></p>
    </form>
    <div class="outcomes-frame" data-freeze><table class="outcomes">
      <thead><tr><th scope="col">outcome</th><th scope="col">P <span class="lock-hint">· lock</span></th>
        <th scope="col">Q <span class="lock-hint">· lock</span></th><th scope="col"><span class="visually-hidden">remove</span></th></tr></thead>
      <tbody data-role="rows"></tbody>
      <tfoot><tr><th scope="row">sum</th><td data-sum="p"></td><td data-sum="q"></td><td></td></tr></tfoot>
    </table></div>
    <div class="sum-note" data-role="sum-note" hidden><p data-role="sum-text"></p>
      <button type="button" data-action="normalise">Normalise</button></div>
    <button type="button" data-action="add">Add an outcome</button>
    <p class="field-error" data-role="field-error" role="alert" hidden></p>
  </details>
  <div class="visually-hidden" data-role="announce" aria-live="polite"></div>
`;

export const ROW_TEMPLATE = `
  <td><input type="text" data-field="label" maxlength="${MAX_LABEL_LENGTH}" autocomplete="off"></td>
  <td class="value-cell"><input type="number" data-field="value" data-dist="p" min="0" max="1" step="0.001"><label
    class="lock"><input type="checkbox" data-field="lock" data-dist="p"></label></td>
  <td class="value-cell"><input type="number" data-field="value" data-dist="q" min="0" max="1" step="0.001"><label
    class="lock"><input type="checkbox" data-field="lock" data-dist="q"></label></td>
  <td><button type="button" data-action="remove">✕</button></td>`;
