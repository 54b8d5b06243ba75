import { describeKind } from "../core/format";
import type { Entry, Milestone } from "../core/judge";
import type { TargetOp } from "../core/plan";
import type { Frequency } from "../core/period";
import { periodColumns } from "../core/period";
import type { IndicatorEntry } from "./indicatorSheet";
import { HEADER_ROW, IndicatorColumns } from "./indicatorSheet";
import { addr, serialToIso } from "./spec";
import type { TaskEntry } from "./taskSheet";
import { TASK_COLUMNS, TASK_HEADER_ROW } from "./taskSheet";

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
}

export interface SheetReading {
  rows: SheetRow[];
  frequency: Frequency;
  /** Keys of input columns the header lacks (a damaged or foreign sheet). */
  missing: string[];
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

export function readIndicatorSheet(values: unknown[][], formats: string[][] | null, headerRow = HEADER_ROW): SheetReading {
  const { keys, frequency } = headerKeys(values[headerRow - 1] ?? []);
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
    const targetFormat = keys.has("t1") ? formats?.[r - 1]?.[keys.get("t1")! - 1] ?? "" : "";
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
      entry: {
        periods: Array.from({ length: slots }, (_, k) => entryOf(at(r, `p${k + 1}`))),
        numerator: typeof at(r, "num") === "number" ? (at(r, "num") as number) : null,
        denominator: typeof at(r, "den") === "number" ? (at(r, "den") as number) : null,
        baseline: typeof at(r, "baseline") === "number" ? (at(r, "baseline") as number) : null,
        evidence: text(at(r, "evCheck")),
        evidenceNumber: text(at(r, "evNumber")) || null,
        evidenceDate: typeof serial === "number" ? serialToIso(serial) : null,
        evidenceSummary: text(at(r, "evSummary")) || null,
        note: text(at(r, "note")) || null,
      },
    });
  }
  return { rows, frequency, missing };
}

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
}

/** Reads the "Nhiệm vụ" sheet back: each task's progress, evidence and notes, by header text. */
export function readTaskSheet(values: unknown[][]): TaskRow[] {
  const header = (values[TASK_HEADER_ROW - 1] ?? []).map(text);
  const col = new Map(TASK_COLUMNS.map(([key, title]) => [key, header.indexOf(title) + 1] as const));
  const at = (r: number, key: (typeof TASK_COLUMNS)[number][0]): unknown => {
    const c = col.get(key) ?? 0;
    return c > 0 ? values[r - 1]?.[c - 1] : undefined;
  };
  const rows: TaskRow[] = [];
  for (let r = TASK_HEADER_ROW + 1; r <= values.length; r++) {
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
    });
  }
  return rows;
}
