// Reading a CPU profile from Chromium's sampling profiler (CDP Profiler), for
// bench/profile-drag.mjs and bench/profile-start.mjs.

/**
 * Self time (ms) by function ("name file:line"), most first, of the samples
 * taken in [from, to) (µs, the trace's clock; all of them by default).
 * Idle and program time are rows like the others: '(idle)', '(program)'.
 */
export function selfTimes(profile, from = -Infinity, to = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const rows = new Map();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t < from || t >= to) return;
    const f = byId.get(id).callFrame, file = f.url.split('/').pop() || '';
    const key = `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    rows.set(key, (rows.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...rows].sort((a, b) => b[1] - a[1]);
}
