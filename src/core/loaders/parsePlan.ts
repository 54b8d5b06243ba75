import type { Indicator, Plan, Task } from "../plan";
import { cleanLine, fold, normalizeInput } from "../text/clean";
import type { Header } from "./columns";
import { readHeader } from "./columns";
import type { GroupLabel } from "./context";
import { LoadContext, readGroupLabel, uniqueIds } from "./context";
import { readIndicatorTable } from "./indicatorTable";
import { readProseIndicators } from "./prose";
import { readTaskTable } from "./taskTable";
import type { TableBlock } from "./tables";
import { extractTables, rechunk } from "./tables";

const DOC_TYPES = /^(kế hoạch|đề án|chương trình|phụ lục|báo cáo)$/i;

/** The plan's title: the document type line ("KẾ HOẠCH", "ĐỀ ÁN") and the subject lines under it. */
export function readTitle(lines: string[]): string {
  // A table row (tabs or pipes) is never part of the title.
  const cleaned = lines.slice(0, 60).map((l) => (/\t|^\s*\|/.test(l) ? "" : cleanLine(l)));
  const typeAt = cleaned.findIndex((l) => DOC_TYPES.test(l));
  if (typeAt < 0) return cleaned.find((l) => l.length > 0)?.slice(0, 200) ?? "";
  const parts: string[] = [];
  let i = typeAt + 1;
  while (i < cleaned.length && !cleaned[i]) i++;
  // The first line under the type is always the subject; further lines until a blank or the preamble.
  if (i < cleaned.length) parts.push(cleaned[i++]);
  while (i < cleaned.length && cleaned[i] && !DOC_TYPES.test(cleaned[i]) && !/^(căn cứ|thực hiện|-{3,}|chương|số[: ])/i.test(cleaned[i])) {
    parts.push(cleaned[i]);
    i++;
  }
  const type = cleaned[typeAt].charAt(0).toUpperCase() + cleaned[typeAt].slice(1).toLowerCase();
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
  for (let r = 0; r < Math.min(block.rows.length, 4); r++) {
    const header = readHeader(block.rows[r].cells);
    if (header) return { header, row: r, block };
  }
  // Web-copied cells with no row ends arrive as one long row: the header is its first cells.
  const only = block.rows.length === 1 ? block.rows[0].cells : null;
  if (only) {
    for (let width = 2; width <= Math.min(12, only.length); width++) {
      const header = readHeader(only.slice(0, width));
      const next = only[width] ? readHeader([...only.slice(0, width), only[width]]) : null;
      if (header && (!next || next.columns.length === header.columns.length)) {
        const chunked = rechunk(block, width);
        return { header: readHeader(chunked.rows[0].cells) ?? header, row: 0, block: chunked };
      }
    }
  }
  return null;
}

/** The group heading written just above a table ("I. Nhóm chỉ tiêu Chính quyền số"). */
function groupAbove(lines: string[], block: TableBlock, inTable: boolean[]): GroupLabel | null {
  for (let i = block.startLine - 2, seen = 0; i >= 0 && seen < 4; i--) {
    if (inTable[i]) return null;
    const l = cleanLine(lines[i]);
    if (!l) continue;
    seen++;
    const label = readGroupLabel(l);
    if (label && label.name.length < 150) return label;
  }
  return null;
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
    text = normalizeInput(typeof input === "string" ? input : String(input ?? ""));
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
    planYear = planYearOf(title, lines) ?? options.defaultYear ?? null;
    const { tables, inTable } = extractTables(lines);
    for (const block of tables) {
      try {
        const found = headerOf(block);
        if (!found) continue;
        const above = groupAbove(lines, found.block, inTable);
        if (found.header.kind === "indicators") {
          indicators.push(...readIndicatorTable(found.block, found.header, found.row, ctx, { groupAbove: above, planYear }));
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
      const prose = readProseIndicators(lines, inTable, planYear, new LoadContext());
      if (prose.some((p) => p.targets.some((t) => t.value !== null))) {
        ctx.warn(null, "Văn bản có cả bảng phụ lục chỉ tiêu và chỉ tiêu viết trong phần mục tiêu; đã dùng bảng phụ lục");
      }
    }
    if (indicators.length === 0 && tasks.length === 0 && text.trim()) {
      ctx.warn(null, "Không tìm thấy bảng chỉ tiêu, bảng nhiệm vụ hay mục \"Mục tiêu cụ thể\" trong văn bản");
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
