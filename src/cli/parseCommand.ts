import { describeTarget, formatDate } from "../core/format";
import { groupLabel, type Plan } from "../core/plan";

/** The readable Vietnamese summary `chitieu parse FILE` prints. */
export function planSummary(plan: Plan): string {
  const out: string[] = [];
  const counts = { level: 0, cumulative: 0, done: 0, qualitative: 0 };
  for (const i of plan.indicators) counts[i.kind]++;
  out.push(`Kế hoạch: ${plan.title || "(không rõ tên)"}`);
  out.push(`Năm: ${plan.years.join(", ") || "(không rõ)"}`);
  out.push(
    `Chỉ tiêu: ${plan.indicators.length} (định lượng ${counts.level + counts.cumulative}, trong đó cộng dồn ${counts.cumulative}; hoàn thành/đạt ${counts.done}; định tính ${counts.qualitative})`,
  );
  out.push(`Nhiệm vụ: ${plan.tasks.length}`);
  const toReview = plan.indicators.filter((i) => i.review).length;
  if (toReview) out.push(`Cần xem lại: ${toReview} chỉ tiêu được đọc với giả định (đánh dấu [cần xem lại] bên dưới)`);
  out.push(`Cảnh báo: ${plan.warnings.length}`);

  let group: string | null = null;
  for (const i of plan.indicators) {
    const g = groupLabel(i);
    if (g !== group) {
      group = g;
      out.push("", g || "(không có nhóm)");
    }
    const targets = i.targets.map((t) => `${describeTarget(t)}${t.year ? ` (${t.year})` : ""}`).join("; ");
    const lead = i.lead ? ` — chủ trì: ${i.lead}` : "";
    out.push(`  ${i.id}  ${i.name}`);
    out.push(`        chỉ tiêu: ${targets}${lead}`);
    if (i.review) out.push(`        [cần xem lại] ${i.review}`);
  }

  if (plan.tasks.length) {
    out.push("", "NHIỆM VỤ");
    let taskGroup: string | null = null;
    for (const t of plan.tasks) {
      const g = [t.groupCode, t.group].filter(Boolean).join(". ");
      if (g !== taskGroup) {
        taskGroup = g;
        out.push("", g || "(không có nhóm)");
      }
      const due = t.ongoing ? "thường xuyên" : t.deadline ? `hạn ${formatDate(t.deadline)}` : "không rõ thời hạn";
      out.push(`  ${t.id}  ${t.name}`);
      out.push(`        ${due}${t.lead ? ` — chủ trì: ${t.lead}` : ""}`);
    }
  }

  if (plan.warnings.length) {
    out.push("", "CẢNH BÁO");
    for (const w of plan.warnings) out.push(`  ${w.where}: ${w.message}`);
  }
  return out.join("\n");
}
