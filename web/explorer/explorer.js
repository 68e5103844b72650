// The explorer widget: P and Q as draggable bars, the seven measures, the
// decomposition and the per-outcome terms, an editable table of outcomes.
// Mounted into a container (never found by global id), so several can share
// a page. Every number comes from the infodiv library; none is computed here.
import { init, klTerms, measures } from 'infodiv';
import { createBarsChart, createDecompositionChart, createTermsChart, readPalette } from './charts.js';
import { formatNumber, formatProbability } from './format.js';
import {
  DEFAULT_PRESET, MAX_LABEL_LENGTH, MAX_OUTCOMES, MIN_OUTCOMES, PRESETS, UNITS, addOutcome, cleanLabel, clamp, fromPreset,
  maxProbability, removeOutcome, setProbability,
} from './model.js';

const MEASURES = [
  ['entropyP', 'H(P)', 'entropy of P: the average surprise of the truth'],
  ['entropyQ', 'H(Q)', 'entropy of Q'],
  ['crossEntropyPQ', 'H(P,Q)', 'cross-entropy: average cost of coding P with a code built for Q'],
  ['crossEntropyQP', 'H(Q,P)', 'cross-entropy the other way round'],
  ['klPQ', 'KL(P‖Q)', 'the extra cost, H(P,Q) − H(P)'],
  ['klQP', 'KL(Q‖P)', 'the extra cost the other way round'],
  ['js', 'JS(P,Q)', 'Jensen–Shannon divergence: symmetric, at most log 2'],
];
/** The parts of the explorer that can be shown or hidden (all by default). */
export const PANELS = ['presets', 'units', 'bars', 'numbers', 'decomposition', 'terms', 'table'];
const FINE_STEP = 0.01, COARSE_STEP = 0.1;
const ANNOUNCE_DELAY_MS = 700;

const TEMPLATE = `
  <div class="toolbar">
    <div class="presets" role="group" aria-label="Examples" data-panel="presets">
      ${Object.entries(PRESETS).map(([key, { name }]) => `<button type="button" data-preset="${key}">${name}</button>`).join('')}
      <button type="button" data-action="swap">Swap P and Q</button>
      <button type="button" data-action="reset">Reset</button>
    </div>
    <form class="units-form" data-panel="units"><!-- a form of its own scopes the radio group to this explorer -->
      <fieldset class="units"><legend>Units</legend>
        ${Object.keys(UNITS).map((u) => `<label><input type="radio" name="units" value="${u}"> ${u}</label>`).join('')}
      </fieldset>
    </form>
  </div>
  <div class="main-row">
    <figure class="panel bars-panel" data-panel="bars">
      <div class="chart chart-bars">
        <canvas data-chart="bars" role="img" aria-label="Bar chart of the distributions P and Q"></canvas>
        <div class="handles" data-role="handles"></div>
      </div>
      <p class="quick-measures" aria-hidden="true">KL(P‖Q) <b data-quick="klPQ"></b> ·
        KL(Q‖P) <b data-quick="klQP"></b> · H(P,Q) <b data-quick="crossEntropyPQ"></b> <span data-unit></span></p>
      <figcaption class="hint">Drag a bar, or focus it and use the arrow keys (Page Up/Down for big steps,
        Home for 0, L to lock it). The other bars of that distribution make room.</figcaption>
    </figure>
    <section class="panel measures-panel" aria-label="Measures" data-panel="numbers">
      <dl class="measures">
        ${MEASURES.map(([key, symbol, meaning]) => `<div class="measure" data-key="${key}">
          <dt><span class="symbol">${symbol}</span> <span class="meaning">${meaning}</span></dt>
          <dd><span class="number" data-measure="${key}"></span> <span class="unit" data-unit></span></dd>
        </div>`).join('')}
      </dl>
      <p class="infinity-note" data-role="infinity-note" hidden></p>
    </section>
  </div>
  <div class="lower-row">
    <figure class="panel" data-panel="decomposition">
      <figcaption>Cross-entropy = entropy + KL: what coding with the model costs, split into the
        unavoidable part and the extra cost of the model.</figcaption>
      <div class="chart chart-decomposition"><canvas data-chart="decomposition" role="img"
        aria-label="Stacked bars: cross-entropy split into entropy and KL divergence"></canvas></div>
    </figure>
    <figure class="panel" data-panel="terms">
      <figcaption>What each outcome adds to KL, both ways round. Terms below 0 are outcomes the model
        over-predicts; they never outweigh the rest.</figcaption>
      <div class="chart chart-terms"><canvas data-chart="terms" role="img"
        aria-label="Bar chart of each outcome's contribution to KL(P‖Q) and KL(Q‖P)"></canvas></div>
    </figure>
  </div>
  <details class="panel table-panel" open data-panel="table">
    <summary>Outcomes: type exact values, rename, lock, add or remove</summary>
    <table class="outcomes">
      <thead><tr><th scope="col">outcome</th><th scope="col">P <span class="lock-hint">· lock</span></th>
        <th scope="col">Q <span class="lock-hint">· lock</span></th><th scope="col"><span class="visually-hidden">remove</span></th></tr></thead>
      <tbody data-role="rows"></tbody>
    </table>
    <button type="button" data-action="add">Add an outcome</button>
    <p class="field-error" data-role="field-error" role="alert" hidden></p>
  </details>
  <div class="visually-hidden" data-role="announce" aria-live="polite"></div>
`;

const ROW_TEMPLATE = `
  <td><input type="text" data-field="label" maxlength="${MAX_LABEL_LENGTH}" autocomplete="off"></td>
  <td class="value-cell"><input type="number" data-field="value" data-dist="p" min="0" max="1" step="0.001"><input
    type="checkbox" data-field="lock" data-dist="p"></td>
  <td class="value-cell"><input type="number" data-field="value" data-dist="q" min="0" max="1" step="0.001"><input
    type="checkbox" data-field="lock" data-dist="q"></td>
  <td><button type="button" data-action="remove">✕</button></td>`;

/**
 * Mounts an explorer into `root`. `state` is the starting state (see
 * model.js); `panels` lists the PANELS to show; onChange(state, measures,
 * { settled }) is called after every change, with settled false while a bar
 * is being dragged.
 */
export async function mountExplorer(root, { state: initial, panels = PANELS, onChange = () => {} }) {
  await init();
  root.innerHTML = TEMPLATE; // static markup; every user-provided text goes in through textContent or value
  root.classList.add('infodiv-explorer');
  const $ = (selector) => root.querySelector(selector);
  const $$ = (selector) => [...root.querySelectorAll(selector)];
  const focused = () => root.getRootNode().activeElement; // the document's, or the shadow root's
  for (const el of $$('[data-panel]')) el.hidden = !panels.includes(el.dataset.panel);
  for (const row of $$('.toolbar, .main-row, .lower-row')) row.hidden = [...row.children].every((c) => c.hidden);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');

  let state = initial;
  let current = null; // { m, terms: [pq, qp], infinite: [...] } of the state drawn last
  let drag = null; // { dist, i } while a pointer drags a bar
  let announceTimer = 0;
  let mounted = false;
  const view = { // what the chart plugins read
    locked: [[], []], infinite: [], infiniteTerm: [[], []],
    onLayout: placeHandles,
    describeTerm,
  };
  const decompositionView = { infinite: [false, false] }; // per row: is KL(P‖Q), KL(Q‖P) infinite
  const listening = new AbortController(); // destroy() removes every listener at once
  const on = (target, type, handler) => target.addEventListener(type, handler, { signal: listening.signal });
  let charts = createCharts();
  // Chart.js resizes with its container, but can miss a resize that comes
  // during its opening animation (seen in iframes); this one never does.
  const resizing = new ResizeObserver(() => Object.values(charts).forEach((chart) => chart.resize()));
  $$('.chart').forEach((container) => resizing.observe(container));

  function createCharts() {
    const palette = readPalette(root), animate = !reducedMotion.matches;
    return {
      bars: createBarsChart($('[data-chart="bars"]'), palette, animate, view),
      decomposition: createDecompositionChart($('[data-chart="decomposition"]'), palette, animate, decompositionView),
      terms: createTermsChart($('[data-chart="terms"]'), palette, animate, view),
    };
  }
  const recreateCharts = () => {
    Object.values(charts).forEach((chart) => chart.destroy());
    charts = createCharts();
    render({ settled: true });
  };
  on(darkScheme, 'change', recreateCharts);
  on(reducedMotion, 'change', recreateCharts);

  // ---- state changes: each one ends in render() ----------------------------

  function setState(next, { settled = true } = {}) {
    const rebuild = next.p.length !== state.p.length || !current;
    state = next;
    if (rebuild) buildOutcomeControls();
    render({ settled });
  }

  function setBar(dist, i, value, options) {
    const values = setProbability(state[dist], state.locked[dist], i, value);
    if (values) setState({ ...state, [dist]: values }, options); // null: the bar cannot move (locked)
  }

  function toggleLock(dist, i) {
    const locked = state.locked[dist].map((l, j) => (j === i ? !l : l));
    setState({ ...state, locked: { ...state.locked, [dist]: locked } });
  }

  // ---- drawing ---------------------------------------------------------------

  function render({ settled }) {
    const base = UNITS[state.units];
    const m = measures(state.p, state.q, { base });
    const terms = [klTerms(state.p, state.q, { base }), klTerms(state.q, state.p, { base })];
    const infinite = state.p.map((p, i) => (p > 0 && state.q[i] === 0) || (state.q[i] > 0 && p === 0));
    current = { m, terms, infinite };
    Object.assign(view, {
      locked: [state.locked.p, state.locked.q], infinite,
      infiniteTerm: terms.map((t) => Array.from(t, (v) => v === Infinity)),
    });

    const mode = settled ? undefined : 'none'; // no animation while dragging
    const { bars, decomposition, terms: termsChart } = charts;
    bars.data.labels = state.labels.slice();
    termsChart.data.labels = state.labels.slice();
    bars.data.datasets[0].data = state.p.slice();
    bars.data.datasets[1].data = state.q.slice();
    bars.update(mode);

    decomposition.data.datasets[0].data = [m.entropyP, m.entropyQ];
    decomposition.data.datasets[1].data = [m.klPQ, m.klQP].map((k) => (k === Infinity ? null : k));
    decomposition.options.scales.x.title.text = state.units;
    decompositionView.infinite = [m.klPQ === Infinity, m.klQP === Infinity];
    decomposition.update(mode);

    termsChart.data.datasets.forEach((dataset, d) => {
      dataset.data = Array.from(terms[d], (v) => (v === Infinity ? null : v));
    });
    termsChart.options.scales.y.title.text = state.units;
    termsChart.update(mode);
    if (settled) describeCharts(m, terms); // screen readers need the text once a change settles, not per pixel

    for (const [key] of MEASURES) {
      const el = $(`[data-measure="${key}"]`);
      el.textContent = formatNumber(m[key]);
      el.dataset.value = String(m[key]);
    }
    $$('[data-quick]').forEach((el) => { el.textContent = formatNumber(m[el.dataset.quick]); });
    $$('[data-unit]').forEach((el) => { el.textContent = state.units; });
    $$('input[name="units"]').forEach((input) => { input.checked = input.value === state.units; });
    updateOutcomeControls();
    updateInfinityNote();
    onChange(state, m, { settled });
    if (settled && mounted) scheduleAnnouncement(); // announce changes, not the page's arrival
  }

  function updateInfinityNote() {
    const note = $('[data-role="infinity-note"]');
    const list = (items) => new Intl.ListFormat('en').format(items);
    // "Q gives probability 0 to “rain”, which has probability 0.2 under P."
    const explain = (zero, other) => {
      const hit = state.labels.flatMap((label, i) => (state[zero][i] === 0 && state[other][i] > 0 ? [i] : []));
      if (!hit.length) return '';
      const one = hit.length === 1, [Z, O] = [zero.toUpperCase(), other.toUpperCase()];
      return `KL(${O}‖${Z}) is infinite: ${Z} gives probability 0 to ${list(hit.map((i) => `“${state.labels[i]}”`))}, `
        + `which ${one ? 'has' : 'have'} probability ${list(hit.map((i) => formatProbability(state[other][i])))} under ${O}. `
        + `A code built for ${Z} has no codeword for ${one ? 'it' : 'them'}, so coding ${O}'s outcomes with it `
        + 'costs infinitely much.';
    };
    const text = [explain('q', 'p'), explain('p', 'q')].filter(Boolean).join(' ');
    note.textContent = text;
    note.hidden = !text;
  }

  // Text equivalents of the two number charts, for screen readers (a canvas has no text).
  function describeCharts(m, terms) {
    const f = formatNumber, u = state.units;
    $('[data-chart="decomposition"]').setAttribute('aria-label', `Cross-entropy split into entropy and KL, in ${u}: `
      + `H(P,Q) ${f(m.crossEntropyPQ)} = H(P) ${f(m.entropyP)} + KL(P‖Q) ${f(m.klPQ)}; `
      + `H(Q,P) ${f(m.crossEntropyQP)} = H(Q) ${f(m.entropyQ)} + KL(Q‖P) ${f(m.klQP)}.`);
    $('[data-chart="terms"]').setAttribute('aria-label', `Each outcome's terms of KL, in ${u}: `
      + state.labels.map((label, i) => `${label}: p·log(p/q) ${f(terms[0][i])}, q·log(q/p) ${f(terms[1][i])}`).join('; ')
      + '.');
  }

  function describeTerm(d, i) {
    const [a, b] = d === 0 ? [state.p[i], state.q[i]] : [state.q[i], state.p[i]];
    const [A, B] = d === 0 ? ['p', 'q'] : ['q', 'p'];
    const value = current.terms[d][i];
    return `${A} = ${formatProbability(a)}, ${B} = ${formatProbability(b)}: ${A}·log(${A}/${B}) = `
      + `${formatNumber(value)} ${state.units}`;
  }

  // ---- the outcome controls: drag handles and table rows --------------------

  function buildOutcomeControls() {
    const handles = $('[data-role="handles"]');
    handles.replaceChildren();
    for (const dist of ['p', 'q']) {
      state.p.forEach((_, i) => {
        const handle = document.createElement('div');
        Object.assign(handle, { tabIndex: 0, className: `handle handle-${dist}` });
        handle.setAttribute('role', 'slider');
        handle.setAttribute('aria-valuemin', '0');
        handle.setAttribute('aria-valuemax', '1');
        handle.dataset.dist = dist;
        handle.dataset.index = String(i);
        handles.append(handle);
      });
    }
    const rows = $('[data-role="rows"]');
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

  function updateOutcomeControls() {
    const n = state.p.length;
    for (const handle of $$('[data-role="handles"] .handle')) {
      const { dist } = handle.dataset, i = Number(handle.dataset.index);
      const v = state[dist][i], locked = state.locked[dist][i];
      handle.setAttribute('aria-label', `${dist.toUpperCase()}(${state.labels[i]})`);
      handle.setAttribute('aria-valuenow', String(Number(v.toFixed(3))));
      handle.setAttribute('aria-valuetext', `${formatProbability(v)}${locked ? ', locked' : ''}`);
      handle.dataset.locked = String(locked);
      handle.dataset.infinite = String(current.infinite[i]);
    }
    for (const row of $$('[data-role="rows"] tr')) {
      const i = Number(row.dataset.index);
      row.dataset.infinite = String(current.infinite[i]);
      const label = row.querySelector('[data-field="label"]');
      if (focused() !== label) label.value = state.labels[i];
      label.setAttribute('aria-label', `label of outcome ${i + 1}`);
      for (const dist of ['p', 'q']) {
        const input = row.querySelector(`[data-field="value"][data-dist="${dist}"]`);
        if (focused() !== input) input.value = String(Number(state[dist][i].toFixed(4)));
        input.setAttribute('aria-label', `${dist.toUpperCase()}(${state.labels[i]})`);
        const lock = row.querySelector(`[data-field="lock"][data-dist="${dist}"]`);
        lock.checked = state.locked[dist][i];
        lock.setAttribute('aria-label', `lock ${dist.toUpperCase()}(${state.labels[i]})`);
      }
      row.querySelector('[data-action="remove"]').disabled = n <= MIN_OUTCOMES;
      row.querySelector('[data-action="remove"]').setAttribute('aria-label', `remove ${state.labels[i]}`);
    }
    $('[data-action="add"]').disabled = n >= MAX_OUTCOMES;
  }

  function placeHandles(geometry) {
    for (const handle of $$('[data-role="handles"] .handle')) {
      const box = geometry[handle.dataset.dist === 'p' ? 0 : 1]?.[Number(handle.dataset.index)];
      if (!box) continue;
      Object.assign(handle.style, {
        left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`,
      });
    }
  }

  // ---- announcements for screen readers: once a change has settled ----------

  function scheduleAnnouncement() {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      const { m } = current, u = state.units;
      const say = (v) => (v === Infinity ? 'infinite' : `${formatNumber(v)} ${u}`);
      $('[data-role="announce"]').textContent = `KL(P‖Q) ${say(m.klPQ)}, KL(Q‖P) ${say(m.klQP)}, `
        + `entropy H(P) ${say(m.entropyP)}, cross-entropy H(P,Q) ${say(m.crossEntropyPQ)}.`;
    }, ANNOUNCE_DELAY_MS);
  }

  // ---- events ------------------------------------------------------------------

  const handleOf = (event) => event.target.closest?.('.handle');

  function dragTo(event) {
    const { dist, i } = drag;
    const canvas = $('[data-chart="bars"]');
    const y = event.clientY - canvas.getBoundingClientRect().top;
    setBar(dist, i, clamp(charts.bars.scales.y.getValueForPixel(y), 0, 1), { settled: false });
  }

  on(root, 'pointerdown', (event) => {
    const handle = handleOf(event);
    if (!handle || event.button !== 0) return;
    event.preventDefault();
    handle.focus({ preventScroll: true });
    const dist = handle.dataset.dist, i = Number(handle.dataset.index);
    if (state.locked[dist][i]) return;
    handle.setPointerCapture(event.pointerId);
    drag = { dist, i };
    dragTo(event);
  });
  on(root, 'pointermove', (event) => {
    if (drag && handleOf(event)?.hasPointerCapture(event.pointerId)) dragTo(event);
  });
  const endDrag = () => {
    if (!drag) return;
    drag = null;
    render({ settled: true });
  };
  on(root, 'pointerup', endDrag);
  on(root, 'pointercancel', endDrag);
  on(root, 'lostpointercapture', endDrag);

  on(root, 'keydown', (event) => {
    const handle = handleOf(event);
    if (!handle) return;
    const dist = handle.dataset.dist, i = Number(handle.dataset.index), v = state[dist][i];
    const step = event.shiftKey ? COARSE_STEP : FINE_STEP;
    const targets = {
      ArrowUp: v + step, ArrowRight: v + step, ArrowDown: v - step, ArrowLeft: v - step,
      PageUp: v + COARSE_STEP, PageDown: v - COARSE_STEP, Home: 0,
      End: maxProbability(state[dist], state.locked[dist], i),
    };
    if (event.key === 'l' || event.key === 'L') {
      toggleLock(dist, i);
    } else if (Object.hasOwn(targets, event.key)) {
      // Round away the float noise of repeated steps: 0.61, not 0.6100000000000001.
      setBar(dist, i, Math.round(targets[event.key] * 1e9) / 1e9);
    } else {
      return;
    }
    event.preventDefault();
  });

  on(root, 'submit', (event) => event.preventDefault()); // the units form never navigates

  on(root, 'click', (event) => {
    const button = event.target.closest?.('button');
    if (!button || !root.contains(button)) return;
    const { preset, action } = button.dataset;
    if (preset) setState(fromPreset(preset, state.units));
    else if (action === 'swap') setState({ ...state, p: state.q, q: state.p, locked: { p: state.locked.q, q: state.locked.p } });
    else if (action === 'reset') setState(fromPreset(DEFAULT_PRESET));
    else if (action === 'add') setState(addOutcome(state));
    else if (action === 'remove') setState(removeOutcome(state, Number(button.dataset.index)));
  });

  on(root, 'change', (event) => {
    const input = event.target;
    if (input.name === 'units') return setState({ ...state, units: input.value });
    const { field, dist } = input.dataset, i = Number(input.dataset.index);
    if (field === 'lock') return toggleLock(dist, i);
    if (field !== 'value') return;
    const error = $('[data-role="field-error"]');
    const value = input.value.trim() === '' ? NaN : Number(input.value);
    const max = maxProbability(state[dist], state.locked[dist], i);
    const problem = !Number.isFinite(value) || value < 0 || value > max
      ? `${dist.toUpperCase()}(${state.labels[i]}) must be a number from 0 to ${formatProbability(max)}.`
      : state.locked[dist][i] ? `${dist.toUpperCase()}(${state.labels[i]}) is locked; unlock it first.` : '';
    input.setAttribute('aria-invalid', String(Boolean(problem)));
    error.textContent = problem;
    error.hidden = !problem;
    if (!problem) setBar(dist, i, value);
  });

  on(root, 'input', (event) => {
    const input = event.target;
    if (input.dataset.field !== 'label') return;
    const labels = state.labels.slice();
    labels[Number(input.dataset.index)] = cleanLabel(input.value);
    setState({ ...state, labels });
  });

  buildOutcomeControls();
  render({ settled: true });
  mounted = true;
  return {
    get state() { return state; },
    setState: (next) => setState(next),
    destroy() {
      listening.abort();
      resizing.disconnect();
      clearTimeout(announceTimer);
      Object.values(charts).forEach((chart) => chart.destroy());
      root.replaceChildren();
    },
  };
}
