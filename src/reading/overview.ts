import type { JudgeSettings, Status } from "../core/judge";
import { STATUSES, judgeMilestones, judgeTask, numberOrNull } from "../core/judge";
import { periodEnd } from "../core/period";
import type { SheetRow, TaskRow } from "./readBack";
import { colLetter } from "../workbook/spec";
import { taskCol } from "../workbook/taskSheet";
import { cellAddress } from "./readBack";

export interface Overview {
  counts: Record<Status, number>;
  total: number;
  /** The indicators that need attention, worst first, each with the cell of its status. */
  lagging: Array<{ code: string; name: string; status: Status; reason: string; lead: string; address: string }>;
  /** The tasks: how many are done and under way, and those past their deadline without being done. */
  tasks: { total: number; done: number; inProgress: number; overdue: Array<{ code: string; name: string; deadline: string | null; lead: string; address: string }> };
}

const SEVERITY: Status[] = ["Không đạt", "Cảnh báo", "Chậm tiến độ"];

/** "Tổng quan": the counts by status and the lagging indicators, judged by the same rules as the sheet. */
export function overview(rows: SheetRow[], taskRows: TaskRow[], settings: JudgeSettings): Overview {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const lagging: Overview["lagging"] = [];
  for (const row of rows) {
    const j = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings);
    counts[j.status]++;
    if (SEVERITY.includes(j.status)) lagging.push({ code: row.id, name: row.name, status: j.status, reason: j.reason, lead: row.lead, address: cellAddress(row, "status") });
  }
  lagging.sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status));
  const tasks: Overview["tasks"] = { total: taskRows.length, done: 0, inProgress: 0, overdue: [] };
  const end = periodEnd(settings.period);
  for (const t of taskRows) {
    const j = judgeTask(t, t.entry.progress ?? null, t.entry.evidence ?? "", settings);
    if (j.status === "Đạt") tasks.done++;
    // Past its deadline at the end of the period and not done, whether or not anyone wrote its progress.
    else if (t.deadline !== null && t.deadline <= end) tasks.overdue.push({ code: t.id, name: t.name, deadline: t.deadline, lead: t.lead, address: `${colLetter(taskCol("status"))}${t.row}` });
    else if (t.entry.progress === "Đang triển khai") tasks.inProgress++;
  }
  return { counts, total: rows.length, lagging, tasks };
}
