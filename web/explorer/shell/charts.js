// The life of a view's Chart.js charts: created with the page's colours and
// motion preference, created again when either (or the theme) changes, resized with their
// containers, destroyed with the view. Also what every chart shares: the
// palette from CSS and the base options.

/**
 * Colours from the CSS custom properties of the explorer, as the canvas needs
 * them: a probe element resolves var(), light-dark() (by the theme in force)
 * and whatever a host page set (--kl-p, ...) to computed colours.
 */
export function readPalette(element) {
  const probe = document.createElement('span');
  probe.hidden = true;
  element.append(probe);
  const colour = (name) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const palette = {
    p: colour('--p'), q: colour('--q'), alert: colour('--alert'), text: colour('--text'), muted: colour('--muted'),
    grid: colour('--grid'), surface: colour('--surface'), font: getComputedStyle(element).fontFamily,
  };
  probe.remove();
  return palette;
}

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
 * Creates a chart per entry of `factories`, each factory(canvas, palette,
 * animate) given the view's <canvas data-chart="name">. Returns one object
 * holding the charts by name; its members are replaced when the colour scheme
 * or the motion preference changes, after which redraw() fills them again.
 * The charts start without animation, so the first render (in the task that
 * creates them) is drawn at once: Chart.js would otherwise queue a resize
 * animation at creation and put off every draw to its next frames. Changes
 * after that animate, unless the reader prefers less motion.
 */
export function manageCharts(shell, factories, redraw) {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const darkScheme = matchMedia('(prefers-color-scheme: dark)');
  const charts = {};
  let animating = 0;
  const create = () => {
    const palette = readPalette(shell.root);
    for (const [name, factory] of Object.entries(factories)) charts[name] = factory(shell.$(`[data-chart="${name}"]`), palette, false);
    clearTimeout(animating);
    if (!reducedMotion.matches) {
      animating = setTimeout(() => Object.values(charts).forEach((chart) => { chart.options.animation = baseOptions(palette, true).animation; }));
    }
  };
  const destroy = () => Object.values(charts).forEach((chart) => chart.destroy());
  const recreate = () => {
    destroy();
    create();
    redraw();
  };
  create();
  shell.on(darkScheme, 'change', recreate);
  shell.on(reducedMotion, 'change', recreate);
  const themed = new MutationObserver(recreate); // <kl-explorer theme="…"> changed
  themed.observe(shell.root, { attributes: true, attributeFilter: ['data-theme'] });
  // Chart.js resizes with its container, but can miss a resize that comes
  // during its opening animation (seen in iframes); this one never does.
  const resizing = new ResizeObserver(() => Object.values(charts).forEach((chart) => chart.resize()));
  shell.$$('.chart').forEach((container) => resizing.observe(container));
  shell.onDestroy(() => {
    clearTimeout(animating);
    themed.disconnect();
    resizing.disconnect();
    destroy();
  });
  return charts;
}
