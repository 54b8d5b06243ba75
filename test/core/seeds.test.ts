import { readFileSync } from "fs";
import { join } from "path";
import { CATALOGUE } from "../../src/catalogue/catalogue";
import type { Plan } from "../../src/core/plan";
import { indicatorRow, taskRow } from "../support/rows";
import { type SeedId, seedPlan } from "../support/seeds";

const plans = new Map<string, Plan>();
const plan = (id: string): Plan => {
  if (!plans.has(id)) plans.set(id, seedPlan(id as SeedId));
  return plans.get(id)!;
};
const ind = (id: string, code: string) => {
  const found = plan(id).indicators.find((i) => i.id === code);
  if (!found) throw new Error(`${id}: no indicator ${code}`);
  return found;
};

describe.each(CATALOGUE.map((e) => e.id))("seed %s: every row", (id) => {
  // The golden file was read against the document row by row; any change to a row shows here.
  const expected = readFileSync(join(__dirname, "..", "fixtures", "seeds", `${id}.rows.txt`), "utf8")
    .trimEnd()
    .split("\n");
  it("loads every indicator and task exactly as the document states it", () => {
    const p = plan(id);
    const actual = [`# ${p.title}`, `# năm: ${p.years.join(", ")}`, ...p.indicators.map(indicatorRow), ...p.tasks.map(taskRow), ...p.warnings.map((w) => `! ${w.where}: ${w.message}`)];
    expect(actual).toEqual(expected);
  });
  it("keeps text NFC and free of conversion artefacts", () => {
    const p = plan(id);
    const texts = [...p.indicators.flatMap((i) => [i.name, i.lead ?? "", ...i.targets.map((t) => t.text)]), ...p.tasks.flatMap((t) => [t.name, t.output ?? "", t.kpi ?? ""])];
    for (const t of texts) {
      expect(t).toBe(t.normalize("NFC"));
      expect(t).not.toMatch(/\\geq|\$|<\/?(b|p|li|ul|math)\b|\*\*/);
    }
  });
});

describe("counts per seed", () => {
  it.each([
    ["thong-nhat-2026", 29, 0],
    ["ho-nai-dang-uy-2030", 60, 0],
    ["phuoc-binh-2026", 36, 32],
    ["hoa-cuong-2030", 17, 0],
    ["ho-nai-2026", 43, 0],
  ])("%s has %i indicators and %i tasks", (id, indicators, tasks) => {
    expect(plan(id).indicators).toHaveLength(indicators);
    expect(plan(id).tasks).toHaveLength(tasks);
  });
});

describe("the appendix shapes of the seeds", () => {
  it("joins Thống Nhất's C.11, split across a page break, cell by cell", () => {
    const c11 = ind("thong-nhat-2026", "C.11");
    expect(c11.name).toBe("Tỷ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử của các cơ quan hành chính nhà nước");
    expect(c11.lead).toBe("Trung tâm Phục vụ HCC");
    expect(c11.partners).toBe("Các cơ quan, đơn vị thuộc xã");
    expect(c11.targets).toEqual([{ year: 2026, deadline: "2026-12-31", op: ">=", value: 100, upper: null, unit: "%", text: "100%" }]);
  });

  it("reads a bare 100 under a % column and Đạt as a done target", () => {
    expect(ind("thong-nhat-2026", "C.3").targets[0]).toMatchObject({ op: ">=", value: 100, unit: "%" });
    expect(ind("thong-nhat-2026", "C.18")).toMatchObject({ kind: "done", unit: "Đạt" });
    expect(ind("thong-nhat-2026", "B.1").targets[0]).toMatchObject({ op: ">=", value: 2, unit: "%/năm" });
  });

  it("keeps Hồ Nai's two year sections, its repeated 10 and its jump from 27 to 30", () => {
    const p = plan("ho-nai-dang-uy-2030");
    expect(p.years).toEqual([2026, 2030]);
    expect(ind("ho-nai-dang-uy-2030", "2030.I.10").name).toMatch(/^Trang bị hệ thống chiếu sáng/);
    expect(ind("ho-nai-dang-uy-2030", "2030.II.10").targets[0]).toMatchObject({ op: ">=", value: 100, deadline: "2030-12-31" });
    expect(p.indicators.map((i) => i.code)).toContain("2030.IV.30");
    expect(p.indicators.map((i) => i.code)).not.toContain("2030.IV.28");
    expect(ind("ho-nai-dang-uy-2030", "2026.III.8")).toMatchObject({ kind: "qualitative", targets: [{ op: "none" }] });
    expect(ind("ho-nai-dang-uy-2030", "2030.II.13").name).toBe("Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (không bao gồm hồ sơ xử lý công việc có nội dung mật)");
  });

  it("reads Phước Bình's prose: two targets on one line, a rank, and the task appendix", () => {
    expect(ind("phuoc-binh-2026", "1.5.16a").targets[0]).toMatchObject({ op: ">=", value: 60 });
    expect(ind("phuoc-binh-2026", "1.5.16b").targets[0]).toMatchObject({ op: ">=", value: 80 });
    expect(ind("phuoc-binh-2026", "1.5.1").targets[0]).toMatchObject({ op: "<=", value: 10, rank: true });
    expect(ind("phuoc-binh-2026", "1.1.1").targets[0]).toMatchObject({ op: ">=", value: 60, unit: "%", text: "đạt từ 60% dân số trở lên" });
    const tasks = plan("phuoc-binh-2026").tasks;
    expect(tasks.filter((t) => /Mã Nhiệm vụ/.test(t.name))).toEqual([]);
    const ii1 = tasks.find((t) => t.id === "II.1")!;
    expect(ii1).toMatchObject({ deadline: "2026-03-31", deadlineText: "Quý I/2026", lead: "UBND phường", kpi: "100% các mục tiêu, nhiệm vụ được hoàn thành" });
    expect(ii1.parent).toBe("Xây dựng văn bản thực hiện Chương trình đột phá về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh");
    expect(tasks.find((t) => t.id === "II.4")).toMatchObject({ deadline: "2026-02-28", note: "Xây dựng hệ thống theo dõi, đánh giá kết quả thực hiện các nhiệm vụ chuyển đổi số" });
    expect(tasks.find((t) => t.id === "I.1")).toMatchObject({ ongoing: true, deadline: null });
    expect(tasks.find((t) => t.id === "V.2.4")).toMatchObject({ deadline: "2026-03-31", deadlineText: "Quý 1/2026" });
    expect(tasks.find((t) => t.id === "V.2.1")!.output).toBe("- Hệ thống phần mềm được vận hành.\n- Hệ thống Local AI. - Hạ tầng được nâng cấp.");
  });

  it("reads Hòa Cường's three milestones and their text milestones", () => {
    const i5 = ind("hoa-cuong-2030", "II.5");
    expect(i5.targets.map((t) => [t.year, t.op, t.value])).toEqual([
      [2026, "done", null],
      [2028, ">=", 60],
      [2030, ">=", 100],
    ]);
    expect(i5.targets[0]!.text).toBe("Thí điểm, hình thành mô hình");
    expect(ind("hoa-cuong-2030", "I.8").targets.map((t) => t.text)).toEqual(["Hoàn thành", "Duy trì", "Ổn định"]);
    expect(ind("hoa-cuong-2030", "I.1").source).toMatch(/^Thống kê\/báo cáo từ Hệ thống/);
    // Phụ lục 2-4 are data groups, criteria and outputs, not indicators.
    expect(plan("hoa-cuong-2030").indicators.some((i) => /Dân cư – Tổ dân phố|Định danh số/.test(i.name))).toBe(false);
  });

  it("reads Hồ Nai 2026's prose bullets, 'tối đa 2%' in IV and a per-year count", () => {
    expect(ind("ho-nai-2026", "IV.1").targets[0]).toMatchObject({ op: "<=", value: 2, unit: "%" });
    expect(ind("ho-nai-2026", "2.4.9")).toMatchObject({ kind: "cumulative", targets: [{ op: ">=", value: 10, unit: "buổi/năm" }] });
    expect(ind("ho-nai-2026", "2.1.4").targets[0]).toMatchObject({ op: ">", value: 85 });
    expect(ind("ho-nai-2026", "2.4.2").targets[0]).toMatchObject({ op: ">", value: 80 });
    // The general objectives (1. Mục tiêu chung) are not indicators.
    expect(plan("ho-nai-2026").indicators.some((i) => /^Mục tiêu chung của chuyển đổi số/.test(i.name))).toBe(false);
  });
});
