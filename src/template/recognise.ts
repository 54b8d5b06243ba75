import { cellNumberText, formatNumber } from "../core/format";
import type { Milestone } from "../core/judge";
import { baselineOf, isPercent, isRelative, milestonesOf } from "../core/judge";
import type { Column, ColumnRole, Header } from "../core/loaders/columns";
import { combineHeaderRows, roleOf, signatureOf } from "../core/loaders/columns";
import type { GroupLabel } from "../core/loaders/context";
import { LoadContext, isGroupCode, joinCode, leadingNumber, readGroupLabel, uniqueIds } from "../core/loaders/context";
import { columnDeadline, readIndicatorTable } from "../core/loaders/indicatorTable";
import type { TableBlock } from "../core/loaders/tables";
import type { Frequency } from "../core/period";
import type { Indicator, Warning } from "../core/plan";
import { kindOf } from "../core/target";
import { cleanLine, fold } from "../core/text/clean";
import { romanOrArabic } from "../core/text/numbers";
import { colLetter } from "../workbook/spec";
import type { SheetRow } from "../reading/readBack";
import { UserFacingError } from "../core/userFacingError";

/**
 * Reads a table an official already reports in (the province's form, last year's file) without changing
 * it: finds the header (one or two rows, merged or not), tells what each column holds by its wording,
 * reads the indicator rows with the appendix loader's rules (groups, headings, targets), and notes the
 * rows it leaves alone (totals, spacers). Pure: the grid comes from Excel or from an .xlsx file.
 */

/** What a column of an official's table holds. "other" columns are theirs alone and never read. */
export type TemplateRole = "code" | "name" | "unit" | "target" | "achieved" | "baseline" | "evidence" | "note" | "lead" | "partners" | "source" | "other";

export const ROLE_LABEL: Record<TemplateRole, string> = {
  code: "Mã, số thứ tự",
  name: "Nội dung chỉ tiêu",
  unit: "Đơn vị tính",
  target: "Chỉ tiêu (mục tiêu)",
  achieved: "Kết quả thực hiện",
  baseline: "Hiện trạng (mức xuất phát)",
  evidence: "Minh chứng",
  note: "Ghi chú",
  lead: "Đơn vị chủ trì",
  partners: "Đơn vị phối hợp",
  source: "Nguồn số liệu",
  other: "Không dùng",
};

export interface TemplateColumn {
  /** Sheet column, 1-based. */
  col: number;
  role: TemplateRole;
  /** The header as read (the two rows of a two-row header joined). */
  header: string;
  year: number | null;
  /** An achieved column's period: the month its value is as of (3 for "Quý I", 6 for "6 tháng"); null when undated. */
  endMonth?: number | null;
  /** An achieved value of that period alone ("Quý II", "Tháng 5"), not the total to date ("6 tháng", "Lũy kế"). */
  flow?: boolean;
}

/** A value the judging reads: a cell of the official's (followed when they edit it) or a constant read once. */
export type Source = { col: number } | { value: number | null };

export interface TemplateMilestone extends Milestone {
  /** A numeric target cell is followed; a target in words is read once (the text is kept to notice an edit). */
  source: Source;
}

/** An indicator row of the official's table: what a report sheet's row says of it, and how its cells are read. */
export interface TemplateRow extends Pick<SheetRow, "row" | "id" | "name" | "unit" | "lead" | "partners" | "group" | "targetText"> {
  /** How percentages are typed on this row: 95 meaning 95% ("points"), or 95% / 0,95 ("fraction"); null when not a percentage. */
  percentEntry: "points" | "fraction" | null;
  /** Per-period values of a count that adds up ("Quý I", "Quý II" of "buổi/năm"): summed to date. */
  cumulative: boolean;
  milestones: TemplateMilestone[];
  baseline: Source;
  /** "Cần xem lại": what was assumed to read the row. */
  review: string | null;
}

export interface TemplateMapping {
  sheet: string;
  /** First and last header row (1-based). */
  headerRows: [number, number];
  columns: TemplateColumn[];
  frequency: Frequency;
  /** The achieved column read for each period slot of the year (quarters or months). */
  slots: Array<{ slot: number; col: number }>;
  /** The table's data rows and columns as found. */
  firstRow: number;
  lastRow: number;
  lastCol: number;
  /** First column of the columns the add-in adds (empty columns right of everything on the sheet). */
  outputColumn: number;
  rows: TemplateRow[];
  /** Rows inside the table that are not indicators, and why (group, total, spacer, numbering). */
  skipped: Array<{ row: number; text: string; why: string }>;
  /** The title above the table, for "Cấu hình". */
  title: string;
  year: number;
  warnings: Warning[];
  /** Columns found but not used, and other choices made, for the official to read. */
  notes: string[];
}

export interface TemplateGrid {
  sheet: string;
  /** Cell values from A1, as Excel returns them (formulas as their results). */
  values: unknown[][];
  /** Number formats from A1 ("0%", "General"), to tell 95% from 95. */
  formats?: unknown[][];
}

export interface RecogniseOptions {
  /** The report year: a target column without a year is for this year. */
  year: number;
  /** The official's corrections: a role for a column (1-based). */
  roles?: Map<number, TemplateRole>;
  /** The header's last row, when the official says where it is. */
  headerRow?: number;
  /** Where to add the columns, when the official picks (1-based); they must be empty. */
  outputColumn?: number;
}

export class TemplateError extends UserFacingError {}

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? formatNumber(v) : String(v)).trim();

/** A cell as the appendix loader reads text: percentages as written ("80%" for 0.8 in a % cell). */
function cellText(grid: TemplateGrid, row: number, col: number): string {
  const v = grid.values[row - 1]?.[col - 1];
  if (typeof v === "number") return cellNumberText(v, formatOf(grid, row, col));
  if (typeof v === "boolean") return v ? "Có" : "Không";
  return text(v);
}

const formatOf = (grid: TemplateGrid, row: number, col: number): string => String(grid.formats?.[row - 1]?.[col - 1] ?? "General");

const ACHIEVED = /(^|\s)(ket qua|thuc hien|luy ke|uoc (thuc hien|dat|tinh)|da dat|dat duoc|so lieu (bao cao|thuc hien)|gia tri (dat|thuc hien|bao cao)|tien do thuc hien)/;
const NOT_ACHIEVED = /don vi|co quan|chu tri|phu trach|to chuc thuc hien|thoi gian|thoi han|nguoi|giai phap|nhiem vu|cach thuc|phuong phap/;
const OWN_RESULT = /ty le (dat|hoan thanh|so voi|thuc hien so)|so voi (ke hoach|chi tieu|kh|ct)|% so voi|^so sanh|danh gia|xep loai|tu danh gia|^trang thai/;

/** The month a period header speaks of, and whether its value is of that period alone. */
export function periodOf(header: string): { endMonth: number | null; flow: boolean } {
  const f = fold(cleanLine(header));
  const quarter = /\bquy\s+(i{1,3}|iv|[1-4])\b/.exec(f);
  if (quarter) return { endMonth: (romanOrArabic(quarter[1]!.toUpperCase()) ?? 1) * 3, flow: true };
  if (/\b6 thang\b/.test(f)) return { endMonth: 6, flow: false };
  if (/\b9 thang\b/.test(f)) return { endMonth: 9, flow: false };
  const month = /\bthang\s+(\d{1,2})\b/.exec(f);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return { endMonth: Number(month[1]), flow: true };
  if (/\bca nam\b|\bnam\s+(19|20)\d\d\b|\bnam\b|^(19|20)\d\d$/.test(f)) return { endMonth: 12, flow: false };
  return { endMonth: null, flow: false };
}

const yearOf = (header: string): number | null => {
  const years = cleanLine(header).match(/\b(19|20)\d\d\b/g);
  return years ? Number(years[years.length - 1]) : null;
};

/** The role a header names in a reporting template; the appendix loader's words decide the rest. */
export function templateRole(header: string, year: number): TemplateRole | null {
  const f = fold(cleanLine(header))
    .replace(/^\(\d+\)\s*/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!f) return null;
  if (/minh chung|chung minh|kiem chung|tai lieu chung|can cu xac nhan/.test(f)) return "evidence";
  if (OWN_RESULT.test(f)) return "other";
  if (ACHIEVED.test(f) && !NOT_ACHIEVED.test(f)) {
    // "Thực hiện năm 2025" in a 2026 report is where the year starts from.
    const y = yearOf(header);
    return y !== null && y < year ? "baseline" : "achieved";
  }
  if (/^(chi tieu|ke hoach|muc tieu)\b(?!.*\b(noi dung|ten)\b)/.test(f) && f !== "chi tieu") return "target";
  if (/\bgiao\b|phan dau|can dat|muc dat/.test(f)) return "target";
  const role: ColumnRole | null = roleOf(header);
  switch (role) {
    case "code":
    case "name":
    case "unit":
    case "target":
    case "baseline":
    case "lead":
    case "partners":
    case "note":
    case "source":
      return role;
    case null:
      return null;
    default:
      return "other";
  }
}

const rowCells = (grid: TemplateGrid, row: number, width: number): string[] => Array.from({ length: width }, (_, c) => text(grid.values[row - 1]?.[c]).replace(/\s+/g, " "));

/** "(1) (2) (3)", "1 2 3 4=3/2", "A B C": the column numbering many forms put under the header. */
function isNumberingRow(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  return filled.length >= 3 && filled.every((c) => /^\(?([0-9]{1,2}|[A-Z])\)?(\s*[=*/+\-x].*)?$/.test(c));
}

const SIGNATURE = /^(nguoi lap|nguoi tong hop|thu truong|chu tich|pho chu tich|giam doc|truong phong|ky ten|xac nhan|noi nhan|tm\.|kt\.|lanh dao)|ngay\s+\.*\s*\d*\s*thang/;
const TOTAL = /^(tong cong|tong so)\b|^(tong|cong)\s*[:.]?$/;

interface FoundHeader {
  first: number;
  last: number;
  texts: string[];
  roles: Array<TemplateRole | null>;
}

function scoreOf(roles: Array<TemplateRole | null>): number {
  const has = (r: TemplateRole) => roles.includes(r);
  if (!has("name") || !(has("target") || has("achieved"))) return 0;
  return roles.filter((r) => r !== null && r !== "other").length;
}

function findHeader(grid: TemplateGrid, width: number, opts: RecogniseOptions): FoundHeader | null {
  const limit = Math.min(grid.values.length, 40);
  const classify = (texts: string[]) => texts.map((t) => (t ? templateRole(t, opts.year) : null));
  const candidates: FoundHeader[] = [];
  const rows = opts.headerRow ? [opts.headerRow - 1, opts.headerRow] : Array.from({ length: limit }, (_, k) => k + 1);
  for (const r of rows) {
    if (r < 1) continue;
    const cells = rowCells(grid, r, width);
    if (!cells.some(Boolean)) continue;
    const single: FoundHeader = { first: r, last: r, texts: cells, roles: classify(cells) };
    if (!opts.headerRow || r === opts.headerRow) candidates.push(single);
    if (r + 1 <= grid.values.length && (!opts.headerRow || r + 1 === opts.headerRow)) {
      const combined = combineHeaderRows(cells, rowCells(grid, r + 1, width));
      if (combined) candidates.push({ first: r, last: r + 1, texts: combined, roles: classify(combined) });
    }
    if (!opts.headerRow && candidates.some((c) => scoreOf(c.roles) > 0)) {
      // The first row that reads as a header, with the one below if that makes more columns known.
      return candidates.filter((c) => scoreOf(c.roles) > 0).sort((a, b) => scoreOf(b.roles) - scoreOf(a.roles) || a.last - b.last)[0] ?? null;
    }
  }
  return candidates.filter((c) => scoreOf(c.roles) > 0).sort((a, b) => scoreOf(b.roles) - scoreOf(a.roles))[0] ?? null;
}

/** Every header found on the top rows, for the message when no table is recognised. */
function headersSeen(grid: TemplateGrid, width: number): string[] {
  const seen: string[] = [];
  for (let r = 1; r <= Math.min(grid.values.length, 15); r++) {
    const cells = rowCells(grid, r, width);
    if (cells.filter(Boolean).length >= 2)
      seen.push(
        `dòng ${r}: ${cells
          .map((c, k) => (c ? `${colLetter(k + 1)} "${c.slice(0, 40)}"` : ""))
          .filter(Boolean)
          .join(", ")}`,
      );
    if (seen.length >= 4) break;
  }
  return seen;
}

const LOADER_ROLES: TemplateRole[] = ["code", "name", "unit", "target", "baseline", "lead", "partners", "note", "source"];

/** Reads the official's table. Throws TemplateError (in Vietnamese, naming what is missing) when it is not understood. */
export function recogniseTemplate(grid: TemplateGrid, opts: RecogniseOptions): TemplateMapping {
  const width = Math.max(0, ...grid.values.map((r) => r?.length ?? 0));
  const height = grid.values.length;
  const found = findHeader(grid, width, opts);
  if (!found && !opts.roles?.size) {
    const seen = headersSeen(grid, width);
    throw new TemplateError(
      `Không nhận ra bảng chỉ tiêu trên trang "${grid.sheet}": cần một dòng tiêu đề có cột nội dung chỉ tiêu (Nội dung, Tên chỉ tiêu) và cột chỉ tiêu (Chỉ tiêu, Kế hoạch, Mục tiêu) hoặc kết quả (Thực hiện, Kết quả). ${seen.length ? `Các dòng tiêu đề đã thấy — ${seen.join("; ")}.` : "Trang không có dòng nào có từ hai ô chữ trở lên."} Không có gì được ghi.`,
    );
  }
  const header = found ?? { first: opts.headerRow ?? 1, last: opts.headerRow ?? 1, texts: rowCells(grid, opts.headerRow ?? 1, width), roles: [] };
  const notes: string[] = [];
  const columns: TemplateColumn[] = [];
  // Every column the header names, and any the official gave a role to, left to right.
  const named = Math.max(header.texts.length, ...(opts.roles?.keys() ?? []));
  for (let col = 1; col <= named; col++) {
    const role = opts.roles?.get(col) ?? header.roles[col - 1] ?? null;
    if (!role) continue;
    const h = cleanLine(header.texts[col - 1] ?? "");
    const period = periodOf(h);
    columns.push({ col, role, header: h || `Cột ${colLetter(col)}`, year: yearOf(h), ...(role === "achieved" ? { endMonth: period.endMonth, flow: period.flow } : {}) });
  }
  // "Chỉ tiêu" alone names the target beside a wording column, and the wording where there is none.
  const names = columns.filter((c) => c.role === "name");
  if (names.length > 1) {
    for (const c of names.slice(1)) if (fold(c.header) === "chi tieu" && !opts.roles?.has(c.col)) c.role = "target";
  }
  for (const role of ["code", "name", "unit", "lead", "partners", "note", "evidence", "source", "baseline"] as const) {
    const same = columns.filter((c) => c.role === role);
    for (const extra of same.slice(1)) {
      if (opts.roles?.has(extra.col)) continue;
      extra.role = "other";
      notes.push(`Cột ${colLetter(extra.col)} "${extra.header}" cũng giống ${ROLE_LABEL[role].toLowerCase()}; chỉ dùng cột ${colLetter(same[0]!.col)}`);
    }
  }
  const missing = [!columns.some((c) => c.role === "name") && "cột nội dung chỉ tiêu", !columns.some((c) => c.role === "achieved") && "cột kết quả thực hiện (Thực hiện, Kết quả, Lũy kế...)"].filter(
    Boolean,
  );
  if (missing.length) {
    throw new TemplateError(
      `Bảng trên trang "${grid.sheet}" (tiêu đề ở dòng ${header.first === header.last ? header.first : `${header.first}–${header.last}`}) thiếu ${missing.join(" và ")}. Các cột đã nhận ra: ${columns.map((c) => `${colLetter(c.col)} "${c.header}" (${ROLE_LABEL[c.role]})`).join(", ") || "không có"}. Không có gì được ghi.`,
    );
  }
  if (!columns.some((c) => c.role === "target")) notes.push('Bảng không có cột chỉ tiêu: chỉ tiêu được đọc từ nội dung từng dòng (ví dụ "đạt 90%")');

  // Period slots: quarters unless a month that ends no quarter is named.
  const achieved = columns.filter((c) => c.role === "achieved");
  const frequency: Frequency = achieved.some((c) => c.flow && c.endMonth !== null && c.endMonth! % 3 !== 0) ? "month" : "quarter";
  const slots: TemplateMapping["slots"] = [];
  const dated = achieved.filter((c) => c.endMonth !== null && c.endMonth !== undefined);
  const used: TemplateColumn[] = [];
  // One results column is the value to date whatever period it names ("Ước thực hiện năm 2026").
  if (dated.length && achieved.length > 1) {
    for (const c of dated) {
      const slot = frequency === "month" ? c.endMonth! : Math.ceil(c.endMonth! / 3);
      if (slots.some((s) => s.slot === slot)) notes.push(`Cột ${colLetter(c.col)} "${c.header}" cùng kỳ với một cột trước; chỉ dùng cột trước`);
      else {
        slots.push({ slot, col: c.col });
        used.push(c);
      }
    }
    for (const c of achieved.filter((x) => !dated.includes(x))) notes.push(`Cột ${colLetter(c.col)} "${c.header}" không ghi kỳ; trạng thái tính theo các cột có kỳ`);
  } else if (achieved[0]) {
    const first = achieved[0];
    slots.push({ slot: 1, col: first.col });
    used.push(first);
    for (const c of achieved.slice(1)) notes.push(`Cột ${colLetter(c.col)} "${c.header}" cũng là kết quả; trạng thái tính theo cột ${colLetter(first.col)} "${first.header}"`);
  }
  slots.sort((a, b) => a.slot - b.slot);
  const flows = used.every((c) => c.flow);

  // The table's rows: from under the header (and its numbering row) to the signature block or the end.
  let firstRow = header.last + 1;
  const skipped: TemplateMapping["skipped"] = [];
  if (firstRow <= height && isNumberingRow(rowCells(grid, firstRow, width))) {
    skipped.push({ row: firstRow, text: rowCells(grid, firstRow, width).filter(Boolean).join(" "), why: "dòng đánh số cột" });
    firstRow++;
  }
  const nameCol = columns.find((c) => c.role === "name")!.col;
  const codeCol = columns.find((c) => c.role === "code")?.col;
  let lastRow = firstRow - 1;
  const loaderCols = columns.filter((c) => (LOADER_ROLES as string[]).includes(c.role));
  const blockRows: TableBlock["rows"] = [{ cells: header.texts, line: header.last, afterBreak: false }];
  const headings: Array<{ row: number; label: GroupLabel }> = [];
  for (let r = firstRow; r <= height; r++) {
    const cells = rowCells(grid, r, width);
    const label = fold(cleanLine(cells[nameCol - 1] || (codeCol ? cells[codeCol - 1] : "") || cells.find(Boolean) || ""));
    if (!cells.some(Boolean)) {
      continue;
    }
    if (SIGNATURE.test(label) || cells.filter(Boolean).every((c) => SIGNATURE.test(fold(c)))) break;
    lastRow = r;
    if (TOTAL.test(label) || (codeCol && TOTAL.test(fold(cells[codeCol - 1] ?? "")))) {
      skipped.push({ row: r, text: cleanLine(cells[nameCol - 1] || cells.find(Boolean) || ""), why: "dòng tổng" });
      continue;
    }
    // A row with only a label ("1. Nhóm chỉ tiêu về dịch vụ công", "II | CHÍNH QUYỀN SỐ") heads the rows below it.
    const code = codeCol ? cleanLine(cells[codeCol - 1] ?? "") : "";
    const onlyLabel = cells.every((c, k) => !c || k + 1 === nameCol || k + 1 === codeCol);
    if (onlyLabel && (!code || isGroupCode(code))) {
      const label = cleanLine(cells[nameCol - 1] ?? "");
      const numbered = leadingNumber(label);
      headings.push({
        row: r,
        label: code ? { code: code.replace(/[.)]$/, ""), name: label } : (readGroupLabel(label) ?? (numbered ? { code: numbered.number, name: numbered.rest } : { code: "", name: label })),
      });
      skipped.push({ row: r, text: [code, label].filter(Boolean).join(" "), why: "dòng nhóm" });
      continue;
    }
    // The loader sees only what it reads: results, evidence and the official's own columns stay out.
    const loaderCells = Array.from({ length: width }, (_, c) => (loaderCols.some((x) => x.col === c + 1) ? cellText(grid, r, c + 1).replace(/\s+/g, " ") : ""));
    blockRows.push({ cells: loaderCells, line: r, afterBreak: false });
  }
  if (lastRow < firstRow) throw new TemplateError(`Bảng trên trang "${grid.sheet}" có dòng tiêu đề ở dòng ${header.last} nhưng không có dòng chỉ tiêu nào bên dưới. Không có gì được ghi.`);

  const loaderHeader: Header = {
    kind: "indicators",
    columns: loaderCols.map((c): Column => ({ index: c.col - 1, role: c.role as ColumnRole, header: c.header, year: c.year })),
    signature: signatureOf(header.texts),
  };
  const ctx = new LoadContext();
  const indicators = readIndicatorTable({ rows: blockRows, startLine: header.last, endLine: lastRow }, loaderHeader, 0, ctx, {
    groupAbove: null,
    planYear: opts.year,
    planYearSource: "của kỳ báo cáo",
  });
  for (const ind of indicators) {
    const heading = [...headings].reverse().find((h) => h.row < ind.line);
    if (heading && !ind.groupCode) {
      ind.group = heading.label.name;
      ind.groupCode = heading.label.code;
    }
  }
  // Numbering that starts again in each group ("I: 1, 2; II: 1, 2") is told apart by the group's number.
  if (new Set(indicators.map((i) => i.code)).size < indicators.length) for (const ind of indicators) ind.code = joinCode(ind.groupCode || null, ind.code);
  uniqueIds(indicators, ctx, "chỉ tiêu");
  const indicatorRows = new Set(indicators.map((i) => i.line));
  for (const b of blockRows.slice(1)) {
    if (indicatorRows.has(b.line)) continue;
    const t = b.cells.filter(Boolean).join(" ");
    skipped.push({ row: b.line, text: cleanLine(t), why: "dòng nhóm hoặc tiêu đề mục" });
  }
  skipped.sort((a, b) => a.row - b.row);

  const targetCols = columns.filter((c) => c.role === "target");
  const baselineCol = columns.find((c) => c.role === "baseline");
  const rows = indicators.map((ind) => templateRow(grid, ind, { targetCols, baselineCol, slots, flows, year: opts.year, columns }));

  const lastUsed = Math.max(width, ...grid.values.map((r) => lastFilled(r)));
  let outputColumn = lastUsed + 1;
  if (opts.outputColumn) {
    const clash = grid.values.findIndex((r) => r?.slice(opts.outputColumn! - 1, opts.outputColumn! - 1 + OUTPUT_WIDTH_HINT).some((v) => text(v) !== ""));
    if (clash >= 0 || opts.outputColumn <= Math.max(...columns.map((c) => c.col))) {
      throw new TemplateError(
        `Không ghi được từ cột ${colLetter(opts.outputColumn)}: ${clash >= 0 ? `ô ${colLetter(opts.outputColumn)}${clash + 1} trở sang phải đã có dữ liệu` : "cột này nằm trong bảng"}. Hãy chọn cột trống ở bên phải bảng.`,
      );
    }
    outputColumn = opts.outputColumn;
  }
  return {
    sheet: grid.sheet,
    headerRows: [header.first, header.last],
    columns,
    frequency,
    slots,
    firstRow,
    lastRow,
    lastCol: Math.max(...columns.map((c) => c.col)),
    outputColumn,
    rows,
    skipped,
    title: titleAbove(grid, header.first, width),
    year: opts.year,
    warnings: ctx.warnings,
    notes,
  };
}

/** How many columns the added block may take: checked empty when the official picks where it goes. */
export const OUTPUT_WIDTH_HINT = 40;

const lastFilled = (row: unknown[] | undefined): number => {
  if (!row) return 0;
  for (let k = row.length - 1; k >= 0; k--) if (text(row[k]) !== "") return k + 1;
  return 0;
};

function titleAbove(grid: TemplateGrid, headerRow: number, width: number): string {
  const lines: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const t = rowCells(grid, r, width).filter(Boolean).join(" ");
    if (t) lines.push(cleanLine(t));
  }
  // The widest line above the table is its title; the lines before it name the issuing body.
  return lines.sort((a, b) => b.length - a.length)[0] ?? grid.sheet;
}

function templateRow(
  grid: TemplateGrid,
  ind: Indicator,
  ctx: { targetCols: TemplateColumn[]; baselineCol: TemplateColumn | undefined; slots: TemplateMapping["slots"]; flows: boolean; year: number; columns: TemplateColumn[] },
): TemplateRow {
  const r = ind.line;
  const percent = isPercent(ind);
  const percentCells = [...ctx.slots.map((s) => s.col), ...ctx.targetCols.map((c) => c.col), ...(ctx.baselineCol ? [ctx.baselineCol.col] : [])];
  const percentEntry = !percent ? null : percentCells.some((c) => formatOf(grid, r, c).includes("%")) ? "fraction" : "points";
  const milestones: TemplateMilestone[] = milestonesOf(ind).map((m, k) => {
    const t = ind.targets[k]!;
    // A number in the target cell is followed: the official may raise it later.
    const col = ctx.targetCols.find((c) => {
      const raw = grid.values[r - 1]?.[c.col - 1];
      return (
        typeof raw === "number" && cleanLine(cellText(grid, r, c.col)) === t.text && columnDeadline({ index: 0, role: "target", header: c.header, year: c.year }, ctx.year).deadline === t.deadline
      );
    });
    const followed = col && !isRelative(m.op) && m.value !== null && (m.op === ">=" || m.op === "<=" || m.op === "=" || m.op === ">" || m.op === "<");
    return { ...m, source: followed ? { col: col.col } : { value: m.value } };
  });
  const baseline: Source = ctx.baselineCol && typeof grid.values[r - 1]?.[ctx.baselineCol.col - 1] === "number" ? { col: ctx.baselineCol.col } : { value: baselineOf(ind) };
  const textOf = (role: TemplateRole) => {
    const c = ctx.columns.find((x) => x.role === role);
    return c ? cleanLine(cellText(grid, r, c.col)) : "";
  };
  return {
    row: r,
    id: ind.id,
    name: ind.name,
    unit: ind.unit ?? "",
    lead: ind.lead ?? "",
    partners: ind.partners ?? "",
    group: [ind.groupCode, ind.group].filter(Boolean).join(". "),
    targetText:
      ind.targets
        .map((t) => t.text)
        .filter(Boolean)
        .join("; ") || textOf("target"),
    percentEntry,
    // "buổi/năm" in the unit column makes a count that adds up, as it does written in the target.
    cumulative: kindOf(ind.targets.map((t) => ({ ...t, unit: t.unit ?? ind.unit }))) === "cumulative" && ctx.flows && ctx.slots.length > 1,
    milestones,
    baseline,
    review: ind.review ?? null,
  };
}
