// The life of a view's Chart.js charts: created with the page's colours and
// motion preference, created again when either (or the theme) changes, resized with their
// containers, destroyed with the view. Also what every chart shares: the
// palette from CSS and the base options. Chart.js itself is not imported
// here: a view loads its charts' code (and Chart.js) after its numbers.
import { TURN_MS } from './turns.js';

/**
 * Colours from the CSS custom properties of the explorer, as the canvas needs
 * them: a probe element resolves var(), light-dark() (by the theme in force)
 * and whatever a host page set (--kl-p, ...) to computed colours.
 */
export function readPalette(element) {
  const names = { p: '--p', q: '--q', alert: '--alert', text: '--text', muted: '--muted', grid: '--grid', surface: '--surface' };
  // One probe per colour, all in place before the first read: one style recalculation, not seven.
  const probes = Object.values(names).map((name) => {
    const probe = document.createElement('span');
    probe.hidden = true;
    probe.style.color = `var(${name})`;
    return probe;
  });
  element.append(...probes);
  const palette = Object.fromEntries(Object.keys(names).map((key, i) => [key, getComputedStyle(probes[i]).color]));
  palette.font = getComputedStyle(element).fontFamily;
  for (const probe of probes) probe.remove();
  return palette;
}

/**
 * A repeating 8-px tile of diagonal lines, Q's mark beside its colour (so P
 * and Q differ without colour too): on a `fill` if given, the lines in
 * `stroke` at `alpha`, `lineWidth` wide.
 */
export function diagonalPattern({ fill = null, stroke, alpha = 1, lineWidth }) {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, 8, 8);
  }
  ctx.strokeStyle = stroke;
  ctx.globalAlpha = alpha;
  ctx.lineWidth = lineWidth;
  ctx.beginPath();
  ctx.moveTo(-2, 10); ctx.lineTo(10, -2);
  ctx.moveTo(-2, 2); ctx.lineTo(2, -2);
  ctx.moveTo(6, 10); ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/**
 * A value axis's tick label, up to 4 significant digits. Chart.js's own
 * formats with Intl.NumberFormat, whose first use costs a slow phone about
 * 100 ms while the explorer starts.
 */
export const tickLabel = (value) => String(Number(Number(value).toPrecision(4)));

/** Options every chart starts from: sized by its container, animated unless the reader prefers less motion. */
export function baseOptions(palette, animate) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? { duration: 200 } : false,
    color: palette.text,
    font: { family: palette.font },
  };
}

/**
 * Clips the chart's context (saved by the caller) to its plot area, the edges rounded to whole device
 * pixels. A rectangle on the pixel grid clips without anti-aliasing; Chart.js's plot area has fractional
 * edges, and such a clip sends every pixel drawn inside it through a coverage mask, which doubled the
 * raster of the evidence view's 200 runs.
 */
export function clipToPlot(chart) {
  const { ctx, chartArea: area } = chart, ratio = chart.currentDevicePixelRatio || 1;
  const onGrid = (v) => Math.round(v * ratio) / ratio;
  const left = onGrid(area.left), top = onGrid(area.top);
  ctx.beginPath();
  ctx.rect(left, top, onGrid(area.right) - left, onGrid(area.bottom) - top);
  ctx.clip();
}

const directions = new WeakMap();

/**
 * A plugin every chart lists: its canvas draws text in the direction of the
 * page around it, read once. The canvas's own default, 'inherit', makes the
 * browser lay out the page before any text drawn after a change of the page
 * (to read the canvas's style): a layout of the whole page per chart in
 * every frame of a drag.
 */
export const textDirection = {
  id: 'infodivTextDirection',
  beforeInit(chart) { directions.set(chart, getComputedStyle(chart.canvas).direction); },
  beforeUpdate(chart) { chart.ctx.direction = directions.get(chart) ?? 'ltr'; }, // a resize resets the context
  beforeDraw(chart) { chart.ctx.direction = directions.get(chart) ?? 'ltr'; },
};

// Whether each chart's canvas is on screen (a part of it in the viewport), by IntersectionObserver.
const onScreen = new WeakMap();

/**
 * Which of a view's secondary charts to draw now: all when the state has
 * settled; while a drag goes on, one at a time of those on screen that are
 * behind the state, in turn, at most one per TURN_MS. `turns` keeps, per
 * view, which are behind, whose turn it is and when the last was drawn;
 * `changed` says the state has changed since the last call. Returns
 * { due: one boolean per chart, behind: whether one on screen is still
 * behind, so that the view calls again in the next frame }. A chart off
 * screen is drawn when the drag ends.
 */
export function chartsDue(turns, charts, { dragging, changed = true, now = performance.now() }) {
  turns.behind ??= new Set();
  if (changed) charts.forEach((_, i) => turns.behind.add(i));
  if (!dragging) {
    turns.behind.clear();
    turns.at = -Infinity;
    return { due: charts.map(() => true), behind: false };
  }
  const waiting = charts.map((chart, i) => i).filter((i) => turns.behind.has(i) && onScreen.get(charts[i].canvas) !== false);
  const next = now - (turns.at ?? -Infinity) < TURN_MS ? undefined : waiting.find((i) => i > (turns.last ?? -1)) ?? waiting[0];
  if (next !== undefined) {
    turns.last = next;
    turns.at = now;
    turns.behind.delete(next);
  }
  return { due: charts.map((_, i) => i === next), behind: waiting.length > (next === undefined ? 0 : 1) };
}

// A new task, so that the browser may handle input in between.
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });
// A task after the next frame is painted (or after 100 ms where no frame comes: a hidden tab or iframe).
const afterPaint = () => new Promise((resolve) => {
  const timer = setTimeout(resolve, 100);
  requestAnimationFrame(() => {
    clearTimeout(timer);
    setTimeout(resolve, 0);
  });
});

/**
 * Creates a chart per entry of the factories that `load()` resolves to (it
 * imports the view's charts' code, Chart.js with it, once the view's numbers
 * are painted), each factory(canvas, palette, animate) given the view's
 * <canvas data-chart="name">. Resolves to one
 * object holding the charts by name; its members are replaced when the colour
 * scheme, the theme or the motion preference changes, after which redraw()
 * fills them again. The first time, each chart is made in a task of its own,
 * the first after a paint (a view shows its numbers before its charts): on a
 * slow phone one chart takes Chart.js a good part of a second.
 * The charts start without animation, so the first render (in the task that
 * follows) is drawn at once: Chart.js would otherwise queue a resize
 * animation at creation and put off every draw to its next frames. Changes
 * after that animate, unless the reader prefers less motion.
 */
export async function manageCharts(shell, load, redraw) {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');
  const charts = {};
  let animating = 0, destroyed = false, factories = {};
  const make = (name, palette) => { charts[name] = factories[name](shell.$(`[data-chart="${name}"]`), palette, false); };
  const animateLater = (palette) => {
    clearTimeout(animating);
    if (reducedMotion.matches) return;
    animating = setTimeout(() => Object.values(charts).forEach((chart) => { chart.options.animation = baseOptions(palette, true).animation; }));
  };
  const create = () => {
    const palette = readPalette(shell.root);
    for (const name of Object.keys(factories)) make(name, palette);
    animateLater(palette);
  };
  const destroy = () => Object.values(charts).forEach((chart) => chart.destroy());
  const recreate = () => {
    destroy();
    create();
    redraw();
  };
  const themed = new MutationObserver(recreate); // <kl-explorer theme="…"> changed
  // Chart.js resizes with its container, but can miss a resize that comes
  // during its opening animation (seen in iframes); this one never does.
  const resizing = new ResizeObserver(() => Object.values(charts).forEach((chart) => chart.resize()));
  const visibility = new IntersectionObserver((entries) => entries.forEach((e) => onScreen.set(e.target, e.isIntersecting)));
  shell.onDestroy(() => {
    destroyed = true;
    clearTimeout(animating);
    themed.disconnect();
    resizing.disconnect();
    visibility.disconnect();
    destroy();
  });
  await afterPaint(); // the view's numbers, already there, are painted first (and its styles computed)
  factories = await load();
  if (destroyed) return charts;
  const palette = readPalette(shell.root);
  for (const name of Object.keys(factories)) {
    await nextTask(); // the first after Chart.js's module is evaluated, in a task of its own
    if (destroyed) return charts;
    make(name, palette);
  }
  await nextTask(); // the view draws them in a task of its own
  if (destroyed) return charts;
  animateLater(palette);
  shell.on(darkScheme, 'change', recreate);
  shell.on(reducedMotion, 'change', recreate);
  themed.observe(shell.root, { attributes: true, attributeFilter: ['data-theme'] });
  shell.$$('.chart').forEach((container) => resizing.observe(container));
  shell.$$('canvas[data-chart]').forEach((canvas) => visibility.observe(canvas));
  return charts;
}
