// The discrete view's controls and numbers on screen: a drag handle over each
// bar, a row of the outcomes table per outcome, the measures. Each function
// takes the view (see mount.js) and brings the DOM in line with its state.
import { setNote, sliderHandle } from '../../shell/index.js';
import { formatNumber, formatProbability } from '../../util.js';
import { MAX_OUTCOMES, MIN_OUTCOMES } from './model.js';
import { MEASURES, ROW_TEMPLATE } from './template.js';
import { infinityNote } from './text.js';

/** A handle per bar and a table row per outcome, for the state's number of outcomes. */
export function buildOutcomeControls({ shell, state, charts }) {
  const handles = shell.$('[data-role="handles"]');
  handles.replaceChildren();
  for (const dist of ['p', 'q']) {
    state.p.forEach((_, i) => {
      const handle = sliderHandle(`handle handle-${dist}`, { dist, index: String(i) });
      handle.setAttribute('aria-valuemin', '0');
      handle.setAttribute('aria-valuemax', '1');
      handles.append(handle);
    });
  }
  const rows = shell.$('[data-role="rows"]');
  rows.replaceChildren();
  state.p.forEach((_, i) => {
    const row = document.createElement('tr');
    row.innerHTML = ROW_TEMPLATE; // static markup
    row.dataset.index = String(i);
    row.querySelectorAll('input, button').forEach((el) => { el.dataset.index = String(i); });
    rows.append(row);
  });
  charts.bars.update('none'); // lays out the new handles
}

function updateHandles({ shell, state, current }) {
  for (const handle of shell.$$('[data-role="handles"] .handle')) {
    const { dist } = handle.dataset, i = Number(handle.dataset.index);
    const v = state[dist][i], locked = state.locked[dist][i];
    handle.setAttribute('aria-label', `${dist.toUpperCase()}(${state.labels[i]})`);
    handle.setAttribute('aria-valuenow', String(Number(v.toFixed(3))));
    handle.setAttribute('aria-valuetext', `${formatProbability(v)}${locked ? ', locked' : ''}`);
    handle.dataset.locked = String(locked);
    handle.dataset.infinite = String(current.infinite[i]);
  }
}

// One table row: fields keep what the reader is typing while they have focus.
function updateRow(row, { shell, state, current }) {
  const i = Number(row.dataset.index), name = (dist) => `${dist.toUpperCase()}(${state.labels[i]})`;
  row.dataset.infinite = String(current.infinite[i]);
  const label = row.querySelector('[data-field="label"]');
  if (shell.focused() !== label) label.value = state.labels[i];
  label.setAttribute('aria-label', `label of outcome ${i + 1}`);
  for (const dist of ['p', 'q']) {
    const input = row.querySelector(`[data-field="value"][data-dist="${dist}"]`);
    if (shell.focused() !== input) input.value = String(Number(state[dist][i].toFixed(4)));
    input.setAttribute('aria-label', name(dist));
    const lock = row.querySelector(`[data-field="lock"][data-dist="${dist}"]`);
    lock.checked = state.locked[dist][i];
    lock.setAttribute('aria-label', `lock ${name(dist)}`);
  }
  const remove = row.querySelector('[data-action="remove"]');
  remove.disabled = state.p.length <= MIN_OUTCOMES;
  remove.setAttribute('aria-label', `remove ${state.labels[i]}`);
}

/** The handles and the table rows show the state. */
export function updateOutcomeControls(view) {
  updateHandles(view);
  for (const row of view.shell.$$('[data-role="rows"] tr')) updateRow(row, view);
  view.shell.$('[data-action="add"]').disabled = view.state.p.length >= MAX_OUTCOMES;
}

/** Puts each handle over its bar; `geometry[d][i]` is the box of bar i of P (d = 0) or Q (d = 1). */
export function placeHandles({ shell }, geometry) {
  for (const handle of shell.$$('[data-role="handles"] .handle')) {
    const box = geometry[handle.dataset.dist === 'p' ? 0 : 1]?.[Number(handle.dataset.index)];
    if (!box) continue;
    Object.assign(handle.style, {
      left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`,
    });
  }
}

/** The measures m of the state, in its units, with the note on infinite KL. */
export function showMeasures({ shell, state }, m) {
  for (const [key] of MEASURES) {
    const el = shell.$(`[data-measure="${key}"]`);
    el.textContent = formatNumber(m[key]);
    el.dataset.value = String(m[key]);
  }
  shell.$$('[data-quick]').forEach((el) => { el.textContent = formatNumber(m[el.dataset.quick]); });
  shell.$$('[data-unit]').forEach((el) => { el.textContent = state.units; });
  shell.$$('input[name="units"]').forEach((input) => { input.checked = input.value === state.units; });
  setNote(shell.$('[data-role="infinity-note"]'), infinityNote(state));
}
