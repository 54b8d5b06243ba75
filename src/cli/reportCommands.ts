import { findEntry } from "../catalogue/catalogue";
import { parseViDate } from "../core/format";
import { judge, judgeTask, isPercent, toDocumentScale, type JudgeSettings } from "../core/judge";
import type { Frequency, ReportPeriod } from "../core/period";
import { parsePeriod, periodLabel } from "../core/period";
import type { Plan } from "../core/plan";
import { parseResults, placeResults, type PlacedResults } from "../core/results";
import { renderXlsx } from "../render/xlsx";
import { buildWorkbook } from "../workbook/build";
import type { WorkbookSettings } from "../workbook/settings";
import { PRODUCT_VERSION } from "../version";

export class UserError extends Error {}

export interface ReportOptions {
  plan: Plan;
  planId: string | null;
  period: ReportPeriod;
  frequency: Frequency;
  warnThreshold: number;
  unit: string;
  reportDate: string;
}

/** Reads the report options shared by `evaluate` and `workbook`, with Vietnamese messages for bad input. */
export function reportOptions(flags: Map<string, string | true>, plan: Plan, planArg: string, today: Date): ReportOptions {
  const str = (name: string): string | null => {
    const v = flags.get(name);
    return typeof v === "string" ? v : null;
  };
  const freqText = (str("frequency") ?? "quarter").toLowerCase();
  const frequency: Frequency | null = ["quarter", "quy", "quý"].includes(freqText) ? "quarter" : ["month", "thang", "tháng"].includes(freqText) ? "month" : null;
  if (!frequency) throw new UserError(`Tần suất "${freqText}" không hợp lệ: dùng "quy" (theo quý) hoặc "thang" (theo tháng)`);
  const todayIso = today.toISOString().slice(0, 10);
  const periodText = str("period") ?? defaultPeriodText(plan, today);
  const period = parsePeriod(periodText, frequency);
  if (!period) throw new UserError(`Không hiểu kỳ báo cáo "${periodText}". Ví dụ: "Quý II/2026", "Tháng 5/2026", "6 tháng đầu năm 2026", "Năm 2026"`);
  const thresholdText = str("threshold");
  const threshold = thresholdText === null ? 0.5 : Number(thresholdText.replace(",", ".").replace(/%$/, "")) / (thresholdText.trim().endsWith("%") ? 100 : 1);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new UserError(`Ngưỡng cảnh báo "${thresholdText}" phải từ 0 đến 1 (hoặc 0% đến 100%)`);
  const dateText = str("date");
  let reportDate = todayIso;
  if (dateText) {
    const parsed = parseViDate(dateText);
    if (!parsed) throw new UserError(`Ngày báo cáo "${dateText}" phải là một ngày theo dạng dd/mm/yyyy`);
    reportDate = parsed;
  }
  const entry = findEntry(planArg);
  return { plan, planId: entry?.id ?? null, period, frequency, warnThreshold: threshold, unit: str("unit") ?? entry?.unit ?? "(chưa đặt tên đơn vị)", reportDate };
}

/** The quarter holding today when the plan covers this year, else the first quarter of its first year. */
function defaultPeriodText(plan: Plan, today: Date): string {
  const year = today.getFullYear();
  if (plan.years.length === 0 || plan.years.includes(year) || (year > Math.min(...plan.years) && year < Math.max(...plan.years))) {
    return `Quý ${Math.floor(today.getMonth() / 3) + 1}/${year}`;
  }
  return `Quý I/${Math.min(...plan.years)}`;
}

export function loadResults(text: string | null, opts: ReportOptions): PlacedResults {
  if (text === null) return { indicators: new Map(), tasks: new Map(), warnings: [] };
  const { rows, warnings } = parseResults(text);
  const placed = placeResults(opts.plan, rows, opts.period, opts.frequency);
  placed.warnings.unshift(...warnings);
  return placed;
}

export function evaluate(opts: ReportOptions, results: PlacedResults) {
  const settings: JudgeSettings = { period: opts.period, frequency: opts.frequency, warnThreshold: opts.warnThreshold };
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
  return {
    period: periodLabel(opts.period),
    indicators: opts.plan.indicators.map((ind) => {
      const j = judge(ind, results.indicators.get(ind.id) ?? { periods: [] }, settings);
      const docScale = (x: number | null) => (x === null ? null : toDocumentScale(x, isPercent(ind)));
      return {
        code: ind.id,
        status: j.status,
        reason: j.reason,
        value: typeof j.value === "number" ? docScale(j.value) : j.value,
        ratio: round(j.ratio),
        expected: docScale(j.expected),
        progress: round(j.progress),
      };
    }),
    tasks: opts.plan.tasks.map((t) => {
      const r = results.tasks.get(t.id);
      const j = judgeTask(t, r?.progress ?? null, r?.evidence ?? "", settings);
      return { code: t.id, status: j.status, reason: j.reason };
    }),
    warnings: results.warnings,
  };
}

export async function workbookFile(opts: ReportOptions, results: PlacedResults): Promise<Uint8Array> {
  const settings: WorkbookSettings = {
    unit: opts.unit,
    period: opts.period,
    frequency: opts.frequency,
    reportDate: opts.reportDate,
    warnThreshold: opts.warnThreshold,
    planId: opts.planId,
    productVersion: PRODUCT_VERSION,
  };
  const { spec } = buildWorkbook({ plan: opts.plan, settings, indicatorEntries: results.indicators, taskEntries: new Map([...results.tasks].map(([id, r]) => [id, { progress: typeof r.progress === "string" ? r.progress : r.progress === null ? null : String(r.progress), evidence: r.evidence }])) });
  return renderXlsx(spec);
}
