import { groupLeadUnits, leadKey, leadsOf, type LeadGroups } from "../core/leadUnits";
import type { SheetRow, TaskRow } from "./readBack";

/** The lead units (đơn vị chủ trì) of a report and the rows each leads: for the forms, their return, and the written report. */

export interface Department {
  /** The unit as the book names it most often. */
  name: string;
  /** Every spelling of it met in the book's lead cells. */
  variants: string[];
  indicators: string[];
  tasks: string[];
}

/**
 * The departments of a book: every lead unit of its indicators and tasks, spellings of one unit taken
 * together; `joined` lists names the official confirmed as one unit (a doubtful pair), the first named.
 */
export function departmentsOf(
  report: { reading: { rows: SheetRow[] }; tasks: TaskRow[] },
  joined: string[][] = [],
): { departments: Department[]; doubtful: LeadGroups["doubtful"]; unassigned: string[] } {
  const rows = [...report.reading.rows.map((r) => ({ code: r.id, lead: r.lead, task: false })), ...report.tasks.map((t) => ({ code: t.id, lead: t.lead, task: true }))];
  const grouped = groupLeadUnits(rows.flatMap((r) => leadsOf(r.lead)));
  const units: Array<{ name: string; variants: string[] }> = [];
  for (const u of grouped.units) {
    const join = joined.find((names) => names.some((n) => u.variants.some((v) => leadKey(v) === leadKey(n))));
    const into = join && units.find((x) => x.variants.some((v) => join.some((n) => leadKey(n) === leadKey(v))));
    if (into) into.variants.push(...u.variants);
    else units.push({ name: join ? (grouped.units.find((g) => g.variants.some((v) => leadKey(v) === leadKey(join[0]!)))?.name ?? u.name) : u.name, variants: [...u.variants] });
  }
  const together = (a: string, b: string) => units.some((u) => u.variants.includes(a) && u.variants.includes(b));
  const doubtful = grouped.doubtful.filter((d) => !together(grouped.units.find((g) => g.name === d.a)!.variants[0]!, grouped.units.find((g) => g.name === d.b)!.variants[0]!));
  const departments = units.map((u) => {
    const keys = new Set(u.variants.map(leadKey));
    const mine = rows.filter((r) => leadsOf(r.lead).some((l) => keys.has(leadKey(l))));
    return { name: u.name, variants: u.variants, indicators: mine.filter((r) => !r.task).map((r) => r.code), tasks: mine.filter((r) => r.task).map((r) => r.code) };
  });
  return { departments, doubtful, unassigned: rows.filter((r) => leadsOf(r.lead).length === 0).map((r) => r.code) };
}
