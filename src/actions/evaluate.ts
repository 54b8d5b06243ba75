import { judge, judgeTask, isPercent, shownOnDocumentScale, type JudgeSettings } from "../core/judge";
import { periodLabel } from "../core/period";
import type { Plan } from "../core/plan";
import type { PlacedResults } from "../core/results";

/**
 * "Đánh giá": every indicator's and task's status and reason for the period, from results given as data (a
 * CSV on the command line), judged by the same rules the workbook's formulas hold. Values and expected
 * values are on the document's scale (95 for 95%).
 */
export function evaluatePlan(plan: Plan, results: PlacedResults, settings: JudgeSettings) {
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
  return {
    period: periodLabel(settings.period),
    indicators: plan.indicators.map((ind) => {
      const j = judge(ind, results.indicators.get(ind.id) ?? { periods: [] }, settings);
      const percent = isPercent(ind);
      return {
        code: ind.id,
        status: j.status,
        reason: j.reason,
        value: shownOnDocumentScale(j.value, percent),
        ratio: round(j.ratio),
        expected: shownOnDocumentScale(j.expected, percent),
        progress: round(j.progress),
      };
    }),
    tasks: plan.tasks.map((t) => {
      const r = results.tasks.get(t.id);
      const j = judgeTask(t, r?.progress ?? null, r?.evidence ?? "", settings);
      return { code: t.id, status: j.status, reason: j.reason };
    }),
    warnings: results.warnings,
  };
}
