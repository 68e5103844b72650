// The explorer page: reads the view and its state from the address bar
// (untrusted) through the registry, mounts it, and keeps the prose's numbers,
// the address bar and the share snippets in step.
import { problemNote } from './input.js';
import { inTurns, setText } from './shell/index.js';
import { formatNumber } from './util.js';
import { fromQuery } from './views/index.js';

const host = document.querySelector('[data-explorer]');
const { view, state, theme, problems } = fromQuery(location.search);
Object.assign(document.documentElement.dataset, { mode: view.mode, theme }); // as early.js guessed, now checked
if (problems.length) {
  const note = document.querySelector('[data-role="url-note"]');
  note.textContent = problemNote('This link', problems);
  note.hidden = false;
}

// The page's text for the other modes goes; the mode switch marks this one.
for (const el of document.querySelectorAll('[data-only-mode]')) if (el.dataset.onlyMode !== view.mode) el.remove();
for (const link of document.querySelectorAll('[data-mode-link]')) {
  if (link.dataset.modeLink === view.mode) link.setAttribute('aria-current', 'page');
}
if (view.title) document.title = view.title;

const siteBase = new URL('./', location.href).href;

function showShare(current) {
  const snippets = view.shareSnippets(current, siteBase);
  for (const field of document.querySelectorAll('[data-share]')) field.value = snippets[field.dataset.share];
}

// Copy with the Clipboard API where the page may (https, localhost); else select the text for the reader.
document.querySelector('[data-role="share"]').addEventListener('click', async (event) => {
  const key = event.target.closest('[data-copy]')?.dataset.copy;
  if (!key) return;
  const field = document.querySelector(`[data-share="${key}"]`), status = document.querySelector('[data-role="copy-status"]');
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = 'Copied.';
  } catch {
    field.select();
    status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
});

// The paragraphs with live numbers keep their size while a drag goes on, with the explorer's boxes (shell/freeze.js).
const liveParagraphs = () => [...new Set([...document.querySelectorAll('[data-live]')].map((el) => el.closest('p')))].filter(Boolean);

// The prose follows a drag in turns (shell/turns.js); the explorer's own numbers follow every move.
const showLive = inTurns((current, m) => {
  for (const el of document.querySelectorAll('[data-live]')) setText(el, formatNumber(m[el.dataset.live]));
  for (const el of document.querySelectorAll('[data-live-unit]')) setText(el, current.units);
});

try {
  await view.mount(host, {
    state,
    freezeWith: liveParagraphs,
    onChange(current, m, { settled }) {
      showLive(!settled, current, m);
      if (!settled) return;
      history.replaceState(null, '', view.toQuery(current) + (theme === 'auto' ? '' : `&theme=${theme}`) + location.hash);
      showShare(current);
    },
  });
} catch (error) {
  host.textContent = `The explorer could not start: ${error.message}`;
  throw error;
}
