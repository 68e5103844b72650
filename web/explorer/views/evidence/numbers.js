// The evidence view's calls to the library: runs of samples from the truth
// (the library's seeded sampler, one stream), their log-likelihood paths,
// slope, stopping times at odds of 19 : 1 and Wald's approximation
// (evidenceRuns), and Schulman's k1, k2, k3 after the first 1, 2, 5, …
// samples of every run (klEstimates), averaged over the runs (summary).
import { evidenceRuns, kl, klEstimates, measures, sampler, summary } from 'infodiv';
import { UNITS } from '../../util.js';
import { ESTIMATOR_SIZES, ODDS } from './model.js';

const ESTIMATORS = ['k1', 'k2', 'k3'];

// Mean and spread over the runs of k1, k2 and k3 (in nats) after the first `size` samples of each.
function estimatesAfter(size, draws, from, other) {
  const each = draws.map((d) => klEstimates(from, other, d.subarray(0, size)));
  return { size, ...Object.fromEntries(ESTIMATORS.map((k) => [k, summary(each.map((e) => e[k]))])) };
}

// The draws, kept in `cache` ({ key, draws }, the view's own) with what they were drawn for: a drag of the
// law the samples do not come from leaves them as they were.
function drawsOf(cache, from, seed, count) {
  const key = `${seed} ${count} ${from.join()}`; // a number's string is exact: the same key, the same law
  if (cache.key !== key) Object.assign(cache, { key, draws: sampler(from, { seed }).draw(count) });
  return cache.draws;
}

/**
 * Everything the view shows for a state: { m, line, paths, mean, slope,
 * stops, stopped, meanStop, direction, klTruth, estimates, exact }. m holds
 * the library's measures (in the units), threshold = log 19 and wald = log
 * 19 / KL of the truth against the other; line is the test's threshold
 * toward the truth (−log 19 from Q); paths[r][j] is run r's Lₙ after shown[j]
 * samples (shown: increasing, from 1 to n; by default every n) and mean[k]
 * the runs' mean after k + 1; slope the mean, spread and standard error of
 * the runs' Lₙ/n; stops[r] when run r passed ±log 19 (0: not within n),
 * stopped how many did and meanStop their mean time; direction 1 when the
 * samples come from P, −1 from Q; estimates the k1, k2, k3 of each sample
 * size, in nats (computed when first read), and exact the KL they estimate,
 * in nats. `cache`, an object the caller keeps between calls, keeps the
 * draws while the law they come from stays the same.
 */
export function evidenceNumbers({ p, q, units, seed, truth, runs, n }, shown = undefined, cache = {}) {
  const [from, other] = truth === 'p' ? [p, q] : [q, p];
  const all = drawsOf(cache, from, seed, runs * n); // one stream: run r is its r-th n draws
  const draws = Array.from({ length: runs }, (_, r) => all.subarray(r * n, (r + 1) * n));
  const m = measures(p, q, { base: UNITS[units] });
  const test = evidenceRuns(p, q, draws, { base: UNITS[units], odds: ODDS, toward: truth, at: shown });
  return {
    m: { ...m, threshold: Math.abs(test.threshold), wald: test.wald }, // log 19 shown; line: ±log 19 drawn
    line: test.threshold,
    paths: test.paths,
    shown: shown ?? Array.from({ length: n }, (_, k) => k + 1),
    mean: test.mean,
    slope: test.slope,
    stops: test.stops,
    stopped: test.stopped,
    meanStop: test.meanStop,
    direction: truth === 'p' ? 1 : -1,
    klTruth: truth === 'p' ? m.klPQ : m.klQP,
    // Asked of the library when first read: while a bar is dragged the estimators chart is drawn only in its
    // turn and when on screen, and for 200 runs of 2,000 these are a third of the library's work.
    get estimates() {
      const value = ESTIMATOR_SIZES.filter((size) => size <= n).map((size) => estimatesAfter(size, draws, from, other));
      Object.defineProperty(this, 'estimates', { value });
      return value;
    },
    exact: kl(from, other),
  };
}
