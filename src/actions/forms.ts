import { isoDate } from "../core/deadline";
import type { LeadGroups } from "../core/leadUnits";
import { departmentsOf } from "../reading/departments";
import { periodLabel } from "../core/period";
import type { Plan } from "../core/plan";
import { ascii } from "../province/export";
import { judgeSettingsOf, settingsFromConfig } from "../reading/configRead";
import { planFromReport } from "../reading/rebuild";
import { PRODUCT_VERSION } from "../version";
import type { ReadReport } from "./exportForProvince";
import { reportWorkbookFile } from "./reportWorkbook";
import { rebuildRefusal } from "./updateReport";
import { UserFacingError } from "../core/userFacingError";

/**
 * "Giao phiếu": from the ward's book, one form per lead unit (đơn vị chủ trì) with only the indicators and
 * tasks it leads, for the book's period, with the same input cells, validation and protection, what the
 * book already holds for those rows, and the form's identity (department, book, due date) in its metadata.
 */

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

/** Forms go out and come back only for a standard book read back whole. */
export function formsRefusal(report: ReadReport): string | null {
  return rebuildRefusal(report, "giao và thu phiếu");
}

/** The pairs of lead-unit names the official is asked about before the forms go out. */
export function formDoubts(report: ReadReport): LeadGroups["doubtful"] {
  const refusal = formsRefusal(report);
  if (refusal) throw new UserFacingError(refusal);
  return departmentsOf(report).doubtful;
}

export async function issueForms(
  report: ReadReport,
  options: { due?: string; joined?: string[][] } = {},
): Promise<{ forms: IssuedForm[]; due: string; doubtful: LeadGroups["doubtful"]; unassigned: string[] }> {
  const { period } = judgeSettingsOf(report.config);
  const due = options.due ?? defaultDue(period.year, period.endMonth);
  const refusal = formsRefusal(report);
  if (refusal) throw new UserFacingError(refusal);
  const { departments, doubtful, unassigned } = departmentsOf(report, options.joined);
  if (departments.length === 0) throw new UserFacingError('Sổ không ghi đơn vị chủ trì cho chỉ tiêu, nhiệm vụ nào: không có phiếu để giao. Hãy điền cột "Đơn vị chủ trì" rồi làm lại.');
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
