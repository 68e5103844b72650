// Small helpers every part of the explorer shares: units, clamping, escaping
// for attributes, and number formatting for people (three significant
// digits, "∞", powers of ten written out for tiny values, never "-0.000" and
// never 17 decimals). No DOM here.

/** The units a reader can pick, and the base of the logarithm each means. */
export const UNITS = { nats: Math.E, bits: 2, hartleys: 10 };

export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** Text made safe for a double-quoted HTML attribute. */
export const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const MINUS = '−'; // U+2212, the typographic minus

/** 0.0230883 → "0.0231", 2.3e-5 → "2.30 × 10⁻⁵", Infinity → "∞". */
export function formatNumber(v) {
  if (Number.isNaN(v)) return '?';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return `${MINUS}∞`;
  if (v === 0) return '0'; // also -0
  const sign = v < 0 ? MINUS : '', a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) {
    const [mantissa, exponent] = a.toExponential(2).split('e');
    const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c]);
    return `${sign}${mantissa} × 10${power}`;
  }
  return sign + (a >= 1000 ? a.toFixed(0) : a.toPrecision(3));
}

/** A probability: at most three significant digits, no padding ("0.6", "0.925", "0.005"). */
export function formatProbability(v) {
  return v >= 1e-3 ? String(Number(v.toPrecision(3))) : formatNumber(v);
}

/** A parameter as a reader would write it: at most 4 significant digits ("0.5", "1.237"). */
export const formatParameter = (v) => String(Number(v.toPrecision(4)));
