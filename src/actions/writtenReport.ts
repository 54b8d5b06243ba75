import { periodLabel } from "../core/period";
import { exportName } from "../province/export";
import { judgeSettingsOf } from "../reading/configRead";
import { reportDocx } from "../report/docx";
import { draftReport, type ReportDraft } from "../report/draft";
import type { ReadReport } from "./exportForProvince";

/**
 * "Báo cáo kỳ": the written report of the period set on "Cấu hình", drafted from the workbook's data as a
 * Word file (BC_<unit>_<period>.docx) in the form of an administrative document, ready for light editing
 * and signature. The command line and the pane both call this.
 */
export async function writtenReport(report: ReadReport): Promise<{ name: string; bytes: Uint8Array; draft: ReportDraft }> {
  const draft = draftReport(report);
  const { period } = judgeSettingsOf(report.config);
  return { name: exportName(report.config.unit, periodLabel(period), "docx").replace(/^CDS_/, "BC_"), bytes: await reportDocx(draft), draft };
}
