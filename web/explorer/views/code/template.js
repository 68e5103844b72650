// The code view's markup: the playing controls, the chart of running
// averages, the counters, the message as bits, the table of outcomes and
// the P/Q editor. Static: every user-provided text goes in later through
// textContent or value.
import { UNITS } from '../../util.js';
import { EDITOR_TEMPLATE } from '../outcomes-editor.js';
import { SPEEDS } from './model.js';

/** The parts of the code view that can be shown or hidden (all by default). */
export const PANELS = ['playback', 'units', 'chart', 'counters', 'message', 'table', 'outcomes'];

const speedOptions = SPEEDS.map((s) => `<option value="${s}">${s} symbol${s === 1 ? '' : 's'} per second</option>`).join('');

export const TEMPLATE = `
  <div class="toolbar">
    <div class="playback" role="group" aria-label="Sending the message" data-panel="playback">
      <button type="button" data-action="play">Play</button>
      <button type="button" data-action="step">Step</button>
      <button type="button" data-action="restart">Restart</button>
      <label class="inline-field">Speed <select data-control="speed">${speedOptions}</select></label>
      <label class="inline-field">Seed <input type="number" data-control="seed" min="0" step="1" inputmode="numeric"></label>
      <button type="button" data-action="new-seed">New seed</button>
    </div>
    <form class="units-form" data-panel="units"><!-- a form of its own scopes the radio group to this explorer -->
      <fieldset class="units"><legend>Units</legend>
        ${Object.keys(UNITS).map((u) => `<label><input type="radio" name="units" value="${u}"> ${u}</label>`).join('')}
      </fieldset>
    </form>
  </div>
  <div class="main-row">
    <figure class="panel lead-panel" data-panel="chart">
      <figcaption>Length per symbol so far with each code (P’s solid, Q’s dashed) against the number of
        symbols sent. The averages settle on the Huffman codes’ Σ pᵢℓᵢ (dotted); the ideal lengths average H(P)
        and H(P,Q) (long dashes), and the gap between those two is KL(P‖Q).</figcaption>
      <div class="chart chart-running"><canvas data-chart="running" role="img"
        aria-label="Running average length per symbol of the message with each code"></canvas></div>
    </figure>
    <section class="panel counters-panel" aria-label="Counters" data-panel="counters">
      <p class="run-state" data-role="run-state" data-freeze><span data-counter="n" data-value="0">0</span> symbols sent</p>
      <div data-freeze><table class="counters">
        <thead><tr><th scope="col"><span class="visually-hidden">counter</span></th><th scope="col"><span class="p-name">P’s code</span></th>
          <th scope="col"><span class="q-name">Q’s code</span></th></tr></thead>
        <tbody>
          <tr><th scope="row">bits sent</th><td data-counter="bitsP"></td><td data-counter="bitsQ"></td></tr>
          <tr><th scope="row">per symbol so far</th><td data-counter="averageP"></td><td data-counter="averageQ"></td></tr>
          <tr><th scope="row">Huffman, Σ pᵢℓᵢ</th><td data-measure="huffmanP"></td><td data-measure="huffmanQ"></td></tr>
          <tr><th scope="row">ideal lengths</th><td><span class="symbol">H(P)</span> <span data-measure="entropyP"></span></td>
            <td><span class="symbol">H(P,Q)</span> <span data-measure="crossEntropyPQ"></span></td></tr>
        </tbody>
      </table></div>
      <p class="counters-gap" data-freeze>Extra per symbol so far with Q’s code: <b data-counter="extra"></b>.
        Ideal extra: KL(P‖Q) = <b data-measure="klPQ"></b> <span data-unit></span>.</p>
      <p class="counters-units" data-role="units-note"></p>
      <p class="infinity-note" data-role="infinity-note" hidden></p>
    </section>
  </div>
  ${EDITOR_TEMPLATE}
  <section class="panel message-panel" aria-label="The message, last symbols" data-panel="message">
    <p class="panel-title">The last symbols sent, and their codewords</p>
    <div class="message" data-role="message" aria-hidden="true" data-freeze></div>
    <p class="message-text visually-hidden" data-role="message-text"></p>
  </section>
  <section class="panel table-panel" aria-label="Outcomes and their codewords" data-panel="table">
    <div data-freeze><table class="codes">
      <thead><tr><th scope="col">outcome</th><th scope="col">pᵢ</th><th scope="col">P’s word</th>
        <th scope="col">qᵢ</th><th scope="col">Q’s word</th><th scope="col">ℓᵢ(Q)</th>
        <th scope="col">−log₂ qᵢ</th><th scope="col">sent</th></tr></thead>
      <tbody data-role="code-rows"></tbody>
    </table></div>
    <p class="hint">Lengths in bits: a codeword is a string of binary digits. KL(P‖Q) is large when Q gives a
      long word to an outcome that P sends often.</p>
  </section>
  <div class="visually-hidden" data-role="announce" aria-live="polite"></div>
`;

export const ROW_TEMPLATE = `<th scope="row" data-cell="label"></th><td data-cell="p"></td><td class="codeword" data-cell="wordP"></td>
  <td data-cell="q"></td><td class="codeword" data-cell="wordQ"></td><td data-cell="lengthQ"></td><td data-cell="ideal"></td>
  <td data-cell="sent"><span data-sent="count"></span> <span class="sent-share" data-sent="share"></span></td>`;
