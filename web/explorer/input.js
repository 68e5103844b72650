// Reading untrusted input, the parts every view shares: the page's address,
// the iframe embed's address and <kl-explorer>'s attributes all go through
// these, so a bad value is reported the same way wherever it comes from.
// What could not be used is collected in `problems`, in words for a note.
import { UNITS } from './util.js';

/** A number written plainly ("0.5", "1e-3"), else NaN: no "Infinity", "0x10" or "" (which Number() accepts). */
export const parseNumber = (text) => (/^\s*[0-9.eE+-]+\s*$/.test(text) ? Number(text) : NaN);

/**
 * A distribution from text ("0.6,0.3,0.1", or counts "6,3,1"): min to max
 * finite nonnegative numbers, not all 0, normalised. Returns [values] or
 * [null, reason] (`name` names it in the reason).
 */
export function parseDistribution(text, name, { min, max }) {
  if (text === null) return [null, `${name} is missing`];
  if (text.length > 2000) return [null, `${name} is too long`];
  const parts = text.split(',');
  if (parts.length < min || parts.length > max) return [null, `${name} needs ${min} to ${max} values`];
  const values = [];
  for (const [i, part] of parts.entries()) {
    const v = parseNumber(part);
    if (!Number.isFinite(v) || v < 0) return [null, `${name} value ${i + 1} is not a nonnegative number`];
    values.push(v);
  }
  const sum = values.reduce((s, v) => s + v, 0);
  if (!(sum > 0 && Number.isFinite(sum))) return [null, `${name} does not add up to a positive total`];
  // Counts are normalised; a sum that is 1 up to rounding is kept as written,
  // so the page's own links load back exactly.
  return [Math.abs(sum - 1) <= 1e-9 ? values : values.map((v) => v / sum)];
}

/** The units asked for, or nats (with a problem) if they are not nats, bits or hartleys. */
export function readUnits(text, problems) {
  const units = text ?? 'nats';
  if (Object.hasOwn(UNITS, units)) return units;
  problems.push('the units were not nats, bits or hartleys');
  return 'nats';
}

/** The largest seed a link may hold: every whole number up to it is exact as a JS number. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** The seed of a random stream asked for: a whole number from 0 to MAX_SEED, else `fallback` (with a problem). */
export function readSeed(text, fallback, problems) {
  if (text === null || text === undefined) return fallback;
  const seed = /^\s*\d{1,16}\s*$/.test(text) ? Number(text) : NaN;
  if (seed <= MAX_SEED) return seed;
  problems.push(`the seed must be a whole number from 0 to ${MAX_SEED}`);
  return fallback;
}

/**
 * One of a few `choices` (numbers or words, matched as written, e.g. a speed
 * of "20"), else `fallback` (with a problem naming the choices).
 */
export function readChoice(text, name, choices, fallback, problems) {
  if (text === null || text === undefined) return fallback;
  const choice = choices.find((c) => String(c) === text.trim());
  if (choice !== undefined) return choice;
  problems.push(`${name} must be one of ${choices.join(', ')}`);
  return fallback;
}

/**
 * The panels `controls` asks for, out of `all`: none given, empty or "all"
 * means all; a name not in `all` is reported and all are shown.
 */
export function readControls(text, all, problems) {
  if (text === null || text === undefined || text.trim() === '' || text.trim() === 'all') return all;
  const names = text.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !all.includes(name));
  if (!unknown.length) return names;
  problems.push(`controls may list ${all.join(', ')} (not ${unknown.join(', ').slice(0, 60)})`);
  return all;
}

/** The chart height asked for, as CSS ("300px"), or null: 120 to 2000 pixels. */
export function readHeight(text, problems) {
  if (text === null || text === undefined) return null;
  const match = /^\s*(\d{2,4})(px)?\s*$/.exec(text);
  if (match && Number(match[1]) >= 120 && Number(match[1]) <= 2000) return `${Number(match[1])}px`;
  problems.push('height must be a number of pixels from 120 to 2000, e.g. height="300"');
  return null;
}

/** The themes: light, dark, or auto (the reader's system setting). */
export const THEMES = ['auto', 'light', 'dark'];

/** The theme asked for (case and spaces aside), or auto (with a problem) if it is not one of THEMES. */
export function readTheme(text, problems) {
  if (text === null || text === undefined || text.trim() === '') return 'auto';
  const theme = text.trim().toLowerCase();
  if (THEMES.includes(theme)) return theme;
  problems.push('the theme must be light, dark or auto');
  return 'auto';
}

/** What is wrong with `names` of a query given more than once (the first is used, the rest said). */
export function repeatedParams(params, names) {
  return names.filter((name) => params.getAll(name).length > 1).map((name) => `${name} was given more than once (the first is used)`);
}

/** The visible note about untrusted input that could not all be used ('' when it could). */
export function problemNote(source, problems) {
  return problems.length ? `${source}: ${problems.join('; ')}. The default is shown for what could not be used.` : '';
}
