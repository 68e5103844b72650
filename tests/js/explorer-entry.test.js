// The discrete view's rules for exact entry (web/explorer/views/discrete/model.js):
// a distribution typed as text, normalising with locks, and a state taking
// P and Q of a new number of outcomes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fromPreset, normalised, parseDistributionText, sumsToOne, withDistributions,
} from '../../web/explorer/views/discrete/model.js';

test('parseDistributionText: probabilities kept exactly as typed, counts divided once', () => {
  assert.deepEqual(parseDistributionText('0.6, 0.3, 0.1'), { values: [0.6, 0.3, 0.1], divided: null });
  assert.deepEqual(parseDistributionText(' 0.5,0.4,0.1, '), { values: [0.5, 0.4, 0.1], divided: null }, 'a trailing comma');
  assert.deepEqual(parseDistributionText('3, 2, 1'), { values: [3 / 6, 2 / 6, 1 / 6], divided: 6 });
  assert.deepEqual(parseDistributionText('3 2 1'), { values: [3 / 6, 2 / 6, 1 / 6], divided: 6 }, 'spaces alone');
  assert.deepEqual(parseDistributionText('0,6; 0,3; 0,1'), { values: [0.6, 0.3, 0.1], divided: null }, 'decimal commas between semicolons');
  assert.deepEqual(parseDistributionText('1, 0'), { values: [1, 0], divided: null });
  assert.deepEqual(parseDistributionText('0.5, 0.4'), { values: [0.5 / 0.9, 0.4 / 0.9], divided: 0.9 });
});

test('parseDistributionText: what is wrong, naming the entry', () => {
  const problem = (text) => parseDistributionText(text).problem;
  assert.equal(problem(''), 'it is empty');
  assert.equal(problem('0.6, abc, 0.1'), 'entry 2 is not a number (“abc”)');
  assert.equal(problem('0.6, -0.3, 0.1'), 'entry 2 is negative');
  assert.equal(problem('0.6,,0.4'), 'entry 2 is empty');
  assert.equal(problem('0, 0, 0'), 'all entries are 0');
  assert.equal(problem('1'), 'it has 1 entry; give 2 to 20');
  assert.equal(problem(Array(21).fill(1).join(',')), 'it has 21 entries; give 2 to 20');
  assert.equal(problem('Infinity, 1'), 'entry 1 is not a number (“Infinity”)');
  assert.equal(problem('1e308, 1e308'), 'the entries are too large');
  assert.equal(problem('0x10, 1'), 'entry 1 is not a number (“0x10”)');
});

test('normalised: unchanged when it sums to 1; locked values stay when the free ones can make up the rest', () => {
  const p = [0.6, 0.3, 0.1];
  assert.equal(normalised(p, [false, false, false]), p, 'already 1 (0.6 + 0.3 + 0.1 is 0.9999999999999999)');
  assert.deepEqual(normalised([1, 1, 2], [false, false, false]), [0.25, 0.25, 0.5]);
  assert.deepEqual(normalised([0.5, 0.5, 0.2], [false, false, true]), [0.4, 0.4, 0.2]);
  // Locked mass above 1, or no free mass: everything is divided by the sum.
  assert.deepEqual(normalised([0.8, 0.8, 0.4], [true, true, false]), [0.4, 0.4, 0.2]);
  assert.deepEqual(normalised([0, 0, 0.5], [false, false, true]), [0, 0, 1]);
  for (const values of [[0.3, 0.3, 0.3], [2, 0, 0], [0.1, 0.9, 0.5]]) assert.ok(sumsToOne(normalised(values, [false, true, false])));
});

test('withDistributions: a new number of outcomes keeps the labels and locks it can and adds letters not in use', () => {
  const three = { ...fromPreset('three'), labels: ['x', 'A', 'y'] };
  three.locked.p[1] = true;
  const four = withDistributions(three, [0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4]);
  assert.deepEqual(four.labels, ['x', 'A', 'y', 'B']);
  assert.deepEqual(four.locked, { p: [false, true, false, false], q: [false, false, false, false] });
  const two = withDistributions(three, [0.5, 0.5], [0.9, 0.1]);
  assert.deepEqual([two.labels, two.locked.p, two.p, two.q, two.units], [['x', 'A'], [false, true], [0.5, 0.5], [0.9, 0.1], 'nats']);
});
