// Sampling the curves of the continuous view: the x grid, the y range worth
// showing, where one density is 0 and the other is not, the integrands of KL
// from the library's log densities, and the step of a key press. Pure
// arithmetic on arrays; no DOM, and no measure (KL comes from the library).

export const PLOT_POINTS = 600; // points of each curve on the x range
const NEAR_SINGULAR = 0.02; // of the range: points this close to an infinite density do not set the y axis

/**
 * The x grid of the curves on [lo, hi]: evenly spaced, plus points just
 * inside and outside each finite end of a support in `ends` (never on it: the
 * density may be infinite or undefined there), so a jump is drawn upright.
 */
export function plotGrid([lo, hi], ends, points = PLOT_POINTS) {
  const delta = (hi - lo) * 1e-7, finite = ends.filter(Number.isFinite);
  const xs = Array.from({ length: points + 1 }, (_, i) => lo + ((hi - lo) * i) / points)
    .filter((x) => finite.every((end) => Math.abs(x - end) > delta / 2));
  for (const end of finite) xs.push(end - delta, end + delta);
  return Float64Array.from(xs.filter((x) => x >= lo && x <= hi).sort((a, b) => a - b));
}

const nearAny = (x, ends, margin) => ends.some((e) => Math.abs(x - e) < margin);

/**
 * The top of the y axis for the densities: 12% above the highest finite
 * value, leaving out points near an end in `singular` (the curve is drawn cut
 * off there); 1 when nothing is positive.
 */
export function peakHeight(xs, densities, [lo, hi], singular) {
  const margin = (hi - lo) * NEAR_SINGULAR;
  let top = 0;
  for (const ys of densities) {
    ys.forEach((y, i) => {
      if (Number.isFinite(y) && y > top && !nearAny(xs[i], singular, margin)) top = y;
    });
  }
  return top > 0 ? top * 1.12 : 1;
}

/** The y range of the integrands: every finite value (and 0), padded by 8%, except next to an end in `singular`. */
export function integrandLimits(xs, integrands, [lo, hi], singular) {
  const margin = (hi - lo) * NEAR_SINGULAR;
  let min = 0, max = 0;
  for (const ys of integrands) {
    ys.forEach((v, i) => {
      if (!Number.isFinite(v) || nearAny(xs[i], singular, margin)) return;
      min = Math.min(min, v);
      max = Math.max(max, v);
    });
  }
  const pad = (max - min || 1) * 0.08;
  return { min: min < 0 ? min - pad : 0, max: max + pad };
}

// How far beyond the values an axis grows while a pointer drags, as a share of their range: a drag that
// raises a peak pixel by pixel then lays the axis out anew every few moves, not on every one.
export const DRAG_HEADROOM = 0.1;

/**
 * The y range of a chart on screen ({ min, max }), given the one that fits
 * its values now (`fit`, e.g. from integrandLimits): that one, except while a
 * pointer drags, when the range `shown` only grows (so the chart can be
 * redrawn on the same axes, and they do not jump under the pointer); an end
 * that must grow goes `headroom` of the fitted range beyond the values.
 */
export function rangeWhileDragging(shown, fit, dragging, headroom = DRAG_HEADROOM) {
  if (!dragging || !shown) return fit;
  const room = (fit.max - fit.min) * headroom;
  return {
    min: fit.min < shown.min ? fit.min - room : shown.min,
    max: fit.max > shown.max ? fit.max + room : shown.max,
  };
}

/**
 * Where p > 0 = q ([0]) and where q > 0 = p ([1]), as x intervals of the
 * grid, from the log densities lp and lq.
 */
export function zeroIntervals(xs, lp, lq) {
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

/**
 * The integrand a·log(a/b) from log densities la and lb, divided by ln(base)
 * (`ln`): 0 where a is 0, ∞ where only b is.
 */
export function integrand(la, lb, ln) {
  return Array.from(la, (l, i) => {
    if (l === -Infinity) return 0;
    if (lb[i] === -Infinity) return Infinity;
    return (Math.exp(l) * (l - lb[i])) / ln;
  });
}

/** A step of 1, 2 or 5 × 10^n, about a hundredth of `width`. */
export function niceStep(width) {
  const raw = width / 100, power = 10 ** Math.floor(Math.log10(raw)), m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

/**
 * Where a key press moves a handle at x: from the grid point of `step` at or
 * next to it, `dir` steps along (1.1, 1.2, … rather than 1.137, 1.237).
 */
export function steppedFrom(x, step, dir) {
  const k = x / step, near = Math.round(k);
  const from = Math.abs(k - near) < 0.05 ? near : dir > 0 ? Math.floor(k) : Math.ceil(k);
  return Math.round((from + dir) * step * 1e9) / 1e9;
}

/**
 * The x range on screen: the ideal one, unless the one shown (frame.x) still
 * fits it well; never changed while a pointer drags.
 */
export function frameX(frame, ideal, dragging) {
  if (!frame) return ideal;
  if (dragging) return frame.x;
  const x = frame.x;
  const fits = ideal[0] >= x[0] && ideal[1] <= x[1] && ideal[1] - ideal[0] >= 0.4 * (x[1] - x[0]);
  return fits ? x : ideal;
}

// While a pointer drags, the top of the y axis stays until the densities' top (12% above their peak) passes
// it by this factor: the peak is then still inside the chart, and the curves can be moved in place.
const DRAG_SLACK = 1.08;

/**
 * The top of the y axis on screen, given the densities' `top`: it follows a
 * rise at once, a fall below half or a new x range once settled; while a
 * pointer drags it only grows, once the peak nears it (DRAG_SLACK), and
 * then with room to spare (DRAG_HEADROOM), so that the next small rises
 * keep the axis.
 */
export function frameY(frame, top, x, dragging) {
  const y = frame?.y ?? top;
  if (dragging) return top > y * DRAG_SLACK ? top * (1 + DRAG_HEADROOM) : y;
  return top > y || top < 0.5 * y || x !== frame?.x ? top : y;
}

/** Chart points { x, y } of a curve, null where the value is not finite (a gap in the line). */
export const toPoints = (xs, ys) => Array.from(xs, (v, i) => ({ x: v, y: Number.isFinite(ys[i]) ? ys[i] : null }));
