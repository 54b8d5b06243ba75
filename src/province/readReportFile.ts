import type ExcelJS from "exceljs";
import { CONFIG_ROWS, CONFIG_SHEET } from "../workbook/configSheet";
import type { ReportConfig } from "../reading/configRead";
import { configFromValues } from "../reading/configRead";
import { INDICATOR_SHEET } from "../workbook/indicatorSheet";
import type { ReportMeta } from "../workbook/metaSheet";
import { META_SCHEMA, META_SHEET, readMeta } from "../workbook/metaSheet";
import { readAnnotationMeta } from "../template/annotate";
import type { TemplateMapping } from "../template/recognise";
import { HISTORY_SHEET, readHistorySheet, type History } from "../workbook/historySheet";
import { annotationMeta, readAnnotatedSheet } from "../template/readAnnotated";
import type { SheetReading, TaskRow } from "../reading/readBack";
import { findHeaderRow, readIndicatorSheet, readTaskSheet, readingProblem } from "../reading/readBack";
import { dateSerial } from "../workbook/spec";
import type { SheetGrid } from "./xlsxCells";
import { XlsxCells, XlsxProblem, inflate, mb, openZip, type Inflater } from "./xlsxCells";
import { TASK_SHEET } from "../workbook/taskSheet";

/** One unit's report workbook as the province reads it. */
export interface UnitReport {
  file: string;
  meta: ReportMeta;
  config: ReportConfig;
  reading: SheetReading;
  tasks: TaskRow[];
  /** Set when the report is a unit's own table with the judging columns added ("Dùng bảng có sẵn"). */
  annotation?: TemplateMapping;
  /** Past years ("Lịch sử") of a book rolled over to a new year. */
  history?: History | null;
}

export type ReadOutcome = { report: UnitReport; problem?: undefined } | { report?: undefined; problem: string };

/** A cell's value as Excel would return it: dates as serial numbers, formulas as their cached results. */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return dateSerial(v.toISOString().slice(0, 10));
  if (typeof v === "object") {
    if ("result" in v || "formula" in v || "sharedFormula" in v) return plain(((v as { result?: ExcelJS.CellValue }).result ?? "") as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as { text: unknown }).text);
    if ("error" in v) return "";
  }
  return v;
}

/** What Excel's `range.formulas` gives: a formula with its "=", else the value. */
function formulaOf(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) return `=${(v as { formula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula ?? ""}`;
  return plain(v);
}

export function sheetValues(ws: ExcelJS.Worksheet): { values: unknown[][]; formats: string[][]; formulas: unknown[][] } {
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const formulas: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vs: unknown[] = [];
    const fs: string[] = [];
    const xs: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      vs[c - 1] = plain(cell.value);
      fs[c - 1] = cell.numFmt ?? "General";
      xs[c - 1] = formulaOf(cell.value);
    });
    values[r - 1] = Array.from(vs, (v) => v ?? "");
    formats[r - 1] = Array.from(fs, (f) => f ?? "General");
    formulas[r - 1] = Array.from(xs, (v) => v ?? "");
  });
  const rows = <T>(grid: T[][]) => Array.from(grid, (r) => r ?? []);
  return { values: rows(values), formats: rows(formats), formulas: rows(formulas) };
}

/** A unit's report is a few hundred KB; these bounds keep one odd file from taking the batch's memory. */
export const REPORT_LIMITS = { fileBytes: 20 * 1024 * 1024, partBytes: 64 * 1024 * 1024, unpackedBytes: 128 * 1024 * 1024 } as const;

/** Why a file of this size is not read, before a byte of it is: the batch's first limit. */
export function fileTooBig(size: number): string | null {
  return size > REPORT_LIMITS.fileBytes ? `tệp lớn ${mb(size)}, vượt giới hạn ${mb(REPORT_LIMITS.fileBytes)}: không đọc` : null;
}

/** Every part of the file unpacked once as a stream and counted (nothing kept), for a reader that will inflate them all. */
export async function zipProblem(bytes: Uint8Array): Promise<string | null> {
  try {
    const zip = await openZip(bytes, REPORT_LIMITS);
    let used = 0;
    for (const entry of Object.values(zip.files)) {
      if (!entry.dir) used += (await inflate(entry, Math.min(REPORT_LIMITS.partBytes, REPORT_LIMITS.unpackedBytes - used), false)).size;
    }
    return null;
  } catch (err) {
    if (err instanceof XlsxProblem) return err.message;
    throw err;
  }
}

export async function readReportFile(file: string, bytes: Uint8Array, how: Inflater = "fastest"): Promise<ReadOutcome> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { problem: "không phải sổ tính Excel (.xlsx)" };
  const oversized = fileTooBig(bytes.length);
  if (oversized) return { problem: oversized };
  try {
    return await readCells(file, await XlsxCells.open(bytes, REPORT_LIMITS, how));
  } catch (err) {
    if (err instanceof XlsxProblem) return { problem: err.message };
    throw err;
  }
}

/** The indicator sheet under its name, or, if an official renamed it, the one sheet whose header is ours. */
async function indicatorSheetOf(cells: XlsxCells): Promise<SheetGrid | null> {
  const named = await cells.sheet(INDICATOR_SHEET);
  if (named) return named;
  const ours: SheetGrid[] = [];
  for (const name of await cells.sheetNames()) {
    const grid = await cells.sheet(name);
    if (grid && findHeaderRow(grid.values.slice(0, 40), 0) > 0) ours.push(grid);
  }
  return ours.length === 1 ? ours[0]! : null;
}

/** The settings in column B of "Cấu hình", from the first setting's row down. */
const configOf = (grid: SheetGrid) => configFromValues(grid.values.slice(CONFIG_ROWS.unit - 1).map((r) => r?.[1]));

async function readCells(file: string, cells: XlsxCells): Promise<ReadOutcome> {
  const metaGrid = await cells.sheet(META_SHEET);
  const annotation = metaGrid ? readAnnotationMeta(metaGrid.values) : null;
  if (annotation) return readAnnotatedFile(file, cells, annotation);
  const meta = metaGrid ? readMeta(metaGrid.values) : null;
  const indicators = meta ? await indicatorSheetOf(cells) : null;
  const config = meta ? await cells.sheet(CONFIG_SHEET) : null;
  if (!meta || !indicators || !config) return { problem: "không phải sổ báo cáo của Chỉ tiêu số (thiếu trang thông tin tệp, Chỉ tiêu hoặc Cấu hình)" };
  if (meta.schema < META_SCHEMA) return { problem: `lập bằng phiên bản cũ (${meta.productVersion || "không rõ"}, cấu trúc ${meta.schema}); hãy mở bằng bản mới rồi xuất lại` };
  if (meta.schema > META_SCHEMA) return { problem: `lập bằng phiên bản mới hơn (${meta.productVersion}); hãy cập nhật Chỉ tiêu số để đọc` };
  const reading = readIndicatorSheet(indicators.values, indicators.formats, indicators.formulas);
  const unreadable = readingProblem(reading);
  if (unreadable) return { problem: `trang ${INDICATOR_SHEET} ${unreadable}, rồi làm lại` };
  const taskSheet = await cells.sheet(TASK_SHEET);
  const historySheet = await cells.sheet(HISTORY_SHEET);
  return {
    report: {
      file,
      meta,
      config: configOf(config),
      reading,
      tasks: taskSheet ? readTaskSheet(taskSheet.values) : [],
      ...(historySheet ? { history: readHistorySheet(historySheet.values, historySheet.formats) } : {}),
    },
  };
}

/** A unit's own table annotated by "Dùng bảng có sẵn": read through the mapping stored with it. */
async function readAnnotatedFile(file: string, cells: XlsxCells, mapping: TemplateMapping): Promise<ReadOutcome> {
  const ws = await cells.sheet(mapping.sheet);
  const config = await cells.sheet(CONFIG_SHEET);
  if (!ws || !config) return { problem: `đã gắn cột đánh giá nhưng thiếu trang ${!ws ? `"${mapping.sheet}"` : `"${CONFIG_SHEET}"`} (có lẽ đã đổi tên hoặc xóa)` };
  const { reading, problem } = readAnnotatedSheet(ws.values, ws.formulas, mapping);
  if (problem) return { problem: problem.replace(/^Bảng/, "có bảng") };
  return {
    report: {
      file,
      meta: annotationMeta(mapping, reading),
      config: configOf(config),
      reading,
      tasks: [],
      annotation: mapping,
    },
  };
}
