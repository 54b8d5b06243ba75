import type { Entry } from "../core/judge";
import { judgeMilestones, numberOrNull } from "../core/judge";
import { periodChoices, periodColumns, type ReportPeriod } from "../core/period";
import { UserFacingError } from "../core/userFacingError";
import { ascii } from "../province/export";
import { settingsFromConfig } from "../reading/configRead";
import { planFromReport } from "../reading/rebuild";
import { resultTitle, statusTitle, type History } from "../workbook/historySheet";
import type { IndicatorEntry } from "../workbook/indicatorSheet";
import { PRODUCT_VERSION } from "../version";
import type { ReadReport } from "./exportForProvince";
import { reportWorkbookFile } from "./reportWorkbook";
import { rebuildRefusal } from "./updateReport";

/**
 * "Sang năm mới": the next report year's book of a plan that runs over several years, made from this
 * year's. Same plan; each indicator's result at the end of this year is its starting point ("Hiện trạng");
 * every period of this year, with the year's result and status, goes to "Lịch sử" after the years already
 * there. Tasks keep their progress (they run to their own deadlines). The book given is never changed.
 */

export class RolloverRefused extends UserFacingError {}

export interface Rollover {
  name: string;
  bytes: Uint8Array;
  year: number;
  history: History;
  /** Indicators whose starting point comes from this year's result, and those left without one. */
  carried: number;
  noResult: string[];
}

export async function rolloverBook(report: ReadReport, year: number, today: string): Promise<Rollover> {
  const old = report.config.year;
  const refusal = rebuildRefusal(report, "sang năm mới", "làm lại", "Sổ này dùng bảng có sẵn của đơn vị: sang năm mới chỉ dùng cho sổ chuẩn do add-in lập. Hãy lập sổ chuẩn từ phụ lục rồi làm lại.");
  if (refusal) throw new RolloverRefused(refusal);
  if (year !== old + 1) throw new RolloverRefused(`Sổ đang là năm ${old}: năm mới phải là ${old + 1} (mỗi lần sang một năm, để lịch sử đủ các năm).`);
  const { plan, taskEntries } = planFromReport(report.reading.rows, report.tasks, report.config.planTitle);
  const lastDeadline = plan.indicators.flatMap((i) => i.targets.map((t) => t.deadline ?? "")).reduce((a, b) => (a > b ? a : b), "");
  if (!lastDeadline || Number(lastDeadline.slice(0, 4)) < year)
    throw new RolloverRefused(`Kế hoạch kết thúc năm ${lastDeadline.slice(0, 4) || old}: không có năm ${year} để theo dõi. Sang năm mới dùng cho kế hoạch nhiều năm (mốc 2026, 2028, 2030...).`);

  // The year as a whole: every input column of it, judged at 31/12.
  const yearEnd: ReportPeriod = { year: old, choice: report.config.frequency === "month" ? "Tháng 12" : "Cả năm", endMonth: 12 };
  const settings = { period: yearEnd, frequency: report.config.frequency, warnThreshold: report.config.warnThreshold };
  const slots = periodColumns(report.config.frequency);
  const before = report.history ?? { columns: [], rows: [] };
  const columns = [...before.columns, ...slots.map((s) => `${s}/${old}`), resultTitle(old), statusTitle(old)];
  const entries = new Map<string, IndicatorEntry>();
  const noResult: string[] = [];
  const rows = report.reading.rows.map((row) => {
    const j = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings);
    const past = before.rows.find((r) => r.code === row.id)?.values ?? before.columns.map((): Entry => null);
    const periods = slots.map((_, k): Entry => row.entry.periods[k] ?? null);
    // This year's result starts next year's roadmap; without one the old starting point stays.
    const start = typeof j.value === "number" ? j.value : (row.entry.baseline ?? null);
    if (typeof j.value !== "number") noResult.push(row.id);
    entries.set(row.id, { periods: [], baseline: start });
    return { code: row.id, name: row.name, percent: row.percent, values: [...past, ...periods, j.value, j.status] };
  });
  const history: History = { columns, rows };
  const first = periodChoices(report.config.frequency)[0]!;
  const next = { ...settingsFromConfig(report.config, report.meta?.planId || null, PRODUCT_VERSION), period: { year, choice: first.label, endMonth: first.endMonth }, reportDate: today };
  const { bytes } = await reportWorkbookFile(plan, next, { indicators: entries, tasks: taskEntries, history });
  return { name: `SoBaoCao_${ascii(report.config.unit)}_${year}.xlsx`, bytes, year, history, carried: rows.length - noResult.length, noResult };
}
