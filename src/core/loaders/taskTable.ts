import { parseDeadline } from "../deadline";
import type { Task } from "../plan";
import { ContinuedRow, cleanLine, cleanText } from "../text/clean";
import type { Column, Header } from "./columns";
import { repeatsHeader } from "./columns";
import type { GroupLabel, LoadContext } from "./context";
import { joinCode, leadingNumber, readGroupLabel } from "./context";
import type { TableBlock } from "./tables";

interface PendingTask {
  row: ContinuedRow;
  cells: string[];
  line: number;
  group: GroupLabel;
}

/**
 * Reads a task appendix: one task per row; a row with an empty first column is a sub-task of the
 * general task above; a row without lead and deadline right after a page break continues the row
 * before it.
 */
export function readTaskTable(block: TableBlock, header: Header, headerRow: number, ctx: LoadContext, groupAbove: GroupLabel | null): Task[] {
  const col = (role: Column["role"]): Column | undefined => header.columns.find((c) => c.role === role);
  const generalCol = col("taskGeneral");
  const nameCol = col("taskName");
  const leadCol = col("lead");
  const deadlineCol = col("deadline");
  const cell = (cells: string[], c: Column | undefined): string => (c ? cleanText(cells[c.index] ?? "") : "");

  let group: GroupLabel = groupAbove ?? { code: "", name: "" };
  const pending: PendingTask[] = [];
  for (const row of block.rows.slice(headerRow + 1)) {
    const cells = row.cells;
    if (repeatsHeader(cells, header)) continue;
    const filled = cells.map((c) => cleanLine(c)).filter(Boolean);
    if (filled.length === 0) continue;
    const [only] = filled;
    if (only !== undefined && filled.length === 1) {
      const label = readGroupLabel(only);
      if (label && cleanLine(cells[0] ?? "") === filled[0]) {
        group = label;
        continue;
      }
    }
    const general = cell(cells, generalCol);
    const lead = cell(cells, leadCol);
    const deadline = cell(cells, deadlineCol);
    const prev = pending[pending.length - 1];
    if (prev && !lead && !deadline && !leadingNumber(general)) {
      prev.row.append(cells);
      continue;
    }
    pending.push({ row: new ContinuedRow(cells), cells: [], line: row.line, group });
  }
  for (const p of pending) p.cells = p.row.cells();

  const tasks: Task[] = [];
  let parent: { number: string | null; text: string; ordinal: number; rows: number } | null = null;
  let ordinalInGroup = 0;
  let lastGroup: GroupLabel | null = null;
  for (const p of pending) {
    if (p.group !== lastGroup) {
      lastGroup = p.group;
      ordinalInGroup = 0;
      parent = null;
    }
    const generalRaw = cell(p.cells, generalCol);
    const subRaw = cell(p.cells, nameCol);
    if (generalRaw) {
      const numbered = leadingNumber(generalRaw);
      ordinalInGroup++;
      parent = { number: numbered?.number ?? null, text: numbered?.rest ?? generalRaw, ordinal: ordinalInGroup, rows: 0 };
    }
    if (!parent) {
      ordinalInGroup++;
      parent = { number: null, text: "", ordinal: ordinalInGroup, rows: 0 };
    }
    parent.rows++;
    const sub = subRaw ? leadingNumber(subRaw) : null;
    const parentCode = parent.number ?? String(parent.ordinal);
    let code: string;
    if (sub && sub.number.includes(".")) code = joinCode(p.group.code, sub.number);
    else if (parent.rows === 1) code = joinCode(p.group.code, parentCode);
    else code = joinCode(p.group.code, parentCode, String(parent.rows));
    const subText = sub ? sub.rest : subRaw;
    const name = subText || parent.text;
    const deadlineText = cell(p.cells, deadlineCol) || null;
    const due = parseDeadline(deadlineText);
    if (deadlineText && due.unreadable) ctx.warn(p.line, `Không đọc được thời hạn "${deadlineText}" của nhiệm vụ ${code}`);
    if (!name) ctx.warn(p.line, `Nhiệm vụ ${code} không có nội dung`);
    // Columns the header leaves unnamed (seed 002's eighth) hold notes.
    const extra = p.cells.map((c, i) => (header.columns.some((h) => h.index === i) ? "" : cleanText(c))).filter(Boolean);
    const noteCol = col("note");
    const note = [cell(p.cells, noteCol), ...extra].filter(Boolean).join("; ") || null;
    tasks.push({
      id: "",
      code,
      group: p.group.name,
      groupCode: p.group.code,
      parent: subText && parent.text ? parent.text : null,
      name,
      output: cell(p.cells, col("output")) || null,
      kpi: cell(p.cells, col("kpi")) || null,
      lead: cell(p.cells, leadCol) || null,
      partners: cell(p.cells, col("partners")) || null,
      deadline: due.date,
      deadlineText,
      ongoing: due.ongoing,
      note,
      line: p.line,
    });
  }
  return tasks;
}
