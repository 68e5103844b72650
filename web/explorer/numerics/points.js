// Which of a run's points a chart draws: the run's numbers all come from the
// library; this only picks the indices. No DOM.

/** At most `max` whole numbers from 1 to n, evenly spread, always with 1 and n (none for n = 0): the points a chart draws. */
export function spread(n, max) {
  if (n <= max) return Array.from({ length: n }, (_, k) => k + 1);
  return Array.from({ length: max }, (_, k) => Math.round(1 + (k * (n - 1)) / (max - 1)));
}
