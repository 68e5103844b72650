// The evidence view's display statistics over its runs: the mean of the
// runs' log-likelihood paths, the mean and spread of a list of values, when
// a path first passes a threshold, and a histogram of those times. The
// paths, the estimates and the threshold come from the library; this only
// averages and counts them. No DOM.

/** The mean of equally long paths, step by step (Infinity if any path is infinite there, likewise −Infinity). */
export function meanPath(paths) {
  const mean = new Float64Array(paths[0]?.length ?? 0);
  for (const path of paths) for (let k = 0; k < mean.length; k++) mean[k] += path[k];
  for (let k = 0; k < mean.length; k++) mean[k] /= paths.length;
  return mean;
}

/**
 * The mean of `values` and their spread (sample standard deviation, 0 for
 * one value), and the standard error of the mean, spread/√count. An infinite
 * value makes the mean infinite and the spread NaN.
 */
export function meanAndSpread(values) {
  const count = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / count;
  if (!Number.isFinite(mean)) return { mean, spread: NaN, error: NaN };
  const spread = count > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (count - 1)) : 0;
  return { mean, spread, error: spread / Math.sqrt(count) };
}

/**
 * The number of observations after which `path` (its value after 1, 2, …
 * observations) first reaches `threshold`, upwards (direction 1) or
 * downwards (direction −1); 0 if it never does.
 */
export function firstPassage(path, threshold, direction) {
  for (let k = 0; k < path.length; k++) if (direction * path[k] >= direction * threshold) return k + 1;
  return 0;
}

/**
 * A histogram of whole numbers from 1 to `max` (0s, "never", are left out) in
 * at most `bins` bins of equal whole width: { starts, width, counts }, bin b
 * holding starts[b] to starts[b] + width − 1.
 */
export function histogram(times, max, bins) {
  const width = Math.max(1, Math.ceil(max / bins)), count = Math.ceil(max / width);
  const counts = new Array(count).fill(0);
  for (const t of times) if (t >= 1 && t <= max) counts[Math.floor((t - 1) / width)] += 1;
  return { starts: counts.map((_, b) => 1 + b * width), width, counts };
}
