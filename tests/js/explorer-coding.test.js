// The code view's numbers (web/explorer/views/code/numbers.js) as the page
// gets them from the library, against sums done here over the library's code
// lengths and draws: Σ pᵢℓᵢ of each code, −log qᵢ, the bits of a message and
// the shares of each outcome; the points a chart draws. Also the shared
// reading of P, Q, labels, units and seed (web/explorer/views/outcomes.js)
// and the code view's URL form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init, codeLengths, kl, messageLengths, prefixCode, sampler } from '../../dist/infodiv.js';
import { codeNumbers, messageNumbers } from '../../web/explorer/views/code/numbers.js';
import { spread } from '../../web/explorer/numerics/points.js';
import { readOutcomes } from '../../web/explorer/views/outcomes.js';
import { VIEWS, fromAttributes, fromQuery } from '../../web/explorer/views/index.js';

await init();

const dot = (p, lengths) => p.reduce((s, v, i) => s + v * lengths[i], 0);
const close = (got, want, what) => assert.ok(Math.abs(got - want) <= 1e-15 * Math.abs(want), `${what}: ${got} vs ${want}`);

test('codeNumbers: Σ pᵢℓᵢ of each Huffman code, the ideal −log₂ qᵢ and one bit in the units', () => {
  const p = [0.6, 0.2, 0.1, 0.1], q = [0.4, 0.1, 0.1, 0.4];
  const bits = codeNumbers({ p, q, units: 'bits' });
  close(bits.m.huffmanP, dot(p, codeLengths(p)), 'P\'s code');
  close(bits.m.huffmanQ, dot(p, codeLengths(q)), 'Q\'s code, for what P sends');
  assert.deepEqual([bits.m.huffmanP, bits.m.huffmanQ], [1.6, 2.2]); // the defaults: lengths 1, 2, 3, 3 and 2, 3, 3, 1
  q.forEach((v, i) => close(bits.ideal[i], -Math.log2(v), `−log₂ q${i}`));
  const nats = codeNumbers({ p, q, units: 'nats' });
  close(nats.bit, Math.LN2, 'one bit in nats');
  close(nats.m.huffmanQ, 2.2 * Math.LN2, 'Q\'s code in nats');
  const hole = codeNumbers({ p: [0.5, 0.5], q: [1, 0], units: 'bits' });
  assert.equal(hole.m.huffmanQ, Infinity);
  assert.deepEqual(hole.canWrite.q, [true, false]);
  assert.equal(hole.ideal[1], Infinity);
});

test('messageNumbers: the bits of each code, the averages and the shares of the draws, from the library', () => {
  const p = [0.5, 0.2, 0.2, 0.1], q = [0.1, 0.2, 0.3, 0.4];
  const draws = sampler(p, { seed: 7 }).draw(1000), lp = codeLengths(p), lq = codeLengths(q);
  const m = messageNumbers({ p, q, units: 'bits' }, draws);
  assert.equal(m.n, 1000);
  assert.equal(m.bits.p, [...draws].reduce((a, i) => a + lp[i], 0));
  assert.equal(m.bits.q, [...draws].reduce((a, i) => a + lq[i], 0));
  close(m.average.q, m.bits.q / 1000, 'Q\'s average');
  close(m.extra, (m.bits.q - m.bits.p) / 1000, 'extra bits per symbol');
  close(m.perSymbol.q[9], [...draws].slice(0, 10).reduce((a, i) => a + lq[i], 0) / 10, 'after 10 symbols');
  assert.deepEqual([...m.counts], [0, 1, 2, 3].map((i) => [...draws].filter((d) => d === i).length));
  m.shares.forEach((v, i) => close(v, m.counts[i] / 1000, `share of ${i}`));
  assert.equal(m.unwritable, 0);
  const none = messageNumbers({ p, q, units: 'bits' }, new Uint32Array(0));
  assert.deepEqual([none.n, none.bits.p, none.unwritable], [0, 0, 0]);
  assert.ok(Number.isNaN(none.average.p) && Number.isNaN(none.extra));
});

test('messageNumbers: Q\'s message cannot be written from the first outcome Q has no word for', () => {
  const m = messageNumbers({ p: [0.5, 0.5], q: [1, 0], units: 'bits' }, [0, 0, 1, 0]);
  assert.deepEqual(m.bits, { p: 4, q: Infinity });
  assert.equal(m.unwritable, 3);
  assert.deepEqual([...m.perSymbol.q], [0, 0, Infinity, Infinity], 'nothing to send for a sure outcome, then no word');
});

// What the page says under "Whole bits: Huffman's gap is not KL" (index.html), from the library.
test('the page\'s two examples of Huffman\'s gap against KL are the library\'s numbers', () => {
  const html = readFileSync(new URL('../../web/explorer/index.html', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const bits = (p, q) => kl(p, q, { base: 2 }).toPrecision(3);
  const gap = (p, q) => { const { expected } = messageLengths(p, q, [], { base: 2 }); return expected.q - expected.p; };
  const same = [[0.6, 0.3, 0.1], [0.5, 0.4, 0.1]], more = [[0.4, 0.3, 0.3], [0.3, 0.3, 0.4]];
  assert.equal(bits(...same), '0.0333');
  assert.deepEqual(prefixCode(same[0]).codewords, prefixCode(same[1]).codewords);
  assert.deepEqual(prefixCode(same[0]).codewords, ['0', '10', '11']);
  assert.equal(gap(...same), 0);
  assert.ok(Math.abs(gap(...more) - 0.1) < 1e-15, `gap ${gap(...more)}`);
  assert.equal(bits(...more), '0.0415');
  assert.ok(html.includes('(P = 0.6, 0.3, 0.1 and Q = 0.5, 0.4, 0.1: KL is 0.0333 bits, both codes are 0, 10, 11)'));
  assert.ok(html.includes('(P = 0.4, 0.3, 0.3 and Q = 0.3, 0.3, 0.4: 0.1 bits against a KL of 0.0415)'));
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
