import type { Indicator, Target, Task } from "../../src/core/plan";

/** One line per row, every field that matters to a user, so a golden file shows each row of a seed. */
const target = (t: Target): string =>
  [t.op, t.value ?? "", t.upper !== null ? `..${t.upper}` : "", t.unit ? ` ${t.unit}` : "", t.rank ? " (hạng)" : "", ` @${t.year ?? "?"}/${t.deadline ?? "-"}`, ` «${t.text}»`].join("");

export function indicatorRow(i: Indicator): string {
  return [
    i.id,
    `L${i.line}`,
    `[${i.groupCode}] ${i.group}`,
    i.section ?? "",
    i.kind,
    `đvt=${i.unit ?? ""}`,
    i.targets.map(target).join(" | "),
    `chủ trì=${i.lead ?? ""}`,
    `phối hợp=${i.partners ?? ""}`,
    `nguồn=${i.source ?? ""}`,
    `ghi chú=${i.note ?? ""}`,
    i.name,
    ...(i.review ? [`xem lại=${i.review}`] : []),
  ].join("\t");
}

export function taskRow(t: Task): string {
  return [
    t.id,
    `L${t.line}`,
    `[${t.groupCode}] ${t.group}`,
    `hạn=${t.deadline ?? (t.ongoing ? "thường xuyên" : "")}`,
    `«${t.deadlineText ?? ""}»`,
    `chủ trì=${t.lead ?? ""}`,
    `phối hợp=${t.partners ?? ""}`,
    `tổng quát=${t.parent ?? ""}`,
    `đầu ra=${t.output ?? ""}`,
    `kpi=${t.kpi ?? ""}`,
    `ghi chú=${t.note ?? ""}`,
    t.name,
  ]
    .join("\t")
    .replace(/\n/g, "⏎");
}
