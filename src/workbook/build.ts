import type { Plan } from "../core/plan";
import { buildConfigSheet } from "./configSheet";
import { buildMetaSheet } from "./metaSheet";
import { buildHistorySheet, type History } from "./historySheet";
import type { IndicatorEntry, IndicatorSheetLayout } from "./indicatorSheet";
import { buildIndicatorSheet } from "./indicatorSheet";
import type { WorkbookSettings } from "./settings";
import type { WorkbookSpec } from "./spec";
import { buildSummarySheet } from "./summarySheet";
import type { TaskEntry } from "./taskSheet";
import { buildTaskSheet } from "./taskSheet";

export interface WorkbookInput {
  plan: Plan;
  settings: WorkbookSettings;
  indicatorEntries?: Map<string, IndicatorEntry>;
  taskEntries?: Map<string, TaskEntry>;
  /** Past years of a multi-year plan ("Lịch sử"), carried with the book. */
  history?: History | null;
}

export interface WorkbookLayout {
  indicators: IndicatorSheetLayout;
  tasks: { rowOf: Map<string, number>; firstRow: number; lastRow: number } | null;
  /** Where the chart of counts by status reads from and the empty cells it covers, for renderers that draw one. */
  chart: { sheet: string; labels: string; values: string; at: [string, string] };
}

/** Describes the standard report workbook of a plan: "Chỉ tiêu", "Nhiệm vụ", "Tổng hợp", "Cấu hình". */
export function buildWorkbook(input: WorkbookInput): { spec: WorkbookSpec; layout: WorkbookLayout } {
  const { plan, settings } = input;
  const indicators = buildIndicatorSheet(plan.indicators, settings, input.indicatorEntries ?? new Map(), plan.title);
  const tasks = plan.tasks.length ? buildTaskSheet(plan.tasks, input.taskEntries ?? new Map(), plan.title) : null;
  const summary = buildSummarySheet(plan.indicators, indicators.layout, tasks, plan.title);
  const config = buildConfigSheet(settings, plan.title);
  const history = input.history?.rows.length ? [buildHistorySheet(input.history, plan.title)] : [];
  const sheets = [indicators.sheet, ...(tasks ? [tasks.sheet] : []), summary.sheet, ...history, config.sheet, buildMetaSheet(plan, settings)];
  return {
    spec: { sheets, names: config.names, title: plan.title },
    layout: {
      indicators: indicators.layout,
      tasks: tasks ? { rowOf: tasks.rowOf, firstRow: tasks.firstRow, lastRow: tasks.lastRow } : null,
      chart: { sheet: summary.sheet.name, labels: summary.statusLabelRange, values: summary.statusCountRange, at: summary.chartAt },
    },
  };
}
