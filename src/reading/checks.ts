import type { JudgeSettings } from "../core/judge";
import { EVIDENCE_CHECKS, judgeMilestones, numberOrNull } from "../core/judge";
import type { ValueProblem } from "../core/valueCheck";
import { PROGRESS_WORD_LIST, isWordOf, valueProblem } from "../core/valueCheck";
import { periodColumns } from "../core/period";
import type { SheetRow } from "./readBack";
import { cellAddress } from "./readBack";

/** One problem found in what was entered, with the cell to select. */
export interface Problem {
  address: string;
  code: string;
  message: string;
}

const pct = (v: number) => `${Math.round(v * 10000) / 100}%`.replace(".", ",");

/** How "Kiểm tra" says each problem of a period cell (v on the sheet's scale). */
const PERIOD_MESSAGES: Record<ValueProblem["kind"], (v: string | number) => string> = {
  textForNumber: (v) => `ô cần một số nhưng đang chứa chữ "${v}"`,
  notProgressWord: (v) => `"${v}" không phải từ tiến độ (${PROGRESS_WORD_LIST})`,
  numberForWords: (v) => `chỉ tiêu này ghi tiến độ bằng chữ (Hoàn thành, Đang triển khai...), không ghi số ${v}`,
  negative: (v) => `số âm (${v})`,
  // Excel turns 95 typed into a percent cell into 95%; 9500% comes from a paste, a results file or a cell formatted after typing.
  percentTyped: (v) => `ô phần trăm đang là ${pct(Number(v))}; có lẽ số ${v} được dán vào (hoặc nhập trước khi ô có dạng %) thay cho ${v}%: hãy gõ lại ${v} vào ô`,
  over100: (v) => `tỷ lệ ${pct(Number(v))} vượt quá 100%`,
};

/**
 * "Kiểm tra số liệu": what a careful reviewer would flag before the report goes out. Validation in
 * the sheet only checks typed entries (a paste skips it), so everything is checked again here.
 */
export function checkEntries(rows: SheetRow[], settings: JudgeSettings): Problem[] {
  const problems: Problem[] = [];
  const periods = periodColumns(settings.frequency);
  for (const row of rows) {
    const add = (key: string, message: string) => problems.push({ address: cellAddress(row, key), code: row.id, message: `${row.id}: ${message}` });
    row.entry.periods.forEach((v, k) => {
      const problem = valueProblem(v, row.milestones, row.percent);
      if (problem) add(`p${k + 1}`, `${periods[k]}: ${PERIOD_MESSAGES[problem.kind](v as string | number)}`);
    });
    const numberCells: Array<[string, string, unknown]> = [
      ["num", "tử số", row.entry.numerator],
      ["den", "mẫu số", row.entry.denominator],
      ["baseline", "hiện trạng", row.entry.baseline],
    ];
    for (const [key, label, v] of numberCells) if (typeof v === "string" && v.trim()) add(key, `${label}: ô cần một số nhưng đang chứa chữ "${v}"`);
    const num = numberOrNull(row.entry.numerator);
    const den = numberOrNull(row.entry.denominator);
    if (den === 0) add("den", "mẫu số bằng 0");
    if (num !== null && den !== null && den !== 0 && row.percent && num > den) add("num", "tử số lớn hơn mẫu số: tỷ lệ vượt 100%");
    for (const o of row.overrides) add(o.key, `ô "${o.header}" có giá trị gõ đè lên công thức (${o.value}); công thức của sổ đã mất ở ô này, khi cập nhật giá trị sẽ được chuyển vào Ghi chú`);
    const evidence = typeof row.entry.evidence === "string" ? row.entry.evidence : "";
    if (evidence && !isWordOf(evidence, EVIDENCE_CHECKS)) add("evCheck", `thẩm định minh chứng "${evidence}" không nằm trong danh sách (${EVIDENCE_CHECKS.join(", ")})`);
    if (isWordOf(evidence, ["Không hợp lệ"])) add("evCheck", "minh chứng bị đánh giá không hợp lệ: kết quả không được tính là hoàn thành");
    const judged = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings);
    // A table of the official's own without an evidence column is not asked for evidence it has no place for.
    const evidenceColumn = row.columns.has("evNumber") || row.columns.has("evSummary");
    if (judged.status === "Đạt" && evidenceColumn && !row.entry.evidenceNumber && !row.entry.evidenceSummary) add("evNumber", "báo cáo Đạt nhưng chưa có minh chứng (số văn bản hoặc tóm tắt)");
  }
  return problems;
}
