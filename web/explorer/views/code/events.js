// What a reader does to the code view: play, pause, step, restart, pick a
// speed or a seed, switch units, drag P and Q's bars or type them. Each ends in setState
// (render.js) or in the run (run.js).
import { MAX_SEED } from '../../input.js';
import { wireEditor } from '../outcomes-editor.js';
import { renderRun, setState } from './render.js';
import { pause, play, restartRun, step } from './run.js';

// A fresh seed for "New seed": any whole number a link can hold (up to MAX_SEED = 2^53 − 1).
const newSeed = () => {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return Math.min((high % 2 ** 21) * 2 ** 32 + low, MAX_SEED);
};

function clickButton(view, action) {
  if (action === 'play') {
    if (view.run.playing) pause(view);
    else play(view);
  } else if (action === 'step') {
    step(view);
  } else if (action === 'restart') {
    restartRun(view);
    renderRun(view);
  } else if (action === 'new-seed') {
    setState(view, { ...view.state, seed: newSeed() });
  }
}

// A typed seed: used if it is a whole number a link can hold, else put back.
function typeSeed(view, input) {
  const seed = Number(input.value);
  if (input.value.trim() !== '' && Number.isSafeInteger(seed) && seed >= 0) setState(view, { ...view.state, seed });
  else input.value = String(view.state.seed);
}

/** Wires every listener of the view (the shell removes them on destroy). */
export function wireEvents(view) {
  const { shell } = view;
  shell.on(shell.root, 'submit', (event) => event.preventDefault()); // the units form never navigates
  shell.on(shell.root, 'click', (event) => {
    const button = event.target.closest?.('button[data-action]');
    if (button && shell.root.contains(button)) clickButton(view, button.dataset.action);
  });
  shell.on(shell.root, 'change', (event) => {
    const el = event.target;
    if (el.name === 'units') setState(view, { ...view.state, units: el.value });
    else if (el.dataset.control === 'speed') setState(view, { ...view.state, speed: Number(el.value) });
    else if (el.dataset.control === 'seed') typeSeed(view, el);
  });
  view.history = wireEditor(shell, {
    state: () => view.state, chart: () => view.charts.bars, set: (next, options) => setState(view, next, options),
  });
}
