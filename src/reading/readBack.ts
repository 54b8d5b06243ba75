import { describeKind } from "../core/format";
import type { Entry, Milestone } from "../core/judge";
import { matchWording } from "../core/match";
import type { TargetOp } from "../core/plan";
import type { Frequency } from "../core/period";
import { periodColumns } from "../core/period";
import type { IndicatorEntry } from "../workbook/indicatorSheet";
import { HEADER_ROW, IndicatorColumns } from "../workbook/indicatorSheet";
import { addr, serialToIso } from "../workbook/spec";
import type { TaskEntry } from "../workbook/taskSheet";
import { TASK_COLUMNS, TASK_HEADER_ROW } from "../workbook/taskSheet";

/**
 * Reads a report sheet back from the values Excel returns, matching columns by their header text, so
 * a sheet whose columns an official moved or widened still reads. Used by the pane's check, update
 * and overview.
 */

export interface SheetRow {
  /** Sheet row number (1-based). */
  row: number;
  id: string;
  name: string;
  unit: string;
  lead: string;
  partners: string;
  group: string;
  source: string;
  /** The cell holds a percentage ("0%" format on its target). */
  percent: boolean;
  status: string;
  /** "cộng dồn trong năm" rows add their reports up. */
  cumulative: boolean;
  /** The row's own milestones, read from its comparison, value and deadline cells. */
  milestones: Milestone[];
  targetText: string;
  entry: IndicatorEntry;
  /** Column (1-based) of each key found in the header. */
  columns: Map<string, number>;
  /** Values typed over the sheet's formulas (the status written by hand...), kept so nothing typed is lost. */
  overrides: Array<{ key: string; header: string; value: string | number }>;
}

export interface SheetReading {
  rows: SheetRow[];
  frequency: Frequency;
  /** Keys of input columns the header lacks (a damaged or foreign sheet). */
  missing: string[];
  /** Sheet row (1-based) of the header, found by its titles wherever rows were inserted above it. */
  headerRow: number;
  /** Codes found on more than one row: a sheet that cannot be read back without losing one of them. */
  repeatedCodes: string[];
}

/** Columns the sheet fills itself: the rest is what the plan or the officials wrote. */
const WRITTEN_KEYS = /^(code|name|unit|targetText|lead|partners|group|kind|source|baseline|num|den|evNumber|evDate|evSummary|evCheck|note|p\d+|op\d+|t\d+|d\d+)$/;

/** The header row: the first of the top rows that carries the code and wording titles. */
export function findHeaderRow(values: unknown[][], fallback = HEADER_ROW): number {
  for (let r = 0; r < Math.min(values.length, 40); r++) {
    const { keys } = headerKeys(values[r] ?? []);
    if (keys.has("code") && keys.has("name") && keys.has("kind")) return r + 1;
  }
  return fallback;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v)).trim();
const entryOf = (v: unknown): Entry => (v === "" || v === null || v === undefined ? null : typeof v === "number" ? v : String(v));

/** Which known header each column carries, for any number of milestones and either frequency. */
export function headerKeys(header: unknown[]): { keys: Map<string, number>; frequency: Frequency } {
  const texts = header.map(text);
  const frequency: Frequency = texts.includes("Tháng 1") ? "month" : "quarter";
  const milestones = Math.max(1, texts.filter((t) => t.startsWith("So sánh (mốc")).length);
  const known = new IndicatorColumns(milestones, periodColumns(frequency));
  const byHeader = new Map(known.list.map((c) => [c.header, c.key]));
  const keys = new Map<string, number>();
  texts.forEach((t, k) => {
    const key = byHeader.get(t);
    if (key && !keys.has(key)) keys.set(key, k + 1);
  });
  return { keys, frequency };
}

/**
 * Reads the indicator rows. `formulas` (what Excel's `range.formulas` returns) lets values typed over the
 * sheet's own formulas be found; without it they are not looked for.
 */
export function readIndicatorSheet(values: unknown[][], formats: string[][] | null, formulas: unknown[][] | null = null): SheetReading {
  const headerRow = findHeaderRow(values);
  const { keys, frequency } = headerKeys(values[headerRow - 1] ?? []);
  const headerOf = new Map(new IndicatorColumns(Math.max(1, [...keys.keys()].filter((k) => /^op\d+$/.test(k)).length), periodColumns(frequency)).list.map((c) => [c.key, c.header]));
  const slots = frequency === "month" ? 12 : 4;
  const needed = ["code", "name", "kind", ...Array.from({ length: slots }, (_, k) => `p${k + 1}`), "evCheck"];
  const missing = needed.filter((k) => !keys.has(k));
  const rows: SheetRow[] = [];
  const at = (r: number, key: string): unknown => {
    const c = keys.get(key);
    return c ? values[r - 1]?.[c - 1] : undefined;
  };
  for (let r = headerRow + 1; r <= values.length; r++) {
    const id = text(at(r, "code"));
    // Group rows carry only a label; indicator rows always say how their value adds up.
    if (!id || !text(at(r, "kind"))) continue;
    const overrides: SheetRow["overrides"] = [];
    if (formulas) {
      for (const [key, c] of keys) {
        if (WRITTEN_KEYS.test(key)) continue;
        const f = formulas[r - 1]?.[c - 1];
        if (f === null || f === undefined || f === "" || (typeof f === "string" && f.startsWith("="))) continue;
        overrides.push({ key, header: headerOf.get(key) ?? key, value: typeof f === "number" ? f : String(f) });
      }
    }
    const targetFormat = keys.has("t1") ? (formats?.[r - 1]?.[keys.get("t1")! - 1] ?? "") : "";
    const serial = at(r, "evDate");
    const milestones: Milestone[] = [];
    for (let m = 1; keys.has(`op${m}`); m++) {
      const op = text(at(r, `op${m}`)) as TargetOp;
      if (!op) continue;
      const value = at(r, `t${m}`);
      const deadline = at(r, `d${m}`);
      milestones.push({ op, value: typeof value === "number" ? value : null, deadline: typeof deadline === "number" ? serialToIso(deadline) : null, text: "" });
    }
    rows.push({
      row: r,
      id,
      name: text(at(r, "name")),
      unit: text(at(r, "unit")),
      lead: text(at(r, "lead")),
      partners: text(at(r, "partners")),
      group: text(at(r, "group")),
      source: text(at(r, "source")),
      percent: targetFormat.includes("%") || text(at(r, "unit")) === "%",
      status: text(at(r, "status")),
      cumulative: text(at(r, "kind")) === describeKind("cumulative"),
      milestones,
      targetText: text(at(r, "targetText")),
      columns: keys,
      overrides,
      entry: {
        periods: Array.from({ length: slots }, (_, k) => entryOf(at(r, `p${k + 1}`))),
        numerator: entryOf(at(r, "num")),
        denominator: entryOf(at(r, "den")),
        baseline: entryOf(at(r, "baseline")),
        evidence: text(at(r, "evCheck")),
        evidenceNumber: text(at(r, "evNumber")) || null,
        evidenceDate: typeof serial === "number" ? serialToIso(serial) : null,
        evidenceSummary: text(at(r, "evSummary")) || null,
        note: text(at(r, "note")) || null,
      },
    });
  }
  const seen = new Set<string>();
  const repeatedCodes = [...new Set(rows.map((r) => r.id).filter((id) => seen.has(id) || !seen.add(id)))];
  return { rows, frequency, missing, headerRow, repeatedCodes };
}

/** Why a sheet cannot be read back without losing something ("thiếu cột: evCheck"), or null. */
export function readingProblem(reading: SheetReading): string | null {
  if (reading.missing.length) return `thiếu cột: ${reading.missing.join(", ")} (dòng tiêu đề ${reading.headerRow})`;
  if (reading.repeatedCodes.length) return `có mã chỉ tiêu lặp lại (${reading.repeatedCodes.join(", ")}): sửa để mỗi mã chỉ có một dòng`;
  return null;
}

/** A row's wording for the matcher: without the targets written into it. */
export const rowWording = (row: SheetRow): string => matchWording(row.name, row.targetText.split(/;\s*/));

export function cellAddress(row: SheetRow, key: string): string {
  return addr(row.columns.get(key) ?? 1, row.row);
}

export interface TaskRow {
  row: number;
  id: string;
  name: string;
  group: string;
  parent: string;
  output: string;
  kpi: string;
  lead: string;
  partners: string;
  deadline: string | null;
  deadlineText: string;
  entry: TaskEntry;
  /** Column (1-based) of each key found in the header, wherever columns were moved. */
  columns?: Map<string, number>;
}

/** Reads the "Nhiệm vụ" sheet back: each task's progress, evidence and notes, by header text. */
export function readTaskSheet(values: unknown[][]): TaskRow[] {
  const codeTitle = TASK_COLUMNS.find(([key]) => key === "code")![1];
  const nameTitle = TASK_COLUMNS.find(([key]) => key === "name")![1];
  const found = values.slice(0, 40).findIndex((r) => (r ?? []).map(text).includes(codeTitle) && (r ?? []).map(text).includes(nameTitle));
  const headerRow = found >= 0 ? found + 1 : TASK_HEADER_ROW;
  const header = (values[headerRow - 1] ?? []).map(text);
  const col = new Map(TASK_COLUMNS.map(([key, title]) => [key, header.indexOf(title) + 1] as const));
  const at = (r: number, key: (typeof TASK_COLUMNS)[number][0]): unknown => {
    const c = col.get(key) ?? 0;
    return c > 0 ? values[r - 1]?.[c - 1] : undefined;
  };
  const rows: TaskRow[] = [];
  for (let r = headerRow + 1; r <= values.length; r++) {
    const id = text(at(r, "code"));
    if (!id) continue;
    const deadline = at(r, "deadline");
    const evDate = at(r, "evDate");
    rows.push({
      row: r,
      id,
      name: text(at(r, "name")),
      group: text(at(r, "group")),
      parent: text(at(r, "parent")),
      output: text(at(r, "output")),
      kpi: text(at(r, "kpi")),
      lead: text(at(r, "lead")),
      partners: text(at(r, "partners")),
      deadline: typeof deadline === "number" ? serialToIso(deadline) : null,
      deadlineText: text(at(r, "deadlineText")),
      entry: {
        progress: text(at(r, "progress")) || null,
        evidence: text(at(r, "evCheck")) || null,
        evidenceNumber: text(at(r, "evNumber")) || null,
        evidenceDate: typeof evDate === "number" ? serialToIso(evDate) : null,
        evidenceSummary: text(at(r, "evSummary")) || null,
        note: text(at(r, "note")) || null,
      },
      columns: col,
    });
  }
  return rows;
}
