import { fold } from "./clean";

/** Words of a wording, without accents, case or punctuation: "Tỷ lệ hồ sơ..." → ["ty", "le", "ho", "so", ...]. */
export function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9%]+/g, " ")
    .split(" ")
    .filter(Boolean);
}

/** The word pairs (bigrams) of a wording; a one-word wording is its word. */
export function bigrams(text: string): string[] {
  const w = words(text);
  return w.length === 1 ? w : w.slice(1).map((x, k) => `${w[k]!} ${x}`);
}

/**
 * How alike two wordings are, 0..1: the Dice coefficient of their word pairs (bigrams), which is robust
 * to a word added, dropped or moved ("Tỷ lệ người dân có VNeID" vs "Tỷ lệ người dân có tài khoản VNeID").
 */
export function similarity(a: string, b: string): number {
  const pa = bigrams(a);
  const pb = bigrams(b);
  if (pa.length === 0 || pb.length === 0) return pa.length === pb.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const p of pa) counts.set(p, (counts.get(p) ?? 0) + 1);
  let shared = 0;
  for (const p of pb) {
    const n = counts.get(p) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(p, n - 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/** Abbreviations plans use for the same words ("TTHC", "DVCTT"), folded, with their full form. */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\btthc\b/g, "thu tuc hanh chinh"],
  [/\bdvctt\b/g, "dich vu cong truc tuyen"],
  [/\bdvc\b/g, "dich vu cong"],
  [/\bcds\b/g, "chuyen doi so"],
  [/\bcbccvc\b/g, "can bo cong chuc vien chuc"],
  [/\bcbcc\b/g, "can bo cong chuc"],
  [/\bhdnd\b/g, "hoi dong nhan dan"],
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/\bcsdl\b/g, "co so du lieu"],
  [/\bcntt\b/g, "cong nghe thong tin"],
];

/** The words of a wording with common abbreviations written out, for comparing two documents' wording. */
export function expandedWords(text: string): string {
  let t = words(text).join(" ");
  for (const [re, full] of ABBREVIATIONS) t = t.replace(re, full);
  return t;
}
