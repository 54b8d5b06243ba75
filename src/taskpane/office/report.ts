import type { Plan } from "../../core/plan";
import { PROTECTION, officeFormula, renderToExcel } from "../../render/office";
import { updateRefusal, updatedReport } from "../../actions/updateReport";
import { CONFIG_SHEET, CONFIG_VALUES, configCell } from "../../workbook/configSheet";
import { INDICATOR_SHEET } from "../../workbook/indicatorSheet";
import type { SheetReading } from "../../reading/readBack";
import { readIndicatorSheet, readTaskSheet, type TaskRow } from "../../reading/readBack";
import { TASK_SHEET } from "../../workbook/taskSheet";
import type { ReportMeta } from "../../workbook/metaSheet";
import { META_SHEET, readMeta } from "../../workbook/metaSheet";
import type { TemplateMapping } from "../../template/recognise";
import { annotationMeta, readAnnotatedSheet } from "../../template/readAnnotated";
import { fromA1, storedMapping } from "./template";
import { dateSerial } from "../../workbook/spec";
import { HISTORY_SHEET, readHistorySheet, type History } from "../../workbook/historySheet";
import type { ReportConfig } from "../../reading/configRead";
import { configFromValues, judgeSettingsOf } from "../../reading/configRead";
import type { DoubtfulPair, UpdateDecisions, UpdateSummary } from "../../reading/update";
import { doubtfulPairs } from "../../reading/update";
import { UserFacingError } from "./errors";
import type { CellWrite } from "../../actions/collect";

export type { ReportConfig };
export { judgeSettingsOf };

export interface ReportState {
  /** Past years ("Lịch sử") of a book rolled over to a new year. */
  history?: History | null;
  reading: SheetReading;
  tasks: TaskRow[];
  config: ReportConfig;
  meta: ReportMeta | null;
  /** Set when the report is the official's own table with the judging columns added ("Dùng bảng có sẵn"). */
  annotation?: TemplateMapping;
}

/** Queues the load of the settings on "Cấu hình"; the returned function reads them after the sync. */
function loadConfig(cfg: Excel.Worksheet): () => ReportConfig {
  const settings = cfg.getRange(CONFIG_VALUES);
  settings.load("values");
  return () => configFromValues(settings.values.map((r) => r[0]));
}

/** Reads the report sheet and its settings in one sync; null when the workbook has no report yet. */
export async function readReport(context: Excel.RequestContext): Promise<ReportState | null> {
  const sheets = context.workbook.worksheets;
  const ind = sheets.getItemOrNullObject(INDICATOR_SHEET);
  const cfg = sheets.getItemOrNullObject(CONFIG_SHEET);
  const taskSheet = sheets.getItemOrNullObject(TASK_SHEET);
  const metaSheet = sheets.getItemOrNullObject(META_SHEET);
  const historySheet = sheets.getItemOrNullObject(HISTORY_SHEET);
  await context.sync();
  if (ind.isNullObject && !metaSheet.isNullObject && !cfg.isNullObject) {
    const annotation = await storedMapping(context);
    if (annotation) return readAnnotatedReport(context, annotation, cfg);
  }
  // Our metadata without our sheets: a sheet was renamed or deleted. Say so rather than "no report".
  if ((ind.isNullObject || cfg.isNullObject) && !metaSheet.isNullObject) {
    const gone = [ind.isNullObject ? INDICATOR_SHEET : null, cfg.isNullObject ? CONFIG_SHEET : null]
      .filter(Boolean)
      .map((n) => `"${n}"`)
      .join(" và ");
    throw new UserFacingError(`Sổ này là sổ báo cáo nhưng không thấy trang ${gone} (có lẽ đã bị đổi tên hoặc xóa). Hãy đặt lại đúng tên trang rồi thử lại; chưa có gì bị thay đổi.`);
  }
  if (ind.isNullObject || cfg.isNullObject) return null;
  // The used range starts at the first used cell, not at A1: grids are padded back so row and column numbers hold.
  const used = ind.getUsedRange();
  used.load("values,numberFormat,formulas,rowIndex,columnIndex");
  const taskValues = taskSheet.isNullObject ? null : taskSheet.getUsedRange();
  taskValues?.load("values,rowIndex,columnIndex");
  const metaValues = metaSheet.isNullObject ? null : metaSheet.getUsedRange();
  metaValues?.load("values,rowIndex,columnIndex");
  const historyValues = historySheet.isNullObject ? null : historySheet.getUsedRange();
  historyValues?.load("values,numberFormat,rowIndex,columnIndex");
  const config = loadConfig(cfg);
  await context.sync();
  return {
    reading: readIndicatorSheet(fromA1(used, used.values, ""), fromA1(used, used.numberFormat as string[][], "General"), fromA1(used, used.formulas, "")),
    tasks: taskValues ? readTaskSheet(fromA1(taskValues, taskValues.values, "")) : [],
    config: config(),
    meta: metaValues ? readMeta(fromA1(metaValues, metaValues.values, "")) : null,
    ...(historyValues ? { history: readHistorySheet(fromA1(historyValues, historyValues.values, ""), fromA1(historyValues, historyValues.numberFormat as string[][], "General")) } : {}),
  };
}

/** An official's own table annotated by "Dùng bảng có sẵn", read through its stored mapping. */
async function readAnnotatedReport(context: Excel.RequestContext, annotation: TemplateMapping, cfg: Excel.Worksheet): Promise<ReportState> {
  const ws = context.workbook.worksheets.getItemOrNullObject(annotation.sheet);
  const config = loadConfig(cfg);
  await context.sync();
  if (ws.isNullObject) throw new UserFacingError(`Không thấy trang "${annotation.sheet}" đã gắn cột đánh giá (có lẽ đã đổi tên hoặc xóa). Hãy đặt lại tên trang rồi thử lại; chưa có gì bị thay đổi.`);
  const used = ws.getUsedRange();
  used.load("values,formulas,rowIndex,columnIndex");
  await context.sync();
  const { reading, problem } = readAnnotatedSheet(fromA1(used, used.values, ""), fromA1(used, used.formulas, ""), annotation);
  if (problem) throw new UserFacingError(problem);
  return {
    reading,
    tasks: [],
    config: config(),
    meta: annotationMeta(annotation, reading),
    annotation,
  };
}

/** "Kỳ báo cáo": writes unit, year, period, date and threshold on "Cấu hình"; the formulas do the rest. */
export async function writePeriod(context: Excel.RequestContext, config: Pick<ReportConfig, "unit" | "year" | "choice" | "reportDate" | "warnThreshold">): Promise<void> {
  const cfg = context.workbook.worksheets.getItem(CONFIG_SHEET);
  cfg.protection.load("protected");
  await context.sync();
  if (cfg.protection.protected) cfg.protection.unprotect();
  cfg.getRange(configCell("unit")).formulas = [[officeFormula({ v: config.unit })]];
  cfg.getRange(configCell("year")).formulas = [[config.year]];
  cfg.getRange(configCell("choice")).formulas = [[officeFormula({ v: config.choice })]];
  const date = cfg.getRange(configCell("reportDate"));
  date.numberFormat = [["dd/mm/yyyy"]];
  date.formulas = [[dateSerial(config.reportDate)]];
  cfg.getRange(configCell("warnThreshold")).formulas = [[config.warnThreshold]];
  cfg.protection.protect(PROTECTION);
  await context.sync();
}

/**
 * "Thu phiếu" into the open book: the cells are read first and written only if every one still holds what
 * the forms were compared with (nobody typed there meanwhile); two syncs however many values.
 */
export async function applyCollected(context: Excel.RequestContext, writes: CellWrite[]): Promise<number> {
  const sheets = context.workbook.worksheets;
  const ranges = writes.map((w) => {
    const range = sheets.getItem(w.sheet).getRange(w.address);
    range.load("values");
    return range;
  });
  await context.sync();
  const moved = writes.filter((w, k) => !sameCell(ranges[k]!.values[0]?.[0], w.before)).map((w) => `${w.sheet}!${w.address}`);
  if (moved.length) throw new UserFacingError(`Các ô ${moved.slice(0, 5).join(", ")}${moved.length > 5 ? "..." : ""} đã thay đổi từ khi đọc phiếu. Chưa ghi gì: hãy đọc lại các phiếu rồi làm lại.`);
  writes.forEach((w, k) => {
    const range = ranges[k]!;
    range.formulas = [[typeof w.value === "number" ? w.value : officeFormula({ v: w.value })]];
  });
  await context.sync();
  return writes.length;
}

const sameCell = (a: unknown, b: string | number) => (typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 : String(a ?? "").trim() === String(b).trim());

/** Shows a cell to the official: activates its sheet and selects it. */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

/** The pairs of old and new rows a person must confirm, change or separate before the update is written. */
export async function proposeUpdate(context: Excel.RequestContext, plan: Plan): Promise<DoubtfulPair[] | null> {
  const state = await readReport(context);
  if (!state) return null;
  const problem = updateRefusal(state);
  if (problem) throw new UserFacingError(problem);
  return doubtfulPairs(state.reading.rows, state.tasks, plan);
}

/**
 * "Cập nhật chỉ tiêu": reads what officials entered, matches it to the amended plan and writes the new
 * report; the old sheets are kept, renamed "(cũ n)", so nothing is ever lost.
 */
export async function updateWorkbook(
  context: Excel.RequestContext,
  plan: Plan,
  decisions: UpdateDecisions,
  options: { supports: (v: string) => boolean; planId: string | null; today: string },
): Promise<{ summary: UpdateSummary; renamed: Array<{ from: string; to: string; hidden?: boolean }>; cut: string[]; skipped: string[] } | null> {
  // Read again in the same run: what officials typed a moment ago must move too.
  const state = await readReport(context);
  if (!state) return null;
  const problem = updateRefusal(state);
  if (problem) throw new UserFacingError(problem);
  const { merged, spec, layout } = updatedReport(state, plan, { today: options.today, planId: options.planId, decisions });
  const result = await renderToExcel(context, spec, { supports: options.supports, chart: layout.chart });
  return { summary: merged.summary, renamed: result.renamed, cut: result.cut, skipped: result.skipped };
}
