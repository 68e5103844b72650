// The drag the browser benches make: the first P bar (discrete, code,
// evidence: up and down) or P's peak handle (continuous: left and right),
// one move every MOVE_EVERY_MS (a pointer at 60 Hz), back and forth up to
// 30 px, with CDP mouse events (which do not wait for the page); and the
// frames that applied its moves, from a trace (frameTasks).

export const MOVE_EVERY_MS = 16;

/** The trace categories frameTasks needs. */
export const FRAME_TRACE = ['devtools.timeline', 'toplevel', 'disabled-by-default-devtools.timeline'];

/**
 * The renderer main thread's tasks that ran animation callbacks (a frame that
 * applied a move: its callbacks, style, layout, paint and commit), in order,
 * from a Chromium trace: each { ts (µs), ms, inside (its events) }.
 */
export function frameTasks(trace) {
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur);
  const main = events.find((e) => e.name === 'FireAnimationFrame');
  if (!main) return [];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  return mine.filter((e) => e.name === 'RunTask').map((task) => ({
    ts: task.ts, ms: task.dur / 1000, inside: mine.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur),
  })).filter(({ inside }) => inside.some((e) => e.name === 'FireAnimationFrame'));
}

/** Scrolls the handle of the page at `path` into view; returns press(), move(i) (i = 1, 2, …) and release(). */
export async function grabHandle(page, cdp, path) {
  const continuous = path.includes('continuous');
  const handle = page.locator(continuous ? '[role="slider"][data-dist="p"][data-handle="peak"]' : '[role="slider"][data-dist="p"][data-index="0"]');
  await handle.scrollIntoViewIfNeeded();
  const box = await handle.boundingBox();
  const value = continuous ? 0 : Number(await handle.getAttribute('aria-valuenow'));
  const x = box.x + box.width / 2, y = continuous ? box.y + box.height / 2 : box.y + box.height * (1 - value);
  const mouse = (type, mx, my) => cdp.send('Input.dispatchMouseEvent', { type, x: mx, y: my, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 });
  return {
    press: () => mouse('mousePressed', x, y),
    move: (i) => {
      const step = 3 * (i % 20 < 10 ? i % 10 : 10 - (i % 10));
      return continuous ? mouse('mouseMoved', x + step, y) : mouse('mouseMoved', x, y - step);
    },
    release: () => mouse('mouseReleased', x, y),
  };
}
