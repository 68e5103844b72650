// Drawing the code view: setState() is the one way its state changes (a new
// P, Q or seed starts the run again), render() puts the library's numbers
// for the state on screen, renderRun() the run's counters, message and chart.
// Text and attributes are written only where they change (setText, setAttr).
import { setAttr, setChecked, setNote, setText, setValue } from '../../shell/index.js';
import { moveLinesInPlace } from '../../shell/in-place.js';
import { rangeWhileDragging } from '../../numerics/curves.js';
import { spread } from '../../numerics/points.js';
import { formatNumber, formatProbability } from '../../util.js';
import { buildEditor } from '../outcomes-editor.js';
import { RECENT, SERIES } from './model.js';
import { codeNumbers } from './numbers.js';
import { message, recent, restartRun } from './run.js';
import { ROW_TEMPLATE } from './template.js';
import { describeChart, infinityNote, messageText, unitsNote } from './text.js';

const CHART_POINTS = 400; // points per running average on the chart

const sameDraws = (a, b) => a.seed === b.seed && a.p.length === b.p.length && a.p.every((v, i) => v === b.p[i]);
const sameCodes = (a, b) => sameDraws(a, b) && a.q.every((v, i) => v === b.q[i]);

/** A row of the outcomes table per outcome, and a drag handle per bar. */
export function buildRows({ shell, state }) {
  shell.$('[data-role="code-rows"]').replaceChildren(...state.p.map((_, i) => {
    const row = document.createElement('tr');
    row.innerHTML = ROW_TEMPLATE; // static markup
    row.querySelector('[data-cell="label"]').textContent = state.labels[i]; // a row of text's height from the start
    return row;
  }));
  buildEditor(shell, state);
}

/** The state changes to `next`; settled is false while a bar is dragged (every move restarts the run). */
export function setState(view, next, { settled = true } = {}) {
  const previous = view.state, fresh = !view.numbers;
  view.state = next;
  if (fresh || next.p.length !== previous.p.length) buildRows(view);
  view.numbers = codeNumbers(next);
  if (fresh || !sameCodes(previous, next)) restartRun(view); // new draws or new codes: a new message
  render(view, { settled });
}

const word = (numbers, code, i) => (numbers.canWrite[code][i] ? numbers.codes[code].codewords[i] || '(empty)' : 'none');

// The outcomes table's cells that depend on the state alone.
function showTable({ shell, state, numbers }) {
  shell.$$('[data-role="code-rows"] tr').forEach((row, i) => {
    const cell = (name, text) => setText(row.querySelector(`[data-cell="${name}"]`), text);
    cell('label', state.labels[i]);
    cell('p', formatProbability(state.p[i]));
    cell('q', formatProbability(state.q[i]));
    cell('wordP', state.p[i] > 0 ? word(numbers, 'p', i) : 'none');
    cell('wordQ', word(numbers, 'q', i));
    cell('lengthQ', numbers.canWrite.q[i] ? String(numbers.codes.q.lengths[i]) : '—');
    cell('ideal', formatNumber(numbers.ideal[i]));
    setAttr(row, 'data-unwritable', String(state.p[i] > 0 && !numbers.canWrite.q[i]));
  });
}

function showMeasures({ shell, state, numbers: { m } }) {
  for (const el of shell.$$('[data-measure]')) {
    setText(el, formatNumber(m[el.dataset.measure]));
    setAttr(el, 'data-value', String(m[el.dataset.measure]));
  }
  shell.$$('[data-unit]').forEach((el) => setText(el, state.units));
}

function showControls({ shell, state, bars }, settled) {
  setChecked(shell.$$('input[name="units"]'), state.units);
  setValue(shell.$('[data-control="speed"]'), String(state.speed));
  const seed = shell.$('[data-control="seed"]');
  if (shell.focused() !== seed) setValue(seed, String(state.seed));
  bars.show(state, { settled });
}

// The four lines the averages are compared with (none where a value is infinite).
function lines({ numbers: { m } }, xMax) {
  const flat = (v) => (Number.isFinite(v) ? [{ x: 1, y: v }, { x: xMax, y: v }] : []);
  return SERIES.slice(2).map((key) => flat(m[key]));
}

// The lowest and highest y of the lines' points.
function yLimits(series) {
  let min = Infinity, max = -Infinity;
  for (const points of series) {
    for (const { y } of points) {
      min = Math.min(min, y);
      max = Math.max(max, y);
    }
  }
  return { min, max };
}

/** The writer of the chart of running averages, in turns while a bar is dragged (made at mount). */
export const runChartInTurns = (view) => view.shell.inTurns(() => { if (view.charts) drawRun(view); });

// The running averages and the lines. While a bar is dragged the y axis only grows from the one laid out
// (Chart.js fits it to the lines otherwise), so the lines are mostly moved in place.
function drawRun(view) {
  const { charts: { running }, state } = view, { n, perSymbol } = message(view);
  const xMax = Math.max(n, 10);
  const points = (code) => spread(n, CHART_POINTS).flatMap((k) => {
    const y = perSymbol[code][k - 1];
    return Number.isFinite(y) ? [{ x: k, y }] : [];
  });
  const series = [points('p'), points('q'), ...lines(view, xMax)];
  const dragging = view.dragging && running.scales.y;
  const y = dragging ? rangeWhileDragging(running.scales.y, yLimits(series), true) : null;
  running.options.scales.x.max = xMax;
  Object.assign(running.options.scales.y, { min: y?.min, max: y?.max });
  running.options.scales.y.title.text = `${state.units} per symbol`;
  if (dragging && moveLinesInPlace(running, series)) return;
  running.data.datasets.forEach((dataset, d) => { dataset.data = series[d]; });
  running.update('none');
}

function showCounters(view) {
  const { shell, state } = view, { n, bits, average, extra, counts, shares } = message(view);
  const set = (name, text, value) => {
    const el = shell.$(`[data-counter="${name}"]`);
    setText(el, text);
    setAttr(el, 'data-value', String(value));
  };
  set('n', String(n), n);
  set('bitsP', String(bits.p), bits.p);
  set('bitsQ', bits.q === Infinity ? 'cannot be written' : String(bits.q), bits.q);
  const unit = (v) => (Number.isNaN(v) ? '—' : `${formatNumber(v)} ${state.units}`);
  set('averageP', unit(average.p), average.p);
  set('averageQ', unit(average.q), average.q);
  set('extra', unit(extra), extra);
  // How often each outcome was sent, and that share of the symbols (on its own line when the table is narrow).
  shell.$$('[data-role="code-rows"] tr').forEach((row, i) => {
    setText(row.querySelector('[data-sent="count"]'), String(counts[i]));
    setText(row.querySelector('[data-sent="share"]'), n ? `(${formatProbability(shares[i])})` : '');
  });
}

// A symbol sent: the outcome over its codeword in each code.
function symbolCell({ state, numbers }, i) {
  const cell = document.createElement('span');
  cell.className = 'symbol-cell';
  for (const [className, text] of [['symbol-label', state.labels[i]], ['word word-p', word(numbers, 'p', i)],
    ['word word-q', numbers.canWrite.q[i] ? word(numbers, 'q', i) : '✕']]) {
    const line = document.createElement('span');
    line.className = className;
    line.textContent = text;
    cell.append(line);
  }
  return cell;
}

// The last symbols, oldest first. While the run goes on with the same codes, only the symbols sent since the
// strip was written are added (and as many of the oldest dropped): one cell per symbol, not RECENT per frame.
// view.strip: the draws, how many of them, and the state and numbers the strip was written for.
function showMessage(view) {
  const { shell, run, state, numbers, strip: shown } = view, box = shell.$('[data-role="message"]');
  const same = shown && shown.draws === run.draws && shown.state === state && shown.numbers === numbers && shown.n <= run.n;
  if (!same) box.replaceChildren(...Array.from(recent(view, RECENT), (i) => symbolCell(view, i)));
  else if (shown.n < run.n) {
    box.append(...Array.from(run.draws.subarray(Math.max(shown.n, run.n - RECENT), run.n), (i) => symbolCell(view, i)));
    while (box.childElementCount > RECENT) box.firstElementChild.remove();
  }
  view.strip = { draws: run.draws, n: run.n, state, numbers };
  setText(shell.$('[data-role="message-text"]'), messageText(view));
}

/**
 * The run's counters, message and chart (the chart only when `chart`: while
 * playing, a few times a second); when it is not playing, also the chart's words.
 * Charts are drawn before any text is written: a canvas drawing text after a
 * change of the page makes the browser lay the page out first (its style in
 * the explorer's size containers depends on layout).
 */
export function renderRun(view, { chart = true } = {}) {
  const { shell, run } = view;
  if (chart && view.charts) drawRun(view);
  showCounters(view);
  showMessage(view);
  setText(shell.$('[data-action="play"]'), run.playing ? 'Pause' : 'Play');
  setNote(shell.$('[data-role="infinity-note"]'), infinityNote(view.state, message(view).unwritable));
  if (!run.playing) setAttr(shell.$('[data-chart="running"]'), 'aria-label', describeChart(view));
}

/**
 * Draws the state and the run; once a change settles, the page hears of it.
 * While a bar is dragged, the bars and the numbers follow every move, the
 * chart of running averages (a full Chart.js update) in turns (shell/turns.js).
 */
export function render(view, { settled }) {
  const { shell, state, numbers } = view;
  view.freeze(!settled); // while a drag goes on, each move lays out only the boxes it changes
  view.dragging = !settled; // the player sends nothing meanwhile: every move starts the message again
  view.lines = numbers.m;
  if (view.charts) view.bars.draw(view.charts.bars, state, { settled }); // not yet on the first render: the numbers come first
  view.runChart(!settled); // before the run's text (see renderRun)
  renderRun(view, { chart: false });
  showTable(view);
  showMeasures(view);
  showControls(view, settled);
  setText(shell.$('[data-role="units-note"]'), unitsNote(state.units, numbers.bit));
  if (settled) view.history?.settled(state);
  view.onChange(state, { ...numbers.m }, { settled });
}
