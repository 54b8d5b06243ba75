import fc from "fast-check";
import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import type { Plan } from "../../src/core/plan";

const seeds = CATALOGUE.map((e) => readDocumentFile(e));

/** What must hold for any input: no throw, every row kept with text, every warning placed. */
function checkPlan(plan: Plan, input: string): void {
  expect(Array.isArray(plan.indicators)).toBe(true);
  const lineCount = input.split(/\r\n?|\n/).length;
  for (const i of plan.indicators) {
    expect(i.targets.length).toBeGreaterThan(0);
    expect(i.line).toBeGreaterThanOrEqual(1);
    expect(i.line).toBeLessThanOrEqual(lineCount);
    for (const t of i.targets) if (t.value !== null) expect(Number.isFinite(t.value)).toBe(true);
  }
  const ids = [...plan.indicators.map((i) => i.id), ...plan.tasks.map((t) => `task:${t.id}`)];
  expect(new Set(ids).size).toBe(ids.length);
  for (const w of plan.warnings) {
    expect(typeof w.message).toBe("string");
    expect(w.message.length).toBeGreaterThan(0);
  }
}

// Mutations of the kind conversions and copy-paste produce.
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom("\t", "\n", "|", "\n\n", "$\\geq", "<b>", "**", "(1)", "- ", "I. ", "Năm 2026\t", "≥", "%", "1.000,5", "Quý V/2026", "\u0000", "\ud800"),
    ),
  }),
  fc.record({ kind: fc.constant("swapLines" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("dupLine" as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ops: Mutation[]): string {
  let t = text;
  for (const op of ops) {
    if (op.kind === "delete") {
      const at = op.at % (t.length + 1);
      t = t.slice(0, at) + t.slice(at + op.len);
    } else if (op.kind === "insert") {
      const at = op.at % (t.length + 1);
      t = t.slice(0, at) + op.text + t.slice(at);
    } else {
      const lines = t.split("\n");
      const a = op.at % lines.length;
      if (op.kind === "dupLine") lines.splice(a, 0, lines[a]!);
      else {
        const b = op.other % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      t = lines.join("\n");
    }
  }
  return t;
}

describe("the parser never throws", () => {
  it("on thousands of mutated seed documents", () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), (which, ops) => {
        const input = mutate(seeds[which]!, ops);
        checkPlan(parsePlan(input), input);
      }),
      { numRuns: 1500, seed: 20261123 },
    );
  });

  it("on random strings, random tables and random lines", () => {
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("≥ 80%", "Đạt", "", "1.", "A", "Quý I/2026", "trên 85%", "10 buổi/năm", "Thường xuyên"));
    const tableText = fc
      .array(
        fc.array(cell, { minLength: 1, maxLength: 9 }).map((r) => r.join("\t")),
        { maxLength: 30 },
      )
      .map((rows) => ["STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu phấn đấu năm 2026\tThời hạn", ...rows].join("\n"));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: "binary", maxLength: 500 }), tableText), (input) => {
        checkPlan(parsePlan(input), input);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it("on input that is not a string", () => {
    for (const bad of [undefined, null, 42, {}, []] as unknown[]) {
      expect(() => parsePlan(bad as string)).not.toThrow();
    }
  });
});
