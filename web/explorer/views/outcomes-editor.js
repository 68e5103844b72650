// The P/Q editor of the code and evidence views: P and Q as bars to drag (or
// move with keys on their focused handles), the other outcomes of that
// distribution making room, as in the discrete view (./pair-bars/), and the
// values typed as lists ("0.6, 0.3, 0.1"; counts are normalised) with the
// outcomes' names. It edits the part of the state that ./outcomes.js reads,
// through set(next, { settled }).
import { parseDistribution } from '../input.js';
import { setAttr, setNote, setValue, undoHistory } from '../shell/index.js';
import { MAX_OUTCOMES, MIN_OUTCOMES, cleanLabel, letters } from './discrete/model.js';
import { drawBars, infiniteOutcomes } from './pair-bars/draw.js';
import { barsMarkup, buildHandles, placeHandles, updateHandles, wireHandles } from './pair-bars/handles.js';

const field = (attributes) => `<input type="text" ${attributes} autocomplete="off" spellcheck="false">`;

export const EDITOR_TEMPLATE = `
  <details class="panel outcomes-panel" data-panel="outcomes" open>
    <summary>P and Q: drag the bars, or type the values</summary>
    ${barsMarkup('Bar chart of the distributions P and Q')}
    <div class="chart-actions">
      <button type="button" data-action="undo" aria-keyshortcuts="Control+Z Meta+Z" disabled>Undo</button>
    </div>
    <p class="hint">Drag a bar, or focus it and use the arrow keys (Page Up/Down for big steps, Home for 0):
      the other bars of that distribution make room, and the draws start again. Undo (Ctrl+Z) takes back
      the last change.</p>
    <div class="pair-fields" data-freeze>
      <label><span class="p-name">P</span> ${field('data-field="dist" data-dist="p"')}</label>
      <label><span class="q-name">Q</span> ${field('data-field="dist" data-dist="q"')}</label>
      <label>Outcomes ${field('data-field="labels"')}</label>
    </div>
    <p class="hint">Type ${MIN_OUTCOMES} to ${MAX_OUTCOMES} numbers separated by commas (counts are fine: they are
      normalised) and press Enter; the names too. A change starts the draws again.</p>
    <p class="field-error" data-role="pair-error" role="alert" hidden></p>
  </details>`;

/** A drag handle per bar of P and Q. */
export function buildEditor(shell, state) {
  buildHandles(shell, state.p.length);
}

const shown = (values) => values.map((v) => String(Number(v.toPrecision(6)))).join(', ');

// The fields show the state; a field the reader is typing in, or has typed in, keeps its text.
function showFields(shell, state) {
  const texts = { p: shown(state.p), q: shown(state.q), labels: state.labels.join(', ') };
  for (const input of shell.$$('input[data-field="dist"], input[data-field="labels"]')) {
    const key = input.dataset.dist ?? 'labels';
    if (shell.focused() !== input && !input.dataset.edited) setValue(input, texts[key]);
  }
  setAttr(shell.$('input[data-field="dist"][data-dist="p"]'), 'aria-label', 'P, the values');
  setAttr(shell.$('input[data-field="dist"][data-dist="q"]'), 'aria-label', 'Q, the values');
  setAttr(shell.$('input[data-field="labels"]'), 'aria-label', 'names of the outcomes');
}

/**
 * The bars chart of the editor: `plugin`, what createBarsChart's plugin
 * reads (../pair-bars/chart.js, loaded with the view's charts),
 * draw(chart, state, { settled }) to show the state (no animation while a
 * bar moves), and show(state, { settled }) to show it in the handles and the
 * fields (the fields in turns while a bar moves: shell/turns.js).
 */
export function editorBars(shell) {
  const plugin = { locked: [[], []], infinite: [], onLayout: (geometry) => placeHandles(shell, geometry) };
  const fields = shell.inTurns((state) => showFields(shell, state));
  return {
    plugin,
    draw(chart, state, { settled }) {
      plugin.infinite = infiniteOutcomes(state);
      drawBars(chart, state, settled ? undefined : 'none');
    },
    show(state, { settled }) {
      updateHandles(shell, state, infiniteOutcomes(state));
      fields(!settled, state);
    },
  };
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
 * Wires the editor: `state()` reads the view's state, `chart()` its bars
 * chart, set(next, { settled }) changes it (settled false while a bar is
 * dragged; the drag's end sets the state again, settled). Returns the undo
 * history of P, Q and the names (the view calls its settled(state) with
 * each state it draws settled); undo keeps the rest of the state as it is.
 */
export function wireEditor(shell, { state, chart, set }) {
  const history = undoHistory(shell, {
    key: (s) => JSON.stringify([s.p, s.q, s.labels]),
    restore: ({ p, q, labels }) => set({ ...state(), p, q, labels }, { settled: true }),
  });
  shell.on(shell.root, 'click', (event) => {
    if (event.target.closest?.('button[data-action="undo"]')) history.undo();
  });
  const isField = (el) => el.matches?.('input[data-field="dist"], input[data-field="labels"]');
  wireHandles(shell, { state, chart, set, settle: () => set(state(), { settled: true }) });
  shell.on(shell.root, 'input', (event) => {
    if (isField(event.target)) event.target.dataset.edited = 'true';
  });
  shell.on(shell.root, 'change', (event) => {
    if (isField(event.target)) applyTyped(shell, state(), set);
  });
  shell.on(shell.root, 'keydown', (event) => {
    if (event.key === 'Enter' && isField(event.target)) applyTyped(shell, state(), set);
  });
  return history;
}
