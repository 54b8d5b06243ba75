/**
 * The pane's work on .xlsx files, in its own chunk: ExcelJS is loaded only when an official exports,
 * consolidates, or (outside Excel) builds or opens a report file.
 */
import type { Consolidation } from "../province/consolidate";
import { consolidateReports, consolidationWorkbook, readIntoBatch } from "../province/consolidate";
import { readReportFile, type UnitReport } from "../province/readReportFile";
import { ascii, exportCsv, exportName } from "../province/export";
import { renderXlsx } from "../render/xlsx";
import { buildWorkbook } from "../workbook/build";
import { judgeSettingsOf } from "../reading/configRead";
import { planFromReport } from "../reading/rebuild";
import { periodLabel } from "../core/period";
import type { Plan } from "../core/plan";
import { cutLongText } from "../workbook/spec";
import type { WorkbookSettings } from "../workbook/settings";
import { PRODUCT_VERSION } from "../version";
import { UserFacingError } from "./office/errors";
import type { ReportState } from "./office/report";

export async function exportReport(state: ReportState): Promise<{ xlsxName: string; xlsx: Uint8Array; csvName: string; csv: string }> {
  const { plan, entries, taskEntries } = planFromReport(state.reading.rows, state.tasks, state.config.planTitle);
  const js = judgeSettingsOf(state.config);
  const { spec } = buildWorkbook({
    plan,
    settings: {
      unit: state.config.unit,
      period: js.period,
      frequency: state.config.frequency,
      reportDate: state.config.reportDate,
      warnThreshold: state.config.warnThreshold,
      planId: state.meta?.planId || null,
      productVersion: PRODUCT_VERSION,
    },
    indicatorEntries: entries,
    taskEntries,
  });
  const period = `${js.period.choice} ${js.period.year}`;
  return { xlsxName: exportName(state.config.unit, period, "xlsx"), xlsx: await renderXlsx(spec), csvName: exportName(state.config.unit, period, "csv"), csv: exportCsv(state) };
}

export async function consolidateFiles(files: File[], expectedUnits: string[]) {
  // One file in memory at a time, its size checked before it is read, as on the command line.
  const log: Consolidation["log"] = [];
  const reports: UnitReport[] = [];
  for (const f of files) await readIntoBatch(f.name, f.size, async () => new Uint8Array(await f.arrayBuffer()), reports, log);
  const result = consolidateReports(reports, log, { expectedUnits });
  const period = [...new Set(result.units.map((u) => u.period))].join(" ") || "ky";
  return { result, name: `TongHop_${ascii(period)}.xlsx`, xlsx: await renderXlsx(consolidationWorkbook(result)) };
}

/** Outside Excel: the report workbook as a file to download, the same one the command line writes. */
export async function reportFile(plan: Plan, settings: WorkbookSettings): Promise<{ name: string; bytes: Uint8Array; cut: string[] }> {
  const { spec } = buildWorkbook({ plan, settings });
  const cut = cutLongText(spec);
  return { name: `SoBaoCao_${ascii(settings.unit)}_${ascii(periodLabel(settings.period))}.xlsx`, bytes: await renderXlsx(spec), cut };
}

/** Outside Excel: a filled report workbook opened from disk, read as the pane reads the open workbook. */
export async function openReportFile(name: string, bytes: Uint8Array): Promise<ReportState> {
  const read = await readReportFile(name, bytes);
  if (!read.report) throw new UserFacingError(`Không đọc được sổ "${name}": ${read.problem}.`);
  const { reading, tasks, config, meta } = read.report;
  return { reading, tasks, config, meta };
}
