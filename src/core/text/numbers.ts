/**
 * Numbers as Vietnamese documents write them: `0,5` (decimal comma), `1.000` (thousands dot),
 * `01` (leading zero), and, in English-style text, `66.7`.
 */
export function parseViNumber(token: string): number | null {
  const t = token.trim();
  if (!/^\d[\d.,]*$/.test(t)) return null;
  let normalized: string;
  const lastDot = t.lastIndexOf(".");
  const lastComma = t.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    // Both separators: the later one is the decimal mark.
    normalized = lastComma > lastDot ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
  } else if (lastComma >= 0) {
    normalized = /^\d+,\d+$/.test(t) ? t.replace(",", ".") : t.replace(/,/g, "");
  } else if (lastDot >= 0) {
    normalized = /^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, "") : t;
  } else {
    normalized = t;
  }
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** I..X or 1..10 as a number (quarters, group numbers). */
export function romanOrArabic(token: string): number | null {
  const t = token.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  return ROMAN[t] ?? null;
}
