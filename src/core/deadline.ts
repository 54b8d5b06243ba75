import { fold } from "./text/clean";
import { romanOrArabic } from "./text/numbers";

export interface Deadline {
  /** ISO yyyy-mm-dd, or null when ongoing or not understood. */
  date: string | null;
  /** "Thường xuyên" and similar: no fixed deadline, judged each period. */
  ongoing: boolean;
  /** True when the text names a time but it could not be read as a date. */
  unreadable: boolean;
}

const pad = (n: number): string => String(n).padStart(2, "0");

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

const YEAR = "((?:19|20|21)\\d\\d)";

/**
 * Reads the deadlines a text names and returns the latest one: a task with two deadlines
 * ("quý I/2026 ... trong năm 2026") is done when its last part is done.
 */
export function parseDeadline(text: string | null | undefined): Deadline {
  const raw = (text ?? "").trim();
  if (!raw) return { date: null, ongoing: false, unreadable: false };
  const f = fold(raw);
  const found: string[] = [];
  let unreadable = false;
  let consumed = f;
  const take = (re: RegExp, toDate: (m: RegExpExecArray) => string | null): void => {
    consumed = consumed.replace(re, (...args: unknown[]) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const date = toDate(m);
      if (date) found.push(date);
      else unreadable = true;
      return " ".repeat(String(args[0]).length);
    });
  };

  take(new RegExp(`(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*${YEAR}`, "g"), (m) => {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? isoDate(y, mo, d) : null;
  });
  take(new RegExp(`ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+${YEAR}`, "g"), (m) => {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? isoDate(y, mo, d) : null;
  });
  take(new RegExp(`quy\\s+(iv|iii|ii|i|[1-4])\\s*(?:[/.-]|nam)\\s*${YEAR}`, "g"), (m) => {
    const q = romanOrArabic(m[1]!);
    const y = Number(m[2]);
    if (!q || q > 4) return null;
    return isoDate(y, q * 3, lastDayOfMonth(y, q * 3));
  });
  take(new RegExp(`6\\s+thang\\s+(dau|cuoi)\\s+nam\\s+${YEAR}`, "g"), (m) => {
    const y = Number(m[2]);
    return m[1] === "dau" ? isoDate(y, 6, 30) : isoDate(y, 12, 31);
  });
  take(new RegExp(`thang\\s+(\\d{1,2})\\s*(?:[/.-]|nam)\\s*${YEAR}`, "g"), (m) => {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    return mo >= 1 && mo <= 12 ? isoDate(y, mo, lastDayOfMonth(y, mo)) : null;
  });
  take(new RegExp(`(?<![\\d/.-])${YEAR}(?![\\d/]|\\s*-\\s*\\d)`, "g"), (m) => isoDate(Number(m[1]), 12, 31));

  const ongoing = found.length === 0 && /thuong xuyen|hang (nam|thang|quy)|lien tuc|dinh ky/.test(f);
  if (found.length === 0 && !ongoing) {
    unreadable = unreadable || /quy|thang|ngay|nam|\d/.test(f);
  }
  found.sort();
  return { date: found[found.length - 1] ?? null, ongoing, unreadable: found.length === 0 && unreadable };
}
