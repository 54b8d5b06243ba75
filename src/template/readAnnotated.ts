import type { Entry, Milestone } from "../core/judge";
import { fromDocumentScale } from "../core/judge";
import { cleanLine, fold } from "../core/text/clean";
import type { SheetReading, SheetRow } from "../reading/readBack";
import { colLetter } from "../workbook/spec";
import type { ReportMeta } from "../workbook/metaSheet";
import { META_KIND, META_SCHEMA } from "../workbook/metaSheet";
import { outputColumnsOf } from "./annotate";
import type { Source, TemplateMapping, TemplateRow } from "./recognise";

/**
 * An annotated table read back as the pane and the province read a standard report: the official's own
 * cells through the stored mapping, so "Kiểm tra", "Tổng quan" and the export judge what they typed.
 */

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v)).trim();

function entryOf(v: unknown, row: TemplateRow): Entry {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return fromDocumentScale(v, row.percentEntry === "points");
  return String(v);
}

function resolve(source: Source, values: unknown[][], row: TemplateRow): number | null {
  if (!("col" in source)) return source.value;
  const v = values[row.row - 1]?.[source.col - 1];
  return typeof v === "number" ? fromDocumentScale(v, row.percentEntry === "points") : null;
}

/** The rows as stored, checked against the sheet: rows or columns inserted since make it say so, not misread. */
export function readAnnotatedSheet(values: unknown[][], formulas: unknown[][] | null, mapping: TemplateMapping): { reading: SheetReading; problem: string | null } {
  const out = outputColumnsOf(mapping);
  const nameCol = mapping.columns.find((c) => c.role === "name")!.col;
  const colOf = (role: string) => mapping.columns.find((c) => c.role === role)?.col;
  const slots = mapping.frequency === "month" ? 12 : 4;
  const moved: string[] = [];
  const rows: SheetRow[] = [];
  const columns = new Map<string, number>();
  const codeCol = colOf("code");
  if (codeCol) columns.set("code", codeCol);
  columns.set("name", nameCol);
  for (const { slot, col } of mapping.slots) columns.set(`p${slot}`, col);
  for (const key of ["value", "ratio", "progress", "status", "reason"]) columns.set(key, out.col(key));
  const evidenceCol = colOf("evidence");
  if (evidenceCol) columns.set("evSummary", evidenceCol);
  const noteCol = colOf("note");
  if (noteCol) columns.set("note", noteCol);
  const baselineCol = colOf("baseline");
  columns.set("baseline", baselineCol ?? out.col("baseline"));
  const headerRow = mapping.headerRows[0] ?? 1;
  const firstTitle = out.list[0]?.header ?? "";
  if (text(values[headerRow - 1]?.[out.first - 1]) !== firstTitle) {
    moved.push(`ô ${colLetter(out.first)}${headerRow} không còn là tiêu đề "${firstTitle}"`);
  }

  for (const row of mapping.rows) {
    const at = (col: number | undefined): unknown => (col ? values[row.row - 1]?.[col - 1] : undefined);
    const name = cleanLine(text(at(nameCol)));
    if (!name || !fold(name).includes(fold(row.name).slice(0, 40))) moved.push(`dòng ${row.row} không còn là chỉ tiêu ${row.id} "${row.name.slice(0, 50)}"`);
    const overrides: SheetRow["overrides"] = [];
    for (const key of ["value", "ratio", "progress", "status", "reason"]) {
      const f = formulas?.[row.row - 1]?.[out.col(key) - 1];
      if (formulas && f !== null && f !== undefined && f !== "" && !(typeof f === "string" && f.startsWith("="))) {
        overrides.push({ key, header: out.list.find((c) => c.key === key)!.header, value: typeof f === "number" ? f : String(f) });
      }
    }
    const milestones: Milestone[] = row.milestones.map((m) => {
      if (!("col" in m.source)) return { op: m.op, value: m.value, deadline: m.deadline, text: m.text };
      const value = resolve(m.source, values, row);
      return { op: value === null ? "none" : m.op, value, deadline: m.deadline, text: m.text };
    });
    const periods: Entry[] = Array.from({ length: slots }, () => null);
    for (const { slot, col } of mapping.slots) periods[slot - 1] = entryOf(at(col), row);
    rows.push({
      row: row.row,
      id: row.id,
      name: row.name,
      unit: row.unit,
      lead: row.lead,
      partners: row.partners,
      group: row.group,
      source: "",
      percent: row.percentEntry !== null,
      status: text(at(out.col("status"))),
      cumulative: row.cumulative,
      milestones,
      targetText: row.targetText,
      columns,
      overrides,
      entry: {
        periods,
        baseline: resolve(row.baseline, values, row),
        evidence: "",
        evidenceNumber: null,
        evidenceDate: null,
        evidenceSummary: evidenceCol ? text(at(evidenceCol)) || null : null,
        note: noteCol ? text(at(noteCol)) || null : null,
      },
    });
  }
  const seen = new Set<string>();
  const repeatedCodes = [...new Set(rows.map((r) => r.id).filter((id) => seen.has(id) || !seen.add(id)))];
  const problem = moved.length
    ? `Bảng trên trang "${mapping.sheet}" đã đổi từ khi gắn cột đánh giá (${moved.slice(0, 3).join("; ")}${moved.length > 3 ? `; và ${moved.length - 3} chỗ khác` : ""}): có lẽ đã chèn hoặc xóa dòng, cột. Hãy mở "Dùng bảng có sẵn" để đọc lại bảng; chưa có gì bị thay đổi.`
    : null;
  return { reading: { rows, frequency: mapping.frequency, missing: [], headerRow: mapping.headerRows[1], repeatedCodes }, problem };
}

/** What the province and the pane know of an annotated workbook, in the standard report's terms. */
export function annotationMeta(mapping: TemplateMapping, reading: SheetReading): ReportMeta {
  return { kind: META_KIND, schema: META_SCHEMA, productVersion: "", planId: "", planTitle: mapping.title, codes: reading.rows.map((r) => r.id), taskCodes: [] };
}
