// While a drag goes on, every move changes text and values all over a view
// (its numbers, its parameter fields, a page's prose) and each change would
// lay out the page around it again. So the boxes around those changes,
// marked data-freeze, keep the size they had when the drag began, with size
// and layout containment: a change inside one lays out that box alone.
// Such a box must be block-level and not a flex or grid item (only those can
// be laid out alone), as wide as its container rather than its content (so
// a longer number still fits: "∞" may become "0.0517"), and no child's
// margin may collapse through it (layout containment would stop that, and
// its content would move). A frozen box is no anchor for the browser's
// scroll anchoring: content moving inside it (a line wrapping anew) would
// otherwise scroll the page, and the chart under the pointer with it.

const FROZEN = ['box-sizing', 'width', 'height', 'contain', 'overflow-anchor'];

/**
 * Freezes `elements` at their present size (those not rendered, or empty,
 * are left alone). Returns the function that frees them again, restoring
 * the inline styles they had.
 */
function freezeBoxes(elements) {
  const boxes = elements.map((el) => el.getBoundingClientRect()); // all read before any is written: one layout
  const sizes = boxes.filter((box) => box.width || box.height); // not rendered: an empty box
  const shown = elements.filter((el, i) => boxes[i].width || boxes[i].height);
  const before = shown.map((el) => FROZEN.map((name) => el.style.getPropertyValue(name)));
  shown.forEach((el, i) => {
    el.style.boxSizing = 'border-box'; // the size measured, whatever its padding and borders
    el.style.width = `${sizes[i].width}px`;
    el.style.height = `${sizes[i].height}px`;
    el.style.contain = 'size layout style';
    el.style.overflowAnchor = 'none';
  });
  return () => shown.forEach((el, i) => {
    FROZEN.forEach((name, j) => {
      if (before[i][j]) el.style.setProperty(name, before[i][j]);
      else el.style.removeProperty(name);
    });
  });
}

/**
 * The function a view calls before it writes a change: frozen true while
 * a drag goes on (its first call freezes the boxes `boxes()` returns), false
 * once the change has settled (frees them). Boxes are freed on destroy too.
 */
export function boxFreezer(boxes, onDestroy = () => {}) {
  let thaw = null;
  onDestroy(() => thaw?.());
  return (frozen) => {
    if (frozen && !thaw) thaw = freezeBoxes(boxes());
    else if (!frozen && thaw) {
      thaw();
      thaw = null;
    }
  };
}
