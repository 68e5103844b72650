// What a reader does to the evidence view: switch the truth, pick how many
// runs of how many samples, a seed or new draws, switch units, drag P and Q's
// bars or type them.
// Each ends in setState (render.js).
import { MAX_SEED } from '../../input.js';
import { wireEditor } from '../outcomes-editor.js';
import { setState } from './render.js';

// A fresh seed for "New draws": any whole number a link can hold (up to MAX_SEED = 2^53 − 1).
const newSeed = () => {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return Math.min((high % 2 ** 21) * 2 ** 32 + low, MAX_SEED);
};

// A typed seed: used if it is a whole number a link can hold, else put back.
function typeSeed(view, input) {
  const seed = Number(input.value);
  if (input.value.trim() !== '' && Number.isSafeInteger(seed) && seed >= 0) setState(view, { ...view.state, seed });
  else input.value = String(view.state.seed);
}

function change(view, el) {
  const { state } = view;
  if (el.name === 'units') setState(view, { ...state, units: el.value });
  else if (el.name === 'truth') setState(view, { ...state, truth: el.value });
  else if (el.dataset.control === 'runs') setState(view, { ...state, runs: Number(el.value) });
  else if (el.dataset.control === 'n') setState(view, { ...state, n: Number(el.value) });
  else if (el.dataset.control === 'seed') typeSeed(view, el);
}

/** Wires every listener of the view (the shell removes them on destroy). */
export function wireEvents(view) {
  const { shell } = view;
  shell.on(shell.root, 'submit', (event) => event.preventDefault()); // the radio forms never navigate
  shell.on(shell.root, 'click', (event) => {
    const button = event.target.closest?.('button[data-action="new-seed"]');
    if (button && shell.root.contains(button)) setState(view, { ...view.state, seed: newSeed() });
  });
  shell.on(shell.root, 'change', (event) => change(view, event.target));
  view.history = wireEditor(shell, {
    state: () => view.state, chart: () => view.charts.bars, set: (next, options) => setState(view, next, options),
  });
}
