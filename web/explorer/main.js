// The explorer page: reads the state from the address bar (untrusted), mounts
// the explorer, and keeps the prose's numbers and the address bar in step.
import { mountExplorer } from './explorer.js';
import { formatNumber } from './format.js';
import { fromQuery, problemNote, shareSnippets, toQuery } from './model.js';

const host = document.querySelector('[data-explorer]');
const { state, problems } = fromQuery(location.search);
if (problems.length) {
  const note = document.querySelector('[data-role="url-note"]');
  note.textContent = problemNote('This link', problems);
  note.hidden = false;
}

const siteBase = new URL('./', location.href).href;

function showShare(current) {
  const snippets = shareSnippets(current, siteBase);
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

function showLive(current, m) {
  for (const el of document.querySelectorAll('[data-live]')) el.textContent = formatNumber(m[el.dataset.live]);
  for (const el of document.querySelectorAll('[data-live-unit]')) el.textContent = current.units;
}

try {
  await mountExplorer(host, {
    state,
    onChange(current, m, { settled }) {
      showLive(current, m);
      if (!settled) return;
      history.replaceState(null, '', toQuery(current) + location.hash);
      showShare(current);
    },
  });
} catch (error) {
  host.textContent = `The explorer could not start: ${error.message}`;
  throw error;
}
