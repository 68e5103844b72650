// What may lag a drag by a moment: the fields that spell the state out (a
// table of values, "0.6, 0.3, 0.1", a parameter's slider) and a page's prose
// with live numbers. Each write makes the browser lay out, restyle and paint
// its box again, and with a slow phone's CPU that is a good part of a frame:
// written at most once per TURN_MS while a drag goes on, they leave most
// frames to the chart and the numbers under the pointer. When the pointer
// rests, the last write skipped is made a turn later, so none stays behind.

// While a drag goes on, the least time between two turns (ms): of a secondary chart (shell/charts.js), each
// a full Chart.js update, which takes a slow phone most of a frame, or of fields and prose. 8 a second keeps
// them moving and leaves most frames to what follows the pointer.
export const TURN_MS = 125;

/**
 * A writer: writer(dragging, ...args) calls write(...args) at once when
 * `dragging` is false or a turn (TURN_MS) has passed since it last wrote:
 * within the view's render, after its charts. Otherwise it keeps the args,
 * and writes the last ones kept once TURN_MS passes without another call
 * (the pointer rests: no render of a move comes to write them, and no move
 * is measured after the write). writer.cancel() drops the args kept.
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
    cancel();
    waiting = args;
    timer = later(() => run(waiting), TURN_MS);
  };
  writer.cancel = cancel;
  return writer;
}
