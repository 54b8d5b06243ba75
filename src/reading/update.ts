import { milestonesOf } from "../core/judge";
import { bareCode, matchRows, matchWording } from "../core/match";
import type { Indicator, Plan, Task } from "../core/plan";
import type { IndicatorEntry } from "../workbook/indicatorSheet";
import type { SheetRow, TaskRow } from "./readBack";
import { rowWording } from "./readBack";
import { indicatorFromRow, taskFromRow } from "./rebuild";
import type { TaskEntry } from "../workbook/taskSheet";

/**
 * "Cập nhật chỉ tiêu": an amended appendix meets a workbook officials have filled in. Old and new rows
 * are paired by the core matcher (one assignment over all rows); every value, piece of evidence and
 * note moves with its indicator. A pair the matcher is not sure of is applied only when a person has
 * joined it; otherwise both stay, the old one kept aside with its data. Dropped rows that carry
 * entries are kept aside under a code no other row has.
 */

export const REMOVED_GROUP = "Không còn trong phụ lục mới";

/** A pairing a person has to look at: old and new wording side by side. */
export interface DoubtfulPair {
  kind: "indicator" | "task";
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  similarity: number;
  doubt: string;
  /** What was done: joined (entries moved) because a person said so, or kept apart. */
  joined: boolean;
}

/** For each old code a person looked at: the new code it is the same as, or null to keep the two apart. */
export interface UpdateDecisions {
  indicators: Map<string, string | null>;
  tasks: Map<string, string | null>;
}

export const NO_DECISIONS: UpdateDecisions = { indicators: new Map(), tasks: new Map() };

export interface UpdateSummary {
  /** Indicators whose entries moved to a row of the new appendix. */
  kept: number;
  added: string[];
  /** Old codes the new appendix no longer has (or that a person kept apart). */
  removed: string[];
  /** Removed rows that carry entries, kept in the workbook under a code of their own. */
  keptAside: Array<{ from: string; to: string }>;
  changedTargets: string[];
  /** Paired although the code changed: old code → new code. */
  renumbered: Array<{ from: string; to: string }>;
  doubtful: DoubtfulPair[];
  /** Values typed over the sheet's formulas, kept in the row's note. */
  overrides: Array<{ code: string; header: string; value: string | number }>;
  tasks: { kept: number; added: string[]; removed: string[]; keptAside: Array<{ from: string; to: string }>; renumbered: Array<{ from: string; to: string }> };
}

interface Pairing<O, N> {
  joined: Array<[O, N]>;
  doubtful: DoubtfulPair[];
  onlyOld: O[];
  onlyNew: N[];
}

function pairUp<O extends { id: string; name: string }, N extends { id: string; name: string }>(
  kind: DoubtfulPair["kind"],
  old: O[],
  next: N[],
  wording: { old: (o: O) => string; next: (n: N) => string },
  decisions: Map<string, string | null>,
): Pairing<O, N> {
  const m = matchRows(
    old.map((o) => ({ code: o.id, wording: wording.old(o) })),
    next.map((n) => ({ code: n.id, wording: wording.next(n) })),
    { sharedNumbering: true },
  );
  const partner = new Map<O, N>();
  const doubtful: DoubtfulPair[] = [];
  for (const p of m.pairs) {
    const o = old[p.a]!;
    const n = next[p.b]!;
    if (p.sure && !decisions.has(o.id)) partner.set(o, n);
    if (!p.sure) doubtful.push({ kind, oldCode: o.id, oldName: o.name, newCode: n.id, newName: n.name, similarity: p.similarity, doubt: p.doubt ?? "", joined: false });
  }
  // A person's word wins over the matcher's, whichever rows it joins or keeps apart.
  const byId = new Map(next.map((n) => [n.id, n]));
  for (const o of old) {
    if (!decisions.has(o.id)) continue;
    const target = decisions.get(o.id);
    partner.delete(o);
    const n = target ? byId.get(target) : undefined;
    if (!n) continue;
    for (const [other, taken] of partner) if (taken === n) partner.delete(other);
    partner.set(o, n);
  }
  for (const d of doubtful) d.joined = partner.get(old.find((o) => o.id === d.oldCode)!)?.id === d.newCode;
  const used = new Set(partner.values());
  return { joined: [...partner], doubtful, onlyOld: old.filter((o) => !partner.has(o)), onlyNew: next.filter((n) => !used.has(n)) };
}

const INDICATOR_WORDING = {
  old: rowWording,
  next: (ind: Indicator) =>
    matchWording(
      ind.name,
      ind.targets.map((t) => t.text),
    ),
};
const TASK_WORDING = { old: (t: TaskRow) => matchWording(t.name), next: (t: Task) => matchWording(t.name) };

function sameTargets(row: SheetRow, ind: Indicator): boolean {
  const a = row.milestones;
  const b = milestonesOf(ind);
  if (a.length !== b.length) return false;
  return a.every((m, k) => {
    const other = b[k]!;
    return m.op === other.op && (m.value ?? null) === (other.value ?? null) && (m.deadline ?? null) === (other.deadline ?? null);
  });
}

const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
const hasIndicatorEntry = (e: IndicatorEntry) =>
  e.periods.some(filled) || [e.numerator, e.denominator, e.baseline, e.evidence, e.evidenceNumber, e.evidenceDate, e.evidenceSummary, e.note].some(filled);
const hasTaskEntry = (e: TaskEntry) => Object.values(e).some(filled);

/**
 * Codes for the rows kept aside: a code no new row has stays (rows kept aside by an earlier update keep
 * theirs); a code the new appendix took goes to the next free "II.2 (cũ)", "II.2 (cũ 2)", ...
 */
function asideCodes(ids: string[], next: Array<{ id: string }>): Map<string, string> {
  const newIds = new Set(next.map((n) => n.id));
  const taken = new Set([...newIds, ...ids]);
  return new Map(
    ids.map((id) => {
      if (!newIds.has(id)) return [id, id];
      let code = id;
      for (let n = 1; taken.has(code); n++) code = `${bareCode(id)} (cũ${n === 1 ? "" : ` ${n}`})`;
      taken.add(code);
      return [id, code];
    }),
  );
}

const removedNote = (when: string) => `Không còn trong phụ lục mới (cập nhật ${when})`;
const REMOVED_NOTE = /^Không còn trong phụ lục mới \(cập nhật [^)]*\)$/;

/** What the official typed over a formula travels in the note, where it is kept and seen. */
function withOverrides(row: SheetRow, summary: UpdateSummary): IndicatorEntry {
  if (!row.overrides.length) return row.entry;
  const said = row.overrides.map((o) => `"${o.header}" = ${o.value}`).join("; ");
  for (const o of row.overrides) summary.overrides.push({ code: row.id, header: o.header, value: o.value });
  const note = [row.entry.note, `Giá trị đã gõ đè lên công thức (giữ lại khi cập nhật): ${said}`].filter(Boolean).join(" | ");
  return { ...row.entry, note };
}

/** The pairs a person must look at before an update is written, for the pane to show side by side. */
export function doubtfulPairs(old: SheetRow[], oldTasks: TaskRow[], plan: Plan): DoubtfulPair[] {
  return [...pairUp("indicator", old, plan.indicators, INDICATOR_WORDING, new Map()).doubtful, ...pairUp("task", oldTasks, plan.tasks, TASK_WORDING, new Map()).doubtful];
}

export interface MergedUpdate {
  plan: Plan;
  entries: Map<string, IndicatorEntry>;
  taskEntries: Map<string, TaskEntry>;
  summary: UpdateSummary;
}

export function mergeForUpdate(old: SheetRow[], oldTasks: TaskRow[], plan: Plan, when: string, decisions: UpdateDecisions = NO_DECISIONS): MergedUpdate {
  const summary: UpdateSummary = {
    kept: 0,
    added: [],
    removed: [],
    keptAside: [],
    changedTargets: [],
    renumbered: [],
    doubtful: [],
    overrides: [],
    tasks: { kept: 0, added: [], removed: [], keptAside: [], renumbered: [] },
  };
  const ind = pairUp("indicator", old, plan.indicators, INDICATOR_WORDING, decisions.indicators);
  const entries = new Map<string, IndicatorEntry>();
  for (const [row, next] of ind.joined) {
    const entry = withOverrides(row, summary);
    // A row kept aside by an earlier update comes back without the mark that update wrote.
    entries.set(next.id, entry.note && REMOVED_NOTE.test(entry.note) ? { ...entry, note: null } : entry);
    summary.kept++;
    if (!sameTargets(row, next)) summary.changedTargets.push(next.id);
    if (bareCode(row.id) !== next.id) summary.renumbered.push({ from: row.id, to: next.id });
  }
  summary.added = ind.onlyNew.map((i) => i.id);
  summary.doubtful.push(...ind.doubtful);
  const keeping = ind.onlyOld.map((row) => ({ row, entry: withOverrides(row, summary) }));
  summary.removed.push(...keeping.map(({ row }) => row.id));
  const withEntries = keeping.filter(({ entry }) => hasIndicatorEntry(entry));
  const indicatorCodes = asideCodes(
    withEntries.map(({ row }) => row.id),
    plan.indicators,
  );
  const aside: Indicator[] = withEntries.map(({ row, entry }) => {
    const code = indicatorCodes.get(row.id)!;
    entries.set(code, entry);
    summary.keptAside.push({ from: row.id, to: code });
    return { ...indicatorFromRow(row), id: code, code, group: REMOVED_GROUP, note: removedNote(when) };
  });

  const tasks = pairUp("task", oldTasks, plan.tasks, TASK_WORDING, decisions.tasks);
  const taskEntries = new Map<string, TaskEntry>();
  for (const [row, next] of tasks.joined) {
    taskEntries.set(next.id, row.entry);
    summary.tasks.kept++;
    if (bareCode(row.id) !== next.id) summary.tasks.renumbered.push({ from: row.id, to: next.id });
  }
  summary.tasks.added = tasks.onlyNew.map((t) => t.id);
  summary.doubtful.push(...tasks.doubtful);
  summary.tasks.removed.push(...tasks.onlyOld.map((row) => row.id));
  const tasksWithEntries = tasks.onlyOld.filter((row) => hasTaskEntry(row.entry));
  const taskCodes = asideCodes(
    tasksWithEntries.map((row) => row.id),
    plan.tasks,
  );
  const asideTasks: Task[] = tasksWithEntries.map((row) => {
    const code = taskCodes.get(row.id)!;
    taskEntries.set(code, row.entry);
    summary.tasks.keptAside.push({ from: row.id, to: code });
    return { ...taskFromRow(row), id: code, code, group: REMOVED_GROUP, parent: null, note: removedNote(when) };
  });
  return { plan: { ...plan, indicators: [...plan.indicators, ...aside], tasks: [...plan.tasks, ...asideTasks] }, entries, taskEntries, summary };
}

const codes = (ids: string[]) => (ids.length ? ids.join(", ") : "không có");
const moves = (list: Array<{ from: string; to: string }>) => list.map((r) => `${r.from} → ${r.to}`).join(", ");
const aside = (list: Array<{ from: string; to: string }>) => list.map((r) => (r.from === r.to ? r.from : `${r.from} (nay mang mã ${r.to})`)).join(", ");

/** What an update did, in the lines the pane shows and the CLI prints. */
export function describeUpdate(s: UpdateSummary): string[] {
  const lines = [
    `Giữ ${s.kept} chỉ tiêu cùng mọi số liệu, minh chứng và ghi chú đã nhập; ${s.tasks.kept} nhiệm vụ.`,
    `Chỉ tiêu mới: ${codes(s.added)}.`,
    `Đổi chỉ tiêu phấn đấu: ${codes(s.changedTargets)}.`,
    `Không còn trong phụ lục mới: ${codes(s.removed)}${s.keptAside.length ? `; giữ lại kèm số liệu trong nhóm "${REMOVED_GROUP}": ${aside(s.keptAside)}` : ""}.`,
  ];
  if (s.renumbered.length) lines.push(`Đổi mã: ${moves(s.renumbered)}.`);
  if (s.tasks.added.length || s.tasks.removed.length)
    lines.push(`Nhiệm vụ mới: ${codes(s.tasks.added)}. Nhiệm vụ không còn: ${codes(s.tasks.removed)}${s.tasks.keptAside.length ? ` (giữ lại kèm số liệu: ${aside(s.tasks.keptAside)})` : ""}.`);
  for (const d of s.doubtful) {
    const what = d.kind === "task" ? "Nhiệm vụ" : "Chỉ tiêu";
    lines.push(
      `${what} cần người xác nhận — ${d.oldCode} "${d.oldName}" và ${d.newCode} "${d.newName}" (${d.doubt}): ${d.joined ? "đã ghép theo lựa chọn, số liệu chuyển sang mã mới" : "để riêng, số liệu cũ giữ ở dòng cũ, dòng mới để trống"}.`,
    );
  }
  for (const o of s.overrides) lines.push(`${o.code}: ô "${o.header}" đã bị gõ đè lên công thức (${o.value}); giá trị đó được ghi vào Ghi chú, công thức được đặt lại.`);
  return lines;
}
