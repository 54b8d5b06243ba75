import type { Plan } from "../core/plan";
import type { FormIdentity, WorkbookSettings } from "./settings";
import type { SheetSpec } from "./spec";
import { emptySheet, setCell } from "./spec";

/**
 * What a program reads back from a report workbook: what kind of file it is, which product and plan
 * made it, and every indicator's code. Unit, period and report date live on "Cấu hình", where
 * officials change them.
 */
export const META_SHEET = "_CDS";
export const META_KIND = "chitieu-bao-cao";
/** Raised when the layout of the report changes in a way older readers cannot follow. */
export const META_SCHEMA = 1;

export interface ReportMeta {
  kind: string;
  schema: number;
  productVersion: string;
  planId: string;
  planTitle: string;
  codes: string[];
  taskCodes: string[];
  /** A department's form ("Giao phiếu"), not a whole book. */
  form?: FormIdentity;
}

export function buildMetaSheet(plan: Plan, settings: WorkbookSettings): SheetSpec {
  const rows: Array<[string, string | number]> = [
    ["kind", META_KIND],
    ["schema", META_SCHEMA],
    ["productVersion", settings.productVersion],
    ["planId", settings.planId ?? ""],
    ["planTitle", plan.title],
    ["indicators", plan.indicators.length],
    ["tasks", plan.tasks.length],
    ...(settings.form
      ? ([
          ["formDepartment", settings.form.department],
          ["formBook", settings.form.book],
          ["formDue", settings.form.due],
          ["formLeads", (settings.form.leads ?? [settings.form.department]).join("\n")],
        ] as Array<[string, string]>)
      : []),
  ];
  const sheet = metadataSheet(rows);
  const r = rows.length + 2;
  setCell(sheet, r, 1, { v: "indicatorCode" });
  setCell(sheet, r, 2, { v: "taskCode" });
  plan.indicators.forEach((ind, k) => setCell(sheet, r + 1 + k, 1, { v: ind.id }));
  plan.tasks.forEach((t, k) => setCell(sheet, r + 1 + k, 2, { v: t.id }));
  return sheet;
}

/** The very hidden metadata sheet, key in column A and value in column B, for a program to read back. */
export function metadataSheet(rows: Array<[string, string | number]>): SheetSpec {
  const sheet = emptySheet(META_SHEET);
  rows.forEach(([k, v], i) => {
    setCell(sheet, i + 1, 1, { v: k });
    setCell(sheet, i + 1, 2, { v });
  });
  sheet.columns = [{ width: 16 }, { width: 40 }];
  sheet.hidden = true;
  sheet.print = { landscape: false, repeatRows: null };
  return sheet;
}

/** Reads the metadata sheet's values back; null when the sheet is not ours. */
export function readMeta(values: unknown[][]): ReportMeta | null {
  const get = (key: string) => values.find((r) => r?.[0] === key)?.[1];
  if (get("kind") !== META_KIND) return null;
  const start = values.findIndex((r) => r?.[0] === "indicatorCode");
  const codes: string[] = [];
  const taskCodes: string[] = [];
  for (let k = start + 1; start >= 0 && k < values.length; k++) {
    const [code, taskCode] = values[k] ?? [];
    if (code) codes.push(String(code));
    if (taskCode) taskCodes.push(String(taskCode));
  }
  return {
    kind: META_KIND,
    schema: Number(get("schema")) || 0,
    productVersion: String(get("productVersion") ?? ""),
    planId: String(get("planId") ?? ""),
    planTitle: String(get("planTitle") ?? ""),
    codes,
    taskCodes,
    ...(get("formDepartment")
      ? {
          form: {
            department: String(get("formDepartment")),
            book: String(get("formBook") ?? ""),
            due: String(get("formDue") ?? ""),
            leads: String(get("formLeads") ?? get("formDepartment"))
              .split("\n")
              .filter(Boolean),
          },
        }
      : {}),
  };
}
