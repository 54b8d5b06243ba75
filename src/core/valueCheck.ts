import type { Entry, Milestone } from "./judge";
import { PROGRESS_WORDS } from "./judge";
import { fold } from "./text/clean";

/**
 * What is wrong with one reported value, whoever reads it: the pane's "Kiểm tra" on the sheet and the
 * command line on a results file. Values are on the sheet's scale (0.95 for 95%).
 */
export type ValueProblem =
  | { kind: "textForNumber" }
  | { kind: "notProgressWord" }
  | { kind: "numberForWords" }
  | { kind: "negative" }
  /** A percent cell at 200% or more: most likely 95 typed for 95%. */
  | { kind: "percentTyped" }
  | { kind: "over100" };

export const isWordOf = (v: unknown, list: readonly string[]): boolean => typeof v === "string" && list.some((w) => fold(w) === fold(v.trim()));

export const PROGRESS_WORD_LIST = PROGRESS_WORDS.join(", ");

export function valueProblem(v: Entry, milestones: Milestone[], percent: boolean): ValueProblem | null {
  if (v === null) return null;
  const numeric = milestones.some((m) => m.value !== null);
  const mixed = numeric && milestones.some((m) => m.value === null);
  if (typeof v === "string") {
    if (!numeric || mixed) return isWordOf(v, PROGRESS_WORDS) ? null : { kind: "notProgressWord" };
    return { kind: "textForNumber" };
  }
  if (!numeric) return { kind: "numberForWords" };
  if (v < 0) return { kind: "negative" };
  if (percent && v >= 2) return { kind: "percentTyped" };
  if (percent && v > 1) return { kind: "over100" };
  return null;
}
