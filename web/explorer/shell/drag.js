// Dragging and keys, written once for every view (after Red Blob Games'
// makeDraggable): pointer capture so a drag survives leaving the handle,
// moves handled at most once per animation frame with the latest position,
// and one end for release, cancel and lost capture.
//
// A finger must not edit by accident: the handles cover the chart, and a
// swipe over it is the reader scrolling the page. So a mouse or a pen drags
// at once, but a finger grabs a handle only after resting on it for HOLD_MS
// (it is outlined while it waits, then marked as grabbed). A finger that
// moves first is left to the browser, which scrolls (touch-action allows
// panning on the handles); once grabbed, its touchmoves are cancelled so the
// page stays still while the handle follows.
const HOLD_MS = 300;
const SLOP_PX = 10; // a resting finger still wobbles this much

/**
 * Makes the elements matching `selector` under the shell's root draggable.
 * start(el, at) returns the drag's own state (or null: this one does not
 * move, e.g. locked); move(drag, at) follows the pointer; end(drag) runs
 * once the drag is over, after its last move. `at` is { clientX, clientY }
 * and, if `origin()` gives an element, { x, y } from its top left corner.
 * Returns { current }: the drag under way, or null.
 */
export function makeDraggable(shell, selector, { start, move, end, origin = () => null }) {
  let drag = null, pending = null, frame = 0, hold = null;
  const target = (event) => event.target.closest?.(selector);
  // Measured when the event comes, when the page is laid out: in the animation frame that applies the move,
  // other work of that frame may have changed the page, and measuring then would lay it out again.
  const pointer = (event) => {
    const at = { clientX: event.clientX, clientY: event.clientY }, box = origin()?.getBoundingClientRect();
    return box ? { ...at, x: at.clientX - box.left, y: at.clientY - box.top } : at;
  };
  const flush = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    if (pending && drag) move(drag, pending);
    pending = null;
  };
  const begin = (el, pointerId, at) => {
    el.focus({ preventScroll: true });
    const next = start(el, at);
    if (!next) return;
    el.setPointerCapture(pointerId);
    drag = next;
  };
  const stopHolding = () => {
    if (!hold) return;
    clearTimeout(hold.timer);
    delete hold.el.dataset.touch;
    hold = null;
  };
  const grab = () => {
    const { el, pointerId, at } = hold;
    hold = null;
    el.dataset.touch = 'grabbed';
    begin(el, pointerId, at);
    if (!drag) delete el.dataset.touch;
  };
  shell.on(shell.root, 'pointerdown', (event) => {
    const el = target(event);
    if (!el || event.button !== 0 || drag) return;
    const at = pointer(event);
    if (event.pointerType === 'touch') {
      stopHolding();
      hold = { el, pointerId: event.pointerId, at, from: at, timer: setTimeout(grab, HOLD_MS) };
      el.dataset.touch = 'holding';
      return;
    }
    event.preventDefault();
    begin(el, event.pointerId, at);
  });
  shell.on(shell.root, 'pointermove', (event) => {
    if (hold?.pointerId === event.pointerId) {
      hold.at = pointer(event);
      if (Math.hypot(event.clientX - hold.from.clientX, event.clientY - hold.from.clientY) > SLOP_PX) stopHolding();
      return;
    }
    if (!drag || !target(event)?.hasPointerCapture(event.pointerId)) return;
    pending = pointer(event);
    if (!frame) frame = requestAnimationFrame(flush);
  });
  // A grabbed finger moves the handle, not the page.
  shell.on(shell.root, 'touchmove', (event) => {
    if (drag && event.cancelable) event.preventDefault();
  }, { passive: false });
  // A long press would open the context menu or select text on some phones.
  shell.on(shell.root, 'contextmenu', (event) => {
    if (target(event)) event.preventDefault();
  });
  const finish = (event) => {
    if (hold?.pointerId === event.pointerId) stopHolding();
    if (!drag) return;
    flush();
    const done = drag;
    drag = null;
    for (const el of shell.$$('[data-touch]')) delete el.dataset.touch;
    end(done);
  };
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) shell.on(shell.root, type, finish);
  shell.onDestroy(() => {
    cancelAnimationFrame(frame);
    stopHolding();
  });
  return { get current() { return drag; } };
}

/**
 * Keys on the elements matching `selector`: handle(el, event) returns true
 * when it used the key, which then does nothing else (no scrolling).
 */
export function onKeys(shell, selector, handle) {
  shell.on(shell.root, 'keydown', (event) => {
    const el = event.target.closest?.(selector);
    if (el && handle(el, event)) event.preventDefault();
  });
}
