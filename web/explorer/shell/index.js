// The shell every view mounts into: it puts the view's markup into a
// container (never found by global id, so several explorers share a page),
// shows the panels asked for, and owns what must be undone on destroy():
// every listener (one AbortController), every observer, timer and chart.
// The charts, dragging, undo and announcements are in the modules beside this one.
import { boxFreezer } from './freeze.js';
import { inTurns } from './turns.js';

export { announcer } from './announce.js';
export { chartsDue, manageCharts, readPalette } from './charts.js';
export { makeDraggable, onKeys } from './drag.js';
export { TURN_MS, inTurns } from './turns.js';
export { undoHistory } from './undo.js';

// Hides the panels not asked for, and a row of panels when all of it is hidden.
function showPanels(shell, panels) {
  for (const el of shell.$$('[data-panel]')) el.hidden = !panels.includes(el.dataset.panel);
  for (const row of shell.$$('.toolbar, .main-row, .lower-row')) row.hidden = [...row.children].every((c) => c.hidden);
}

/**
 * Mounts `template` (static markup: every user-provided text goes in later
 * through textContent or value) into `root`, with the class names
 * 'infodiv-explorer' and `classes` (the latter removed again on destroy).
 * Returns the shell: $ and $$ query inside the root, on() adds a listener
 * (with addEventListener's options) removed on destroy, onDestroy() registers any other clean-up,
 * and freeze(frozen) holds the boxes marked data-freeze, and those `freezeWith()` gives (a host
 * page's paragraphs with live numbers), at their size while a change is unsettled (freeze.js).
 */
export function createShell(root, { template, panels, classes = [], freezeWith = () => [] }) {
  root.innerHTML = template;
  root.classList.add('infodiv-explorer', ...classes);
  const listening = new AbortController();
  const cleanups = [];
  const shell = {
    root,
    $: (selector) => root.querySelector(selector),
    $$: (selector) => [...root.querySelectorAll(selector)],
    /** The focused element: the document's, or the shadow root's the explorer lives in. */
    focused: () => root.getRootNode().activeElement,
    on: (target, type, handler, options = {}) => target.addEventListener(type, handler, { ...options, signal: listening.signal }),
    onDestroy: (cleanup) => cleanups.push(cleanup),
    /** A writer of what follows a drag in turns (turns.js); a write waiting for its turn is dropped on destroy. */
    inTurns(write) {
      const writer = inTurns(write);
      cleanups.push(writer.cancel);
      return writer;
    },
    /**
     * Marks the root data-ready once the charts are drawn and the controls
     * live: a view shows its numbers earlier, before its charts are made.
     */
    ready: () => { root.dataset.ready = ''; },
    destroy() {
      delete root.dataset.ready;
      listening.abort();
      for (const cleanup of cleanups.splice(0)) cleanup();
      root.replaceChildren();
      root.classList.remove(...classes);
    },
  };
  shell.freeze = boxFreezer(() => [...shell.$$('[data-freeze]'), ...freezeWith()], shell.onDestroy);
  showPanels(shell, panels);
  return shell;
}

/** Shows `text` in a note element, hidden when there is nothing to say. */
export function setNote(el, text) {
  setText(el, text);
  setProp(el, 'hidden', !text);
}

/**
 * Writes text, a field's value, an attribute or a property only where it
 * changes: the same value written again still costs the page a style
 * recalculation or a layout, once per frame of a drag.
 */
export function setText(el, text) {
  const only = el.firstChild;
  // A lone text node is changed in place: replacing it would also restyle the element and its ancestors
  // (for the :empty and :has() rules that hold a number's room until it is shown).
  if (text && only && only === el.lastChild && only.nodeType === 3) {
    if (only.data !== text) only.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}
export function setValue(field, value) {
  if (field.value !== value) field.value = value;
}
export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
export function setProp(el, name, value) { // hidden, disabled, ...
  if (el[name] !== value) el[name] = value;
}
/** Checks the radio button of `inputs` whose value is `value` (and unchecks the others). */
export function setChecked(inputs, value) {
  for (const input of inputs) setProp(input, 'checked', input.value === value);
}

/** A focusable element with role slider (a drag handle), with `data` as its data-* attributes. */
export function sliderHandle(className, data) {
  const el = document.createElement('div');
  Object.assign(el, { tabIndex: 0, className });
  el.setAttribute('role', 'slider');
  Object.assign(el.dataset, data);
  return el;
}
