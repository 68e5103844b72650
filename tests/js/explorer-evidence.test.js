// The evidence view's display statistics (web/explorer/numerics/evidence.js)
// against sums done here and the library's own paths, and the view's URL and
// attribute form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, evidencePath, klEstimates, sampler } from '../../dist/infodiv.js';
import { firstPassage, histogram, meanAndSpread, meanPath } from '../../web/explorer/numerics/evidence.js';
import { VIEWS, fromAttributes, fromQuery } from '../../web/explorer/views/index.js';

await init();

test('meanPath: the mean of the runs\' paths step by step; an infinite step stays infinite', () => {
  assert.deepEqual([...meanPath([[1, 2, 3], [3, 4, 5]])], [2, 3, 4]);
  assert.deepEqual([...meanPath([[1, Infinity], [3, 4]])], [2, Infinity]);
  assert.deepEqual([...meanPath([])], []);
  const p = [0.6, 0.38, 0.02], q = [0.45, 0.4, 0.15], s = sampler(p, { seed: 9 });
  const paths = Array.from({ length: 5 }, () => evidencePath(p, q, s.draw(50)));
  const mean = meanPath(paths);
  assert.ok(Math.abs(mean[49] - paths.reduce((a, path) => a + path[49], 0) / 5) < 1e-12);
});

test('meanAndSpread: mean, sample standard deviation and standard error; infinite values', () => {
  const { mean, spread, error } = meanAndSpread([1, 2, 3, 4]);
  assert.equal(mean, 2.5);
  assert.ok(Math.abs(spread - Math.sqrt(5 / 3)) < 1e-15);
  assert.ok(Math.abs(error - Math.sqrt(5 / 3) / 2) < 1e-15);
  assert.deepEqual(meanAndSpread([7]), { mean: 7, spread: 0, error: 0 });
  const infinite = meanAndSpread([1, Infinity]);
  assert.equal(infinite.mean, Infinity);
  assert.ok(Number.isNaN(infinite.spread));
  assert.ok(Number.isNaN(meanAndSpread([]).mean), 'no runs: no mean');
});

test('meanAndSpread of the runs\' k1 is the mean slope Lₙ/n of their paths', () => {
  const p = [0.5, 0.3, 0.2], q = [0.2, 0.3, 0.5], s = sampler(p, { seed: 2 });
  const draws = Array.from({ length: 30 }, () => s.draw(100));
  const slope = meanAndSpread(draws.map((d) => klEstimates(p, q, d).k1)).mean;
  const fromPaths = draws.reduce((a, d) => a + evidencePath(p, q, d)[99] / 100, 0) / 30;
  assert.ok(Math.abs(slope - fromPaths) < 1e-12, `${slope} vs ${fromPaths}`);
});

test('firstPassage: the first step at or past the line, upwards or downwards; 0 if never', () => {
  const path = [0.5, 1.5, 3, 2, 4];
  assert.equal(firstPassage(path, 3, 1), 3);
  assert.equal(firstPassage(path, 5, 1), 0);
  assert.equal(firstPassage([-1, -3, -2], -2.5, -1), 2);
  assert.equal(firstPassage([0.1, Infinity], 2.9, 1), 2);
  assert.equal(firstPassage([-0.1, -Infinity], -2.9, -1), 2);
});

test('histogram: whole-number bins from 1, the times that never came left out', () => {
  assert.deepEqual(histogram([1, 2, 2, 5, 0], 5, 30), { starts: [1, 2, 3, 4, 5], width: 1, counts: [1, 2, 0, 0, 1] });
  const wide = histogram([1, 10, 11, 100, 0, 0], 100, 30);
  assert.equal(wide.width, 4);
  assert.equal(wide.counts.length, 25);
  assert.deepEqual([wide.counts[0], wide.counts[2], wide.counts[24]], [1, 2, 1]);
  assert.equal(wide.counts.reduce((a, b) => a + b, 0), 4);
});

test('the evidence view: ?view=evidence and view="evidence", its state surviving its own query and snippets', () => {
  const query = '?view=evidence&p=0.5,0.5&q=0.9,0.1&label=h&label=t&units=bits&seed=12&truth=q&runs=50&n=500';
  const { view, state, problems } = fromQuery(query);
  assert.equal(view, VIEWS.evidence);
  assert.deepEqual(problems, []);
  assert.deepEqual(state, { labels: ['h', 't'], p: [0.5, 0.5], q: [0.9, 0.1], units: 'bits', seed: 12, truth: 'q', runs: 50, n: 500 });
  assert.deepEqual(fromQuery(VIEWS.evidence.toQuery(state)).state, state);
  const attributes = { view: 'evidence', p: '0.5,0.5', q: '0.9,0.1', labels: 'h,t', units: 'bits', seed: '12', truth: 'q', runs: '50', n: '500' };
  assert.deepEqual(fromAttributes({ getAttribute: (name) => attributes[name] ?? null }).state, state);
  const { link, tag } = VIEWS.evidence.shareSnippets(state, 'https://example.org/kl/');
  assert.deepEqual(fromQuery(new URL(link).search).state, state);
  assert.match(tag, /<kl-explorer view="evidence" p="0\.5,0\.5" q="0\.9,0\.1" labels="h,t" units="bits" seed="12" truth="q" runs="50" n="500"><\/kl-explorer>$/);
  const bad = fromQuery('?view=evidence&truth=r&runs=7&n=3&n=4');
  assert.deepEqual(bad.problems, ['truth (where the samples come from) must be one of p, q', 'runs must be one of 20, 50, 100, 200',
    'n (observations per run) must be one of 50, 100, 200, 500, 1000, 2000', 'n was given more than once (the first is used)']);
  assert.deepEqual([bad.state.truth, bad.state.runs, bad.state.n], ['p', 20, 200]);
});
