// The explorer page: reads the mode and the state from the address bar
// (untrusted), mounts the discrete or the continuous explorer, and keeps the
// prose's numbers and the address bar in step.
import { mountContinuousExplorer } from './continuous.js';
import { continuousShareSnippets, fromContinuousQuery, readMode, toContinuousQuery } from './continuous-model.js';
import { mountExplorer } from './explorer.js';
import { formatNumber } from './format.js';
import { fromQuery, problemNote, shareSnippets, toQuery } from './model.js';

const host = document.querySelector('[data-explorer]');
const [mode, modeProblem] = readMode(new URLSearchParams(location.search).get('mode'));
const continuous = mode === 'continuous';
const { state, problems } = continuous ? fromContinuousQuery(location.search) : fromQuery(location.search);
if (modeProblem) problems.unshift(modeProblem);
if (problems.length) {
  const note = document.querySelector('[data-role="url-note"]');
  note.textContent = problemNote('This link', problems);
  note.hidden = false;
}

// The page's text for the other mode goes; the mode switch marks this one.
for (const el of document.querySelectorAll('[data-only-mode]')) if (el.dataset.onlyMode !== mode) el.remove();
for (const link of document.querySelectorAll('[data-mode-link]')) {
  if (link.dataset.modeLink === mode) link.setAttribute('aria-current', 'page');
}
if (continuous) document.title = 'KL divergence of densities, by dragging · infodiv explorer';

const siteBase = new URL('./', location.href).href;

function showShare(current) {
  const snippets = (continuous ? continuousShareSnippets : shareSnippets)(current, siteBase);
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
  await (continuous ? mountContinuousExplorer : mountExplorer)(host, {
    state,
    onChange(current, m, { settled }) {
      showLive(current, m);
      if (!settled) return;
      history.replaceState(null, '', (continuous ? toContinuousQuery : toQuery)(current) + location.hash);
      showShare(current);
    },
  });
} catch (error) {
  host.textContent = `The explorer could not start: ${error.message}`;
  throw error;
}
