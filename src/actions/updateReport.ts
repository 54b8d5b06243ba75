import { formatDate } from "../core/format";
import type { Plan } from "../core/plan";
import { settingsFromConfig } from "../reading/configRead";
import { mergeForUpdate, type MergedUpdate, type UpdateDecisions } from "../reading/update";
import { buildWorkbook, type WorkbookLayout } from "../workbook/build";
import type { WorkbookSpec } from "../workbook/spec";
import { PRODUCT_VERSION } from "../version";
import type { ReadReport } from "./exportForProvince";

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
  return { merged, ...buildWorkbook({ plan: merged.plan, settings, indicatorEntries: merged.entries, taskEntries: merged.taskEntries }) };
}
