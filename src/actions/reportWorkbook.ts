import { periodLabel } from "../core/period";
import type { Plan } from "../core/plan";
import { ascii } from "../province/export";
import { renderXlsx } from "../render/xlsx";
import { buildWorkbook } from "../workbook/build";
import type { IndicatorEntry } from "../workbook/indicatorSheet";
import { cutLongText } from "../workbook/spec";
import type { WorkbookSettings } from "../workbook/settings";
import type { TaskEntry } from "../workbook/taskSheet";
import type { History } from "../workbook/historySheet";

/**
 * "Lập sổ báo cáo" as a file: the report workbook of a plan, with any entries already known (results
 * given on the command line), the same workbook the pane writes into Excel. `cut` lists texts longer than a
 * cell holds, shortened and said.
 */
export async function reportWorkbookFile(
  plan: Plan,
  settings: WorkbookSettings,
  entries: { indicators?: Map<string, IndicatorEntry>; tasks?: Map<string, TaskEntry>; history?: History | null } = {},
): Promise<{ name: string; bytes: Uint8Array; cut: string[] }> {
  const { spec } = buildWorkbook({ plan, settings, indicatorEntries: entries.indicators, taskEntries: entries.tasks, history: entries.history });
  const cut = cutLongText(spec);
  return { name: `SoBaoCao_${ascii(settings.unit)}_${ascii(periodLabel(settings.period))}.xlsx`, bytes: await renderXlsx(spec), cut };
}
