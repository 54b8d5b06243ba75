import { CATALOGUE, findEntry } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import type { Plan } from "../../src/core/plan";

/** The ids of the built-in plans: the five real documents the product was made from. */
export type SeedId = "thong-nhat-2026" | "ho-nai-dang-uy-2030" | "phuoc-binh-2026" | "hoa-cuong-2030" | "ho-nai-2026";

/** A built-in plan as the loader reads it; a fresh object on every call, so a test may change its copy. */
export function seedPlan(id: SeedId): Plan {
  const entry = findEntry(id);
  if (!entry) throw new Error(`no built-in plan ${id}`);
  return parsePlan(readDocumentFile(entry));
}

/** Every built-in plan with its id, in catalogue order. */
export function seedPlans(): Array<{ id: string; plan: Plan }> {
  return CATALOGUE.map((e) => ({ id: e.id, plan: parsePlan(readDocumentFile(e)) }));
}

/** A tab-separated appendix as it arrives when a table is copied from Word or Excel: header row, then rows. */
export function pastedAppendix(header: string[], rows: string[][]): string {
  return [header, ...rows].map((cells) => cells.join("\t")).join("\n");
}
