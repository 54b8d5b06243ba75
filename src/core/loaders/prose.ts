import type { Indicator } from "../plan";
import { findProseTargets, kindOf, noTarget } from "../target";
import { cleanLine, fold } from "../text/clean";
import type { GroupLabel, LoadContext } from "./context";
import { joinCode } from "./context";

/**
 * Reads indicators written as prose: "(1) Tỷ lệ ... đạt từ 60% trở lên." under headings 1.1-1.5 (seed 002),
 * or bullets under "2. Mục tiêu cụ thể" (seed 001). Outside those sections, a bullet that starts with
 * "Tỷ lệ" and states a target is an indicator too (seed 001's "tối đa 2%" under IV).
 */

interface Heading {
  level: number;
  code: string;
  text: string;
}

const ROMAN_HEADING = /^((?:X{0,3})(?:IX|IV|V?I{1,3}|V))\s*[.\-–]\s*(\S.*)$/;

function readHeading(line: string): Heading | null {
  const roman = ROMAN_HEADING.exec(line);
  if (roman) return { level: 1, code: roman[1]!, text: roman[2]! };
  const deep = /^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(\S.*)$/.exec(line);
  if (deep) return { level: 2 + deep[1]!.split(".").length - 1, code: deep[1]!, text: deep[2]! };
  const top = /^(\d{1,2})\.\s+(\S.*)$/.exec(line);
  if (top) return { level: 2, code: top[1]!, text: top[2]! };
  const letter = /^([a-zđ])\)\s+(\S.*)$/.exec(line);
  if (letter) return { level: 5, code: letter[1]!, text: letter[2]! };
  return null;
}

const isObjectiveHeading = (text: string): boolean => {
  const f = fold(text);
  if (/muc tieu (chung|tong quat)/.test(f)) return false;
  return /muc tieu cu the|chi tieu cu the|chi tieu dinh luong|chi tieu chu yeu|^muc tieu\s*(:|$|nam\b|den\b)|^cac chi tieu/.test(f);
};
const isGeneralHeading = (text: string): boolean => /muc tieu (chung|tong quat)/.test(fold(text));
const isRuleSection = (text: string): boolean => /canh bao|bao cao|to chuc thuc hien|danh gia/.test(fold(text));

interface Item {
  text: string;
  number: string | null;
  line: number;
  group: GroupLabel;
}

export function readProseIndicators(lines: string[], inTable: boolean[], planYear: number | null, ctx: LoadContext): Indicator[] {
  const items: Item[] = [];
  let region: Heading | null = null;
  let skipBelow: number | null = null;
  let group: GroupLabel = { code: "", name: "" };
  let outerGroup: GroupLabel = { code: "", name: "" };
  let ruleSection = false;
  let last: Item | null = null;
  let lastNumbered = false;

  for (let i = 0; i < lines.length; i++) {
    if (inTable[i]) {
      last = null;
      continue;
    }
    const line = cleanLine(lines[i] ?? "");
    if (!line) continue;
    const bullet = /^(?:[-–+•*]|\u2022)\s*(\S.*)$/.exec(line);
    const numbered = /^\((\d{1,3})\)\s*(\S.*)$/.exec(line) ?? /^(\d{1,3})\)\s+(\S.*)$/.exec(line);
    const heading = bullet || numbered ? null : readHeading(line);
    // Under a top-level objectives heading, "1. Tỷ lệ ... 80%" is an objective, not a sub-heading.
    const numberedTarget: boolean =
      !!heading &&
      heading.level === 2 &&
      !!region &&
      region.level < 2 &&
      !isObjectiveHeading(heading.text) &&
      !isGeneralHeading(heading.text) &&
      (/^t[ỷỉ] lệ/i.test(heading.text) || findProseTargets(heading.text, { year: null, deadline: null }).length > 0 || lastNumbered);

    if (heading && !numberedTarget) {
      last = null;
      lastNumbered = false;
      if (region && heading.level <= region.level && !isObjectiveHeading(heading.text)) region = null;
      if (skipBelow !== null && heading.level <= skipBelow) skipBelow = null;
      if (heading.level <= 2) {
        outerGroup = { code: heading.code, name: heading.text.replace(/[:.]$/, "") };
        ruleSection = isRuleSection(heading.text);
      }
      if (!region && isObjectiveHeading(heading.text)) {
        region = heading;
        group = { code: "", name: "" };
        continue;
      }
      if (region && isGeneralHeading(heading.text)) {
        skipBelow = heading.level;
        continue;
      }
      if (region && isObjectiveHeading(heading.text)) continue;
      if (region && skipBelow === null) {
        const colon = heading.text.indexOf(": ");
        const title = colon > 0 ? heading.text.slice(0, colon) : heading.text;
        group = { code: heading.code, name: title.replace(/[:.]$/, "").trim() };
        const inline = colon > 0 ? heading.text.slice(colon + 2).trim() : "";
        if (inline) {
          last = { text: inline, number: null, line: i + 1, group };
          items.push(last);
        }
      }
      continue;
    }

    lastNumbered = numberedTarget;
    const body = bullet?.[1] ?? numbered?.[2] ?? (numberedTarget && heading ? heading.text : null);
    const number = numbered?.[1] ?? (numberedTarget && heading ? heading.code : null);
    if (body !== null) {
      if (region && skipBelow === null) {
        last = { text: body, number, line: i + 1, group };
        items.push(last);
      } else if (!region && !ruleSection && /^t[ỷỉ] lệ/i.test(body) && !/so với/i.test(body) && findProseTargets(body, { year: null, deadline: null }).length > 0) {
        last = { text: body, number, line: i + 1, group: outerGroup };
        items.push(last);
      } else last = null;
      continue;
    }
    // A sentence broken by a page break continues in lower case.
    if (last && /^\p{Ll}/u.test(line)) {
      last.text = `${last.text} ${line}`;
      continue;
    }
    last = null;
  }

  const indicators: Indicator[] = [];
  const ordinals = new Map<GroupLabel, number>();
  for (const item of items) {
    const n = (ordinals.get(item.group) ?? 0) + 1;
    ordinals.set(item.group, n);
    const code = joinCode(item.group.code, item.number ?? String(n));
    indicators.push(...toIndicators(item, code, planYear, ctx));
  }
  return indicators;
}

/** A sentence with two targets for two different measures becomes two indicators (16a, 16b). */
function toIndicators(item: Item, code: string, year: number | null, ctx: LoadContext): Indicator[] {
  const deadline = year ? `${year}-12-31` : null;
  const text = item.text.replace(/\s*[.;]\s*$/, "");
  const found = findProseTargets(text, { year, deadline });
  const make = (name: string, c: string, targets = found.slice(0, 1).map((f) => f.target)): Indicator => {
    const first = targets[0] ?? noTarget({ year, deadline });
    const t = targets.length ? targets : [first];
    return {
      id: "",
      code: c,
      group: item.group.name,
      groupCode: item.group.code,
      section: null,
      name,
      unit: first.unit,
      kind: kindOf(t),
      targets: t,
      baseline: null,
      lead: null,
      partners: null,
      note: null,
      source: null,
      line: item.line,
    };
  };
  if (found.length < 2) return [make(text, code)];

  const clauses = text.split(/\s*;\s+|(?<=\S)\.\s+(?=\p{Lu})/u).filter((c) => c.trim());
  const withTargets = clauses.map((c) => ({ c, t: findProseTargets(c, { year, deadline }) }));
  const parts: Array<{ text: string; targets: typeof found }> = [];
  for (const w of withTargets) {
    const last = parts[parts.length - 1];
    if (w.t.length === 0 && last) last.text += `. ${w.c}`;
    else if (w.t.length === 0) parts.push({ text: w.c, targets: [] });
    else if (last && last.targets.length === 0) {
      last.text += `. ${w.c}`;
      last.targets = w.t;
    } else parts.push({ text: w.c, targets: w.t });
  }
  if (parts.length >= 2 && parts.every((p) => p.targets.length === 1)) {
    const letters = "abcdefghij";
    const codes = parts.map((_, k) => `${code}${letters[k] ?? k + 1}`);
    ctx.warn(item.line, `Dòng ${code} có ${parts.length} chỉ tiêu; đã tách thành ${codes.join(", ")}`);
    return parts.map((p, k) => make(p.text.replace(/\s*[.;]\s*$/, ""), codes[k]!, [p.targets[0]!.target]));
  }
  ctx.warn(item.line, `Chỉ tiêu ${code} nêu ${found.length} giá trị; đã lấy giá trị đầu tiên "${found[0]!.target.text}"`);
  return [make(text, code)];
}
