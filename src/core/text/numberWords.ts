import { fold } from "./clean";

/**
 * Vietnamese number words in targets ("Chín mươi phần trăm trở lên", "Mỗi ấp hai lớp/năm",
 * "Một trăm phần trăm", "một nửa"), rewritten as digits so the target grammar can read them.
 * Words are recognised whatever their accents; everything else in the text is kept as written.
 */

const DIGITS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

const TOKEN = /^(khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|nghin|ngan|le|linh)$/;

/** Reads a run of number words ("chin muoi", "mot tram", "hai nghin nam tram") as a number, or null. */
export function wordsValue(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let last: number | null = null;
  let any = false;
  for (const w of words) {
    const d = DIGITS[w];
    if (d !== undefined) {
      if (last !== null && current % 10 !== 0) return null;
      current += d;
      last = d;
      any = true;
    } else if (w === "muoi") {
      // "mười" alone is 10; "chín mươi" is 90.
      current = last !== null && current % 10 === last && last > 0 ? current - last + last * 10 : current + 10;
      last = null;
      any = true;
    } else if (w === "tram") {
      current = (current === 0 ? 1 : current) * 100;
      last = null;
      any = true;
    } else if (w === "nghin" || w === "ngan") {
      total += (current === 0 ? 1 : current) * 1000;
      current = 0;
      last = null;
      any = true;
    } else if (w === "le" || w === "linh") {
      last = null;
    } else return null;
  }
  return any ? total + current : null;
}

// Folded, these are also other words ("năm" year, "không" not, "từ" from, "sau" after, "tạm", "bà"):
// alone they count as numbers only when a unit follows ("ba lớp").
const AMBIGUOUS = new Set(["nam", "khong", "tu", "ba", "bay", "tam", "sau", "le", "linh"]);

/**
 * Rewrites number words as digits, keeping everything else: "Chín mươi phần trăm trở lên" → "90 phần
 * trăm trở lên". A lone ambiguous word ("năm", "không", "từ") is left as it is unless a unit follows.
 */
export function digitsForWords(text: string, unitAhead: (rest: string) => boolean = () => false): string {
  const parts = text.replace(/(?<!\p{L})ph[aầ]n\s+tr[aă]m(?!\p{L})/giu, "%").split(/(\s+)/);
  const isToken = (w: string | undefined) => w !== undefined && TOKEN.test(fold(w));
  const out: string[] = [];
  let k = 0;
  while (k < parts.length) {
    const w = parts[k]!;
    if (!isToken(w)) {
      out.push(w);
      k++;
      continue;
    }
    const run: string[] = [fold(w)];
    let j = k + 2;
    for (let next = parts[j]; next !== undefined && isToken(next); next = parts[j]) {
      run.push(fold(next));
      j += 2;
    }
    // Trailing joiners ("lẻ") are not part of the number.
    while (run.length && (run[run.length - 1] === "le" || run[run.length - 1] === "linh")) {
      run.pop();
      j -= 2;
    }
    const lone = run.length === 1 && AMBIGUOUS.has(run[0]!);
    const value =
      lone &&
      !unitAhead(
        parts
          .slice(j - 1)
          .join("")
          .trimStart(),
      )
        ? null
        : wordsValue(run);
    if (value === null) {
      out.push(w);
      k++;
      continue;
    }
    out.push(String(value));
    k = j - 1;
  }
  return out.join("");
}

/** Words that mean the whole ("toàn bộ", "tất cả", "một nửa" for half), as a percentage. */
export function wholeWords(text: string): number | null {
  const f = fold(text).trim();
  if (/^(dat\s+)?(toan bo|tat ca|100% \(bat buoc\)|day du|toan dien)\b/.test(f)) return 100;
  if (/^(dat\s+)?(mot nua)\b/.test(f)) return 50;
  return null;
}
