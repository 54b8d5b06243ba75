import type { Baseline, Indicator, Target } from "../plan";
import { parseDeadline } from "../deadline";
import { doneOnMeasuredReview, findProseTargets, kindOf, noTarget, parseTargetCell } from "../target";
import { ContinuedRow, cleanLine, cleanText, fold } from "../text/clean";
import { parseViNumber } from "../text/numbers";
import type { Column, Header } from "./columns";
import { repeatsHeader } from "./columns";
import type { GroupLabel, LoadContext } from "./context";
import { isGroupCode, joinCode, leadingNumber, readGroupLabel } from "./context";
import type { TableBlock } from "./tables";

interface PendingRow {
  row: ContinuedRow;
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
  /** Where planYear came from, for the review note of a target column that names no year. */
  planYearSource?: string;
}

/** A row whose only text is one label (a group row merged across the table): "I. HẠ TẦNG SỐ", "Nhóm chỉ tiêu về dữ liệu". */
function mergedLabel(cells: string[]): GroupLabel | null {
  const filled = cells.map((c) => cleanLine(c)).filter(Boolean);
  const only = filled[0];
  if (filled.length !== 1 || only === undefined || only.length > 150) return null;
  const label = readGroupLabel(only);
  if (label) return label;
  const numbered = leadingNumber(only);
  if (numbered && numbered.rest && !/\d\s*%|[≥≤]/.test(only)) return { code: numbered.number, name: numbered.rest.replace(/[:.]$/, "") };
  if (/^(nhóm|lĩnh vực|phần|mục)\b/iu.test(only) && !/\d\s*%/.test(only)) return { code: "", name: only.replace(/[:.]$/, "") };
  return null;
}

export function readIndicatorTable(block: TableBlock, header: Header, headerRow: number, ctx: LoadContext, opts: IndicatorTableOptions): Indicator[] {
  const col = (role: Column["role"]): Column | undefined => header.columns.find((c) => c.role === role);
  const targetCols = header.columns.filter((c) => c.role === "target");
  const codeCol = col("code");
  const nameCol = col("name");
  const pending: PendingRow[] = [];
  let group: GroupLabel = opts.groupAbove ?? { code: "", name: "" };
  let section: PendingRow["section"] = null;
  const ordinals = new Map<GroupLabel, number>();

  const rows = block.rows.slice(headerRow + 1);
  for (const row of rows) {
    if (repeatsHeader(row.cells, header)) continue;
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
    // A group row merged across the table arrives as one cell, in whichever column it landed.
    const merged = mergedLabel(cells);
    if (merged && (!name || !code) && (isGroupCode(merged.code) || merged.code === "" || (!codeCol && !name))) {
      group = merged;
      continue;
    }
    const prev = pending[pending.length - 1];
    if (prev && isContinuation(code, name, targetsEmpty, !!codeCol)) {
      prev.row.append(cells);
      continue;
    }
    if (!code && !name && targetsEmpty) continue;
    const ordinal = (ordinals.get(group) ?? 0) + 1;
    ordinals.set(group, ordinal);
    pending.push({ row: new ContinuedRow(cells), cells: [], line: row.line, group, section, ordinal });
  }
  for (const p of pending) p.cells = p.row.cells();
  return toIndicators(pending, header, ctx, opts);
}

function isContinuation(code: string, name: string, targetsEmpty: boolean, hasCodeColumn: boolean): boolean {
  if (!targetsEmpty) return false;
  if (hasCodeColumn) return code === "";
  // Two-column tables carry the number in the name: a row split by a page break starts in lower case.
  return !leadingNumber(name) && /^\p{Ll}/u.test(name);
}

/** True when `child` is numbered under `parent`: "1.1" under "1", "a" under "1", "1.1.1" under "1.1". */
function isChildCode(parent: string, child: string): boolean {
  if (!parent || !child) return false;
  if (child.startsWith(`${parent}.`)) return true;
  return /^\d+(\.\d+)*$/.test(parent) && /^[a-zđ]$/.test(child);
}

const rowCode = (p: PendingRow, header: Header): string => {
  const codeCol = header.columns.find((c) => c.role === "code");
  const nameCol = header.columns.find((c) => c.role === "name");
  if (codeCol) return cellOf(p.cells, codeCol).replace(/[.)]$/, "");
  return leadingNumber(cellOf(p.cells, nameCol))?.number ?? "";
};

/**
 * A row without a target whose following rows are numbered under it ("1" then "1.1", "1.2"; "2" then
 * "a)", "b)") is a heading, at any depth: its children take it as their group.
 */
function toIndicators(pending: PendingRow[], header: Header, ctx: LoadContext, opts: IndicatorTableOptions): Indicator[] {
  const targetCols = header.columns.filter((c) => c.role === "target");
  const out: Indicator[] = [];
  const stack: Array<{ code: string; label: GroupLabel }> = [];
  for (const [k, p] of pending.entries()) {
    const code = rowCode(p, header);
    const next = pending[k + 1];
    while (stack.length && !isChildCode(stack[stack.length - 1]!.code, code)) stack.pop();
    const noTargets = targetCols.every((c) => cellOf(p.cells, c) === "");
    if (noTargets && next && next.group === p.group && isChildCode(code, rowCode(next, header))) {
      const nameCol = header.columns.find((c) => c.role === "name");
      let name = cellOf(p.cells, nameCol);
      const numbered = header.columns.some((c) => c.role === "code") ? null : leadingNumber(name);
      if (numbered) name = numbered.rest;
      stack.push({ code, label: { code: joinCode(p.group.code || null, code), name: name.replace(/[:.]$/, "") } });
      continue;
    }
    const heading = stack[stack.length - 1];
    out.push(toIndicator(heading ? { ...p, group: heading.label } : p, header, ctx, opts, heading ? { outer: p.group.code, own: heading.code } : null));
  }
  return out;
}

/** `heading`: the numbered heading row the indicator sits under, and the group code outside it. */
function toIndicator(p: PendingRow, header: Header, ctx: LoadContext, opts: IndicatorTableOptions, heading: { outer: string; own: string } | null): Indicator {
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
  const reviews: string[] = [];
  const doneOnMeasured: string[] = [];
  const targets: Target[] = [];
  const targetCols = header.columns.filter((c) => c.role === "target");
  const sectionYear = p.section?.year ?? null;
  for (const tc of targetCols) {
    const columnTime = columnDeadline(tc, sectionYear ?? opts.planYear);
    const year = columnTime.year;
    const raw = cellOf(cells, tc);
    const reading = parseTargetCell(raw, { year, deadline: columnTime.deadline, unitColumn, name });
    if (reading.problem) ctx.warn(p.line, reading.problem);
    if (reading.review) reviews.push(reading.review);
    if (reading.doneOnMeasuredRow) doneOnMeasured.push(reading.target.text);
    if (raw && tc.year === null && !columnTime.fromHeader && sectionYear === null && year !== null && reading.target.op !== "none") {
      reviews.push(`Cột "${tc.header}" không ghi năm; đã lấy năm ${year} ${opts.planYearSource ?? "của văn bản"}`);
    }
    targets.push(reading.target);
  }
  // No target column, or an empty one: the target may sit inside the wording ("... đạt từ 70% trở lên").
  if (targets.every((t) => t.op === "none")) {
    const year = targets.find((t) => t.year !== null)?.year ?? sectionYear ?? opts.planYear;
    const deadline = year ? `${year}-12-31` : null;
    const inWording = findProseTargets(name, { year, deadline });
    const first = inWording[0];
    if (first) {
      targets.length = 0;
      targets.push(first.target);
      reviews.push(`Chỉ tiêu "${first.target.text}" đọc từ nội dung (bảng không ghi ở cột chỉ tiêu)`);
      if (inWording.length > 1) ctx.warn(p.line, `Nội dung nêu ${inWording.length} giá trị; đã lấy giá trị đầu tiên "${first.target.text}"`);
    }
  }
  if (targets.length === 0) targets.push(noTarget({ year: sectionYear ?? opts.planYear, deadline: null }));
  // Milestones in time order: "6 tháng đầu năm" before "Cả năm".
  targets.sort((a, b) => (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"));
  // A multi-milestone row with no target at all in some milestone keeps that milestone as "none".
  const meaningful = targets.filter((t) => t.op !== "none");
  const kept = targetCols.length > 1 ? targets : meaningful.length ? meaningful : targets;
  // "Hoàn thành" beside "≥ 80%" in a later milestone is a text milestone; alone on a "Tỷ lệ" row it is doubtful.
  if (!kept.some((t) => t.value !== null)) reviews.push(...doneOnMeasured.map(doneOnMeasuredReview));

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
    const value = m?.[1] ? parseViNumber(m[1]) : null;
    if (value !== null) baseline = { year: baselineCol.year, value };
    else if (raw) ctx.warn(p.line, `Không đọc được giá trị hiện trạng "${raw}"`);
  }

  const unit = unitColumn ?? kept.find((t) => t.unit && t.op !== "tăng" && t.op !== "giảm")?.unit ?? null;
  const groupCode = p.group.code;
  // "1.1" under heading "1" already carries the heading's number; "a" under "1" does not.
  const fullCode = heading && code.startsWith(`${heading.own}.`) ? joinCode(heading.outer || null, code) : joinCode(groupCode || null, code);
  return {
    id: "",
    code: joinCode(p.section ? String(p.section.year) : null, fullCode),
    group: p.group.name,
    groupCode,
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
    review: reviews.length ? reviews.join("; ") : null,
  };
}

/**
 * The time a target column speaks of: "6 tháng đầu năm 2026" ends 30/06, "Cả năm 2026" and "Năm 2026"
 * end 31/12, "Đến 30/6/2026" ends that day. A header without a year takes the section's or the plan's.
 */
export function columnDeadline(c: Column, fallbackYear: number | null): { year: number | null; deadline: string | null; fromHeader: boolean } {
  const own = parseDeadline(c.header);
  if (own.date) return { year: Number(own.date.slice(0, 4)), deadline: own.date, fromHeader: true };
  const year = c.year ?? fallbackYear;
  if (year === null) return { year: null, deadline: null, fromHeader: false };
  const withYear = parseDeadline(`${c.header} ${year}`);
  const halfYear = /6 thang dau|30\/0?6/.test(fold(c.header));
  return { year, deadline: halfYear && withYear.date ? withYear.date : `${year}-12-31`, fromHeader: c.year !== null };
}
