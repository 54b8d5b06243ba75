import type { Indicator, Plan, Target, Task } from "../core/plan";
import type { IndicatorEntry } from "../workbook/indicatorSheet";
import type { SheetRow, TaskRow } from "./readBack";
import type { TaskEntry } from "../workbook/taskSheet";

/** An indicator as its sheet row describes it: milestones back on the document's scale, one text each. */
export function indicatorFromRow(row: SheetRow): Indicator {
  const texts = row.targetText.split(/;\s*/);
  const targets: Target[] = row.milestones.map((m, k) => ({
    year: m.deadline ? Number(m.deadline.slice(0, 4)) : null,
    deadline: m.deadline,
    op: m.op,
    value: m.value === null ? null : Math.round(m.value * (row.percent ? 100 : 1) * 1e9) / 1e9,
    upper: null,
    unit: row.percent ? "%" : null,
    text: (texts[k] ?? "").replace(/^\d{4}:\s*/, ""),
  }));
  const numeric = targets.some((t) => t.value !== null);
  return {
    id: row.id,
    code: row.id,
    group: row.group,
    groupCode: "",
    section: null,
    name: row.name,
    unit: row.unit || null,
    kind: row.cumulative ? "cumulative" : numeric ? "level" : targets.some((t) => t.op === "done") ? "done" : "qualitative",
    targets: targets.length ? targets : [{ year: null, deadline: null, op: "none", value: null, upper: null, unit: null, text: "" }],
    baseline: null,
    lead: row.lead || null,
    partners: row.partners || null,
    note: null,
    source: row.source || null,
    line: 0,
  };
}

/** A task as its sheet row describes it. */
export function taskFromRow(t: TaskRow): Task {
  return {
    id: t.id,
    code: t.id,
    group: t.group,
    groupCode: "",
    parent: t.parent || null,
    name: t.name,
    output: t.output || null,
    kpi: t.kpi || null,
    lead: t.lead || null,
    partners: t.partners || null,
    deadline: t.deadline,
    deadlineText: t.deadlineText.replace(/\s*\(không có hạn cố định\)$/, "") || null,
    ongoing: !t.deadline,
    note: null,
    line: 0,
  };
}

/**
 * A plan and its entries rebuilt from a report as officials left it, so the export is the same
 * standard workbook (formulas, colours, metadata) whatever was done to the open one.
 */
export function planFromReport(rows: SheetRow[], taskRows: TaskRow[], title: string): { plan: Plan; entries: Map<string, IndicatorEntry>; taskEntries: Map<string, TaskEntry> } {
  const indicators: Indicator[] = rows.map(indicatorFromRow);
  const tasks: Task[] = taskRows.map(taskFromRow);
  const years = [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)).filter((y): y is number => y !== null))].sort();
  return {
    plan: { title, years, indicators, tasks, warnings: [] },
    entries: new Map(rows.map((r) => [r.id, r.entry])),
    taskEntries: new Map(taskRows.map((t) => [t.id, t.entry])),
  };
}
