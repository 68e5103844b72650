// Which points of a polyline a chart needs to draw. A curve sampled at about
// one point per pixel is, at the scale of a pixel, mostly straight, and each
// point drawn costs the browser a segment of the path, of its fill and of
// their raster. Pure arithmetic on pixel coordinates; no DOM.

// The square of the distance from (px, py) to the segment from (ax, ay) to (ax + dx, ay + dy), whose
// length squared is length2.
function squaredDistance(px, py, ax, ay, dx, dy, length2) {
  const t = length2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0;
  const ex = px - ax - t * dx, ey = py - ay - t * dy;
  return ex * ex + ey * ey;
}

/**
 * The indices, in increasing order, of the points (xs[i], ys[i]) for i from
 * `from` to `to` (inclusive; finite, in pixels) that a line must pass
 * through so that every other point is within `tolerance` of it: `from`,
 * `to`, and those the Ramer–Douglas–Peucker method keeps (each point left
 * out is within `tolerance` of the segment drawn across it).
 */
export function keptPoints(xs, ys, from, to, tolerance) {
  const keep = new Uint8Array(to - from + 1), limit = tolerance * tolerance;
  keep[0] = 1;
  keep[to - from] = 1;
  const stack = to > from + 1 ? [from, to] : []; // pairs of ends of a segment still to check
  while (stack.length) {
    const b = stack.pop(), a = stack.pop();
    const ax = xs[a], ay = ys[a], dx = xs[b] - ax, dy = ys[b] - ay, length2 = dx * dx + dy * dy;
    let far = -1, farthest = limit;
    for (let i = a + 1; i < b; i++) {
      const d = squaredDistance(xs[i], ys[i], ax, ay, dx, dy, length2);
      if (d > farthest) {
        far = i;
        farthest = d;
      }
    }
    if (far < 0) continue;
    keep[far - from] = 1;
    if (far - a > 1) stack.push(a, far);
    if (b - far > 1) stack.push(far, b);
  }
  const kept = [];
  for (let i = 0; i < keep.length; i++) if (keep[i]) kept.push(from + i);
  return kept;
}
