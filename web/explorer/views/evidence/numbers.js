// The evidence view's calls to the library, and the display statistics over
// its runs: runs of samples from the truth (the library's seeded sampler,
// one stream), each run's log-likelihood path (evidencePath), its slope
// Lₙ/n (Schulman's k1 of the run, from klEstimates), when it passes log 19,
// and k1, k2, k3 after the first 1, 2, 5, … samples of every run.
import { crossEntropy, evidencePath, kl, klEstimates, measures, sampler } from 'infodiv';
import { firstPassage, meanAndSpread, meanPath } from '../../numerics/evidence.js';
import { UNITS } from '../../util.js';
import { ESTIMATOR_SIZES, ODDS } from './model.js';

const ESTIMATORS = ['k1', 'k2', 'k3'];

// Mean and spread over the runs of k1, k2 and k3 (in nats) after the first `size` samples of each.
function estimatesAfter(size, draws, from, other) {
  const each = draws.map((d) => klEstimates(from, other, d.subarray(0, size)));
  return { size, ...Object.fromEntries(ESTIMATORS.map((k) => [k, meanAndSpread(each.map((e) => e[k]))])) };
}

/**
 * Everything the view shows for a state: { m, paths, mean, slope, stops,
 * direction, estimates, exact }. m holds the library's measures (in the
 * units), threshold = log 19 and wald = log 19 / KL of the truth against the
 * other; paths[r][k] is run r's Lₙ after k + 1 samples and mean their mean;
 * slope the mean and spread of the runs' Lₙ/n; stops[r] when run r passed
 * ±log 19 (0: not within n); direction 1 when the samples come from P, −1
 * from Q; estimates the k1, k2, k3 of each sample size, in nats, and exact
 * the KL they estimate, in nats.
 */
export function evidenceNumbers({ p, q, units, seed, truth, runs, n }) {
  const base = UNITS[units], direction = truth === 'p' ? 1 : -1;
  const [from, other] = truth === 'p' ? [p, q] : [q, p];
  const stream = sampler(from, { seed });
  const draws = Array.from({ length: runs }, () => stream.draw(n));
  const paths = draws.map((d) => evidencePath(p, q, d, { base }));
  const m = measures(p, q, { base });
  const threshold = crossEntropy([1, 0], [1, ODDS - 1], { base }); // −log(1/19) = log 19
  const klTruth = truth === 'p' ? m.klPQ : m.klQP;
  return {
    m: { ...m, threshold, wald: threshold / klTruth },
    paths,
    mean: meanPath(paths),
    slope: meanAndSpread(draws.map((d) => direction * klEstimates(from, other, d, { base }).k1)),
    stops: paths.map((path) => firstPassage(path, direction * threshold, direction)),
    direction,
    klTruth,
    estimates: ESTIMATOR_SIZES.filter((size) => size <= n).map((size) => estimatesAfter(size, draws, from, other)),
    exact: kl(from, other),
  };
}
