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
import type { ReturnedForm } from "../actions/collect";

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

export { formDoubts, issueForms } from "../actions/forms";
export { rolloverBook } from "../actions/rollover";
export { collectForms, collectedBook, collectedWrites, describeCollection, differenceLabel } from "../actions/collect";

/** The departments' returned forms picked in the pane, read as the command line reads a folder of them. */
export async function readForms(files: File[]): Promise<{ forms: ReturnedForm[]; refused: Array<{ file: string; why: string }> }> {
  const forms: ReturnedForm[] = [];
  const refused: Array<{ file: string; why: string }> = [];
  for (const f of files) {
    const read = await readReportFile(f.name, new Uint8Array(await f.arrayBuffer()));
    if (read.report) forms.push({ file: f.name, report: read.report, modified: f.lastModified ? new Date(f.lastModified).toISOString().slice(0, 10) : null });
    else refused.push({ file: f.name, why: read.problem });
  }
  return { forms, refused };
}
