// The continuous mode of the explorer: P and Q are densities of a family,
// set with sliders or by dragging handles on their curves (the peak moves
// the location, the shoulder the width); beside them KL in both directions,
// the integrands p·log(p/q) and q·log(q/p), and KL of the two distributions
// binned into k bins, which approaches the continuous value as k grows.
// Mounted into a container, never found by global id. Every density and
// every measure comes from the infodiv library; the page only does
// arithmetic on what it returns (products for the integrands, sums of
// densities for the bin masses).
import { crossEntropyDist, entropyDist, init, kl, klDist, logDensity } from 'infodiv';
import { readPalette } from './charts.js';
import { createConvergenceChart, createCurvesChart, createIntegrandChart } from './continuous-charts.js';
import {
  DEFAULT_BINS, FAMILIES, MAX_BINS, MIN_BINS, PAIRS, constrain, distOf, dragHandle, fromPair, pairName, swapped,
  viewRange,
} from './continuous-model.js';
import { formatNumber } from './format.js';
import { UNITS, clamp } from './model.js';

/** The parts of the continuous explorer that can be shown or hidden (all by default). */
export const CONTINUOUS_PANELS = ['family', 'units', 'curves', 'numbers', 'parameters', 'integrand', 'bins'];

const PLOT_POINTS = 600; // points of each curve on the x range
const FINE_CELLS = 16000; // midpoint cells on the x range, for the bin masses
const TAIL_POINTS = 2000; // midpoints of each tail beyond the x range
const EDGE_POINTS = 256; // midpoints inside a cell next to a singular end
const ANNOUNCE_DELAY_MS = 700;
const SIDES = ['p', 'q'];
const NAMES = { p: 'P', q: 'Q' };

const MEASURES = [
  ['entropyP', 'h(P)', 'differential entropy of P (can be negative: a narrow density)'],
  ['entropyQ', 'h(Q)', 'differential entropy of Q'],
  ['crossEntropyPQ', 'H(P,Q)', 'cross-entropy, h(P) + KL(P‖Q)'],
  ['crossEntropyQP', 'H(Q,P)', 'cross-entropy the other way round'],
];

const TEMPLATE = `
  <div class="toolbar">
    <div class="family-picker" data-panel="family">
      <label class="family-label">Family <select data-control="family">
        ${Object.keys(PAIRS).map((key) => `<option value="${key}">${pairName(key)}</option>`).join('')}
      </select></label>
      <button type="button" data-action="swap">Swap P and Q</button>
      <button type="button" data-action="reset">Reset</button>
    </div>
    <form class="units-form" data-panel="units">
      <fieldset class="units"><legend>Units</legend>
        ${Object.keys(UNITS).map((u) => `<label><input type="radio" name="units" value="${u}"> ${u}</label>`).join('')}
      </fieldset>
    </form>
  </div>
  <div class="main-row">
    <figure class="panel curves-panel" data-panel="curves">
      <div class="chart chart-curves">
        <canvas data-chart="curves" role="img" aria-label="The densities of P and Q"></canvas>
        <div class="handles" data-role="handles"></div>
      </div>
      <figcaption class="hint">Drag a round handle (P) or a square one (Q): the peak moves the distribution,
        the shoulder changes its width. Or focus a handle and use the arrow keys (Page Up/Down for big steps).</figcaption>
    </figure>
    <section class="panel measures-panel" aria-label="Measures" data-panel="numbers">
      <div class="kl-pair">
        <div class="kl-card" data-key="klPQ">
          <div class="kl-symbol">KL(P‖Q)</div>
          <div><span class="number" data-measure="klPQ"></span> <span class="unit" data-unit></span></div>
          <p class="kl-meaning">forward: averaged over P. Huge where Q misses what P does, so a Q fitted this way
            <em>covers</em> every mode of P.</p>
          <p class="kl-binned" data-role="binned-klPQ" hidden>binned into <span data-bins-k></span>:
            <b data-binned="klPQ"></b></p>
        </div>
        <div class="kl-card" data-key="klQP">
          <div class="kl-symbol">KL(Q‖P)</div>
          <div><span class="number" data-measure="klQP"></span> <span class="unit" data-unit></span></div>
          <p class="kl-meaning">reverse: averaged over Q. Huge where Q claims what P rarely does, so a Q fitted
            this way <em>seeks</em> one mode.</p>
          <p class="kl-binned" data-role="binned-klQP" hidden>binned into <span data-bins-k></span>:
            <b data-binned="klQP"></b></p>
        </div>
      </div>
      <dl class="measures">
        ${MEASURES.map(([key, symbol, meaning]) => `<div class="measure" data-key="${key}">
          <dt><span class="symbol">${symbol}</span> <span class="meaning">${meaning}</span></dt>
          <dd><span class="number" data-measure="${key}"></span> <span class="unit" data-unit></span></dd>
        </div>`).join('')}
      </dl>
      <p class="infinity-note" data-role="infinity-note" hidden></p>
      <p class="infinity-note" data-role="error-note" hidden></p>
    </section>
  </div>
  <section class="panel parameters-panel" data-panel="parameters" aria-label="Parameters">
    <fieldset class="params" data-side="p"><legend><span class="p-name">P</span>, the truth: <span data-role="family-name-p"></span></legend>
      <div data-role="params-p"></div></fieldset>
    <fieldset class="params" data-side="q"><legend><span class="q-name">Q</span>, the model: <span data-role="family-name-q"></span></legend>
      <div data-role="params-q"></div></fieldset>
    <p class="field-error" data-role="field-error" role="alert" hidden></p>
  </section>
  <div class="lower-row">
    <figure class="panel" data-panel="integrand">
      <figcaption>What each x adds to KL, both ways round: the area under p·log(p/q) is KL(P‖Q), under
        q·log(q/p) KL(Q‖P). Below 0 where the one averaged over is the smaller density; the areas are never negative.</figcaption>
      <div class="chart chart-integrand"><canvas data-chart="integrand" role="img"
        aria-label="The integrands of KL(P‖Q) and KL(Q‖P)"></canvas></div>
    </figure>
    <section class="panel bins-panel" data-panel="bins" aria-label="Discretise into bins">
      <label class="bins-toggle"><input type="checkbox" data-control="bins-on"> Discretise into <var>k</var> bins</label>
      <label class="bins-slider"><span>k = <output data-role="bins-value"></output></span>
        <input type="range" data-control="bins" min="${MIN_BINS}" max="${MAX_BINS}" step="1" value="${DEFAULT_BINS}"
          aria-label="number of bins k"></label>
      <p class="bins-explain">Cut the x range into <var>k</var> equal bins (what falls outside goes into the end bins)
        and compare the two lists of bin probabilities with the discrete KL. Binning can only lose information, so
        the binned KL is never above the continuous one, and it approaches it as <var>k</var> grows.</p>
      <p class="bins-result" data-role="bins-result" hidden></p>
      <div class="chart chart-convergence" data-role="convergence" hidden><canvas data-chart="convergence" role="img"
        aria-label="Binned KL against the number of bins"></canvas></div>
    </section>
  </div>
  <div class="visually-hidden" data-role="announce" aria-live="polite"></div>
`;

/** A step of 1, 2 or 5 × 10^n, about a hundredth of `width`. */
function niceStep(width) {
  const raw = width / 100, power = 10 ** Math.floor(Math.log10(raw)), m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

const fmtParam = (v) => String(Number(v.toPrecision(4)));
const describeDist = (familyKey, values) => `${FAMILIES[familyKey].name}, `
  + FAMILIES[familyKey].params.map(({ key, symbol }) => `${symbol} = ${fmtParam(values[key])}`).join(', ');
const interval = ([a, b]) => `${a === -Infinity ? '(−∞' : `[${fmtParam(a)}`}, ${b === Infinity ? '∞)' : `${fmtParam(b)}]`}`;

/**
 * Mounts the continuous explorer into `root`. `state` is { family, p, q,
 * units, bins } (see continuous-model.js); `panels` lists the
 * CONTINUOUS_PANELS to show; onChange(state, measures, { settled }) is called
 * after every change, with settled false while a handle or slider moves.
 */
export async function mountContinuousExplorer(root, { state: initial, panels = CONTINUOUS_PANELS, onChange = () => {} }) {
  await init();
  root.innerHTML = TEMPLATE; // static markup; numbers and names go in through textContent or value
  root.classList.add('infodiv-explorer', 'continuous');
  const $ = (selector) => root.querySelector(selector);
  const $$ = (selector) => [...root.querySelectorAll(selector)];
  const focused = () => root.getRootNode().activeElement;
  for (const el of $$('[data-panel]')) el.hidden = !panels.includes(el.dataset.panel);
  for (const row of $$('.toolbar, .main-row, .lower-row')) row.hidden = [...row.children].every((c) => c.hidden);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');

  let state = initial;
  let lastBins = initial.bins || DEFAULT_BINS; // k to come back to when bins are switched on again
  let frame = null; // { x: [lo, hi], y } of the curves chart: kept while it still fits, so handles do not jump
  let current = null; // what was drawn last: { m, grid, binned }
  let drag = null; // { side, id, offset } while a pointer drags a handle
  let announceTimer = 0;
  let mounted = false;
  const curvesView = { bins: null, mismatch: [], onLayout: placeHandles };
  const integrandView = { infinite: [[], []] };
  const convergenceView = { k: 0, infinite: [false, false] };
  const listening = new AbortController();
  const on = (target, type, handler) => target.addEventListener(type, handler, { signal: listening.signal });
  let charts = createCharts();
  const resizing = new ResizeObserver(() => Object.values(charts).forEach((chart) => chart.resize()));
  $$('.chart').forEach((container) => resizing.observe(container));

  function createCharts() {
    const palette = readPalette(root), animate = !reducedMotion.matches;
    return {
      curves: createCurvesChart($('[data-chart="curves"]'), palette, animate, curvesView),
      integrand: createIntegrandChart($('[data-chart="integrand"]'), palette, animate, integrandView),
      convergence: createConvergenceChart($('[data-chart="convergence"]'), palette, animate, convergenceView),
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

  function setState(next, { settled = true, fresh = false } = {}) {
    const rebuild = next.family !== state.family || !current;
    state = next;
    if (state.bins) lastBins = state.bins;
    if (fresh || rebuild) frame = null;
    if (rebuild) buildControls();
    render({ settled });
  }

  const setSide = (side, values, options) => setState({ ...state, [side]: values }, options);

  // ---- the library's numbers -------------------------------------------------

  function measuresOf(P, Q, base) {
    const m = {}, errors = [];
    const get = (key, f) => {
      try { m[key] = f(); } catch (error) { m[key] = NaN; errors.push(error.message); }
    };
    get('klPQ', () => klDist(P, Q, { base }));
    get('klQP', () => klDist(Q, P, { base }));
    get('entropyP', () => entropyDist(P, { base }));
    get('entropyQ', () => entropyDist(Q, { base }));
    get('crossEntropyPQ', () => crossEntropyDist(P, Q, { base }));
    get('crossEntropyQP', () => crossEntropyDist(Q, P, { base }));
    return { m, errors: [...new Set(errors)] };
  }

  // The x grid of the curves: evenly spaced, plus points just inside and
  // outside each finite end of a support (never on it: the density may be
  // infinite or undefined there), so a jump is drawn upright.
  function plotGrid([lo, hi]) {
    const delta = (hi - lo) * 1e-7;
    const ends = SIDES.flatMap((side) => FAMILIES[PAIRS[state.family][side]].support(state[side])).filter(Number.isFinite);
    const xs = Array.from({ length: PLOT_POINTS + 1 }, (_, i) => lo + ((hi - lo) * i) / PLOT_POINTS)
      .filter((x) => ends.every((end) => Math.abs(x - end) > delta / 2));
    for (const end of ends) xs.push(end - delta, end + delta);
    return Float64Array.from(xs.filter((x) => x >= lo && x <= hi).sort((a, b) => a - b));
  }

  // Points within 2% of the range of an end where a density is infinite do
  // not count for the height of the y axis (the curve is drawn cut off there).
  function peakHeight(xs, densities, [lo, hi]) {
    const near = SIDES.flatMap((side) => FAMILIES[PAIRS[state.family][side]].singular(state[side]));
    const margin = (hi - lo) * 0.02;
    let top = 0;
    for (const ys of densities) {
      ys.forEach((y, i) => {
        if (Number.isFinite(y) && y > top && !near.some((e) => Math.abs(xs[i] - e) < margin)) top = y;
      });
    }
    return top > 0 ? top * 1.12 : 1;
  }

  // Where p > 0 = q (d = 0) or q > 0 = p (d = 1), as x intervals of the grid.
  function zeroIntervals(xs, lp, lq) {
    const out = [[], []];
    for (const [d, a, b] of [[0, lp, lq], [1, lq, lp]]) {
      let start = null;
      for (let i = 0; i <= xs.length; i++) {
        const hit = i < xs.length && a[i] > -Infinity && b[i] === -Infinity;
        if (hit && start === null) start = i;
        if (!hit && start !== null) {
          out[d].push([xs[Math.max(start - 1, 0)], xs[Math.min(i, xs.length - 1)]]);
          start = null;
        }
      }
    }
    return out;
  }

  // ---- bins: masses from the library's densities by the midpoint rule --------

  // One side's mass in each of FINE_CELLS midpoint cells of [lo, hi], as logs
  // (so that a mass below the smallest double is still compared right), and
  // the mass of each tail beyond [lo, hi] (x = lo − t/(1−t) maps (0, 1) onto
  // it), which goes into the end bin. A cell at an end where the density is
  // infinite is integrated with x = end + h·s⁴, which takes the singularity away.
  function cells(side, [lo, hi]) {
    const dist = distOf(state, side), family = FAMILIES[PAIRS[state.family][side]];
    const [a, b] = family.support(state[side]), singular = family.singular(state[side]);
    const h = (hi - lo) / FINE_CELLS, logH = Math.log(h);
    const xs = new Float64Array(FINE_CELLS);
    for (let i = 0; i < FINE_CELLS; i++) xs[i] = lo + (i + 0.5) * h;
    const logMass = logDensity(dist, xs).map((l) => l + logH);
    const endCell = (end, dir) => {
      const s = Float64Array.from({ length: EDGE_POINTS }, (_, j) => (j + 0.5) / EDGE_POINTS);
      const f = logDensity(dist, s.map((v) => end + dir * h * v ** 4));
      return Math.log(f.reduce((acc, l, j) => acc + Math.exp(l) * 4 * s[j] ** 3, 0) / EDGE_POINTS) + logH;
    };
    if (singular.includes(lo)) logMass[0] = endCell(lo, 1);
    if (singular.includes(hi)) logMass[FINE_CELLS - 1] = endCell(hi, -1);
    const tail = (from, dir) => {
      if ((dir < 0 && a >= from) || (dir > 0 && b <= from)) return 0; // nothing of the support out there
      const t = Float64Array.from({ length: TAIL_POINTS }, (_, j) => (j + 0.5) / TAIL_POINTS);
      const f = logDensity(dist, t.map((v) => from + (dir * v) / (1 - v)));
      return f.reduce((acc, l, j) => acc + Math.exp(l) / (1 - t[j]) ** 2, 0) / TAIL_POINTS;
    };
    return { logMass, mass: logMass.map(Math.exp), left: tail(lo, -1), right: tail(hi, 1) };
  }

  // The k bin masses of one side: the cells in each bin, a cell on a bin's
  // edge shared by the part on each side. With `logs`, their logarithms
  // (summed around the largest, so nothing underflows).
  function binMasses({ logMass, mass, left, right }, k, logs = false) {
    const out = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const from = (j * FINE_CELLS) / k, to = ((j + 1) * FINE_CELLS) / k;
      const first = Math.floor(from), last = Math.min(Math.ceil(to), FINE_CELLS);
      const share = (i) => Math.min(i + 1, to) - Math.max(i, from);
      let sum = j === 0 ? left : 0;
      if (j === k - 1) sum += right;
      if (!logs) {
        for (let i = first; i < last; i++) sum += mass[i] * share(i);
        out[j] = sum;
        continue;
      }
      const logTail = Math.log(sum); // -Infinity without a tail
      let top = logTail;
      for (let i = first; i < last; i++) top = Math.max(top, logMass[i]);
      if (top === -Infinity) { out[j] = -Infinity; continue; }
      let scaled = Math.exp(logTail - top);
      for (let i = first; i < last; i++) scaled += Math.exp(logMass[i] - top) * share(i);
      out[j] = top + Math.log(scaled);
    }
    return out;
  }

  // KL both ways of the k-bin distributions. Where a bin's mass underflows to
  // 0 though the density is positive in it (far tails of a narrow density),
  // the library gets the log masses instead (logits: softmax of them is the
  // same distribution), so an underflow is never mistaken for a zero.
  function binnedKl(cp, cq, k, base) {
    const mp = binMasses(cp, k), mq = binMasses(cq, k);
    const underflow = (m, c) => m.includes(0) && binMasses(c, k, true).some((l, j) => m[j] === 0 && l > -Infinity);
    if (underflow(mp, cp) || underflow(mq, cq)) {
      const lp = binMasses(cp, k, true), lq = binMasses(cq, k, true), options = { base, logits: true };
      return { mp, mq, klPQ: kl(lp, lq, options), klQP: kl(lq, lp, options) };
    }
    return { mp, mq, klPQ: kl(mp, mq, { base }), klQP: kl(mq, mp, { base }) };
  }

  // While something is being dragged, the chart of binned KL against k gets
  // these k only (and the one chosen); every k once the change settles.
  const QUICK_KS = [2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 63, 80, 100, 126, 160, 200];

  function binned(range, base, settled) {
    const cp = cells('p', range), cq = cells('q', range);
    const series = [[], []];
    let atK = null;
    const ks = settled ? Array.from({ length: MAX_BINS - MIN_BINS + 1 }, (_, i) => MIN_BINS + i)
      : [...new Set([...QUICK_KS, state.bins])].sort((a, b) => a - b);
    for (const k of ks) {
      const r = binnedKl(cp, cq, k, base);
      series[0].push({ x: k, y: r.klPQ });
      series[1].push({ x: k, y: r.klQP });
      if (k === state.bins) atK = { k, ...r };
    }
    const width = (range[1] - range[0]) / atK.k;
    const sumP = atK.mp.reduce((s, v) => s + v, 0), sumQ = atK.mq.reduce((s, v) => s + v, 0);
    return {
      ...atK, series,
      bars: { // heights in density units, so the bars sit on the same axis as the curves
        edges: Array.from({ length: atK.k + 1 }, (_, j) => range[0] + j * width),
        p: Array.from(atK.mp, (v) => v / sumP / width), q: Array.from(atK.mq, (v) => v / sumQ / width),
      },
    };
  }

  // ---- drawing -----------------------------------------------------------------

  function render({ settled }) {
    const base = UNITS[state.units], ln = Math.log(base);
    const P = distOf(state, 'p'), Q = distOf(state, 'q');
    const { m, errors } = measuresOf(P, Q, base);

    // The frame: the ideal range, unless the one on screen still fits (and never changes under a dragging pointer).
    const ideal = viewRange(state);
    let x = frame?.x ?? ideal;
    if (frame && !drag) {
      const inside = ideal[0] >= x[0] && ideal[1] <= x[1] && ideal[1] - ideal[0] >= 0.4 * (x[1] - x[0]);
      if (!inside) x = ideal;
    }
    const xs = plotGrid(x);
    const lp = logDensity(P, xs), lq = logDensity(Q, xs);
    const dp = Array.from(lp, Math.exp), dq = Array.from(lq, Math.exp);
    const top = peakHeight(xs, [dp, dq], x);
    let y = frame?.y ?? top;
    if (top > y || (!drag && top < 0.5 * y) || (!drag && x !== frame?.x)) y = top;
    if (drag) y = Math.max(y, top);
    frame = { x, y };

    // The integrands, in the chosen unit per unit of x: 0 where the averaging density is 0, ∞ where only the other one is.
    const term = (la, lb) => Array.from(la, (l, i) => {
      if (l === -Infinity) return 0;
      if (lb[i] === -Infinity) return Infinity;
      return (Math.exp(l) * (l - lb[i])) / ln;
    });
    const integrands = [term(lp, lq), term(lq, lp)];
    const zero = zeroIntervals(xs, lp, lq);

    const bins = state.bins ? binned(ideal, base, settled) : null;
    current = { m, xs, bins, integrands };

    const mode = settled ? undefined : 'none'; // no animation while dragging
    const { curves, integrand, convergence } = charts;
    const points = (ys) => Array.from(xs, (v, i) => ({ x: v, y: Number.isFinite(ys[i]) ? ys[i] : null }));
    curves.data.datasets[0].data = points(dp);
    curves.data.datasets[1].data = points(dq);
    Object.assign(curves.options.scales.x, { min: x[0], max: x[1] });
    curves.options.scales.y.max = y;
    curvesView.bins = bins?.bars ?? null;
    curvesView.mismatch = [...zero[0], ...zero[1]];
    curves.update(mode);

    integrand.data.datasets.forEach((dataset, d) => { dataset.data = points(integrands[d]); });
    Object.assign(integrand.options.scales.x, { min: x[0], max: x[1] });
    Object.assign(integrand.options.scales.y.title, { display: true, text: `${state.units} per unit of x` });
    Object.assign(integrand.options.scales.y, integrandLimits(xs, integrands, x));
    integrandView.infinite = zero;
    integrand.update(mode);

    $('[data-role="convergence"]').hidden = !bins;
    if (bins) {
      convergence.data.datasets[0].data = bins.series[0].map((pt) => ({ x: pt.x, y: Number.isFinite(pt.y) ? pt.y : null }));
      convergence.data.datasets[1].data = bins.series[1].map((pt) => ({ x: pt.x, y: Number.isFinite(pt.y) ? pt.y : null }));
      const line = (v) => (Number.isFinite(v) ? [{ x: MIN_BINS, y: v }, { x: MAX_BINS, y: v }] : []);
      convergence.data.datasets[2].data = line(m.klPQ);
      convergence.data.datasets[3].data = line(m.klQP);
      Object.assign(convergence.options.scales.y.title, { display: true, text: state.units });
      convergenceView.k = bins.k;
      convergenceView.infinite = [m.klPQ === Infinity, m.klQP === Infinity];
      convergence.update(mode);
    }

    showNumbers(m, bins, errors);
    updateControls();
    updateInfinityNote(m);
    if (settled) describeCharts(m, bins);
    onChange(state, m, { settled });
    if (settled && mounted) scheduleAnnouncement();
  }

  // The y range of the integrand chart: every finite value, except next to an infinite density.
  function integrandLimits(xs, integrands, [lo, hi]) {
    const near = SIDES.flatMap((side) => FAMILIES[PAIRS[state.family][side]].singular(state[side]));
    const margin = (hi - lo) * 0.02;
    let min = 0, max = 0;
    for (const ys of integrands) {
      ys.forEach((v, i) => {
        if (!Number.isFinite(v) || near.some((e) => Math.abs(xs[i] - e) < margin)) return;
        min = Math.min(min, v);
        max = Math.max(max, v);
      });
    }
    const pad = (max - min || 1) * 0.08;
    return { min: min < 0 ? min - pad : 0, max: max + pad };
  }

  function showNumbers(m, bins, errors) {
    for (const el of $$('[data-measure]')) {
      const v = m[el.dataset.measure];
      el.textContent = formatNumber(v);
      el.dataset.value = String(v);
    }
    $$('[data-unit]').forEach((el) => { el.textContent = state.units; });
    for (const key of ['klPQ', 'klQP']) {
      const line = $(`[data-role="binned-${key}"]`), el = $(`[data-binned="${key}"]`);
      line.hidden = !bins;
      if (!bins) continue;
      el.textContent = `${formatNumber(bins[key])} ${state.units}`;
      el.dataset.value = String(bins[key]);
    }
    $$('[data-bins-k]').forEach((el) => { el.textContent = `${state.bins} bins`; });
    const result = $('[data-role="bins-result"]');
    result.hidden = !bins;
    if (bins) {
      const share = (b, c) => (Number.isFinite(b) && Number.isFinite(c) && c > 0 ? ` (${Math.round((100 * b) / c)}% of it)` : '');
      result.textContent = `With ${bins.k} bins: KL(P‖Q) ${formatNumber(bins.klPQ)} against ${formatNumber(m.klPQ)} `
        + `continuous${share(bins.klPQ, m.klPQ)}; KL(Q‖P) ${formatNumber(bins.klQP)} against ${formatNumber(m.klQP)}`
        + `${share(bins.klQP, m.klQP)}, in ${state.units}.`;
    }
    const note = $('[data-role="error-note"]');
    note.textContent = errors.length ? `The library could not compute everything: ${errors.join('; ')}` : '';
    note.hidden = !errors.length;
  }

  function updateInfinityNote(m) {
    const note = $('[data-role="infinity-note"]');
    const explain = (a, b) => { // KL(A‖B) = ∞: where A's support sticks out of B's
      const [A, B] = [NAMES[a], NAMES[b]];
      const sa = FAMILIES[PAIRS[state.family][a]].support(state[a]), sb = FAMILIES[PAIRS[state.family][b]].support(state[b]);
      const parts = [];
      if (sa[0] < sb[0]) parts.push(interval([sa[0], Math.min(sa[1], sb[0])]));
      if (sa[1] > sb[1]) parts.push(interval([Math.max(sa[0], sb[1]), sa[1]]));
      return `KL(${A}‖${B}) is infinite: ${A} gives positive density to x in ${parts.join(' and ') || 'a region'}, `
        + `where ${B}'s density is 0 (${B} lives on ${interval(sb)}). A model that calls possible outcomes `
        + 'impossible pays infinitely much for them; the shaded band marks where.';
    };
    const text = [m.klPQ === Infinity ? explain('p', 'q') : '', m.klQP === Infinity ? explain('q', 'p') : '']
      .filter(Boolean).join(' ');
    note.textContent = text;
    note.hidden = !text;
  }

  // Text equivalents of the charts, for screen readers (a canvas has no text); once a change settles.
  function describeCharts(m, bins) {
    const f = formatNumber, u = state.units, { p: fp, q: fq } = PAIRS[state.family];
    $('[data-chart="curves"]').setAttribute('aria-label', `Densities on x from ${f(frame.x[0])} to ${f(frame.x[1])}: `
      + `P (solid) ${describeDist(fp, state.p)}; Q (dashed) ${describeDist(fq, state.q)}.`
      + (bins ? ` Behind them, both binned into ${bins.k} bins.` : ''));
    const peak = (d) => {
      let best = 0;
      current.integrands[d].forEach((v, i) => { if (Math.abs(v) > Math.abs(current.integrands[d][best])) best = i; });
      return f(current.xs[best]);
    };
    $('[data-chart="integrand"]').setAttribute('aria-label', `The integrands, in ${u} per unit of x: `
      + `p·log(p/q) has area KL(P‖Q) = ${f(m.klPQ)} and is largest in size near x = ${peak(0)}; `
      + `q·log(q/p) has area KL(Q‖P) = ${f(m.klQP)} and is largest in size near x = ${peak(1)}.`);
    if (bins) {
      const at = (k) => { const i = bins.series[0].findIndex((pt) => pt.x === k); return `k = ${k}: ${f(bins.series[0][i].y)} and ${f(bins.series[1][i].y)}`; };
      $('[data-chart="convergence"]').setAttribute('aria-label', `Binned KL(P‖Q) and KL(Q‖P), in ${u}, against the number `
        + `of bins: ${[2, 5, 10, 50, 200].map(at).join('; ')}; continuous: ${f(m.klPQ)} and ${f(m.klQP)}.`);
    }
  }

  // ---- controls: handles on the curves, sliders and fields ---------------------

  function buildControls() {
    const handles = $('[data-role="handles"]');
    handles.replaceChildren();
    for (const side of SIDES) {
      const family = FAMILIES[PAIRS[state.family][side]];
      for (const h of family.handles) {
        const el = document.createElement('div');
        Object.assign(el, { tabIndex: 0, className: `handle curve-handle handle-${side} handle-${h.id}` });
        el.setAttribute('role', 'slider');
        el.setAttribute('aria-label', `${NAMES[side]} ${h.name} (moves ${h.moves})`);
        el.dataset.dist = side;
        el.dataset.handle = h.id;
        handles.append(el);
      }
      $(`[data-role="family-name-${side}"]`).textContent = family.name;
      const box = $(`[data-role="params-${side}"]`);
      box.replaceChildren();
      for (const p of family.params) {
        const row = document.createElement('div');
        row.className = 'param';
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
        field.setAttribute('aria-label', `${NAMES[side]} ${p.symbol} (${p.meaning}), exact value`);
        box.append(row);
      }
    }
    $('[data-control="family"]').value = state.family;
  }

  function updateControls() {
    for (const el of $$('[data-role="handles"] .handle')) {
      const side = el.dataset.dist, familyKey = PAIRS[state.family][side];
      const h = FAMILIES[familyKey].handles.find((k) => k.id === el.dataset.handle);
      const x = h.x(state[side]);
      el.setAttribute('aria-valuenow', String(Number(x.toPrecision(6))));
      el.setAttribute('aria-valuemin', String(Number(frame.x[0].toPrecision(6))));
      el.setAttribute('aria-valuemax', String(Number(frame.x[1].toPrecision(6))));
      el.setAttribute('aria-valuetext', `at x = ${formatNumber(x)}: ${describeDist(familyKey, state[side])}`);
    }
    for (const el of $$('[data-field="slider"]')) {
      const p = FAMILIES[PAIRS[state.family][el.dataset.dist]].params.find((k) => k.key === el.dataset.param);
      const v = state[el.dataset.dist][p.key];
      if (focused() !== el || !el.matches(':active')) el.value = String(p.log ? Math.log10(v) : v);
      el.setAttribute('aria-valuetext', `${p.symbol} = ${fmtParam(v)}`);
    }
    for (const el of $$('[data-field="value"]')) {
      if (focused() !== el) el.value = String(state[el.dataset.dist][el.dataset.param]);
    }
    $$('input[name="units"]').forEach((input) => { input.checked = input.value === state.units; });
    const binsOn = $('[data-control="bins-on"]'), binsSlider = $('[data-control="bins"]');
    binsOn.checked = Boolean(state.bins);
    binsSlider.disabled = !state.bins;
    binsSlider.value = String(state.bins || lastBins);
    $('[data-role="bins-value"]').textContent = String(state.bins || lastBins);
    $('[data-control="family"]').value = state.family;
  }

  function placeHandles(chart) {
    if (!frame) return;
    const { chartArea, scales: { x, y } } = chart;
    for (const el of $$('[data-role="handles"] .handle')) {
      const side = el.dataset.dist, familyKey = PAIRS[state.family][side];
      const h = FAMILIES[familyKey].handles.find((k) => k.id === el.dataset.handle);
      const hx = h.x(state[side]);
      let density = Math.exp(logDensity(distOf(state, side), hx)[0]);
      // A uniform's upper end: the handle sits on the top corner, not below it.
      if (!(density > 0)) density = Math.exp(logDensity(distOf(state, side), hx - (frame.x[1] - frame.x[0]) * 1e-7)[0]);
      const px = x.getPixelForValue(hx), py = y.getPixelForValue(Number.isFinite(density) ? density : frame.y);
      const outside = px < chartArea.left - 1 || px > chartArea.right + 1;
      el.hidden = outside && focused() !== el;
      el.style.left = `${clamp(px, chartArea.left, chartArea.right)}px`;
      el.style.top = `${clamp(py, chartArea.top, chartArea.bottom)}px`;
    }
  }

  // ---- announcements for screen readers: once a change has settled ----------

  function scheduleAnnouncement() {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      const { m } = current, u = state.units, { p: fp, q: fq } = PAIRS[state.family];
      const say = (v) => (v === Infinity ? 'infinite' : `${formatNumber(v)} ${u}`);
      $('[data-role="announce"]').textContent = `KL(P‖Q) ${say(m.klPQ)}, KL(Q‖P) ${say(m.klQP)}. `
        + `P: ${describeDist(fp, state.p)}. Q: ${describeDist(fq, state.q)}.`
        + (current.bins ? ` Binned into ${current.bins.k}: ${say(current.bins.klPQ)} and ${say(current.bins.klQP)}.` : '');
    }, ANNOUNCE_DELAY_MS);
  }

  // ---- events ------------------------------------------------------------------

  const handleOf = (event) => event.target.closest?.('.curve-handle');
  const handleSpec = (el) => FAMILIES[PAIRS[state.family][el.dataset.dist]].handles.find((h) => h.id === el.dataset.handle);

  function dragTo(event) {
    const canvas = $('[data-chart="curves"]'), { x } = charts.curves.scales;
    const px = event.clientX - canvas.getBoundingClientRect().left - drag.offset;
    const target = clamp(x.getValueForPixel(px), frame.x[0], frame.x[1]);
    const familyKey = PAIRS[state.family][drag.side];
    setSide(drag.side, dragHandle(familyKey, state[drag.side], drag.id, target), { settled: false });
  }

  on(root, 'pointerdown', (event) => {
    const el = handleOf(event);
    if (!el || event.button !== 0) return;
    event.preventDefault();
    el.focus({ preventScroll: true });
    el.setPointerCapture(event.pointerId);
    const box = el.getBoundingClientRect();
    drag = { side: el.dataset.dist, id: el.dataset.handle, offset: event.clientX - (box.left + box.width / 2) };
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
    const el = handleOf(event);
    if (!el) return;
    const dir = { ArrowRight: 1, ArrowUp: 1, PageUp: 10, ArrowLeft: -1, ArrowDown: -1, PageDown: -10 }[event.key];
    if (!dir) return;
    event.preventDefault();
    const side = el.dataset.dist, h = handleSpec(el), step = niceStep(frame.x[1] - frame.x[0]) * (event.shiftKey ? 10 : 1);
    // From the grid point at or next to the handle, one step (or ten) along it: 1.1, 1.2, … rather than 1.137, 1.237.
    const k = h.x(state[side]) / step, near = Math.round(k);
    const from = Math.abs(k - near) < 0.05 ? near : dir > 0 ? Math.floor(k) : Math.ceil(k);
    const target = Math.round((from + dir) * step * 1e9) / 1e9;
    setSide(side, dragHandle(PAIRS[state.family][side], state[side], h.id, target));
  });

  on(root, 'submit', (event) => event.preventDefault());

  on(root, 'click', (event) => {
    const button = event.target.closest?.('button');
    if (!button || !root.contains(button)) return;
    if (button.dataset.action === 'swap') setState(swapped(state), { fresh: true });
    else if (button.dataset.action === 'reset') setState(fromPair(state.family, state.units, state.bins), { fresh: true });
  });

  function setFromSlider(el, settled) {
    const side = el.dataset.dist, familyKey = PAIRS[state.family][side];
    const p = FAMILIES[familyKey].params.find((k) => k.key === el.dataset.param);
    const raw = Number(el.value), v = p.log ? Number((10 ** raw).toPrecision(3)) : raw;
    setSide(side, constrain(familyKey, { ...state[side], [p.key]: v }, p.key), { settled });
  }

  on(root, 'input', (event) => {
    const el = event.target;
    if (el.dataset.field === 'slider') setFromSlider(el, false);
    else if (el.dataset.control === 'bins') setState({ ...state, bins: Number(el.value) }, { settled: false });
  });

  on(root, 'change', (event) => {
    const el = event.target;
    if (el.name === 'units') return setState({ ...state, units: el.value });
    if (el.dataset.control === 'family') return setState(fromPair(el.value, state.units, state.bins), { fresh: true });
    if (el.dataset.control === 'bins-on') return setState({ ...state, bins: el.checked ? lastBins : 0 });
    if (el.dataset.control === 'bins') return setState({ ...state, bins: Number(el.value) });
    if (el.dataset.field === 'slider') return setFromSlider(el, true);
    if (el.dataset.field !== 'value') return undefined;
    const side = el.dataset.dist, familyKey = PAIRS[state.family][side];
    const p = FAMILIES[familyKey].params.find((k) => k.key === el.dataset.param);
    const value = el.value.trim() === '' ? NaN : Number(el.value);
    const next = { ...state[side], [p.key]: value };
    let problem = !Number.isFinite(value) || value < p.min || value > p.max
      ? `${NAMES[side]}'s ${p.symbol} must be a number from ${p.min} to ${p.max}.` : '';
    if (!problem && familyKey === 'uniform' && !(next.high - next.low >= 0.01)) {
      problem = `${NAMES[side]}'s lower end a must be below its upper end b.`;
    }
    el.setAttribute('aria-invalid', String(Boolean(problem)));
    const error = $('[data-role="field-error"]');
    error.textContent = problem;
    error.hidden = !problem;
    if (!problem) setSide(side, { ...next });
    return undefined;
  });

  buildControls();
  render({ settled: true });
  mounted = true;
  return {
    get state() { return state; },
    setState: (next) => setState(next, { fresh: true }),
    destroy() {
      listening.abort();
      resizing.disconnect();
      clearTimeout(announceTimer);
      Object.values(charts).forEach((chart) => chart.destroy());
      root.replaceChildren();
      root.classList.remove('continuous');
    },
  };
}
