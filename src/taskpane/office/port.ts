import type { Plan } from "../../core/plan";
import type { RenderResult } from "../../render/office";
import type { WorkbookSettings } from "../../workbook/settings";
import type { DoubtfulPair, UpdateDecisions, UpdateSummary } from "../../reading/update";
import type { ReportConfig, ReportState } from "./report";
import type { TemplateGrid, TemplateMapping } from "../../template/recognise";
import type { AnnotateRequest } from "./template";
import type { CellWrite } from "../../actions/collect";

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
  /** "Thu phiếu": writes the values taken from the departments' forms into the open book; how many. */
  applyCollected(writes: CellWrite[]): Promise<number>;
  /** Adds the judging columns beside the confirmed table. */
  annotate(request: AnnotateRequest, settings: WorkbookSettings): Promise<{ mapping: TemplateMapping; result: RenderResult }>;
}

export function officePort(inExcel: boolean, supported: boolean): WorkbookPort {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  // While the official is typing in a cell, Excel fails a batch unless asked to wait for the edit to end (ExcelApi 1.11).
  // The work on the workbook loads on first use, so the pane opens on less code (its own chunk, "excel").
  const run = async <T>(batch: (work: typeof import("./work"), context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const work = await import(/* webpackChunkName: "excel" */ "./work");
    const inRun = (context: Excel.RequestContext) => batch(work, context);
    return supports("1.11") ? Excel.run({ delayForCellEdit: true }, inRun) : Excel.run(inRun);
  };
  return {
    inExcel,
    supported,
    load: (plan, settings) => run((work, context) => work.loadPlan(context, plan, settings, supports)),
    read: () => run((work, context) => work.readReport(context)),
    writePeriod: (config) => run((work, context) => work.writePeriod(context, config)),
    select: (sheet, address) => run((work, context) => work.selectCell(context, sheet, address)),
    openAsNewWorkbook: (bytes) => Excel.createWorkbook(toBase64(bytes)),
    download,
    proposeUpdate: (plan) => run((work, context) => work.proposeUpdate(context, plan)),
    readTable: () => run((work, context) => work.readActiveTable(context)),
    applyCollected: (writes) => run((work, context) => work.applyCollected(context, writes)),
    annotate: (request, settings) => run((work, context) => work.annotateTable(context, request, settings, supports)),
    update: (plan, planId, decisions) => run((work, context) => work.updateWorkbook(context, plan, decisions, { supports, planId, today: new Date().toISOString().slice(0, 10) })),
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
