// The evidence view's numbers (web/explorer/views/evidence/numbers.js) as
// the page gets them from the library, against the library's own paths and
// estimates and sums done here; and the view's URL and attribute form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, evidencePath, klEstimates, measures, sampler } from '../../dist/infodiv.js';
import { evidenceNumbers } from '../../web/explorer/views/evidence/numbers.js';
import { VIEWS, fromAttributes, fromQuery } from '../../web/explorer/views/index.js';

await init();

const close = (got, want, what, rel = 1e-13) => assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got} vs ${want}`);

for (const truth of ['p', 'q']) {
  test(`evidenceNumbers from ${truth.toUpperCase()}: the runs' paths, their mean, slope and stopping times`, () => {
    const state = { p: [0.5, 0.3, 0.2], q: [0.2, 0.3, 0.5], units: 'bits', seed: 11, truth, runs: 20, n: 200 };
    const from = truth === 'p' ? state.p : state.q, other = truth === 'p' ? state.q : state.p, sign = truth === 'p' ? 1 : -1;
    const stream = sampler(from, { seed: 11 }), draws = Array.from({ length: 20 }, () => stream.draw(200));
    const got = evidenceNumbers(state);
    const paths = draws.map((d) => evidencePath(state.p, state.q, d, { base: 2 }));
    assert.deepEqual(got.paths.map((x) => [...x]), paths.map((x) => [...x]));
    for (const k of [0, 99, 199]) close(got.mean[k], paths.reduce((a, x) => a + x[k], 0) / 20, `mean at ${k + 1}`);
    const slopes = paths.map((x) => x[199] / 200), slope = slopes.reduce((a, b) => a + b, 0) / 20;
    close(got.slope.mean, slope, 'slope');
    close(got.slope.mean, sign * draws.reduce((a, d) => a + klEstimates(from, other, d, { base: 2 }).k1, 0) / 20, 'slope as k1');
    const stops = paths.map((x) => x.findIndex((v) => sign * v >= Math.log2(19)) + 1);
    assert.deepEqual([...got.stops], stops);
    const done = stops.filter((t) => t > 0);
    assert.equal(got.stopped, done.length);
    close(got.meanStop, done.reduce((a, b) => a + b, 0) / done.length, 'mean stopping time');
    close(got.m.threshold, Math.log2(19), 'log 19 in bits', 1e-15);
    assert.equal(got.line, sign * got.m.threshold);
    const m = measures(state.p, state.q, { base: 2 });
    close(got.m.wald, Math.log2(19) / (truth === 'p' ? m.klPQ : m.klQP), 'Wald');
    const e = got.estimates.find((x) => x.size === 50);
    const k3 = draws.map((d) => klEstimates(from, other, d.subarray(0, 50)).k3), k3mean = k3.reduce((a, b) => a + b, 0) / 20;
    close(e.k3.mean, k3mean, 'k3 after 50');
    close(e.k3.spread, Math.sqrt(k3.reduce((a, v) => a + (v - k3mean) ** 2, 0) / 19), 'spread of k3 after 50', 1e-12);
  });
}

test('evidenceNumbers with the samples shown: each path after those only, everything else as with all', () => {
  const state = { p: [0.5, 0.3, 0.2], q: [0.2, 0.3, 0.5], units: 'nats', seed: 5, truth: 'p', runs: 20, n: 200 };
  const all = evidenceNumbers(state), shown = [1, 7, 50, 199, 200], some = evidenceNumbers(state, shown);
  assert.deepEqual(some.shown, shown);
  assert.deepEqual(all.shown, Array.from({ length: 200 }, (_, k) => k + 1));
  assert.deepEqual(some.paths.map((x) => [...x]), all.paths.map((x) => shown.map((k) => x[k - 1])));
  assert.deepEqual([...some.mean], [...all.mean]);
  assert.deepEqual([...some.stops], [...all.stops]);
  assert.deepEqual([some.slope, some.stopped, some.meanStop, some.m], [all.slope, all.stopped, all.meanStop, all.m]);
});

test('evidenceNumbers with a cache: the draws kept while their law stays, drawn again when it or the seed changes', () => {
  const state = { p: [0.5, 0.3, 0.2], q: [0.2, 0.3, 0.5], units: 'nats', seed: 5, truth: 'p', runs: 4, n: 50 };
  const cache = {}, other = {};
  const first = evidenceNumbers(state, undefined, cache), kept = cache.draws;
  assert.equal(kept.length, 200);
  const moved = evidenceNumbers({ ...state, q: [0.3, 0.3, 0.4] }, undefined, cache); // Q dragged: samples of P
  assert.equal(cache.draws, kept);
  assert.deepEqual([...moved.stops], [...evidenceNumbers({ ...state, q: [0.3, 0.3, 0.4] }).stops]);
  evidenceNumbers({ ...state, p: [0.4, 0.4, 0.2] }, undefined, other); // another view's cache: this one's stays
  assert.equal(cache.draws, kept);
  evidenceNumbers({ ...state, p: [0.4, 0.4, 0.2] }, undefined, cache);
  assert.notEqual(cache.draws, kept);
  const again = evidenceNumbers(state, undefined, cache);
  assert.deepEqual(again.paths.map((x) => [...x]), first.paths.map((x) => [...x]));
  evidenceNumbers({ ...state, seed: 6 }, undefined, cache);
  assert.notDeepEqual([...cache.draws], [...kept]);
});

test('evidenceNumbers: an outcome the other calls impossible sends the paths to infinity', () => {
  const got = evidenceNumbers({ p: [0.5, 0.5], q: [1, 0], units: 'nats', seed: 1, truth: 'p', runs: 20, n: 50 });
  assert.equal(got.slope.mean, Infinity);
  assert.equal(got.klTruth, Infinity);
  assert.ok(got.stops.every((t) => t > 0), 'every run sees the outcome Q rules out within 50 samples, and stops there');
  assert.equal(got.exact, Infinity);
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
