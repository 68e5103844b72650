// The drag handles over P and Q's bars (./chart.js), shared by the discrete,
// code and evidence views: their markup, one focusable role="slider" per bar
// kept in line with the state, placed over its bar, and dragged (shell/drag.js:
// a mouse or pen at once, a finger after holding still, so a swipe scrolls)
// or moved with keys. Moving a bar goes through setProbability, so the other
// outcomes of that distribution make room, as far as locks allow.
import { makeDraggable, onKeys, setAttr, sliderHandle } from '../../shell/index.js';
import { clamp, formatProbability } from '../../util.js';
import { maxProbability, setProbability } from '../discrete/model.js';

const FINE_STEP = 0.01, COARSE_STEP = 0.1;

/** The chart of the bars with its handles over it, and the hint a touch screen shows above it. */
export const barsMarkup = (canvasLabel) => `
      <p class="touch-hint" data-role="touch-hint">Hold a bar still to drag it; a swipe scrolls.</p>
      <div class="chart-scroller">
        <div class="chart chart-bars">
          <canvas data-chart="bars" role="img" aria-label="${canvasLabel}"></canvas>
          <div class="handles" data-role="handles"></div>
        </div>
      </div>`;

/** A handle per bar of P and of Q, for `n` outcomes; the chart gets room for them (it scrolls sideways when many). */
export function buildHandles(shell, n) {
  const handles = shell.$('[data-role="handles"]');
  handles.replaceChildren();
  for (const dist of ['p', 'q']) {
    for (let i = 0; i < n; i++) {
      const handle = sliderHandle(`handle handle-${dist}`, { dist, index: String(i) });
      handle.setAttribute('aria-valuemin', '0');
      handle.setAttribute('aria-valuemax', '1');
      handles.append(handle);
    }
  }
  shell.$('.chart-bars').style.setProperty('--outcomes', String(n));
}

/** Each handle says its bar's name and value; `locked` (if given) marks the bars that cannot move. */
export function updateHandles(shell, { labels, p, q, locked }, infinite = []) {
  const values = { p, q };
  for (const handle of shell.$$('[data-role="handles"] .handle')) {
    const { dist } = handle.dataset, i = Number(handle.dataset.index);
    const v = values[dist][i], isLocked = Boolean(locked?.[dist][i]);
    setAttr(handle, 'aria-label', `${dist.toUpperCase()}(${labels[i]})`);
    setAttr(handle, 'aria-valuenow', String(Number(v.toFixed(3))));
    setAttr(handle, 'aria-valuetext', `${formatProbability(v)}${isLocked ? ', locked' : ''}`);
    setAttr(handle, 'data-locked', String(isLocked));
    setAttr(handle, 'data-infinite', String(Boolean(infinite[i])));
  }
}

/** Puts each handle over its bar; `geometry[d][i]` is the box of bar i of P (d = 0) or Q (d = 1). */
export function placeHandles(shell, geometry) {
  for (const handle of shell.$$('[data-role="handles"] .handle')) {
    const box = geometry[handle.dataset.dist === 'p' ? 0 : 1]?.[Number(handle.dataset.index)];
    if (!box) continue;
    Object.assign(handle.style, {
      left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`,
    });
  }
}

const barOf = (el) => ({ dist: el.dataset.dist, i: Number(el.dataset.index) });

/**
 * Wires the handles. `state()` is the view's state ({ p, q } and, if the
 * view has them, locked.p and locked.q); `chart()` the bars chart;
 * set(next, { settled }) changes the state (settled false while a bar is
 * dragged); settle() runs once a drag ends; key(el, event) (optional) may
 * use a key first, returning true if it did (the discrete view's L locks).
 */
export function wireHandles(shell, { state, chart, set, settle, key = () => false }) {
  const lockedOf = (dist) => state().locked?.[dist] ?? state()[dist].map(() => false);
  const setBar = ({ dist, i }, value, options) => {
    const values = setProbability(state()[dist], lockedOf(dist), i, value);
    if (values) set({ ...state(), [dist]: values }, options); // null: the bar cannot move (locked)
  };
  const moveTo = (bar, { y }) => setBar(bar, clamp(chart().scales.y.getValueForPixel(y), 0, 1), { settled: false });
  makeDraggable(shell, '.handle', {
    start(el, at) {
      const bar = barOf(el);
      if (lockedOf(bar.dist)[bar.i]) return null;
      moveTo(bar, at);
      return bar;
    },
    move: moveTo,
    end: settle,
    origin: () => shell.$('[data-chart="bars"]'),
  });
  // Arrow keys step (Shift: a big step), Page Up/Down big steps, Home 0, End as far as the locks allow.
  onKeys(shell, '.handle', (el, event) => {
    if (key(el, event)) return true;
    const bar = barOf(el), v = state()[bar.dist][bar.i];
    const step = event.shiftKey ? COARSE_STEP : FINE_STEP;
    const targets = {
      ArrowUp: v + step, ArrowRight: v + step, ArrowDown: v - step, ArrowLeft: v - step,
      PageUp: v + COARSE_STEP, PageDown: v - COARSE_STEP, Home: 0,
      End: maxProbability(state()[bar.dist], lockedOf(bar.dist), bar.i),
    };
    if (!Object.hasOwn(targets, event.key)) return false;
    // Round away the float noise of repeated steps: 0.61, not 0.6100000000000001.
    setBar(bar, Math.round(targets[event.key] * 1e9) / 1e9, { settled: true });
    return true;
  });
}
