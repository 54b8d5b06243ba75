import { milestonesOf } from "../core/judge";
import type { Indicator, Plan } from "../core/plan";
import { similarity } from "../core/text/similarity";
import type { IndicatorEntry } from "./indicatorSheet";
import type { SheetRow, TaskRow } from "./readBack";
import { indicatorFromRow } from "./rebuild";
import type { TaskEntry } from "./taskSheet";
import type { Task } from "../core/plan";

/**
 * "Cập nhật chỉ tiêu": an amended appendix meets a workbook officials have filled in. Rows are matched
 * by code (when the wording is still recognisably the same) and then by wording; every value, piece of
 * evidence and note moves with its indicator; indicators the new appendix drops are kept and marked.
 */

export const REMOVED_GROUP = "Không còn trong phụ lục mới";

export interface UpdateSummary {
  kept: number;
  added: string[];
  removed: string[];
  changedTargets: string[];
  /** Matched by wording because the code changed: old code → new code. */
  renumbered: Array<{ from: string; to: string }>;
}

const SAME_CODE_MIN = 0.5;
const WORDING_MIN = 0.7;

function sameTargets(row: SheetRow, ind: Indicator): boolean {
  const a = row.milestones;
  const b = milestonesOf(ind);
  if (a.length !== b.length) return false;
  return a.every((m, k) => m.op === b[k].op && (m.value ?? null) === (b[k].value ?? null) && (m.deadline ?? null) === (b[k].deadline ?? null));
}

/** A dropped indicator, rebuilt from its sheet row so it stays in the workbook with its data. */
function removedIndicator(row: SheetRow, taken: Set<string>, when: string): Indicator {
  const id = taken.has(row.id) ? `${row.id} (cũ)` : row.id;
  taken.add(id);
  return { ...indicatorFromRow(row), id, code: id, group: REMOVED_GROUP, note: `Không còn trong phụ lục mới (cập nhật ${when})` };
}

export function mergeForUpdate(old: SheetRow[], plan: Plan, when: string): { plan: Plan; entries: Map<string, IndicatorEntry>; summary: UpdateSummary } {
  const newById = new Map(plan.indicators.map((i) => [i.id, i]));
  const matchOf = new Map<SheetRow, Indicator>();
  const used = new Set<Indicator>();
  const summary: UpdateSummary = { kept: 0, added: [], removed: [], changedTargets: [], renumbered: [] };

  for (const row of old) {
    const same = newById.get(row.id);
    if (same && !used.has(same) && similarity(row.name, same.name) >= SAME_CODE_MIN) {
      matchOf.set(row, same);
      used.add(same);
    }
  }
  // The rest by wording, best pairs first, never below the bar: two different indicators are never merged silently.
  const candidates: Array<{ row: SheetRow; ind: Indicator; score: number }> = [];
  for (const row of old) {
    if (matchOf.has(row)) continue;
    for (const ind of plan.indicators) {
      if (used.has(ind)) continue;
      const score = similarity(row.name, ind.name);
      if (score >= WORDING_MIN) candidates.push({ row, ind, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (matchOf.has(c.row) || used.has(c.ind)) continue;
    matchOf.set(c.row, c.ind);
    used.add(c.ind);
    if (c.row.id !== c.ind.id) summary.renumbered.push({ from: c.row.id, to: c.ind.id });
  }

  const entries = new Map<string, IndicatorEntry>();
  for (const [row, ind] of matchOf) {
    entries.set(ind.id, row.entry);
    summary.kept++;
    if (!sameTargets(row, ind)) summary.changedTargets.push(ind.id);
  }
  summary.added = plan.indicators.filter((i) => !used.has(i)).map((i) => i.id);
  const taken = new Set(plan.indicators.map((i) => i.id));
  const removed = old.filter((row) => !matchOf.has(row)).map((row) => {
    const ind = removedIndicator(row, taken, when);
    entries.set(ind.id, row.entry);
    summary.removed.push(row.id);
    return ind;
  });
  return { plan: { ...plan, indicators: [...plan.indicators, ...removed] }, entries, summary };
}

const hasEntry = (e: TaskEntry) => Object.values(e).some((v) => v !== null && v !== undefined && v !== "");

/** Tasks move the same way: by code with the same wording, then by wording; dropped tasks that carry entries stay, marked. */
export function mergeTasks(old: TaskRow[], tasks: Task[], when: string): { tasks: Task[]; entries: Map<string, TaskEntry>; removed: string[] } {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const used = new Set<Task>();
  const entries = new Map<string, TaskEntry>();
  const unmatched: TaskRow[] = [];
  for (const row of old) {
    const same = byId.get(row.id);
    if (same && !used.has(same) && similarity(row.name, same.name) >= SAME_CODE_MIN) {
      used.add(same);
      entries.set(same.id, row.entry);
    } else unmatched.push(row);
  }
  const removed: Task[] = [];
  for (const row of unmatched) {
    let best: Task | null = null;
    let score = WORDING_MIN;
    for (const t of tasks) {
      if (used.has(t)) continue;
      const s = similarity(row.name, t.name);
      if (s >= score) {
        best = t;
        score = s;
      }
    }
    if (best) {
      used.add(best);
      entries.set(best.id, row.entry);
    } else if (hasEntry(row.entry)) {
      const id = byId.has(row.id) ? `${row.id} (cũ)` : row.id;
      removed.push({ id, code: id, group: REMOVED_GROUP, groupCode: "", parent: null, name: row.name, output: null, kpi: null, lead: row.lead || null, partners: null, deadline: row.deadline, deadlineText: row.deadlineText || null, ongoing: !row.deadline, note: `Không còn trong phụ lục mới (cập nhật ${when})`, line: 0 });
      entries.set(id, row.entry);
    }
  }
  return { tasks: [...tasks, ...removed], entries, removed: removed.map((t) => t.id) };
}
