// Helpers of the tests of how the explorer looks and starts (layout shift,
// themes, axe-core): the pages that show it, a 390 px phone, and waiting
// until every explorer on a page shows its numbers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LOAD_TIMEOUT } from './harness.js';

/** Every page that shows the explorer, as paths under the site. */
export const PAGES = {
  'page, discrete': '',
  'page, continuous': '?mode=continuous',
  'embed, discrete': 'embed.html',
  'embed, continuous': 'embed.html?mode=continuous',
  'page, code': '?view=code',
  'page, evidence': '?view=evidence',
  'embed, code': 'embed.html?view=code',
  'embed, evidence': 'embed.html?view=evidence',
  'blog post': 'examples/blog-post.html',
};

/** A 390 px phone (iPhone 12 to 15 width), touch and all. */
export const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Every explorer on the page (the page's own, or each <kl-explorer> in its shadow root) shows its numbers. */
export const allReady = (page) => page.waitForFunction(() => {
  const elements = [...document.querySelectorAll('kl-explorer')];
  const roots = elements.length ? elements.map((e) => e.shadowRoot) : [document];
  return roots.every((root) => root?.querySelector('[data-ready] [data-measure="klPQ"][data-value]'));
}, null, { timeout: LOAD_TIMEOUT });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (every rule it runs by default) in the page and its frames;
 * returns its violations, one string per rule with the first few nodes.
 * Injected by evaluate, which a page's Content-Security-Policy does not govern.
 */
export async function axeViolations(page) {
  for (const frame of page.frames()) await frame.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { iframes: true })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' » ')}: ${n.failureSummary.split('\n').slice(1).join(' ')}`) })));
  return violations.map((v) => `${v.id} (${v.impact}) × ${v.nodes.length}\n    ${v.nodes.slice(0, 4).join('\n    ')}`);
}
