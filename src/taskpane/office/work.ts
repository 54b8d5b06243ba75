/** Everything the pane does to the open workbook, in one chunk loaded on the first action. */
import type { Plan } from "../../core/plan";
import { renderToExcel, type RenderResult } from "../../render/office";
import { buildWorkbook } from "../../workbook/build";
import type { WorkbookSettings } from "../../workbook/settings";

export { applyCollected, proposeUpdate, readReport, selectCell, updateWorkbook, writePeriod } from "./report";
export { annotateTable, readActiveTable } from "./template";

export function loadPlan(context: Excel.RequestContext, plan: Plan, settings: WorkbookSettings, supports: (version: string) => boolean): Promise<RenderResult> {
  const { spec, layout } = buildWorkbook({ plan, settings });
  return renderToExcel(context, spec, { supports, chart: layout.chart });
}
