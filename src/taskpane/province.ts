/**
 * The pane's work on .xlsx files, in its own chunk: ExcelJS is loaded only when an official exports,
 * consolidates, or (outside Excel) builds or opens a report file.
 */
import { consolidatedWorkbook } from "../actions/consolidate";
import { exportForProvince } from "../actions/exportForProvince";
import { reportWorkbookFile } from "../actions/reportWorkbook";
import type { Consolidation } from "../province/consolidate";
import { readIntoBatch } from "../province/consolidate";
import { readReportFile, type UnitReport } from "../province/readReportFile";
import { UserFacingError } from "./office/errors";
import type { ReportState } from "./office/report";

export { exportForProvince as exportReport, reportWorkbookFile as reportFile };

export async function consolidateFiles(files: File[], expectedUnits: string[]) {
  // One file in memory at a time, its size checked before it is read, as on the command line.
  const log: Consolidation["log"] = [];
  const reports: UnitReport[] = [];
  for (const f of files) await readIntoBatch(f.name, f.size, async () => new Uint8Array(await f.arrayBuffer()), reports, log);
  return consolidatedWorkbook(reports, log, { expectedUnits });
}

/** Outside Excel: a filled report workbook opened from disk, read as the pane reads the open workbook. */
export async function openReportFile(name: string, bytes: Uint8Array): Promise<ReportState> {
  const read = await readReportFile(name, bytes);
  if (!read.report) throw new UserFacingError(`Không đọc được sổ "${name}": ${read.problem}.`);
  const { reading, tasks, config, meta } = read.report;
  return { reading, tasks, config, meta };
}
