// What a phone (390 × 844, touch) shows: each view's lead chart on the first
// screen, without scrolling (the one the reader drags in the discrete and
// continuous views; the code and evidence views' charts of what the draws
// give: the code view's Play comes next, the evidence view's P and Q bars,
// close enough that one screen holds both charts), and every control a finger can hit
// at least 24 × 24 CSS pixels (WCAG 2.5.8), with 3 outcomes, with 20 (the
// chart then scrolls sideways, the page does not), and in the continuous,
// code and evidence views. Also saves
// first-screen screenshots, light and dark, in dist/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useExplorer, SCREENSHOTS, PHONE_390 } from './harness.js';

const explorer = useExplorer();
const SCREEN = PHONE_390.viewport.height;
const TWENTY = `?p=${Array(20).fill(0.05).join(',')}&q=${Array.from({ length: 20 }, (_, i) => (i + 1) / 210).join(',')}`;
const VIEWS = { discrete: '', continuous: '?mode=continuous&bins=10', twenty: TWENTY, code: '?view=code', evidence: '?view=evidence' };

/**
 * Every visible interactive element's target: its box; for a checkbox or a
 * radio button inside a <label>, the label's (a tap on the label works it);
 * grown by a ::before
 * placed around it (the curve handles' finger-sized target). Links inside a
 * sentence are left out (WCAG's inline exception).
 */
function targets() {
  const SELECTOR = 'button, a[href], select, summary, textarea, input:not([type="hidden"]), [role="slider"], [tabindex]:not([tabindex="-1"])';
  const union = (a, b) => {
    const left = Math.min(a.left, b.left), top = Math.min(a.top, b.top);
    return { left, top, width: Math.max(a.right, b.right) - left, height: Math.max(a.bottom, b.bottom) - top, right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
  };
  const pseudoBox = (el, r) => {
    const css = getComputedStyle(el), before = getComputedStyle(el, '::before');
    if (before.content === 'none' || before.position !== 'absolute') return r;
    const px = (v) => parseFloat(v) || 0;
    const left = r.left + px(css.borderLeftWidth) + px(before.left), right = r.right - px(css.borderRightWidth) - px(before.right);
    const top = r.top + px(css.borderTopWidth) + px(before.top), bottom = r.bottom - px(css.borderBottomWidth) - px(before.bottom);
    return union(r, { left, right, top, bottom });
  };
  return [...document.querySelectorAll(SELECTOR)]
    .filter((el) => el.checkVisibility() && !(el.matches('a') && el.closest('p')))
    .map((el) => {
      let box = el.getBoundingClientRect();
      const label = el.matches('input[type="checkbox"], input[type="radio"]') && el.closest('label');
      if (label) box = union(box, label.getBoundingClientRect());
      box = pseudoBox(el, box);
      const name = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30) || el.getAttribute('type') || '';
      return { what: `${el.tagName.toLowerCase()}[${name}]`, width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 };
    });
}

for (const [name, query] of Object.entries(VIEWS)) {
  test(`phone 390 × 844, ${name}: the view's lead chart is on the first screen, with the touch hint if it is dragged`, async () => {
    const page = await explorer.open(query, { device: PHONE_390 });
    const first = await page.evaluate(() => {
      const lead = document.querySelector('.lead-panel'), chart = lead.querySelector('.chart canvas').getBoundingClientRect();
      const hint = lead.querySelector('[data-role="touch-hint"]')?.getBoundingClientRect();
      return {
        scrollY: window.scrollY, top: chart.top, bottom: chart.bottom, dragged: Boolean(lead.querySelector('[role="slider"]')),
        hint: hint?.height > 0 ? hint.bottom : null, firstCanvas: document.querySelector('canvas') === lead.querySelector('canvas'),
      };
    });
    assert.equal(first.scrollY, 0);
    assert.ok(first.firstCanvas, 'the lead chart is the page\'s first chart');
    assert.ok(first.top <= 0.6 * SCREEN, `the chart starts at y = ${first.top}, below 60% of the ${SCREEN} px screen`);
    assert.ok(first.bottom <= SCREEN, `the chart ends at y = ${first.bottom}, below the first screen`);
    assert.equal(first.dragged, ['discrete', 'continuous', 'twenty'].includes(name), 'the lead chart is dragged in the discrete and continuous views');
    if (first.dragged) assert.ok(first.hint !== null && first.hint <= SCREEN, `the touch hint is on the first screen (${first.hint})`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.waitForTimeout(600); // chart animations
    await page.screenshot({ path: `${SCREENSHOTS}/phone390-light-${name}.png` });
    const dark = await explorer.open(query, { device: PHONE_390, dark: true });
    await dark.waitForTimeout(600);
    await dark.screenshot({ path: `${SCREENSHOTS}/phone390-dark-${name}.png` });
  });

  test(`phone 390 × 844, ${name}: every target is at least 24 × 24 px, and only the chart scrolls sideways`, async () => {
    const page = await explorer.open(query, { device: PHONE_390 });
    const small = (await page.evaluate(targets)).filter((t) => t.width < 24 || t.height < 24);
    assert.deepEqual(small, [], 'targets smaller than 24 × 24 px');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, handles: document.querySelectorAll('[role="slider"]').length }));
    assert.ok(widths.page <= 390, `the page is ${widths.page} px wide: it must not scroll sideways`);
    if (name === 'twenty') {
      assert.equal(widths.handles, 40);
      const scroller = await page.locator('.chart-scroller').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      assert.ok(scroller.scroll > scroller.client, `the chart scrolls sideways (${scroller.scroll} in ${scroller.client} px)`);
    }
  });
}

// The evidence view is used by dragging its P and Q bars while watching the paths: on a phone the bars come
// right after the paths and their caption, before the run controls, and a scroll can show both whole.
// The code view's Play, which its intro asks for, stays right after its chart.
test('phone 390 × 844: the evidence view\'s bars follow its paths within a screen; the code view\'s Play its chart', async () => {
  const layout = (page) => page.evaluate(() => {
    const root = document.querySelector('.infodiv-explorer');
    const box = (el) => el.getBoundingClientRect();
    const next = [...root.children, ...root.querySelectorAll('.main-row > *')]
      .filter((el) => !el.matches('.main-row, .lead-panel') && box(el).height > 1)
      .sort((a, b) => box(a).top - box(b).top)[0];
    const lead = box(root.querySelector('.lead-panel canvas')), bars = box(root.querySelector('[data-chart="bars"]'));
    return { next: next.className, both: bars.bottom - lead.top, below: box(next).top >= box(root.querySelector('.lead-panel')).bottom };
  });
  const evidence = await layout(await explorer.open(VIEWS.evidence, { device: PHONE_390 }));
  assert.match(evidence.next, /outcomes-panel/, 'the evidence view: the P and Q bars come right after the paths');
  assert.ok(evidence.below);
  assert.ok(evidence.both <= SCREEN, `the evidence view: the paths and the bars span ${evidence.both} px, more than a ${SCREEN} px screen`);
  const code = await layout(await explorer.open(VIEWS.code, { device: PHONE_390 }));
  assert.match(code.next, /toolbar/, 'the code view: Play and its controls come right after the chart');
});
