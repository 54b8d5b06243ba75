import type { Plan } from "../../core/plan";
import type { RenderResult } from "../../render/office";
import { renderToExcel } from "../../render/office";
import { buildWorkbook } from "../../workbook/build";
import type { WorkbookSettings } from "../../workbook/settings";
import type { UpdateSummary } from "../../workbook/update";
import { PRODUCT_VERSION } from "../../version";
import type { ReportConfig, ReportState } from "./report";
import { readReport, selectCell, updateWorkbook, writePeriod } from "./report";

/** Everything the pane asks of the workbook; components get it as a prop, so tests can give them a stand-in. */
export interface WorkbookPort {
  inExcel: boolean;
  supported: boolean;
  load(plan: Plan, settings: WorkbookSettings): Promise<RenderResult>;
  read(): Promise<ReportState | null>;
  writePeriod(config: Pick<ReportConfig, "unit" | "year" | "choice" | "reportDate" | "warnThreshold">): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  update(plan: Plan, planId: string | null): Promise<{ summary: UpdateSummary; removedTasks: string[]; renamed: Array<{ from: string; to: string }> } | null>;
}

export function officePort(inExcel: boolean, supported: boolean): WorkbookPort {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  return {
    inExcel,
    supported,
    load: (plan, settings) =>
      Excel.run((context) => {
        const { spec, layout } = buildWorkbook({ plan, settings });
        return renderToExcel(context, spec, { supports, chart: layout.chart });
      }),
    read: () => Excel.run((context) => readReport(context)),
    writePeriod: (config) => Excel.run((context) => writePeriod(context, config)),
    select: (sheet, address) => Excel.run((context) => selectCell(context, sheet, address)),
    update: (plan, planId) => Excel.run((context) => updateWorkbook(context, plan, { supports, productVersion: PRODUCT_VERSION, planId, today: new Date().toISOString().slice(0, 10) })),
  };
}
