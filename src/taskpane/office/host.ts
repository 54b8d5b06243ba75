/** What the pane needs to know about where it runs, read once at start. */
export interface HostInfo {
  /** True inside Excel; false when the page is opened in a plain browser. */
  inExcel: boolean;
  /** The Excel API requirement set the workbook features need is available. */
  supported: boolean;
}

export const REQUIRED_EXCEL_API = "1.8";

export function readHost(info: { host: Office.HostType | null } | undefined): HostInfo {
  const inExcel = !!info && info.host === Office.HostType.Excel;
  const supported = inExcel && Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API);
  return { inExcel, supported };
}
