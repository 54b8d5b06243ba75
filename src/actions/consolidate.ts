import { consolidateReports, consolidationWorkbook, type ConsolidateOptions, type Consolidation } from "../province/consolidate";
import { ascii } from "../province/export";
import type { UnitReport } from "../province/readReportFile";
import { renderXlsx } from "../render/xlsx";

/**
 * "Tổng hợp": the province's workbook of the reports read (each file read one at a time by the caller, from a
 * folder or from the files an official picked), with the log of everything not read and why.
 */
export async function consolidatedWorkbook(reports: UnitReport[], log: Consolidation["log"], options: ConsolidateOptions = {}): Promise<{ result: Consolidation; name: string; xlsx: Uint8Array }> {
  const result = consolidateReports(reports, log, options);
  const period = [...new Set(result.units.map((u) => u.period))].join(" ") || "ky";
  return { result, name: `TongHop_${ascii(period)}.xlsx`, xlsx: await renderXlsx(consolidationWorkbook(result)) };
}
