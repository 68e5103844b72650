// Announcements for screen readers, in the view's polite live region
// ([data-role="announce"]): once a change has settled, not per pixel of a drag.
const ANNOUNCE_DELAY_MS = 700;

/**
 * Returns announce(text): after a pause with no newer call, the live region
 * says text() (called then, so it describes what is on screen by that time).
 */
export function announcer(shell, delay = ANNOUNCE_DELAY_MS) {
  let timer = 0;
  shell.onDestroy(() => clearTimeout(timer));
  return (text) => {
    clearTimeout(timer);
    timer = setTimeout(() => { shell.$('[data-role="announce"]').textContent = text(); }, delay);
  };
}
