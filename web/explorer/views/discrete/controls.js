// The discrete view's controls and numbers on screen: the drag handles over
// the bars (../pair-bars/handles.js), a row of the outcomes table per outcome, the sums, the text fields of
// whole distributions, the measures. Each function takes the view (see
// mount.js) and brings the DOM in line with its state.
import { setAttr, setChecked, setNote, setProp, setText, setValue } from '../../shell/index.js';
import { formatNumber } from '../../util.js';
import { buildHandles, updateHandles } from '../pair-bars/handles.js';
import { MAX_OUTCOMES, MIN_OUTCOMES, sumsToOne } from './model.js';
import { MEASURES, ROW_TEMPLATE } from './template.js';
import { infinityNote } from './text.js';

/** A handle per bar and a table row per outcome, for the state's number of outcomes. */
export function buildOutcomeControls({ shell, state, charts }) {
  buildHandles(shell, state.p.length);
  const rows = shell.$('[data-role="rows"]');
  rows.replaceChildren();
  state.p.forEach((_, i) => {
    const row = document.createElement('tr');
    row.innerHTML = ROW_TEMPLATE; // static markup
    row.dataset.index = String(i);
    row.querySelectorAll('input, button').forEach((el) => { el.dataset.index = String(i); });
    rows.append(row);
  });
  charts?.bars.update('none'); // lays out the new handles (once the charts are made)
}

// One table row: fields keep what the reader is typing while they have focus.
function updateRow(row, { shell, state, current }) {
  const i = Number(row.dataset.index), name = (dist) => `${dist.toUpperCase()}(${state.labels[i]})`;
  setAttr(row, 'data-infinite', String(current.infinite[i]));
  const label = row.querySelector('[data-field="label"]');
  if (shell.focused() !== label) setValue(label, state.labels[i]);
  setAttr(label, 'aria-label', `label of outcome ${i + 1}`);
  for (const dist of ['p', 'q']) {
    const input = row.querySelector(`[data-field="value"][data-dist="${dist}"]`);
    if (shell.focused() !== input) setValue(input, String(Number(state[dist][i].toFixed(4))));
    setAttr(input, 'aria-label', name(dist));
    const lock = row.querySelector(`[data-field="lock"][data-dist="${dist}"]`);
    setProp(lock, 'checked', state.locked[dist][i]);
    setAttr(lock, 'aria-label', `lock ${name(dist)}`);
  }
  const remove = row.querySelector('[data-action="remove"]');
  setProp(remove, 'disabled', state.p.length <= MIN_OUTCOMES);
  setAttr(remove, 'aria-label', `remove ${state.labels[i]}`);
}

const sumOf = (values) => values.reduce((s, v) => s + v, 0);

// The sums under the table and, when one is not 1 (typed values), what the measures do about it.
function showSums({ shell, state }) {
  const off = ['p', 'q'].filter((dist) => !sumsToOne(state[dist]));
  for (const dist of ['p', 'q']) {
    const cell = shell.$(`[data-sum="${dist}"]`);
    setText(cell, String(Number(sumOf(state[dist]).toFixed(4))));
    setAttr(cell, 'data-off', String(off.includes(dist)));
  }
  const text = off.map((dist) => `${dist.toUpperCase()} sums to ${Number(sumOf(state[dist]).toPrecision(4))}, not 1`).join('; ');
  const [names, one] = [off.map((d) => d.toUpperCase()).join(' and '), off.length === 1];
  setText(shell.$('[data-role="sum-text"]'), off.length
    ? `${text}. The measures use ${names} divided by ${one ? 'its sum' : 'their sums'}. Normalise makes ${one ? 'it' : 'them'} `
      + 'sum to 1 (locked values stay when they can).' : '');
  setProp(shell.$('[data-role="sum-note"]'), 'hidden', !off.length);
}

/**
 * The text fields of whole distributions show the state, except one the
 * reader is typing in or whose text was refused (force: all of them).
 */
export function showDistributionTexts({ shell, state }, { force = false } = {}) {
  for (const input of shell.$$('[data-field="dist-text"]')) {
    if (!force && (shell.focused() === input || input.getAttribute('aria-invalid') === 'true')) continue;
    setAttr(input, 'data-shown', state[input.dataset.dist].map((v) => String(Number(v.toPrecision(6)))).join(', '));
    setValue(input, input.dataset.shown);
    input.removeAttribute('aria-invalid');
  }
}

// The table rows, the sums and the text fields show the state.
function updateFields(view) {
  for (const row of view.shell.$$('[data-role="rows"] tr')) updateRow(row, view);
  setProp(view.shell.$('[data-action="add"]'), 'disabled', view.state.p.length >= MAX_OUTCOMES);
  showSums(view);
  showDistributionTexts(view);
}

/** The writer of the table and the text fields, in turns while a bar is dragged (made at mount). */
export const fieldsInTurns = (view) => view.shell.inTurns(() => updateFields(view));

/** The handles show the state, and the table and the text fields too: in turns while a bar is dragged (settled false). */
export function updateOutcomeControls(view, { settled = true } = {}) {
  updateHandles(view.shell, view.state, view.current.infinite);
  view.fieldsInTurns(!settled);
}

/** The measures m of the state, in its units, with the note on infinite KL. */
export function showMeasures({ shell, state }, m) {
  for (const [key] of MEASURES) {
    const el = shell.$(`[data-measure="${key}"]`);
    setText(el, formatNumber(m[key]));
    setAttr(el, 'data-value', String(m[key]));
  }
  shell.$$('[data-quick]').forEach((el) => setText(el, formatNumber(m[el.dataset.quick])));
  shell.$$('[data-unit]').forEach((el) => setText(el, state.units));
  setChecked(shell.$$('input[name="units"]'), state.units);
  setNote(shell.$('[data-role="infinity-note"]'), infinityNote(state));
}
