import type { JudgeSettings, Status } from "../core/judge";
import { STATUSES, judgeMilestones, numberOrNull } from "../core/judge";
import type { SheetRow } from "./readBack";
import { cellAddress } from "./readBack";

export interface Overview {
  counts: Record<Status, number>;
  total: number;
  /** The indicators that need attention, worst first, each with the cell of its status. */
  lagging: Array<{ code: string; name: string; status: Status; reason: string; lead: string; address: string }>;
}

const SEVERITY: Status[] = ["Không đạt", "Cảnh báo", "Chậm tiến độ"];

/** "Tổng quan": the counts by status and the lagging indicators, judged by the same rules as the sheet. */
export function overview(rows: SheetRow[], settings: JudgeSettings): Overview {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const lagging: Overview["lagging"] = [];
  for (const row of rows) {
    const j = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings);
    counts[j.status]++;
    if (SEVERITY.includes(j.status)) lagging.push({ code: row.id, name: row.name, status: j.status, reason: j.reason, lead: row.lead, address: cellAddress(row, "status") });
  }
  lagging.sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status));
  return { counts, total: rows.length, lagging };
}
