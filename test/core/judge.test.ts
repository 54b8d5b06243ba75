import { judge, judgeMilestones, judgeTask, percentText, type JudgeSettings, type Milestone } from "../../src/core/judge";
import { parsePeriod, periodLabel, type Frequency } from "../../src/core/period";
import { seedPlan } from "../support/seeds";

const settings = (period: string, frequency: Frequency = "quarter", warnThreshold = 0.5): JudgeSettings => ({ period: parsePeriod(period, frequency)!, frequency, warnThreshold });
const pct = (value: number, op: Milestone["op"] = ">=", deadline = "2026-12-31"): Milestone[] => [{ op, value, deadline, text: "" }];
const q = (...values: Array<number | string | null>) => ({ periods: values });
const status = (ms: Milestone[], report: Parameters<typeof judgeMilestones>[3], period = "Quý II/2026", cumulative = false) => {
  const j = judgeMilestones(ms, cumulative, null, report, settings(period));
  return [j.status, j.reason];
};

describe("periods", () => {
  it("are named as Vietnamese writes them, and each name reads back as the same period", () => {
    const names = ["Quý II/2026", "Tháng 5/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026"];
    expect(names.map((n) => periodLabel(parsePeriod(n, n.startsWith("Tháng") ? "month" : "quarter")!))).toEqual(names);
  });

  it("reads the period names officials write", () => {
    expect(parsePeriod("Quý II/2026", "quarter")).toEqual({ year: 2026, choice: "Quý II", endMonth: 6 });
    expect(parsePeriod("Quý 3/2026", "quarter")).toEqual({ year: 2026, choice: "Quý III", endMonth: 9 });
    expect(parsePeriod("6 tháng đầu năm 2026", "quarter")).toEqual({ year: 2026, choice: "6 tháng đầu năm", endMonth: 6 });
    expect(parsePeriod("Năm 2026", "quarter")).toEqual({ year: 2026, choice: "Cả năm", endMonth: 12 });
    expect(parsePeriod("Tháng 5/2026", "month")).toEqual({ year: 2026, choice: "Tháng 5", endMonth: 5 });
    expect(parsePeriod("Tháng 5/2026", "quarter")).toEqual({ year: 2026, choice: "Quý II", endMonth: 6 });
    expect(parsePeriod("Quý V/2026", "quarter")).toBeNull();
  });
});

describe("judging a percentage against its roadmap (docs/rules.md)", () => {
  // At the end of Quý II/2026 a 2026 target has f = 181/365, so E = 100% x 181/365 = 49.6%.
  it.each([
    [0.5, "Đúng tiến độ", "Đạt 101% lộ trình"],
    [0.3, "Chậm tiến độ", "Đạt 60% lộ trình"],
    [0.2, "Cảnh báo", "Dưới 50% lộ trình (đạt 40%)"],
    [1, "Đạt", "Đã đạt chỉ tiêu"],
  ])("%d against ≥ 100% at Quý II", (a, st, reason) => expect(status(pct(1), q(null, a))).toEqual([st, reason]));

  it("gives expected, ratio and progress", () => {
    const j = judgeMilestones(pct(1), false, null, q(0.3, null), settings("Quý II/2026"));
    expect(j.expected).toBeCloseTo(181 / 365, 12);
    expect(j.ratio).toBeCloseTo(0.3, 12);
    expect(j.progress).toBeCloseTo(0.3 / (181 / 365), 12);
    expect(j.value).toBe(0.3);
  });

  it("is exact at the boundaries", () => {
    expect(status(pct(0.95), q(0.95))).toEqual(["Đạt", "Đã đạt chỉ tiêu"]);
    expect(status(pct(0.85, ">"), q(0.85), "Quý IV/2026")).toEqual(["Không đạt", "Quá hạn 31/12/2026 mà chưa đạt"]);
    expect(status(pct(0.02, "<="), q(0.02))).toEqual(["Đạt", "Đã đạt chỉ tiêu"]);
    expect(status(pct(0.02, "<"), q(0.02))).toEqual(["Chậm tiến độ", "Chưa đạt, chưa đến hạn"]);
  });

  it("tells blank from zero", () => {
    expect(status(pct(0.8), q(null, null))).toEqual(["Chưa có số liệu", "Chưa nhập số liệu đến kỳ này"]);
    expect(status(pct(0.8), q(0, null))[0]).toBe("Cảnh báo");
  });

  it("puts invalid evidence before a met target, and no data before both", () => {
    expect(status(pct(0.8), { periods: [0.9], evidence: "Không hợp lệ" })).toEqual(["Cảnh báo", "Minh chứng không hợp lệ"]);
    expect(status(pct(0.8), { periods: [null], evidence: "Không hợp lệ" })[0]).toBe("Chưa có số liệu");
  });

  it("judges at-most and rank targets without a roadmap", () => {
    expect(status(pct(0.02, "<="), q(0.03), "Quý II/2026")).toEqual(["Chậm tiến độ", "Chưa đạt, chưa đến hạn"]);
    expect(status(pct(0.02, "<="), q(0.03, 0.03, 0.03, 0.03), "Quý IV/2026")).toEqual(["Không đạt", "Quá hạn 31/12/2026 mà chưa đạt"]);
    expect(judgeMilestones(pct(10, "<="), false, null, q(12), settings("Quý I/2026")).ratio).toBeCloseTo(10 / 12, 12);
  });

  it("takes the latest report for a level and the sum for a per-year count", () => {
    expect(judgeMilestones(pct(1), false, null, q(0.4, null, 0.7), settings("Quý II/2026")).value).toBe(0.4);
    const count = judgeMilestones(pct(10), true, null, q(3, 2, 100), settings("Quý II/2026"));
    expect(count.value).toBe(5);
    expect(count.status).toBe("Đúng tiến độ");
  });

  it("uses the numerator over the denominator when both are given", () => {
    expect(judgeMilestones(pct(0.9), false, null, { periods: [0.1], numerator: 19, denominator: 20 }, settings("Quý I/2026")).value).toBe(0.95);
  });

  it("shows whether the last two reports rose or fell", () => {
    expect(judgeMilestones(pct(1), false, null, q(0.4, 0.6), settings("Quý II/2026")).trend).toBe("Tăng");
    expect(judgeMilestones(pct(1), false, null, q(0.6, null, 0.5), settings("Quý III/2026")).trend).toBe("Giảm");
    expect(judgeMilestones(pct(1), false, null, q(0.6, 0.6), settings("Quý II/2026")).trend).toBe("Không đổi");
  });

  it("judges a multi-milestone indicator against the next milestone, from the previous one", () => {
    const ms: Milestone[] = [
      { op: ">=", value: 0.7, deadline: "2026-12-31", text: "" },
      { op: ">=", value: 0.85, deadline: "2028-12-31", text: "" },
      { op: ">=", value: 0.9, deadline: "2030-12-31", text: "" },
    ];
    const j = judgeMilestones(ms, false, null, q(null, 0.75), settings("Quý II/2027"));
    expect(j.milestone).toBe(2);
    const f = 181 / 731;
    expect(j.expected).toBeCloseTo(0.7 + 0.15 * f, 12);
    expect(j.progress).toBeCloseTo(0.05 / (0.15 * f), 12);
    expect(j.status).toBe("Đúng tiến độ");
  });

  it("judges done targets by their progress word", () => {
    const done: Milestone[] = [{ op: "done", value: null, deadline: "2026-12-31", text: "Đạt" }];
    expect(status(done, q("Hoàn thành"))).toEqual(["Đạt", "Đã hoàn thành"]);
    expect(status(done, q("đạt"))).toEqual(["Đạt", "Đã hoàn thành"]);
    expect(status(done, q("Đang triển khai"))).toEqual(["Đúng tiến độ", "Đang triển khai"]);
    expect(status(done, q("Chưa triển khai"))).toEqual(["Chậm tiến độ", "Chưa hoàn thành"]);
    expect(status(done, q("Đang triển khai", null, null, "Đang triển khai"), "Quý IV/2026")).toEqual(["Không đạt", "Quá hạn 31/12/2026 mà chưa hoàn thành"]);
  });

  it("judges tasks, and an ongoing task never falls overdue", () => {
    expect(judgeTask({ deadline: "2026-03-31" }, "Đang triển khai", "", settings("Quý I/2026")).status).toBe("Không đạt");
    expect(judgeTask({ deadline: "2026-03-31" }, "Hoàn thành", "Không hợp lệ", settings("Quý II/2026")).status).toBe("Cảnh báo");
    expect(judgeTask({ deadline: null }, "Đang triển khai", "", settings("Quý IV/2026")).status).toBe("Đúng tiến độ");
  });

  it("formats percentages as spreadsheets do", () => {
    expect(percentText(0.285)).toBe("29%");
    expect(percentText(0.125)).toBe("13%");
    expect(percentText(-0.125)).toBe("-13%");
    expect(percentText(0.5)).toBe("50%");
  });

  it("reads seed plans on the sheet's scale", () => {
    const plan = seedPlan("thong-nhat-2026");
    const c6 = plan.indicators.find((i) => i.id === "C.6")!;
    expect(judge(c6, q(0.95), settings("Quý I/2026")).status).toBe("Đạt");
    expect(judge(c6, q(0.94), settings("Quý IV/2026")).status).toBe("Không đạt");
  });
});
