// What the evidence view says in words: the captions that name the truth,
// why a KL is infinite, the charts for screen readers and what the live
// region says once a change settles. Pure: the state and the numbers in,
// text out.
import { formatNumber, formatProbability } from '../../util.js';

const list = (items) => new Intl.ListFormat('en').format(items);
const f = formatNumber;
const NAMES = { p: ['P', 'Q'], q: ['Q', 'P'] };

/** The paths chart's caption. */
export function pathsCaption({ truth, runs }) {
  const [T, O] = NAMES[truth];
  return `Samples from ${T}: after each one, the log-likelihood ratio Lₙ = Σ log(p(xᵢ)/q(xᵢ)) of ${runs} runs `
    + `(faint) and their mean. The dashed line is ${truth === 'p' ? 'n · KL(P‖Q)' : '−n · KL(Q‖P)'}: the evidence `
    + `${truth === 'p' ? 'for P grows' : 'for Q grows (Lₙ falls)'} at the rate KL(${T}‖${O}). The dotted line is `
    + `${truth === 'p' ? '' : '−'}log 19, odds of 19 to 1 for ${T}.`;
}

/** The histogram's caption. */
export function stoppingCaption({ truth }) {
  const [T, O] = NAMES[truth];
  return `How many samples to tell ${T} from ${O}: a sequential test stops when Lₙ ${truth === 'p' ? 'rises past ' : 'falls past −'}`
    + `log 19. The stopping times of the runs, beside log 19 / KL(${T}‖${O}): by Wald’s identity the expected stopping `
    + 'time is the expected Lₙ at the stop over KL, more than log 19 / KL because the path overshoots the line; '
    + 'the mean of a few runs scatters around that.';
}

/** The estimators chart's caption. */
export function estimatorsCaption({ truth }) {
  const [T, O] = NAMES[truth], t = T.toLowerCase(), o = O.toLowerCase();
  return `Estimating KL(${T}‖${O}) from samples of ${T}, as reinforcement-learning and distillation code does `
    + `(J. Schulman, “Approximating KL divergence”, 2020): with r = ${o}/${t} at each sample, k1 = mean of −log r, `
    + 'k2 = mean of ½ (log r)², k3 = mean of (r − 1) − log r. Mean over the runs ± one standard deviation against the '
    + 'exact value, as the samples grow: k1 and k3 are unbiased, k3 is never negative and spreads less than k1 '
    + 'while Q is close to P, k2 is biased. '
    + 'In nats whatever the units above: k2 and k3 are defined with natural logarithms.';
}

/** Why the estimators chart is empty when the KL it estimates is infinite. */
export function estimatorsInfinite({ truth }) {
  const [T, O] = NAMES[truth];
  return `KL(${T}‖${O}) is infinite, and so is every estimate from a run with a sample where ${O.toLowerCase()} = 0 `
    + '(r = 0 there): the means over the runs are infinite, and there is nothing finite to draw.';
}

// "KL(P‖Q) is infinite: Q gives probability 0 to “C”, which has probability 0.1 under P. …"
function explainZero(state, zero, other) {
  const hit = state.labels.flatMap((_, i) => (state[zero][i] === 0 && state[other][i] > 0 ? [i] : []));
  if (!hit.length) return '';
  const [Z, O] = [zero.toUpperCase(), other.toUpperCase()];
  return `KL(${O}‖${Z}) is infinite: ${Z} gives probability 0 to ${list(hit.map((i) => `“${state.labels[i]}”`))}, `
    + `which ${O} gives ${list(hit.map((i) => formatProbability(state[other][i])))}. One sample of it from ${O} `
    + `settles the question: Lₙ jumps to ${O === 'P' ? '' : '−'}∞ and stays there.`;
}

/** Why a KL is infinite ('' when neither is). */
export const infinityNote = (state) => [explainZero(state, 'q', 'p'), explainZero(state, 'p', 'q')].filter(Boolean).join(' ');

const say = (v, units) => (v === Infinity ? 'infinite' : `${f(v)} ${units}`);

/** The paths chart in words. */
export function describePaths({ state, numbers: { slope, klTruth, mean } }) {
  const [T, O] = NAMES[state.truth], sign = state.truth === 'p' ? '' : '−';
  return `${state.runs} runs of ${state.n} samples from ${T}. After ${state.n} samples the mean Lₙ is ${f(mean.at(-1))} `
    + `${state.units}; the runs' slope Lₙ/n is ${f(slope.mean)} ± ${f(slope.error)} (standard error), against `
    + `${sign}KL(${T}‖${O}) = ${sign}${say(klTruth, state.units)}`
    + `${Number.isFinite(klTruth) ? `: the line ${sign}n · KL(${T}‖${O}) ${sign ? 'falls' : 'rises'} from 0 at that rate` : ''}.`;
}

/** The histogram in words. */
export function describeStopping({ state, numbers: { stops, stopped, meanStop, m } }) {
  const done = stops.filter((t) => t > 0); // 0: never
  return `${stopped} of ${state.runs} runs passed log 19 within ${state.n} samples`
    + `${stopped ? `, after ${Math.min(...done)} to ${Math.max(...done)} samples, ${f(meanStop)} on average` : ''}; `
    + `log 19 / KL is ${f(m.wald)}.`;
}

/** The estimators chart in words. */
export function describeEstimators({ numbers: { estimates, exact } }) {
  const at = (e) => `${e.size}: ${['k1', 'k2', 'k3'].map((k) => `${k} ${f(e[k].mean)} ± ${f(e[k].spread)}`).join(', ')}`;
  return `Mean ± standard deviation over the runs of the estimators of KL, in nats, by samples per run: `
    + `${estimates.map(at).join('; ')}. The exact value is ${f(exact)} nats.`;
}

/** What the live region says once a change has settled. */
export function announcement(view) {
  const { state, numbers: { slope, klTruth } } = view, [T, O] = NAMES[state.truth];
  return `${state.runs} runs from ${T}: slope ${f(slope.mean)} ${state.units} per sample, KL(${T}‖${O}) `
    + `${say(klTruth, state.units)}. ${describeStopping(view)}`;
}
