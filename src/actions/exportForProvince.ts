import { judgeSettingsOf, settingsFromConfig } from "../reading/configRead";
import { planFromReport } from "../reading/rebuild";
import { exportCsv, exportName } from "../province/export";
import type { UnitReport } from "../province/readReportFile";
import type { ReportMeta } from "../workbook/metaSheet";
import { PRODUCT_VERSION } from "../version";
import { reportWorkbookFile } from "./reportWorkbook";

/** A report as read back from a workbook (open in Excel, or a file). */
export type ReadReport = Pick<UnitReport, "reading" | "tasks" | "config" | "annotation" | "history"> & { meta: ReportMeta | null };

/**
 * "Xuất gửi tỉnh": the unit's report as the province collects it, CDS_<unit>_<period>.xlsx and .csv. The
 * workbook is the unit's own file when there is one (the command line); the pane, which reads the open
 * workbook rather than a file, sends a standard report rebuilt from what it read.
 */
export async function exportForProvince(report: ReadReport, file?: Uint8Array): Promise<{ xlsxName: string; xlsx: Uint8Array; csvName: string; csv: string }> {
  const { period } = judgeSettingsOf(report.config);
  const label = `${period.choice} ${period.year}`;
  let xlsx = file;
  if (!xlsx) {
    const { plan, entries, taskEntries } = planFromReport(report.reading.rows, report.tasks, report.config.planTitle);
    xlsx = (await reportWorkbookFile(plan, settingsFromConfig(report.config, report.meta?.planId || null, PRODUCT_VERSION), { indicators: entries, tasks: taskEntries, history: report.history }))
      .bytes;
  }
  return { xlsxName: exportName(report.config.unit, label, "xlsx"), xlsx, csvName: exportName(report.config.unit, label, "csv"), csv: exportCsv(report) };
}
