// The continuous view's controls and numbers on screen: handles on the
// curves, a slider and an exact-value field per parameter, the family, units
// and bins controls, the measures. Each function takes the view (see
// mount.js) and brings the DOM in line with its state.
import { logDensity } from 'infodiv';
import { setAttr, setChecked, setNote, setProp, setText, setValue, sliderHandle } from '../../shell/index.js';
import { clamp, formatNumber, formatParameter } from '../../util.js';
import { PAIRS, distOf, familyOf, handleSpec, paramOf } from './model.js';
import { NAMES, binsResult, describeDist, handlesHint } from './text.js';

const SIDES = ['p', 'q'];

// The slider and the exact-value field of parameter p of one side.
function parameterRow(side, p) {
  const row = document.createElement('div');
  row.className = 'param';
  row.dataset.freeze = ''; // its slider and field change with every move of a drag (shell/freeze.js)
  row.innerHTML = `<label class="param-label"><span class="param-name"><span class="param-symbol"></span>
      <span class="param-meaning"></span></span><input type="range" data-field="slider"></label>
    <input type="number" data-field="value" step="any">`; // static markup
  row.querySelector('.param-symbol').textContent = p.symbol;
  row.querySelector('.param-meaning').textContent = p.meaning;
  const slider = row.querySelector('[data-field="slider"]'), field = row.querySelector('[data-field="value"]');
  Object.assign(slider, p.log
    ? { min: String(Math.log10(p.min)), max: String(Math.log10(p.max)), step: '0.005' }
    : { min: String(p.min), max: String(p.max), step: '0.01' });
  Object.assign(field, { min: String(p.min), max: String(p.max) });
  for (const el of [slider, field]) Object.assign(el.dataset, { dist: side, param: p.key });
  // Both sides have a "μ mean": the names say whose it is.
  slider.setAttribute('aria-label', `${NAMES[side]}'s ${p.symbol} (${p.meaning})`);
  field.setAttribute('aria-label', `${NAMES[side]}'s ${p.symbol} (${p.meaning}), exact value`);
  return row;
}

/** The handles and the parameter rows for the state's family. */
export function buildControls({ shell, state }) {
  const handles = shell.$('[data-role="handles"]');
  handles.replaceChildren();
  for (const side of SIDES) {
    const family = familyOf(state, side);
    for (const h of family.handles) {
      const el = sliderHandle(`handle curve-handle handle-${side} handle-${h.id}`, { dist: side, handle: h.id });
      el.setAttribute('aria-label', `${NAMES[side]} ${h.name} (moves ${h.moves})`);
      handles.append(el);
    }
    shell.$(`[data-role="family-name-${side}"]`).textContent = family.name;
    shell.$(`[data-role="params-${side}"]`).replaceChildren(...family.params.map((p) => parameterRow(side, p)));
  }
  shell.$('[data-role="handles-hint"]').textContent = handlesHint(state);
  setValue(shell.$('[data-control="family"]'), state.family);
}

/** The handle element's side, family and spec. */
export function handleOf({ state }, el) {
  const side = el.dataset.dist, familyKey = PAIRS[state.family][side];
  return { side, familyKey, spec: handleSpec(familyKey, el.dataset.handle) };
}

function updateHandles(view) {
  const { shell, state, frame } = view;
  for (const el of shell.$$('[data-role="handles"] .handle')) {
    const { side, familyKey, spec } = handleOf(view, el);
    const x = spec.x(state[side]);
    setAttr(el, 'aria-valuenow', String(Number(x.toPrecision(6))));
    setAttr(el, 'aria-valuemin', String(Number(frame.x[0].toPrecision(6))));
    setAttr(el, 'aria-valuemax', String(Number(frame.x[1].toPrecision(6))));
    setAttr(el, 'aria-valuetext', `at x = ${formatNumber(x)}: ${describeDist(familyKey, state[side])}`);
  }
}

// Sliders and fields keep what the reader is moving or typing while they have focus.
function updateParameters({ shell, state }) {
  for (const el of shell.$$('[data-field="slider"]')) {
    const p = paramOf(PAIRS[state.family][el.dataset.dist], el.dataset.param);
    const v = state[el.dataset.dist][p.key];
    if (shell.focused() !== el || !el.matches(':active')) setValue(el, String(p.log ? Math.log10(v) : v));
    setAttr(el, 'aria-valuetext', `${p.symbol} = ${formatParameter(v)}`);
  }
  for (const el of shell.$$('[data-field="value"]')) {
    if (shell.focused() !== el) setValue(el, String(state[el.dataset.dist][el.dataset.param]));
  }
}

/** The writer of the parameters' fields, in turns while a handle is dragged (made at mount). */
export const parametersInTurns = (view) => view.shell.inTurns(() => updateParameters(view));

/** Every control shows the state; while a handle is dragged (settled false) the parameters' fields in turns. */
export function updateControls(view, { settled = true } = {}) {
  const { shell, state, lastBins } = view;
  updateHandles(view);
  view.parametersInTurns(!settled);
  setChecked(shell.$$('input[name="units"]'), state.units);
  const binsOn = shell.$('[data-control="bins-on"]'), binsSlider = shell.$('[data-control="bins"]');
  setProp(binsOn, 'checked', Boolean(state.bins));
  setProp(binsSlider, 'disabled', !state.bins);
  setValue(binsSlider, String(state.bins || lastBins));
  setText(shell.$('[data-role="bins-value"]'), String(state.bins || lastBins));
  setValue(shell.$('[data-control="family"]'), state.family);
}

// Where a handle sits on its curve: the density at its x (a uniform's upper
// end: just inside it, so the handle sits on the top corner, not below it).
function handleHeight(state, side, x, width) {
  const density = Math.exp(logDensity(distOf(state, side), x)[0]);
  return density > 0 ? density : Math.exp(logDensity(distOf(state, side), x - width * 1e-7)[0]);
}

/** Puts each handle on its curve, after every layout of the curves chart; one off the chart hides unless focused. */
export function placeHandles(view, chart) {
  const { shell, state, frame } = view;
  if (!frame) return;
  const { chartArea, scales: { x, y } } = chart;
  for (const el of shell.$$('[data-role="handles"] .handle')) {
    const { side, spec } = handleOf(view, el);
    const hx = spec.x(state[side]), density = handleHeight(state, side, hx, frame.x[1] - frame.x[0]);
    const px = x.getPixelForValue(hx), py = y.getPixelForValue(Number.isFinite(density) ? density : frame.y);
    const outside = px < chartArea.left - 1 || px > chartArea.right + 1;
    setProp(el, 'hidden', outside && shell.focused() !== el);
    // Moved by a transform, which needs no layout (left and top would lay out the page again on every move).
    el.style.transform = `translate(${clamp(px, chartArea.left, chartArea.right)}px, ${clamp(py, chartArea.top, chartArea.bottom)}px)`;
  }
}

function showBinned({ shell, state }, m, bins) {
  for (const key of ['klPQ', 'klQP']) {
    const el = shell.$(`[data-binned="${key}"]`);
    setProp(shell.$(`[data-role="binned-${key}"]`), 'hidden', !bins);
    if (!bins) continue;
    setText(el, `${formatNumber(bins[key])} ${state.units}`);
    setAttr(el, 'data-value', String(bins[key]));
  }
  shell.$$('[data-bins-k]').forEach((el) => setText(el, `${state.bins} bins`));
  setNote(shell.$('[data-role="bins-result"]'), bins ? binsResult(m, bins, state.units) : '');
}

/** The measures m, the binned KL (bins, or null) and what the library could not compute (errors). */
export function showNumbers(view, m, bins, errors) {
  const { shell, state } = view;
  for (const el of shell.$$('[data-measure]')) {
    const v = m[el.dataset.measure];
    setText(el, formatNumber(v));
    setAttr(el, 'data-value', String(v));
  }
  shell.$$('[data-unit]').forEach((el) => setText(el, state.units));
  showBinned(view, m, bins);
  setNote(shell.$('[data-role="error-note"]'), errors.length ? `The library could not compute everything: ${errors.join('; ')}` : '');
}
