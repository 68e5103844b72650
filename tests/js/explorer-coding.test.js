// The code view's bookkeeping (web/explorer/numerics/coding.js) with the
// library as the page uses it: Σ pᵢℓᵢ as the cross-entropy against 2^−ℓ,
// −log qᵢ as the cross-entropy of the outcome alone, the tally of a message
// against sums done here, and the points a chart draws. Also the shared
// reading of P, Q, labels, units and seed (web/explorer/views/outcomes.js)
// and the code view's URL form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, codeLengths, crossEntropy, sampler } from '../../dist/infodiv.js';
import { addSymbols, kraftWeights, newTally, spread, unitVector } from '../../web/explorer/numerics/coding.js';
import { readOutcomes } from '../../web/explorer/views/outcomes.js';
import { VIEWS, fromAttributes, fromQuery } from '../../web/explorer/views/index.js';

await init();

const dot = (p, lengths) => p.reduce((s, v, i) => s + v * lengths[i], 0);

test('kraftWeights: Σ pᵢℓᵢ of a Huffman code is H(P, 2^−ℓ) in bits, for its own P and for another', () => {
  const cases = [
    [[0.6, 0.2, 0.1, 0.1], [0.4, 0.1, 0.1, 0.4]],
    [[0.5, 0.25, 0.125, 0.125], [0.125, 0.125, 0.25, 0.5]],
    [[0.05, 0.4, 0.15, 0.3, 0.1], [0.2, 0.2, 0.2, 0.2, 0.2]],
    [[0.5, 0.5, 0], [0.2, 0.3, 0.5]],
  ];
  for (const [p, q] of cases) {
    for (const built of [p, q]) {
      const lengths = codeLengths(built), weights = kraftWeights(built, lengths);
      assert.equal(weights.filter((w, i) => built[i] > 0).reduce((a, b) => a + b, 0), 1, 'a complete code: Kraft sum 1');
      const got = crossEntropy(p, weights, { base: 2 });
      assert.ok(Math.abs(got - dot(p, lengths)) <= 1e-15 * dot(p, lengths), `${p} with the code of ${built}: ${got} vs ${dot(p, lengths)}`);
    }
  }
});

test('kraftWeights: no word where the code\'s distribution is 0 (an infinite cost); one sure outcome costs 0 bits', () => {
  const q = [0.5, 0.5, 0], p = [0.4, 0.4, 0.2];
  assert.deepEqual(kraftWeights(q, codeLengths(q)), [0.5, 0.5, 0]);
  assert.equal(crossEntropy(p, kraftWeights(q, codeLengths(q)), { base: 2 }), Infinity);
  const sure = [0, 1, 0];
  assert.deepEqual(kraftWeights(sure, codeLengths(sure)), [0, 1, 0]);
  assert.equal(crossEntropy(sure, kraftWeights(sure, codeLengths(sure)), { base: 2 }), 0);
});

test('unitVector: H(e_i, q) is −log₂ qᵢ, ∞ where qᵢ = 0', () => {
  const q = [0.1, 0.2, 0.3, 0.4, 0];
  assert.deepEqual(unitVector(3, 1), [0, 1, 0]);
  for (const [i, v] of q.entries()) {
    const got = crossEntropy(unitVector(q.length, i), q, { base: 2 });
    if (v === 0) assert.equal(got, Infinity);
    else assert.ok(Math.abs(got + Math.log2(v)) <= 1e-15 * Math.abs(Math.log2(v)), `−log₂ ${v}: ${got}`);
  }
});

test('addSymbols: the bits of each code, the counts and the running averages, drawn in batches as at once', () => {
  const p = [0.5, 0.2, 0.2, 0.1], q = [0.1, 0.2, 0.3, 0.4];
  const lengths = { p: codeLengths(p), q: codeLengths(q) }, canWrite = { p: p.map((v) => v > 0), q: q.map((v) => v > 0) };
  const draws = sampler(p, { seed: 7 }).draw(1000);
  const s = sampler(p, { seed: 7 }), tally = newTally(4, 2000, 40);
  for (const count of [1, 1, 3, 95, 900]) addSymbols(tally, s.draw(count), lengths, canWrite);
  assert.equal(tally.n, 1000);
  assert.equal(tally.bits.p, [...draws].reduce((a, i) => a + lengths.p[i], 0));
  assert.equal(tally.bits.q, [...draws].reduce((a, i) => a + lengths.q[i], 0));
  assert.deepEqual([...tally.counts], [0, 1, 2, 3].map((i) => [...draws].filter((d) => d === i).length));
  assert.deepEqual(tally.recent, [...draws].slice(-40));
  const first10 = [...draws].slice(0, 10).reduce((a, i) => a + lengths.q[i], 0);
  assert.equal(tally.averages.q[10], first10 / 10);
  assert.equal(tally.averages.p[1000], tally.bits.p / 1000);
  assert.equal(tally.unwritable, 0);
});

test('addSymbols: Q\'s message cannot be written from the first outcome Q has no word for', () => {
  const p = [0.5, 0.5], q = [1, 0];
  const lengths = { p: codeLengths(p), q: codeLengths(q) }, canWrite = { p: [true, true], q: [true, false] };
  const tally = addSymbols(newTally(2, 10), [0, 0, 1, 0], lengths, canWrite);
  assert.deepEqual(tally.bits, { p: 4, q: Infinity });
  assert.equal(tally.unwritable, 3);
  assert.deepEqual([...tally.averages.q.slice(1, 5)], [0, 0, Infinity, Infinity], 'nothing to send for a sure outcome, then no word');
});

test('spread: every symbol up to max, then max points from 1 to n', () => {
  assert.deepEqual(spread(0, 5), []);
  assert.deepEqual(spread(4, 5), [1, 2, 3, 4]);
  const points = spread(1000, 5);
  assert.deepEqual(points, [1, 251, 501, 750, 1000]);
  const many = spread(9999, 400);
  assert.equal(many.length, 400);
  assert.deepEqual([many[0], many.at(-1)], [1, 9999]);
  assert.ok(many.every((n, k) => k === 0 || n > many[k - 1]), 'increasing');
});

const DEFAULTS = { labels: ['A', 'B'], p: [0.9, 0.1], q: [0.5, 0.5], units: 'bits', seed: 3 };
const parts = (over) => ({ p: null, q: null, labels: null, units: null, seed: null, ...over });

test('readOutcomes: the view\'s default, the parts given, and a problem for what could not be used', () => {
  assert.deepEqual(readOutcomes(parts({}), DEFAULTS), { state: DEFAULTS, problems: [] });
  const given = readOutcomes(parts({ p: '6,3,1', q: '1,1,1', labels: ['x', 'y', 'z'], units: 'nats', seed: '42' }), DEFAULTS);
  assert.deepEqual(given.state, { labels: ['x', 'y', 'z'], p: [0.6, 0.3, 0.1], q: [1 / 3, 1 / 3, 1 / 3], units: 'nats', seed: 42 });
  assert.deepEqual(given.problems, []);
  const bad = readOutcomes(parts({ p: '1,2', q: '1,2,3', seed: '-1', units: 'parsecs' }), DEFAULTS);
  assert.deepEqual(bad.state, { ...DEFAULTS, units: 'nats' });
  assert.deepEqual(bad.problems, ['the units were not nats, bits or hartleys', 'P and Q have different numbers of values',
    'the seed must be a whole number from 0 to 9007199254740991']);
  assert.equal(readOutcomes(parts({ seed: '9007199254740991' }), DEFAULTS).state.seed, 2 ** 53 - 1);
  assert.equal(readOutcomes(parts({ seed: '9007199254740992' }), DEFAULTS).problems.length, 1);
  assert.match(readOutcomes(parts({ labels: ['a', 'b', 'c'] }), DEFAULTS).problems[0], /3 labels were given for the 2 outcomes of the default/);
});

test('the code view: ?view=code (or mode=code) and view="code", its state surviving its own query and snippets', () => {
  const query = '?view=code&p=0.5,0.5&q=0.9,0.1&label=h&label=t&units=nats&seed=12&speed=500';
  const { view, state, problems } = fromQuery(query);
  assert.equal(view, VIEWS.code);
  assert.deepEqual(problems, []);
  assert.deepEqual(state, { labels: ['h', 't'], p: [0.5, 0.5], q: [0.9, 0.1], units: 'nats', seed: 12, speed: 500 });
  assert.deepEqual(fromQuery(VIEWS.code.toQuery(state)).state, state);
  assert.equal(fromQuery('?mode=code').view, VIEWS.code, 'mode is the older name of view');
  const element = { getAttribute: (name) => ({ view: 'code', p: '0.5,0.5', q: '0.9,0.1', labels: 'h,t', units: 'nats', seed: '12', speed: '500' })[name] ?? null };
  assert.deepEqual(fromAttributes(element).state, state);
  const { link, tag } = VIEWS.code.shareSnippets(state, 'https://example.org/kl/');
  assert.deepEqual(fromQuery(new URL(link).search).state, state);
  assert.match(tag, /<kl-explorer view="code" p="0\.5,0\.5" q="0\.9,0\.1" labels="h,t" units="nats" seed="12" speed="500"><\/kl-explorer>$/);
  const bad = fromQuery('?view=code&speed=3&seed=x');
  assert.deepEqual(bad.problems, ['the seed must be a whole number from 0 to 9007199254740991',
    'speed (symbols per second) must be one of 1, 5, 20, 100, 500, 2000']);
  assert.equal(bad.state.speed, 20);
  assert.deepEqual(fromQuery('?view=code&mode=discrete').problems, ['view and mode name different views (view is used)']);
});
