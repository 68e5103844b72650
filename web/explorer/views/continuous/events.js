// What a reader does to the continuous view: drag a handle on a curve or
// move it with keys, move a slider, type a parameter, pick a family, swap,
// reset, switch units or bins. Each ends in setState or render (render.js).
import { makeDraggable, onKeys, setNote } from '../../shell/index.js';
import { niceStep, steppedFrom } from '../../numerics/curves.js';
import { clamp } from '../../util.js';
import { PAIRS, constrain, dragHandle, fromPair, paramOf, swapped } from './model.js';
import { handleOf } from './controls.js';
import { render, setState } from './render.js';
import { fieldProblem } from './text.js';

const setSide = (view, side, values, options) => setState(view, { ...view.state, [side]: values }, options);

function wireDragging(view) {
  view.dragger = makeDraggable(view.shell, '.curve-handle', {
    start(el, { clientX }) {
      const box = el.getBoundingClientRect();
      view.freeze(true); // now, not in the first move's frame: there its style changes would be laid out at once
      return { el, offset: clientX - (box.left + box.width / 2) }; // grabbed off-centre, the handle keeps its offset
    },
    move({ el, offset }, { x }) {
      const { side, familyKey, spec } = handleOf(view, el);
      const target = clamp(view.charts.curves.scales.x.getValueForPixel(x - offset), ...view.frame.x);
      setSide(view, side, dragHandle(familyKey, view.state[side], spec.id, target), { settled: false });
    },
    end: () => render(view, { settled: true }),
    origin: () => view.shell.$('[data-chart="curves"]'),
  });
}

// Arrow keys and Page Up/Down step a handle along x (Shift: ten steps).
function pressKey(view, el, event) {
  const dir = { ArrowRight: 1, ArrowUp: 1, PageUp: 10, ArrowLeft: -1, ArrowDown: -1, PageDown: -10 }[event.key];
  if (!dir) return false;
  const { side, familyKey, spec } = handleOf(view, el);
  const step = niceStep(view.frame.x[1] - view.frame.x[0]) * (event.shiftKey ? 10 : 1);
  setSide(view, side, dragHandle(familyKey, view.state[side], spec.id, steppedFrom(spec.x(view.state[side]), step, dir)));
  return true;
}

function setFromSlider(view, el, settled) {
  const side = el.dataset.dist, familyKey = PAIRS[view.state.family][side], p = paramOf(familyKey, el.dataset.param);
  const raw = Number(el.value), v = p.log ? Number((10 ** raw).toPrecision(3)) : raw;
  setSide(view, side, constrain(familyKey, { ...view.state[side], [p.key]: v }, p.key), { settled });
}

// A typed parameter: set if the family allows it, else a note saying what it may be.
function typeValue(view, el) {
  const side = el.dataset.dist, familyKey = PAIRS[view.state.family][side], p = paramOf(familyKey, el.dataset.param);
  const value = el.value.trim() === '' ? NaN : Number(el.value);
  const next = { ...view.state[side], [p.key]: value };
  const problem = fieldProblem(side, familyKey, p, value, next);
  el.setAttribute('aria-invalid', String(Boolean(problem)));
  setNote(view.shell.$('[data-role="field-error"]'), problem);
  if (!problem) setSide(view, side, { ...next });
}

function change(view, el) {
  const { state } = view;
  if (el.name === 'units') setState(view, { ...state, units: el.value });
  else if (el.dataset.control === 'family') setState(view, fromPair(el.value, state.units, state.bins), { fresh: true });
  else if (el.dataset.control === 'bins-on') setState(view, { ...state, bins: el.checked ? view.lastBins : 0 });
  else if (el.dataset.control === 'bins') setState(view, { ...state, bins: Number(el.value) });
  else if (el.dataset.field === 'slider') setFromSlider(view, el, true);
  else if (el.dataset.field === 'value') typeValue(view, el);
}

/** Wires every listener of the view (the shell removes them on destroy). */
export function wireEvents(view) {
  const { shell } = view;
  wireDragging(view);
  onKeys(shell, '.curve-handle', (el, event) => pressKey(view, el, event));
  shell.on(shell.root, 'submit', (event) => event.preventDefault());
  shell.on(shell.root, 'click', (event) => {
    const button = event.target.closest?.('button');
    if (!button || !shell.root.contains(button)) return;
    const { state } = view;
    if (button.dataset.action === 'swap') setState(view, swapped(state), { fresh: true });
    else if (button.dataset.action === 'reset') setState(view, fromPair(state.family, state.units, state.bins), { fresh: true });
    else if (button.dataset.action === 'undo') view.history.undo();
  });
  shell.on(shell.root, 'input', (event) => {
    const el = event.target;
    if (el.dataset.field === 'slider') setFromSlider(view, el, false);
    else if (el.dataset.control === 'bins') setState(view, { ...view.state, bins: Number(el.value) }, { settled: false });
  });
  shell.on(shell.root, 'change', (event) => change(view, event.target));
}
