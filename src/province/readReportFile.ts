import ExcelJS from "exceljs";
import { CONFIG_SHEET } from "../workbook/configSheet";
import type { ReportConfig } from "../workbook/configRead";
import { configFromValues } from "../workbook/configRead";
import { INDICATOR_SHEET } from "../workbook/indicatorSheet";
import type { ReportMeta } from "../workbook/metaSheet";
import { META_SCHEMA, META_SHEET, readMeta } from "../workbook/metaSheet";
import type { SheetReading, TaskRow } from "../workbook/readBack";
import { readIndicatorSheet, readTaskSheet } from "../workbook/readBack";
import { dateSerial } from "../workbook/spec";
import { TASK_SHEET } from "../workbook/taskSheet";

/** One unit's report workbook as the province reads it. */
export interface UnitReport {
  file: string;
  meta: ReportMeta;
  config: ReportConfig;
  reading: SheetReading;
  tasks: TaskRow[];
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

export function sheetValues(ws: ExcelJS.Worksheet): { values: unknown[][]; formats: string[][] } {
  const values: unknown[][] = [];
  const formats: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vs: unknown[] = [];
    const fs: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      vs[c - 1] = plain(cell.value);
      fs[c - 1] = cell.numFmt ?? "General";
    });
    values[r - 1] = Array.from(vs, (v) => v ?? "");
    formats[r - 1] = Array.from(fs, (f) => f ?? "General");
  });
  return { values: Array.from(values, (r) => r ?? []), formats: Array.from(formats, (r) => r ?? []) };
}

export async function readReportFile(file: string, bytes: Uint8Array): Promise<ReadOutcome> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { problem: "không phải sổ tính Excel (.xlsx)" };
  const wb = new ExcelJS.Workbook();
  try {
    // An ArrayBuffer: ExcelJS takes it in Node and in the browser (where there is no Buffer).
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { problem: "tệp hỏng, không mở được" };
  }
  const metaSheet = wb.getWorksheet(META_SHEET);
  const meta = metaSheet ? readMeta(sheetValues(metaSheet).values) : null;
  const indicators = wb.getWorksheet(INDICATOR_SHEET);
  const config = wb.getWorksheet(CONFIG_SHEET);
  if (!meta || !indicators || !config) return { problem: "không phải sổ báo cáo của Chỉ tiêu số (thiếu trang thông tin tệp, Chỉ tiêu hoặc Cấu hình)" };
  if (meta.schema < META_SCHEMA) return { problem: `lập bằng phiên bản cũ (${meta.productVersion || "không rõ"}, cấu trúc ${meta.schema}); hãy mở bằng bản mới rồi xuất lại` };
  if (meta.schema > META_SCHEMA) return { problem: `lập bằng phiên bản mới hơn (${meta.productVersion}); hãy cập nhật Chỉ tiêu số để đọc` };
  const { values, formats } = sheetValues(indicators);
  const reading = readIndicatorSheet(values, formats);
  if (reading.missing.length) return { problem: `trang Chỉ tiêu thiếu cột: ${reading.missing.join(", ")}` };
  const cfg = sheetValues(config).values;
  const taskSheet = wb.getWorksheet(TASK_SHEET);
  return {
    report: {
      file,
      meta,
      config: configFromValues(Array.from({ length: 10 }, (_, k) => cfg[2 + k]?.[1])),
      reading,
      tasks: taskSheet ? readTaskSheet(sheetValues(taskSheet).values) : [],
    },
  };
}
