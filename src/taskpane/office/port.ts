import type { Plan } from "../../core/plan";
import type { RenderResult } from "../../render/office";
import { renderToExcel } from "../../render/office";
import { buildWorkbook } from "../../workbook/build";
import type { WorkbookSettings } from "../../workbook/settings";
import type { DoubtfulPair, UpdateDecisions, UpdateSummary } from "../../reading/update";
import { PRODUCT_VERSION } from "../../version";
import type { ReportConfig, ReportState } from "./report";
import { proposeUpdate, readReport, selectCell, updateWorkbook, writePeriod } from "./report";
import type { TemplateGrid, TemplateMapping } from "../../template/recognise";
import type { AnnotateRequest } from "./template";
import { annotateTable, readActiveTable } from "./template";

/** Everything the pane asks of the workbook; components get it as a prop, so tests can give them a stand-in. */
export interface WorkbookPort {
  inExcel: boolean;
  supported: boolean;
  load(plan: Plan, settings: WorkbookSettings): Promise<RenderResult>;
  read(): Promise<ReportState | null>;
  writePeriod(config: Pick<ReportConfig, "unit" | "year" | "choice" | "reportDate" | "warnThreshold">): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  /** The old and new rows a person must look at before the update; null when there is no report. */
  proposeUpdate(plan: Plan): Promise<DoubtfulPair[] | null>;
  update(
    plan: Plan,
    planId: string | null,
    decisions: UpdateDecisions,
  ): Promise<{ summary: UpdateSummary; renamed: Array<{ from: string; to: string; hidden?: boolean }>; cut: string[]; skipped: string[] } | null>;
  /** Opens an .xlsx as a new workbook (ExcelApi 1.8), for hosts where a download is not offered. */
  openAsNewWorkbook(bytes: Uint8Array): Promise<void>;
  /** Offers a file to save. */
  download(name: string, bytes: Uint8Array | string, type: string): void;
  /** "Dùng bảng có sẵn": the active sheet's table, and the mapping of an earlier annotation. */
  readTable(): Promise<{ grid: TemplateGrid; annotated: TemplateMapping | null; selection?: string | null }>;
  /** Adds the judging columns beside the confirmed table. */
  annotate(request: AnnotateRequest, settings: WorkbookSettings): Promise<{ mapping: TemplateMapping; result: RenderResult }>;
}

export function officePort(inExcel: boolean, supported: boolean): WorkbookPort {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  // While the official is typing in a cell, Excel fails a batch unless asked to wait for the edit to end (ExcelApi 1.11).
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => (supports("1.11") ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch));
  return {
    inExcel,
    supported,
    load: (plan, settings) =>
      run((context) => {
        const { spec, layout } = buildWorkbook({ plan, settings });
        return renderToExcel(context, spec, { supports, chart: layout.chart });
      }),
    read: () => run((context) => readReport(context)),
    writePeriod: (config) => run((context) => writePeriod(context, config)),
    select: (sheet, address) => run((context) => selectCell(context, sheet, address)),
    openAsNewWorkbook: (bytes) => Excel.createWorkbook(toBase64(bytes)),
    download,
    proposeUpdate: (plan) => run((context) => proposeUpdate(context, plan)),
    readTable: () => run((context) => readActiveTable(context)),
    annotate: (request, settings) => run((context) => annotateTable(context, request, settings, supports)),
    update: (plan, planId, decisions) =>
      run((context) => updateWorkbook(context, plan, decisions, { supports, productVersion: PRODUCT_VERSION, planId, today: new Date().toISOString().slice(0, 10) })),
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary);
}

/** A file the official saves: the browser's download, which Excel on the web and desktop both offer. */
export function download(name: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
