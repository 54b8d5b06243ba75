import { isoDate } from "../core/deadline";
import { groupLeadUnits, leadKey, leadsOf, type LeadGroups } from "../core/leadUnits";
import { periodLabel } from "../core/period";
import type { Plan } from "../core/plan";
import { ascii } from "../province/export";
import { judgeSettingsOf, settingsFromConfig } from "../reading/configRead";
import { planFromReport } from "../reading/rebuild";
import { PRODUCT_VERSION } from "../version";
import type { ReadReport } from "./exportForProvince";
import { reportWorkbookFile } from "./reportWorkbook";

/**
 * "Giao phiếu": from the ward's book, one form per lead unit (đơn vị chủ trì) with only the indicators and
 * tasks it leads, for the book's period, with the same input cells, validation and protection, what the
 * book already holds for those rows, and the form's identity (department, book, due date) in its metadata.
 */

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
export function departmentsOf(report: ReadReport, joined: string[][] = []): { departments: Department[]; doubtful: LeadGroups["doubtful"]; unassigned: string[] } {
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

/** By default a form is due on the 5th of the month after the period ends, as the plans ask. */
export function defaultDue(year: number, endMonth: number): string {
  return endMonth === 12 ? isoDate(year + 1, 1, 5) : isoDate(year, endMonth + 1, 5);
}

export interface IssuedForm {
  department: string;
  name: string;
  bytes: Uint8Array;
  indicators: number;
  tasks: number;
}

export function formName(department: string, period: string): string {
  return `Phieu_${ascii(department)}_${ascii(period)}.xlsx`;
}

export async function issueForms(
  report: ReadReport,
  options: { due?: string; joined?: string[][] } = {},
): Promise<{ forms: IssuedForm[]; due: string; doubtful: LeadGroups["doubtful"]; unassigned: string[] }> {
  const { period } = judgeSettingsOf(report.config);
  const due = options.due ?? defaultDue(period.year, period.endMonth);
  const { departments, doubtful, unassigned } = departmentsOf(report, options.joined);
  const { plan, entries, taskEntries } = planFromReport(report.reading.rows, report.tasks, report.config.planTitle);
  const base = settingsFromConfig(report.config, report.meta?.planId || null, PRODUCT_VERSION);
  const forms: IssuedForm[] = [];
  for (const d of departments) {
    const indicators = new Set(d.indicators);
    const tasks = new Set(d.tasks);
    const own: Plan = { ...plan, indicators: plan.indicators.filter((i) => indicators.has(i.id)), tasks: plan.tasks.filter((t) => tasks.has(t.id)) };
    const settings = { ...base, unit: d.name, form: { department: d.name, book: report.config.unit, due, leads: d.variants } };
    const { bytes } = await reportWorkbookFile(own, settings, { indicators: entries, tasks: taskEntries });
    // Two units whose names differ only by accents would share an ASCII file name: number the second.
    let name = formName(d.name, periodLabel(period));
    for (let k = 2; forms.some((f) => f.name === name); k++) name = formName(`${d.name} ${k}`, periodLabel(period));
    forms.push({ department: d.name, name, bytes, indicators: own.indicators.length, tasks: own.tasks.length });
  }
  return { forms, due, doubtful, unassigned };
}
