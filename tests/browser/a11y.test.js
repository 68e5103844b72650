// axe-core on every page that shows the explorer: the page in both modes,
// the iframe embed in both modes and the example blog post (its elements and
// its iframe), in the light and the dark colour scheme, chosen by the
// reader's system (the context's colorScheme) and against it by the theme
// (the `theme` parameter of the page and the embed, the `theme` attribute of
// <kl-explorer>). Every rule axe runs by default, none turned off: zero
// violations. axe is injected into every frame (by evaluate, which a page's
// Content-Security-Policy does not govern) and run from the top one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useExplorer, LOAD_TIMEOUT, DESKTOP } from './harness.js';
import { PAGES, allReady, axeViolations } from './look.js';

const explorer = useExplorer();

/** Opens `path` (waiting for every explorer on it, and the blog post's iframe), optionally sets `theme` on every element. */
async function openSettled(path, { dark, theme }) {
  const page = await explorer.newPage({ device: DESKTOP, dark });
  await page.goto(explorer.url(path));
  await allReady(page);
  if (theme) await page.evaluate((t) => document.querySelectorAll('kl-explorer').forEach((e) => e.setAttribute('theme', t)), theme);
  const framed = page.locator('iframe');
  if (await framed.count()) {
    await framed.scrollIntoViewIfNeeded(); // it loads lazily
    await page.frameLocator('iframe').locator('[data-ready] [data-measure="klPQ"][data-value]').waitFor({ timeout: LOAD_TIMEOUT });
  }
  await page.waitForTimeout(400); // charts recreated for a new theme
  return page;
}

const withTheme = (path, theme) => (path.startsWith('examples/') ? path : `${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
const CASES = [
  { name: 'light system', dark: false },
  { name: 'dark system', dark: true },
  { name: 'theme dark on a light system', dark: false, theme: 'dark' },
  { name: 'theme light on a dark system', dark: true, theme: 'light' },
];

for (const [pageName, path] of Object.entries(PAGES)) {
  for (const { name, dark, theme } of CASES) {
    test(`axe: no violation on the ${pageName}, ${name}`, async () => {
      const blog = path.startsWith('examples/');
      const page = await openSettled(theme && !blog ? withTheme(path, theme) : path, { dark, theme: blog ? theme : undefined });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe:\n  ${violations.join('\n  ')}`);
    });
  }
}
