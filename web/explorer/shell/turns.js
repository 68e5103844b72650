// What may lag a drag by a moment: the fields that spell the state out (a
// table of values, "0.6, 0.3, 0.1", a parameter's slider) and a page's prose
// with live numbers. Each write makes the browser lay out, restyle and paint
// its box again, and with a slow phone's CPU that is a good part of a frame:
// written at most once per TURN_MS while a drag goes on, they leave most
// frames to the chart and the numbers under the pointer. The last write
// skipped is made when its turn comes, so none stays behind the state.

// While a drag goes on, the least time between two turns (ms): of a secondary chart (shell/charts.js), each
// a full Chart.js update, which takes a slow phone most of a frame, or of fields and prose. 8 a second keeps
// them moving and leaves most frames to what follows the pointer.
export const TURN_MS = 125;

/**
 * A writer: writer(dragging, ...args) calls write(...args) at once when
 * `dragging` is false or a turn (TURN_MS) has passed since its last call;
 * otherwise it keeps the args, and the turn's end (a timer) calls write with
 * the last ones kept. writer.cancel() drops a call waiting for its turn.
 * `clock` (now, later, cancelLater) is for tests.
 */
export function inTurns(write, clock = {}) {
  const { now = () => performance.now(), later = setTimeout, cancelLater = clearTimeout } = clock;
  let at = -Infinity, timer = null, waiting = null;
  const cancel = () => {
    if (timer !== null) cancelLater(timer);
    timer = null;
    waiting = null;
  };
  const run = (args) => {
    cancel();
    at = now();
    write(...args);
  };
  const writer = (dragging, ...args) => {
    if (!dragging || now() - at >= TURN_MS) {
      run(args);
      return;
    }
    waiting = args;
    timer ??= later(() => run(waiting), at + TURN_MS - now());
  };
  writer.cancel = cancel;
  return writer;
}
