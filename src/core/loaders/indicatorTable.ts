import type { Baseline, Indicator, Target } from "../plan";
import { parseTargetCell, kindOf, noTarget } from "../target";
import { cleanLine, cleanText, joinContinued } from "../text/clean";
import { parseViNumber } from "../text/numbers";
import type { Column, Header } from "./columns";
import { readHeader, signatureOf } from "./columns";
import type { GroupLabel, LoadContext } from "./context";
import { isGroupCode, joinCode, leadingNumber, readGroupLabel } from "./context";
import type { TableBlock } from "./tables";

interface PendingRow {
  cells: string[];
  line: number;
  group: GroupLabel;
  section: { label: string; year: number } | null;
  /** Position in its group, the code of a row the document left unnumbered. */
  ordinal: number;
}

const cellOf = (row: string[], col: Column | undefined): string => (col ? cleanText(row[col.index] ?? "") : "");

/** "Năm 2026", "Đến hết năm 2030", "Giai đoạn 2026": a year section inside a two-column table. */
function readSection(text: string): { label: string; year: number } | null {
  const t = cleanLine(text);
  const m = /^(?:năm|đến hết(?: năm)?|đến năm|giai đoạn|mục tiêu(?: năm)?|chỉ tiêu(?: năm)?)\s+((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\s*:?$/iu.exec(t);
  if (!m) return null;
  return { label: t.replace(/:$/, ""), year: Number(m[2] ?? m[1]) };
}

export interface IndicatorTableOptions {
  /** The group heading written just above the table (seed 003 puts "I. Nhóm chỉ tiêu ..." there). */
  groupAbove: GroupLabel | null;
  planYear: number | null;
}

export function readIndicatorTable(block: TableBlock, header: Header, headerRow: number, ctx: LoadContext, opts: IndicatorTableOptions): Indicator[] {
  const col = (role: Column["role"]): Column | undefined => header.columns.find((c) => c.role === role);
  const targetCols = header.columns.filter((c) => c.role === "target");
  const codeCol = col("code");
  const nameCol = col("name");
  const pending: PendingRow[] = [];
  let group: GroupLabel = opts.groupAbove ?? { code: "", name: "" };
  let section: PendingRow["section"] = null;

  const rows = block.rows.slice(headerRow + 1);
  for (const row of rows) {
    if (signatureOf(row.cells) === header.signature || readHeader(row.cells)?.signature === header.signature) continue;
    const cells = row.cells;
    const code = cellOf(cells, codeCol);
    const name = cellOf(cells, nameCol);
    const targetsEmpty = targetCols.every((c) => cellOf(cells, c) === "");
    const others = cells.filter((_, i) => i !== codeCol?.index && i !== nameCol?.index).every((c) => cleanLine(c) === "");

    const sectionHere = others && !code ? readSection(name) : null;
    if (sectionHere) {
      section = sectionHere;
      group = { code: "", name: "" };
      continue;
    }
    if (others && code && isGroupCode(code)) {
      group = { code: code.replace(/[.)]$/, ""), name: name.replace(/:$/, "") };
      continue;
    }
    if (others && !codeCol) {
      const label = readGroupLabel(name);
      if (label && !leadingNumber(name)) {
        group = label;
        continue;
      }
    }
    if (isContinuation(code, name, targetsEmpty, pending, !!codeCol)) {
      const prev = pending[pending.length - 1];
      const width = Math.max(prev.cells.length, cells.length);
      prev.cells = Array.from({ length: width }, (_, i) => joinContinued(cleanText(prev.cells[i] ?? ""), cleanText(cells[i] ?? "")));
      continue;
    }
    if (!code && !name && targetsEmpty) continue;
    const ordinal = pending.filter((q) => q.group === group && q.section === section).length + 1;
    pending.push({ cells: [...cells], line: row.line, group, section, ordinal });
  }

  return pending.map((p) => toIndicator(p, header, ctx, opts));
}

function isContinuation(code: string, name: string, targetsEmpty: boolean, pending: PendingRow[], hasCodeColumn: boolean): boolean {
  if (pending.length === 0 || !targetsEmpty) return false;
  if (hasCodeColumn) return code === "";
  // Two-column tables carry the number in the name: a row split by a page break starts in lower case.
  return !leadingNumber(name) && /^\p{Ll}/u.test(name);
}

function toIndicator(p: PendingRow, header: Header, ctx: LoadContext, opts: IndicatorTableOptions): Indicator {
  const col = (role: Column["role"]): Column | undefined => header.columns.find((c) => c.role === role);
  const cells = p.cells;
  let code = cellOf(cells, col("code")).replace(/[.)]$/, "");
  let name = cellOf(cells, col("name"));
  if (!col("code")) {
    const numbered = leadingNumber(name);
    if (numbered) {
      code = numbered.number;
      name = numbered.rest;
    }
  }
  const unitColumn = cellOf(cells, col("unit")) || null;
  const targets: Target[] = [];
  const targetCols = header.columns.filter((c) => c.role === "target");
  const sectionYear = p.section?.year ?? null;
  for (const tc of targetCols) {
    const year = tc.year ?? sectionYear ?? opts.planYear;
    const deadline = year ? `${year}-12-31` : null;
    const raw = cellOf(cells, tc);
    const reading = parseTargetCell(raw, { year, deadline, unitColumn });
    if (reading.problem) ctx.warn(p.line, reading.problem);
    targets.push(reading.target);
  }
  if (targets.length === 0) targets.push(noTarget({ year: sectionYear ?? opts.planYear, deadline: null }));
  // A multi-milestone row with no target at all in some milestone keeps that milestone as "none".
  const meaningful = targets.filter((t) => t.op !== "none");
  const kept = targetCols.length > 1 ? targets : meaningful.length ? meaningful : targets;

  if (!name) ctx.warn(p.line, `Dòng chỉ tiêu ${code || ""} không có nội dung`.replace(/\s+/g, " "));
  if (!code) {
    code = String(p.ordinal);
    ctx.warn(p.line, `Dòng chỉ tiêu không có số thứ tự; đã đặt số ${code} theo thứ tự trong nhóm`);
  }

  const baselineCol = col("baseline");
  let baseline: Baseline | null = null;
  if (baselineCol) {
    const raw = cellOf(cells, baselineCol);
    const m = /(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?)/.exec(raw);
    const value = m ? parseViNumber(m[1]) : null;
    if (value !== null) baseline = { year: baselineCol.year, value };
    else if (raw) ctx.warn(p.line, `Không đọc được giá trị hiện trạng "${raw}"`);
  }

  const unit = unitColumn ?? kept.find((t) => t.unit)?.unit ?? null;
  return {
    id: "",
    code: joinCode(p.section ? String(p.section.year) : null, p.group.code || null, code || null),
    group: p.group.name,
    groupCode: p.group.code,
    section: p.section?.label ?? null,
    name,
    unit,
    kind: kindOf(kept),
    targets: kept,
    baseline,
    lead: cellOf(cells, col("lead")) || null,
    partners: cellOf(cells, col("partners")) || null,
    note: cellOf(cells, col("note")) || null,
    source: cellOf(cells, col("source")) || null,
    line: p.line,
  };
}
