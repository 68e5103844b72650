// The state in the URL: a shared link restores the view, a reload keeps it,
// and hostile or broken links neither run code nor break the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  useExplorer, ready, checkMeasures, shownMeasures, handle, valueInput, labelInput, dragBar,
  THREE,
} from './harness.js';

const explorer = useExplorer();
const INDEX_HTML = readFileSync(fileURLToPath(new URL('../../dist/site/index.html', import.meta.url)), 'utf8');
const labelsShown = (page) => page.locator('input[data-field="label"]').evaluateAll((es) => es.map((e) => e.value));
const unitsChecked = (page) => page.locator('input[type="radio"][name="units"]:checked').getAttribute('value');
const urlNote = (page) => page.locator('[data-role="url-note"]');

/** Opens a query on an open page; very long ones are answered from dist/site/index.html (Node's HTTP server refuses headers over 16 KB). */
async function goto(page, query) {
  if (query.length > 8000) {
    await page.route((u) => u.search.length > 8000, (r) => r.fulfill({ contentType: 'text/html', body: INDEX_HTML }));
  }
  await page.goto(explorer.url(query));
  await ready(page);
}

/** Nothing injected ran or was created, and the page still answers a preset click with the library's numbers. */
async function assertUnharmedAndWorking(page, what) {
  await page.waitForTimeout(200); // an injected onerror would have fired by now
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: injected code ran`);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('img, script')]
    .filter((e) => /x$|pwned/.test(e.getAttribute('src') ?? '') || e.textContent.includes('pwned'))
    .map((e) => e.outerHTML)), [], `${what}: elements created from the URL`);
  await page.locator('button[data-preset="weather"]').click();
  const r = await checkMeasures(page);
  assert.deepEqual([r.state.p, r.state.q], [[0.8, 0.2], [0.5, 0.5]], `${what}: preset after loading`);
}

const SHARED = '?p=0.5,0.25,0.25&q=0.2,0.3,0.5&label=sun&label=cloud%20cover&label=rain&units=bits';

test('a URL restores P, Q, labels and units', async () => {
  const page = await explorer.open(SHARED);
  assert.equal(await urlNote(page).isVisible(), false);
  assert.deepEqual(await labelsShown(page), ['sun', 'cloud cover', 'rain']);
  assert.equal(await unitsChecked(page), 'bits');
  for (const [i, v] of [0.5, 0.25, 0.25].entries()) assert.equal(Number(await valueInput(page, 'p', i).inputValue()), v);
  for (const [i, v] of [0.2, 0.3, 0.5].entries()) assert.equal(Number(await valueInput(page, 'q', i).inputValue()), v);
  assert.match(await handle(page, 'q', 1).getAttribute('aria-label'), /^Q\b.*cloud cover/);
  const r = await checkMeasures(page);
  assert.deepEqual(r.state, { p: [0.5, 0.25, 0.25], q: [0.2, 0.3, 0.5], labels: ['sun', 'cloud cover', 'rain'], units: 'bits' });
});

// A reload must give back exactly the state and numbers of the page that wrote the URL.
const RELOADS = {
  'as loaded': async () => {},
  'after a drag': (page) => dragBar(page, 'p', 1, 37),
  'after the "three" preset': (page) => page.locator('button[data-preset="three"]').click(),
};
for (const [change, act] of Object.entries(RELOADS)) {
  test(`a reload keeps the state and measures exactly (${change})`, async () => {
    const page = await explorer.open(SHARED);
    // The page writes the URL after a change; toggling the units makes it write what it holds.
    const rewriteUrl = async () => {
      await page.locator('input[name="units"][value="hartleys"]').check();
      await page.locator('input[name="units"][value="bits"]').check();
      return (await checkMeasures(page)).state;
    };
    await act(page);
    const state = await rewriteUrl();
    const shown = await shownMeasures(page);
    await page.reload();
    await ready(page);
    assert.equal(await urlNote(page).isVisible(), false);
    assert.deepEqual(await shownMeasures(page), shown, 'measures after the reload');
    assert.deepEqual(await rewriteUrl(), state, 'state after the reload');
  });
}

test('markup in a label is shown as text and never runs', async () => {
  const page = await explorer.open();
  for (const label of ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>']) {
    // Outcome 2 has p > 0 = q, so the infinity note quotes the label too.
    await goto(page, `?p=0.5,0.5&q=1,0&label=fine&label=${encodeURIComponent(label)}`);
    assert.equal(await urlNote(page).isVisible(), false, `${label}: accepted`);
    assert.equal(await labelInput(page, 1).inputValue(), label);
    assert.ok((await handle(page, 'p', 1).getAttribute('aria-label')).includes(label), 'aria-label quotes the label');
    const note = page.locator('[data-role="infinity-note"]');
    assert.equal(await note.isVisible(), true);
    assert.ok((await note.textContent()).includes(label), `the infinity note quotes ${label} literally`);
    assert.equal(await note.locator('img, script').count(), 0);
    await assertUnharmedAndWorking(page, label);
  }
});

const pad = (xs) => xs.join(',');
const REJECTED = {
  'NaN in P': '?p=NaN,0.5,0.5&q=0.2,0.3,0.5',
  'negative P': '?p=-0.1,0.6,0.5&q=0.2,0.3,0.5',
  'Infinity in P': '?p=Infinity,0.5,0.5&q=0.2,0.3,0.5',
  '1e999 in P': '?p=1e999,0.5,0.5&q=0.2,0.3,0.5',
  'P and Q of different lengths': '?p=0.5,0.5&q=0.2,0.3,0.5',
  '10,000 entries': `?p=${pad(new Array(10000).fill('0.0001'))}&q=${pad(new Array(10000).fill('0.0001'))}`,
  'empty P and Q': '?p=&q=',
  'all-zero P': '?p=0,0,0&q=0.2,0.3,0.5',
  'units=javascript:alert(1)': '?p=0.5,0.25,0.25&q=0.2,0.3,0.5&label=a&label=b&label=c&units=javascript:alert(1)',
};

test('broken or hostile URLs fall back to the default with a visible note', async () => {
  const page = await explorer.open();
  const defaultLabels = await labelsShown(page);
  for (const [what, query] of Object.entries(REJECTED)) {
    await goto(page, query);
    const note = urlNote(page);
    assert.equal(await note.isVisible(), true, `${what}: url-note visible`);
    assert.ok((await note.textContent()).trim().length > 10, `${what}: url-note explains`);
    assert.equal(await unitsChecked(page), 'nats', `${what}: units`);
    if (!what.startsWith('units')) {
      assert.deepEqual(await labelsShown(page), defaultLabels, `${what}: default labels`);
      for (const [dist, values] of Object.entries(THREE)) {
        for (const [i, v] of values.entries()) {
          assert.equal(Number(await valueInput(page, dist, i).inputValue()), v, `${what}: default ${dist}[${i}]`);
        }
      }
      assert.equal(await page.locator('[data-measure="klPQ"]').textContent(), '0.0231', `${what}: default KL`);
    }
    await assertUnharmedAndWorking(page, what);
  }
});
