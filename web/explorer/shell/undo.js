// Undo of the last changes to a view's distributions, for every view: the
// Undo button ([data-action="undo"]) and Ctrl/Cmd+Z while focus is in the
// explorer. A change is recorded once it settles (a whole drag is one step),
// and only if what `key` reads of the state changed (units, bins or a label
// being typed are not steps).
const LIMIT = 100;

const TEXT_FIELD = 'input:not([type="checkbox"], [type="radio"], [type="range"]), textarea';
// A text field with typing not yet committed: Ctrl+Z there undoes the typing, as everywhere.
const typing = (el) => el?.matches?.(TEXT_FIELD) && el.dataset.typed === 'true';

/**
 * Returns { settled(state), undo() }: the view calls settled(state) with
 * each state it draws settled; undo() calls restore(previous) with the
 * state before the last change (restore sets it, which is not recorded).
 */
export function undoHistory(shell, { key, restore }) {
  const past = [];
  let last = null, restoring = false;
  const button = () => shell.$('[data-action="undo"]');
  const show = () => { if (button()) button().disabled = past.length === 0; };
  const history = {
    settled(state) {
      if (!restoring && last && key(last) !== key(state)) past.push(last);
      if (past.length > LIMIT) past.shift();
      last = state;
      show();
    },
    undo() {
      const previous = past.pop();
      if (!previous) return;
      restoring = true;
      try { restore(previous); } finally { restoring = false; }
      show();
    },
  };
  shell.on(shell.root, 'input', (event) => { if (event.target.matches?.(TEXT_FIELD)) event.target.dataset.typed = 'true'; });
  shell.on(shell.root, 'change', (event) => { delete event.target.dataset.typed; });
  shell.on(shell.root, 'keydown', (event) => {
    const z = event.key === 'z' || event.key === 'Z';
    if (!z || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || typing(event.target)) return;
    event.preventDefault();
    history.undo();
  });
  return history;
}
