// The small P/Q editor of the code and evidence views: a slider per outcome
// for P and one for Q (the other outcomes of that distribution make room, as
// the discrete view's bars do), and the values typed as lists ("0.6, 0.3,
// 0.1"; counts are normalised) with the outcomes' names. It edits the part
// of the state that ../outcomes.js reads, through set(next, { settled }).
import { parseDistribution } from '../input.js';
import { setNote } from '../shell/index.js';
import { formatProbability } from '../util.js';
import { MAX_OUTCOMES, MIN_OUTCOMES, cleanLabel, letters, setProbability } from './discrete/model.js';

const field = (attributes) => `<input type="text" ${attributes} autocomplete="off" spellcheck="false">`;

export const EDITOR_TEMPLATE = `
  <details class="panel outcomes-panel" data-panel="outcomes" open>
    <summary>P and Q: slide, or type the values</summary>
    <div class="pair-rows" data-role="pair-rows"></div>
    <div class="pair-fields">
      <label><span class="p-name">P</span> ${field('data-field="dist" data-dist="p"')}</label>
      <label><span class="q-name">Q</span> ${field('data-field="dist" data-dist="q"')}</label>
      <label>Outcomes ${field('data-field="labels"')}</label>
    </div>
    <p class="hint">Type ${MIN_OUTCOMES} to ${MAX_OUTCOMES} numbers separated by commas (counts are fine: they are
      normalised) and press Enter; the names too. A change starts the draws again.</p>
    <p class="field-error" data-role="pair-error" role="alert" hidden></p>
  </details>`;

const slider = (dist) => `<label class="pair-slider pair-${dist}"><input type="range" min="0" max="1" step="0.01"
  data-field="share" data-dist="${dist}"><output></output></label>`;

/** A row of sliders per outcome of the state. */
export function buildEditor(shell, state) {
  const rows = state.p.map((_, i) => {
    const row = document.createElement('div');
    row.className = 'pair-row';
    row.innerHTML = `<span class="pair-label"></span>${slider('p')}${slider('q')}`; // static markup
    row.querySelectorAll('input').forEach((el) => { el.dataset.index = String(i); });
    return row;
  });
  shell.$('[data-role="pair-rows"]').replaceChildren(...rows);
}

const shown = (values) => values.map((v) => String(Number(v.toPrecision(6)))).join(', ');

/** The sliders and fields show the state; a field the reader is typing in, or has typed in, keeps its text. */
export function updateEditor(shell, state) {
  for (const row of shell.$$('[data-role="pair-rows"] .pair-row')) {
    const i = Number(row.querySelector('input').dataset.index);
    row.querySelector('.pair-label').textContent = state.labels[i];
    for (const input of row.querySelectorAll('input')) {
      const v = state[input.dataset.dist][i];
      if (!input.matches(':active')) input.value = String(v);
      input.setAttribute('aria-label', `${input.dataset.dist.toUpperCase()}(${state.labels[i]})`);
      input.setAttribute('aria-valuetext', formatProbability(v));
      input.nextElementSibling.textContent = formatProbability(v);
    }
  }
  const texts = { p: shown(state.p), q: shown(state.q), labels: state.labels.join(', ') };
  for (const input of shell.$$('input[data-field="dist"], input[data-field="labels"]')) {
    const key = input.dataset.dist ?? 'labels';
    if (shell.focused() !== input && !input.dataset.edited) input.value = texts[key];
  }
  shell.$('input[data-field="dist"][data-dist="p"]').setAttribute('aria-label', 'P, the values');
  shell.$('input[data-field="dist"][data-dist="q"]').setAttribute('aria-label', 'Q, the values');
  shell.$('input[data-field="labels"]').setAttribute('aria-label', 'names of the outcomes');
}

// What the typed fields ask for: { next } or { problem }; fields not typed in keep the state's part.
function typed(shell, state) {
  const get = (selector) => shell.$(selector);
  const edited = (el) => Boolean(el.dataset.edited);
  const read = (dist) => {
    const el = get(`input[data-field="dist"][data-dist="${dist}"]`);
    return edited(el) ? parseDistribution(el.value, dist.toUpperCase(), { min: MIN_OUTCOMES, max: MAX_OUTCOMES }) : [state[dist]];
  };
  const [p, pProblem] = read('p'), [q, qProblem] = read('q');
  if (!p || !q) return { problem: `${pProblem ?? qProblem}.` };
  if (p.length !== q.length) return { problem: `P has ${p.length} values and Q ${q.length}: give both the same number.` };
  const labelsField = get('input[data-field="labels"]');
  let labels = edited(labelsField) ? labelsField.value.split(',').map((l) => cleanLabel(l.trim())) : state.labels;
  if (edited(labelsField) && labels.length !== p.length) {
    return { problem: `${labels.length} names were given for ${p.length} outcomes.` };
  }
  if (labels.length !== p.length) labels = letters(p.length);
  return { next: { ...state, labels, p, q } };
}

function applyTyped(shell, state, set) {
  const fields = shell.$$('input[data-field="dist"], input[data-field="labels"]');
  if (!fields.some((el) => el.dataset.edited)) return; // Enter, then the change it brings
  const { next, problem } = typed(shell, state);
  setNote(shell.$('[data-role="pair-error"]'), problem ?? '');
  for (const el of fields) el.setAttribute('aria-invalid', String(Boolean(problem && el.dataset.edited)));
  if (!next) return;
  for (const el of fields) delete el.dataset.edited;
  set(next, { settled: true });
}

/**
 * Wires the editor: `state()` reads the view's state, set(next, { settled })
 * changes it (settled false while a slider moves). The sliders keep the sum
 * 1, the others of that distribution making room.
 */
export function wireEditor(shell, { state, set }) {
  const isField = (el) => el.matches?.('input[data-field="dist"], input[data-field="labels"]');
  shell.on(shell.root, 'input', (event) => {
    const el = event.target;
    if (isField(el)) el.dataset.edited = 'true';
    if (el.dataset.field !== 'share') return;
    const { dist } = el.dataset, i = Number(el.dataset.index), current = state();
    const values = setProbability(current[dist], current[dist].map(() => false), i, Number(el.value));
    if (values) set({ ...current, [dist]: values }, { settled: false });
  });
  shell.on(shell.root, 'change', (event) => {
    if (event.target.dataset.field === 'share') set(state(), { settled: true });
    else if (isField(event.target)) applyTyped(shell, state(), set);
  });
  shell.on(shell.root, 'keydown', (event) => {
    if (event.key === 'Enter' && isField(event.target)) applyTyped(shell, state(), set);
  });
}
