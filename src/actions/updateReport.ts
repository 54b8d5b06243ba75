import { formatDate } from "../core/format";
import type { Plan } from "../core/plan";
import { readingProblem } from "../reading/readBack";
import { settingsFromConfig } from "../reading/configRead";
import { mergeForUpdate, type MergedUpdate, type UpdateDecisions } from "../reading/update";
import { buildWorkbook, type WorkbookLayout } from "../workbook/build";
import { INDICATOR_SHEET } from "../workbook/indicatorSheet";
import type { WorkbookSpec } from "../workbook/spec";
import { PRODUCT_VERSION } from "../version";
import type { ReadReport } from "./exportForProvince";

/**
 * Why a book's rows cannot be rebuilt whole for `action` (an official's own table, a code on two rows, an
 * input column gone), or null: the update, the forms out and back and the next year all stop on it.
 */
export function rebuildRefusal(report: ReadReport, action: string, again = "làm lại", annotated = ""): string | null {
  if (report.annotation) return annotated || `Sổ này dùng bảng có sẵn của đơn vị: ${action} chỉ dùng cho sổ chuẩn do add-in lập.`;
  const problem = readingProblem(report.reading);
  return problem && `Trang "${INDICATOR_SHEET}" ${problem}. Chưa ${action}, để khỏi mất số liệu: hãy sửa rồi ${again}.`;
}

/** Why a report cannot be updated without losing something (nothing is written then), or null. */
export function updateRefusal(report: ReadReport): string | null {
  const annotated = report.annotation
    ? `Sổ này dùng bảng có sẵn của đơn vị (trang "${report.annotation.sheet}"): cập nhật theo phụ lục sửa đổi chỉ dùng cho sổ chuẩn do add-in lập. Hãy sửa chỉ tiêu ngay trong bảng, rồi mở "Dùng bảng có sẵn" trên một bản sao của tệp gốc để gắn lại.`
    : "";
  return rebuildRefusal(report, "cập nhật", "cập nhật lại", annotated);
}

/**
 * "Cập nhật chỉ tiêu": the report rebuilt on an amended appendix, every entry moved with its indicator or
 * task (rows of the old plan that are gone kept aside, never dropped), with the settings of the report it
 * replaces. The pane writes it into Excel beside the old sheets; the command line writes a new file.
 */
export function updatedReport(
  report: ReadReport,
  plan: Plan,
  options: { today: string; planId: string | null; decisions?: UpdateDecisions },
): { merged: MergedUpdate; spec: WorkbookSpec; layout: WorkbookLayout } {
  const merged = mergeForUpdate(report.reading.rows, report.tasks, plan, formatDate(options.today), options.decisions);
  const settings = settingsFromConfig(report.config, options.planId ?? (report.meta?.planId || null), PRODUCT_VERSION);
  return { merged, ...buildWorkbook({ plan: merged.plan, settings, indicatorEntries: merged.entries, taskEntries: merged.taskEntries, history: report.history }) };
}
