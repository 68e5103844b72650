// What a reader does to the discrete view: drag a bar or move it with keys,
// lock it, pick a preset, swap, reset, add or remove an outcome, type a value,
// a whole distribution or a label, normalise, undo, switch units. Each ends
// in setState or render (render.js).
import { setNote } from '../../shell/index.js';
import { formatNumber } from '../../util.js';
import { wireHandles } from '../pair-bars/handles.js';
import {
  DEFAULT_PRESET, addOutcome, cleanLabel, fromPreset, normalised, parseDistributionText, removeOutcome, swapped,
  toggledLock, withDistributions,
} from './model.js';
import { showDistributionTexts } from './controls.js';
import { render, setState } from './render.js';

// L on a focused handle locks or frees its bar; the other keys and dragging are ../pair-bars/handles.js's.
function lockKey(view, el, event) {
  if (event.key !== 'l' && event.key !== 'L') return false;
  setState(view, toggledLock(view.state, el.dataset.dist, Number(el.dataset.index)));
  return true;
}

function clickButton(view, button) {
  const { preset, action } = button.dataset, { state } = view;
  if (preset) setState(view, fromPreset(preset, state.units));
  else if (action === 'swap') setState(view, swapped(state));
  else if (action === 'reset') setState(view, fromPreset(DEFAULT_PRESET, state.units)); // units are a preference: kept
  else if (action === 'add') setState(view, addOutcome(state));
  else if (action === 'remove') setState(view, removeOutcome(state, Number(button.dataset.index)));
  else if (action === 'normalise') setState(view, { ...state, p: normalised(state.p, state.locked.p), q: normalised(state.q, state.locked.q) });
  else if (action === 'undo') view.history.undo();
}

// A typed value: set exactly if it is a probability, the others left as they
// are (the reader normalises when ready); else a note saying what it may be.
function typeValue(view, input) {
  const { dist } = input.dataset, i = Number(input.dataset.index), { state } = view;
  const value = input.value.trim() === '' ? NaN : Number(input.value);
  const name = `${dist.toUpperCase()}(${state.labels[i]})`;
  const values = state[dist].map((v, j) => (j === i ? value : v));
  const problem = !Number.isFinite(value) || value < 0 || value > 1 ? `${name} must be a number from 0 to 1.`
    : state.locked[dist][i] ? `${name} is locked; unlock it first.`
      : values.every((v) => v === 0) ? `${name} cannot be 0 too: ${dist.toUpperCase()} would be all zeros.` : '';
  input.setAttribute('aria-invalid', String(Boolean(problem)));
  setNote(view.shell.$('[data-role="field-error"]'), problem);
  if (!problem) setState(view, { ...state, [dist]: values });
}

// One text field of the distribution form: the current values if it was left as shown, else what it says.
function readDistributionText(view, input) {
  if (input.value.trim() === input.dataset.shown) return { values: view.state[input.dataset.dist], divided: null };
  return parseDistributionText(input.value);
}

// "Set P and Q": both fields read, checked, and set together (a new number of outcomes needs both).
function submitDistributions(view) {
  const { shell } = view, fields = shell.$$('[data-field="dist-text"]');
  const read = fields.map((input) => readDistributionText(view, input)), [p, q] = read;
  const problems = read.map((r, d) => (r.problem ? `${'PQ'[d]}: ${r.problem}.` : ''));
  if (!p.problem && !q.problem && p.values.length !== q.values.length) {
    problems.fill(`P has ${p.values.length} entries and Q has ${q.values.length}: give both the same number of entries.`);
  }
  fields.forEach((input, d) => input.setAttribute('aria-invalid', String(Boolean(problems[d]))));
  setNote(shell.$('[data-role="dist-error"]'), [...new Set(problems)].filter(Boolean).join(' '));
  const status = shell.$('[data-role="dist-status"]');
  status.textContent = '';
  if (problems.some(Boolean)) return;
  setState(view, withDistributions(view.state, p.values, q.values));
  showDistributionTexts(view, { force: true });
  const divided = read.flatMap((r, d) => (r.divided ? [`${'PQ'[d]} was divided by its sum, ${formatNumber(r.divided)}`] : []));
  status.textContent = `Set.${divided.length ? ` ${divided.join('; ')}.` : ''}`;
}

function change(view, input) {
  if (input.name === 'units') return setState(view, { ...view.state, units: input.value });
  if (input.dataset.field === 'lock') return setState(view, toggledLock(view.state, input.dataset.dist, Number(input.dataset.index)));
  if (input.dataset.field === 'value') typeValue(view, input);
  return undefined;
}

/** Wires every listener of the view (the shell removes them on destroy). */
export function wireEvents(view) {
  const { shell } = view;
  wireHandles(shell, {
    state: () => view.state, chart: () => view.charts.bars,
    set: (next, options) => setState(view, next, options),
    settle: () => render(view, { settled: true }),
    key: (el, event) => lockKey(view, el, event),
  });
  shell.on(shell.root, 'submit', (event) => { // no form navigates
    event.preventDefault();
    if (event.target.matches('[data-role="dist-form"]')) submitDistributions(view);
  });
  shell.on(shell.root, 'click', (event) => {
    const button = event.target.closest?.('button');
    if (button && shell.root.contains(button)) clickButton(view, button);
  });
  shell.on(shell.root, 'change', (event) => change(view, event.target));
  shell.on(shell.root, 'input', (event) => {
    const input = event.target;
    if (input.dataset.field !== 'label') return;
    const labels = view.state.labels.slice();
    labels[Number(input.dataset.index)] = cleanLabel(input.value);
    setState(view, { ...view.state, labels });
  });
}
