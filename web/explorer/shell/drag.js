// Dragging and keys, written once for every view (after Red Blob Games'
// makeDraggable): pointer capture so a drag survives leaving the handle,
// moves handled at most once per animation frame with the latest position,
// and one end for release, cancel and lost capture.

/**
 * Makes the elements matching `selector` under the shell's root draggable.
 * start(el, event) returns the drag's own state (or null: this one does not
 * move, e.g. locked); move(drag, { clientX, clientY }) follows the pointer;
 * end(drag) runs once the drag is over, after its last move. Returns
 * { current }: the drag under way, or null.
 */
export function makeDraggable(shell, selector, { start, move, end }) {
  let drag = null, pending = null, frame = 0;
  const target = (event) => event.target.closest?.(selector);
  const flush = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    if (pending && drag) move(drag, pending);
    pending = null;
  };
  shell.on(shell.root, 'pointerdown', (event) => {
    const el = target(event);
    if (!el || event.button !== 0) return;
    event.preventDefault();
    el.focus({ preventScroll: true });
    const next = start(el, event);
    if (!next) return;
    el.setPointerCapture(event.pointerId);
    drag = next;
  });
  shell.on(shell.root, 'pointermove', (event) => {
    if (!drag || !target(event)?.hasPointerCapture(event.pointerId)) return;
    pending = { clientX: event.clientX, clientY: event.clientY };
    if (!frame) frame = requestAnimationFrame(flush);
  });
  const finish = () => {
    if (!drag) return;
    flush();
    const done = drag;
    drag = null;
    end(done);
  };
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) shell.on(shell.root, type, finish);
  shell.onDestroy(() => cancelAnimationFrame(frame));
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
