// The evidence view's state and its limits: P and Q over named outcomes, the
// units, the seed, which of the two the samples come from (the truth), how
// many runs and how many observations each (see ../outcomes.js for the
// shared part). Its URL and attribute form is in url.js. No DOM here.
import { letters } from '../discrete/model.js';

export const RUNS = [20, 50, 100, 200];
export const LENGTHS = [50, 100, 200, 500, 1000, 2000];
export const TRUTHS = ['p', 'q'];
/** The sample sizes at which the estimators of KL are compared (those up to the run's length). */
export const ESTIMATOR_SIZES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];
/** The odds at which the sequential test stops: 19 to 1. */
export const ODDS = 19;

/**
 * P, and a model Q that gives C far more than P does: KL(P‖Q) is 0.113 nats
 * and KL(Q‖P) 0.193, so the paths rise and fall at visibly different slopes
 * and the test needs about 26 samples of P, or 15 of Q.
 */
export const DEFAULTS = {
  labels: letters(3), p: [0.6, 0.38, 0.02], q: [0.45, 0.4, 0.15], units: 'nats', seed: 1, truth: 'p', runs: 20, n: 200,
};
