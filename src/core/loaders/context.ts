import type { Warning } from "../plan";
import { lineWhere } from "../plan";
import { cleanLine } from "../text/clean";

/** What every loader shares: the warnings it collects for the user. */
export class LoadContext {
  readonly warnings: Warning[] = [];

  warn(line: number | null, message: string): void {
    this.warnings.push({ where: line === null ? "toàn văn bản" : lineWhere(line), message, line });
  }
}

export interface GroupLabel {
  code: string;
  name: string;
}

const ROMAN = "(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})";

/** "A. Phát triển hạ tầng", "IV Xã hội số", "II- MỤC TIÊU", "1.5. Phát triển chuyển đổi số:" */
export function readGroupLabel(text: string): GroupLabel | null {
  const t = cleanLine(text);
  const roman = new RegExp(`^(${ROMAN})\\s*[.\\-–):]?\\s+(\\S.*)$`).exec(t);
  if (roman?.[1]) return { code: roman[1], name: roman[2]!.replace(/[:.]$/, "").trim() };
  const letter = /^([A-ZĐ])\s*[.\-–):]\s*(\S.*)$/.exec(t) ?? /^([A-ZĐ])\s+(\p{Lu}.*)$/u.exec(t);
  if (letter) return { code: letter[1]!, name: letter[2]!.replace(/[:.]$/, "").trim() };
  return null;
}

/** A group code alone in a code cell ("A", "IV"). */
export function isGroupCode(code: string): boolean {
  const c = code.trim().replace(/[.)]$/, "");
  return /^[A-ZĐ]$/.test(c) || (new RegExp(`^${ROMAN}$`).test(c) && c.length > 0);
}

/** Leading numbering of a row: "1.", "(16)", "2.2.", "10" → "1", "16", "2.2", "10". */
export function leadingNumber(text: string): { number: string; rest: string } | null {
  const t = cleanLine(text);
  const m = /^\(?(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?(?:\s+|$)(.*)$/s.exec(t) ?? /^\(?(\d{1,3}(?:\.\d{1,3}){0,3})[.)]\s*(\S.*)$/s.exec(t);
  if (!m) return null;
  return { number: m[1]!, rest: m[2]!.trim() };
}

export function joinCode(...parts: Array<string | null | undefined>): string {
  return parts.filter((p): p is string => !!p && p.length > 0).join(".");
}

/** Makes ids unique: a repeated code gets "-2", "-3", and a warning naming its line. */
export function uniqueIds<T extends { code: string; id: string; line: number }>(items: T[], ctx: LoadContext, noun: string): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    const n = (seen.get(item.code) ?? 0) + 1;
    seen.set(item.code, n);
    item.id = n === 1 ? item.code : `${item.code}-${n}`;
    if (n > 1) ctx.warn(item.line, `Mã ${noun} "${item.code}" lặp lại; dòng này được đặt mã riêng "${item.id}"`);
  }
}
