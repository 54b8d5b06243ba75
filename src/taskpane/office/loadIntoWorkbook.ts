import type { Plan } from "../../core/plan";
import { renderToExcel, type RenderResult } from "../../render/office";
import { buildWorkbook } from "../../workbook/build";
import type { WorkbookSettings } from "../../workbook/settings";

/** "Nạp vào sổ": lays the plan out as the standard report workbook in the open Excel workbook. */
export async function loadIntoWorkbook(plan: Plan, settings: WorkbookSettings): Promise<RenderResult> {
  const { spec, layout } = buildWorkbook({ plan, settings });
  return Excel.run((context) =>
    renderToExcel(context, spec, {
      supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
      chart: layout.chart,
    }),
  );
}
