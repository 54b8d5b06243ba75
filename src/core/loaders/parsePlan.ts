import type { Indicator, Plan, Task } from "../plan";
import { cleanLine, fold, normalizeInput } from "../text/clean";
import { expandedWords, similarity } from "../text/similarity";
import type { Header } from "./columns";
import { combineHeaderRows, readHeader, signatureOf } from "./columns";
import type { GroupLabel } from "./context";
import { LoadContext, readGroupLabel, uniqueIds } from "./context";
import { readIndicatorTable } from "./indicatorTable";
import { spacedColumnsToTabs } from "./layout";
import { readProseIndicators } from "./prose";
import { readTaskTable } from "./taskTable";
import type { TableBlock } from "./tables";
import { extractTables, rechunk } from "./tables";

const DOC_TYPES = /^(kế hoạch|đề án|chương trình|phụ lục|báo cáo)$/i;

/** The plan's title: the document type line ("KẾ HOẠCH", "ĐỀ ÁN") and the subject lines under it. */
export function readTitle(lines: string[]): string {
  // A table row (tabs or pipes) is never part of the title, unless it is one cell: a title merged across the table.
  const single = (l: string) => l.split("\t").filter((c) => c.trim()).length === 1;
  const cleaned = lines.slice(0, 60).map((l) => (/^\s*\|/.test(l) || (l.includes("\t") && !single(l)) ? "" : cleanLine(l.replace(/\t/g, " "))));
  const typeAt = cleaned.findIndex((l) => DOC_TYPES.test(l));
  if (typeAt < 0) return cleaned.find((l) => l.length > 0)?.slice(0, 200) ?? "";
  const parts: string[] = [];
  let i = typeAt + 1;
  while (i < cleaned.length && !cleaned[i]) i++;
  // The first line under the type is always the subject; further lines until a blank or the preamble.
  const subject = cleaned[i++];
  if (subject) parts.push(subject);
  for (let l = cleaned[i]; l && !DOC_TYPES.test(l) && !/^(căn cứ|thực hiện|-{3,}|chương|số[: ])/i.test(l); l = cleaned[++i]) parts.push(l);
  const typeLine = cleaned[typeAt]!;
  const type = typeLine.charAt(0).toUpperCase() + typeLine.slice(1).toLowerCase();
  return [type, ...parts].join(" ").replace(/\s+/g, " ").trim().slice(0, 300);
}

function yearsIn(text: string): number[] {
  return (text.match(/\b(?:19|20)\d\d\b/g) ?? []).map(Number);
}

/** The year the plan's targets are for, when the table or sentence does not say. */
function planYearOf(title: string, lines: string[]): number | null {
  for (const l of lines) {
    const f = fold(cleanLine(l));
    const m = /(?:tinh den|den) (?:cuoi |het )?nam ((?:19|20)\d\d)/.exec(f);
    if (m && /chi tieu|muc tieu/.test(f)) return Number(m[1]);
  }
  const fromTitle = yearsIn(title);
  return fromTitle.length ? Math.max(...fromTitle) : null;
}

function headerOf(block: TableBlock): { header: Header; row: number; block: TableBlock } | null {
  for (const [r, { cells: top }] of block.rows.slice(0, 4).entries()) {
    const header = readHeader(top);
    const below = block.rows[r + 1]?.cells;
    const combinedCells = below ? combineHeaderRows(top, below) : null;
    const combined = combinedCells ? readHeader(combinedCells) : null;
    const better =
      combined && (!header || combined.columns.length > header.columns.length || combined.columns.filter((c) => c.role === "target").length > header.columns.filter((c) => c.role === "target").length);
    if (combined && better) return { header: { ...combined, rowSignatures: [signatureOf(top), signatureOf(below!)] }, row: r + 1, block };
    if (header) return { header, row: r, block };
  }
  // Web-copied cells with no row ends arrive as one long row: the header is its first cells.
  const only = block.rows.length === 1 ? block.rows[0]?.cells : null;
  if (only) {
    for (let width = 2; width <= Math.min(12, only.length); width++) {
      const header = readHeader(only.slice(0, width));
      const following = only[width];
      const next = following ? readHeader([...only.slice(0, width), following]) : null;
      if (header && (!next || next.columns.length === header.columns.length)) {
        const chunked = rechunk(block, width);
        return { header: readHeader(chunked.rows[0]?.cells ?? []) ?? header, row: 0, block: chunked };
      }
    }
  }
  return null;
}

/** The group heading written just above a table ("I. Nhóm chỉ tiêu Chính quyền số"). */
function groupAbove(lines: string[], block: TableBlock, inTable: boolean[]): GroupLabel | null {
  for (let i = block.startLine - 2, seen = 0; i >= 0 && seen < 4; i--) {
    if (inTable[i]) return null;
    const l = cleanLine(lines[i] ?? "");
    if (!l) continue;
    seen++;
    const label = readGroupLabel(l);
    if (label && label.name.length < 150) return label;
  }
  return null;
}

/** The wording of an indicator without the target written into it, for comparing prose with a table. */
function bareWording(ind: Indicator): string {
  let name = ind.name;
  for (const t of ind.targets) if (t.text && t.value !== null) name = name.split(t.text).join(" ");
  return expandedWords(name)
    .replace(/\b\d+\b/g, " ")
    .replace(/\b(ty le|dat|tro len|toi thieu|it nhat|tren|so)\b/g, " ");
}

const SAME_INDICATOR = 0.55;

/**
 * Objectives written as prose beside an appendix table. One that restates a table row is loaded once
 * (from the table), and the warning names both. When most of the prose restates the table, the prose
 * is a summary of the appendix: the table is loaded and the rest of the prose is listed by line for the
 * official to check; otherwise the prose objectives the table lacks are loaded too, marked for review.
 */
function proseBesideTables(table: Indicator[], prose: Indicator[], ctx: LoadContext): Indicator[] {
  const added: Indicator[] = [];
  const duplicates: Array<{ p: Indicator; best: Indicator }> = [];
  for (const p of prose) {
    if (!p.targets.some((t) => t.value !== null)) continue;
    const words = bareWording(p);
    let best: Indicator | null = null;
    let score = 0;
    for (const t of table) {
      const s = similarity(words, bareWording(t));
      if (s > score) {
        score = s;
        best = t;
      }
    }
    if (best && score >= SAME_INDICATOR) duplicates.push({ p, best });
    else added.push(p);
  }
  if (duplicates.length >= added.length && duplicates.length > 0) {
    const rest = added.length ? ` ${added.length} mục tiêu viết bằng lời không khớp dòng nào của bảng, cần xem lại: ${added.map((a) => `dòng ${a.line}`).join(", ")}` : "";
    ctx.warn(null, `Phần mục tiêu của văn bản nhắc lại bảng phụ lục (${duplicates.length} mục khớp với dòng của bảng); đã nạp theo bảng.${rest}`);
    return [];
  }
  for (const { p, best } of duplicates) {
    ctx.warn(p.line, `Chỉ tiêu "${p.name.slice(0, 80)}" cũng có trong bảng phụ lục (${best.code}, dòng ${best.line}); chỉ nạp một lần, theo bảng`);
  }
  if (added.length === 0) return [];
  ctx.warn(null, `Văn bản có cả bảng phụ lục và chỉ tiêu viết trong phần mục tiêu; đã nạp thêm ${added.length} chỉ tiêu chỉ có trong phần mục tiêu`);
  return added.map((p) => ({ ...p, review: [p.review, "Chỉ tiêu viết trong phần mục tiêu, không có trong bảng phụ lục"].filter(Boolean).join("; ") }));
}

export interface ParseOptions {
  /** The year to use when the document names none (defaults to none: targets keep year null). */
  defaultYear?: number;
}

/**
 * Reads a plan document as users paste it into a structured plan. Never throws: whatever cannot be
 * understood becomes a warning naming its line, and the row is kept with its original text.
 */
export function parsePlan(input: string, options: ParseOptions = {}): Plan {
  const ctx = new LoadContext();
  let text: string;
  try {
    // Columns copied out of a PDF viewer arrive as runs of spaces: rebuilt into tab-separated rows.
    text = spacedColumnsToTabs(normalizeInput(typeof input === "string" ? input : String(input ?? "")));
  } catch {
    text = "";
  }
  const lines = text.split("\n");
  let title = "";
  let planYear: number | null = null;
  const indicators: Indicator[] = [];
  const tasks: Task[] = [];
  try {
    title = readTitle(lines);
    const fromDocument = planYearOf(title, lines);
    planYear = fromDocument ?? options.defaultYear ?? null;
    const planYearSource = fromDocument !== null ? "theo tiêu đề văn bản" : "theo năm được chọn";
    const { tables, inTable } = extractTables(lines);
    for (const block of tables) {
      try {
        const found = headerOf(block);
        if (!found) continue;
        const above = groupAbove(lines, found.block, inTable);
        if (found.header.kind === "indicators") {
          indicators.push(...readIndicatorTable(found.block, found.header, found.row, ctx, { groupAbove: above, planYear, planYearSource }));
        } else if (found.header.kind === "tasks") {
          tasks.push(...readTaskTable(found.block, found.header, found.row, ctx, above));
        }
      } catch (err) {
        ctx.warn(block.startLine, `Không đọc được bảng bắt đầu ở dòng ${block.startLine} (${(err as Error)?.message ?? "lỗi không rõ"})`);
      }
    }
    if (indicators.length === 0) {
      indicators.push(...readProseIndicators(lines, inTable, planYear, ctx));
    } else {
      // Prose beside a table is for the table's year when the title names none.
      const tableYears = indicators.flatMap((i) => i.targets.map((t) => t.year)).filter((y): y is number => y !== null);
      const proseYear = planYear ?? (tableYears.length ? Math.max(...tableYears) : null);
      indicators.push(...proseBesideTables(indicators, readProseIndicators(lines, inTable, proseYear, new LoadContext()), ctx));
    }
    if (indicators.length === 0 && tasks.length === 0 && text.trim()) {
      ctx.warn(null, 'Không tìm thấy bảng chỉ tiêu, bảng nhiệm vụ hay mục "Mục tiêu cụ thể" trong văn bản');
    }
    for (const ind of indicators) {
      if (ind.targets.every((t) => t.year === null) && planYear === null) {
        ctx.warn(ind.line, `Không rõ năm của chỉ tiêu ${ind.code}`);
      }
    }
    uniqueIds(indicators, ctx, "chỉ tiêu");
    uniqueIds(tasks, ctx, "nhiệm vụ");
  } catch (err) {
    ctx.warn(null, `Lỗi khi đọc văn bản: ${(err as Error)?.message ?? "lỗi không rõ"}; phần đã đọc được vẫn được giữ`);
  }
  const years = [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)).filter((y): y is number => y !== null))].sort();
  if (years.length === 0 && planYear !== null) years.push(planYear);
  ctx.warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { title, years, indicators, tasks, warnings: ctx.warnings };
}
