import type { Judgement, Status } from "../core/judge";
import { STATUSES, judgeMilestones, judgeTask, numberOrNull, shownOnDocumentScale } from "../core/judge";
import { formatDate, formatNumber } from "../core/format";
import { periodEnd } from "../core/period";
import type { ReadReport } from "../actions/exportForProvince";
import { judgeSettingsOf } from "../reading/configRead";
import type { SheetRow, TaskRow } from "../reading/readBack";
import { departmentsOf } from "../reading/departments";

/**
 * The written report of a period (Báo cáo kết quả thực hiện), drafted from the report workbook's data in
 * the form of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): who issues it, the title,
 * the body a leader signs after light editing, the recipients, the signature block and an annex table.
 * Pure data; src/report/docx.ts lays it out as a Word file.
 */
export interface ReportDraft {
  /** Top left: the issuing body in capitals, one line each ("ỦY BAN NHÂN DÂN", "XÃ THỐNG NHẤT"). */
  issuer: string[];
  /** "Số:      /BC-UBND": the number is the office's to fill in. */
  number: string;
  /** Top right: the national motto (Quốc hiệu and Tiêu ngữ), or the Party's heading for a Party committee. */
  motto: string[];
  /** "Thống Nhất, ngày     tháng     năm 2026". */
  placeAndDate: string;
  title: string;
  summary: string;
  body: Block[];
  recipients: string[];
  signature: { on: string; title: string };
  counts: Record<Status, number>;
  total: number;
  annex: { title: string; indicators: AnnexIndicator[]; tasks: AnnexTask[] };
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullet"; text: string }
  | { kind: "statusTable" }
  | { kind: "chart" }
  | { kind: "groupTable"; rows: Array<{ group: string; counts: Record<Status, number>; total: number }> };

export interface AnnexIndicator {
  code: string;
  name: string;
  target: string;
  value: string;
  ratio: string;
  status: Status;
  reason: string;
  lead: string;
}

export interface AnnexTask {
  code: string;
  name: string;
  lead: string;
  deadline: string;
  progress: string;
  status: Status;
}

interface Issuer {
  issuer: string[];
  number: string;
  motto: string[];
  place: string;
  signature: { on: string; title: string };
  recipients: string[];
}

const upper = (s: string) => s.toLocaleUpperCase("vi").normalize("NFC");
const placeOf = (area: string) => area.replace(/^(xã|phường|thị trấn|đặc khu)\s+/iu, "").trim();

/** The issuing body, its document number's symbol and signature, read from the unit's name as "Cấu hình" holds it. */
export function issuerOf(unit: string): Issuer {
  const name = unit.trim().replace(/\s+/g, " ");
  const people = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu.exec(name);
  if (people) {
    const area = people[1]!;
    return {
      issuer: ["ỦY BAN NHÂN DÂN", upper(area)],
      number: "Số:        /BC-UBND",
      motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
      place: placeOf(area),
      signature: { on: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" },
      recipients: ["Ban Chỉ đạo chuyển đổi số (để báo cáo);", "Thường trực Đảng ủy (để báo cáo);", "Chủ tịch, các Phó Chủ tịch UBND;", "Các phòng, đơn vị chủ trì;", "Lưu: VT, VHXH."],
    };
  }
  const party = /^(?:Đảng ủy|Đảng uỷ)\s+(.+)$/iu.exec(name);
  if (party) {
    const area = party[1]!;
    return {
      issuer: [`ĐẢNG ỦY ${upper(area)}`, "*"],
      number: "Số       -BC/ĐU",
      motto: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
      place: placeOf(area),
      signature: { on: "T/M ĐẢNG ỦY", title: "BÍ THƯ" },
      recipients: ["Ban Thường vụ (để báo cáo);", "Các chi bộ, đơn vị chủ trì;", "Lưu: Văn phòng Đảng ủy."],
    };
  }
  return {
    issuer: [upper(name || "(TÊN CƠ QUAN)")],
    number: "Số:        /BC",
    motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    place: "..........",
    signature: { on: "THỦ TRƯỞNG CƠ QUAN", title: "" },
    recipients: ["Như trên;", "Lưu: VT."],
  };
}

/** "quý II năm 2026", "tháng 5 năm 2026", "6 tháng đầu năm 2026", "năm 2026": the period as a sentence says it. */
export function periodWords(choice: string, year: number): string {
  if (choice === "Cả năm") return `năm ${year}`;
  if (choice === "6 tháng đầu năm") return `6 tháng đầu năm ${year}`;
  if (choice === "9 tháng") return `9 tháng năm ${year}`;
  return `${choice.charAt(0).toLocaleLowerCase("vi")}${choice.slice(1)} năm ${year}`;
}

const STATUS_WORD: Record<Status, string> = {
  Đạt: "đạt",
  "Đúng tiến độ": "đúng tiến độ",
  "Chậm tiến độ": "chậm tiến độ",
  "Cảnh báo": "cảnh báo",
  "Không đạt": "không đạt",
  "Chưa có số liệu": "chưa có số liệu",
};

const ATTENTION: Status[] = ["Không đạt", "Cảnh báo", "Chậm tiến độ"];

const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

function valueText(j: Judgement, row: SheetRow): string {
  if (j.value === null) return "";
  if (typeof j.value !== "number") return String(j.value);
  const shown = shownOnDocumentScale(j.value, row.percent)!;
  return row.percent ? `${formatNumber(shown)}%` : `${formatNumber(shown)}${row.unit && row.unit !== "%" ? ` ${row.unit}` : ""}`;
}

const ratioText = (r: number | null) => (r === null ? "" : `${formatNumber(Math.round(r * 1000) / 10)}%`);

/** Drafts the written report of the period chosen on "Cấu hình", judged by the rules the sheet's formulas hold. */
export function draftReport(report: ReadReport): ReportDraft {
  const { config } = report;
  const settings = judgeSettingsOf(config);
  const who = issuerOf(config.unit);
  const when = periodWords(settings.period.choice, settings.period.year);
  const end = periodEnd(settings.period);

  const judged = report.reading.rows.map((row) => ({ row, j: judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings) }));
  const tasks = report.tasks.map((t) => ({ t, j: judgeTask(t, t.entry.progress ?? null, t.entry.evidence ?? "", settings) }));
  const counts = zeroCounts();
  for (const { j } of judged) counts[j.status]++;
  const total = judged.length;

  const groups: Array<{ group: string; counts: Record<Status, number>; total: number }> = [];
  for (const { row, j } of judged) {
    let g = groups.find((x) => x.group === row.group);
    if (!g) groups.push((g = { group: row.group, counts: zeroCounts(), total: 0 }));
    g.counts[j.status]++;
    g.total++;
  }

  const body: Block[] = [];
  const say = (text: string) => body.push({ kind: "paragraph", text });
  const bullet = (text: string) => body.push({ kind: "bullet", text: text.normalize("NFC") });
  const heading = (text: string) => body.push({ kind: "heading", text });

  const planName = config.planTitle.trim() || "kế hoạch chuyển đổi số";
  say(`Thực hiện ${lowerFirst(planName)}, ${unitName(config.unit)} báo cáo kết quả thực hiện ${when} như sau:`);
  heading("I. KẾT QUẢ THỰC HIỆN");
  heading("1. Kết quả chung về các chỉ tiêu");
  const parts = STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} chỉ tiêu ${STATUS_WORD[s]}`);
  if (total === 0) say("Sổ báo cáo chưa có chỉ tiêu nào.");
  else {
    say(`Kế hoạch có ${total} chỉ tiêu. Đánh giá đến hết ${when} (số liệu đến ngày ${formatDate(config.reportDate)}): ${parts.join(", ")}.`);
    say(`Tỷ lệ chỉ tiêu đã đạt: ${ratioText(counts["Đạt"] / total)}; đạt và đúng tiến độ: ${ratioText((counts["Đạt"] + counts["Đúng tiến độ"]) / total)}.`);
  }
  body.push({ kind: "statusTable" }, { kind: "chart" });
  if (groups.length > 1 || (groups[0] && groups[0].group)) {
    heading("2. Kết quả theo nhóm chỉ tiêu");
    body.push({ kind: "groupTable", rows: groups.map((g) => ({ ...g, group: g.group || "(không nhóm)" })) });
  }

  const taskDone = tasks.filter(({ j }) => j.status === "Đạt");
  const taskOverdue = tasks.filter(({ t, j }) => j.status !== "Đạt" && t.deadline !== null && t.deadline <= end);
  const taskOpen = tasks.filter((x) => !taskDone.includes(x) && !taskOverdue.includes(x));
  const inProgress = taskOpen.filter(({ t }) => t.entry.progress === "Đang triển khai");
  const notStarted = taskOpen.filter(({ t }) => t.entry.progress !== "Đang triển khai");
  if (tasks.length) {
    heading(`${groups.length > 1 || groups[0]?.group ? 3 : 2}. Kết quả thực hiện nhiệm vụ`);
    say(
      `Có ${tasks.length} nhiệm vụ: ${taskDone.length} đã hoàn thành, ${inProgress.length} đang triển khai, ${taskOverdue.length} quá hạn chưa hoàn thành, ${notStarted.length} chưa triển khai hoặc chưa báo cáo tiến độ.`,
    );
  }

  heading("II. CÁC CHỈ TIÊU, NHIỆM VỤ CẦN TẬP TRUNG CHỈ ĐẠO");
  const attention = judged.filter(({ j }) => ATTENTION.includes(j.status)).sort((a, b) => ATTENTION.indexOf(a.j.status) - ATTENTION.indexOf(b.j.status));
  heading("1. Chỉ tiêu không đạt, cảnh báo, chậm tiến độ");
  if (attention.length === 0) say("Không có chỉ tiêu nào không đạt, cảnh báo hoặc chậm tiến độ.");
  for (const { row, j } of attention) bullet(`${row.id}. ${bare(row.name)} — ${j.status.toLocaleLowerCase("vi")}: ${j.reason}${row.lead ? `; đơn vị chủ trì: ${row.lead}` : ""}.`);
  heading("2. Nhiệm vụ quá hạn, chưa triển khai");
  if (taskOverdue.length + notStarted.length === 0) say(tasks.length ? "Không có nhiệm vụ nào quá hạn hoặc chưa triển khai." : "Sổ báo cáo không có phụ lục nhiệm vụ.");
  for (const { t } of taskOverdue) bullet(`${t.id}. ${bare(t.name)} — quá hạn ${formatDate(t.deadline)}, chưa hoàn thành${t.lead ? `; đơn vị chủ trì: ${t.lead}` : ""}.`);
  for (const { t } of notStarted)
    bullet(`${t.id}. ${bare(t.name)} — chưa triển khai hoặc chưa báo cáo tiến độ${t.deadline ? ` (thời hạn ${formatDate(t.deadline)})` : ""}${t.lead ? `; đơn vị chủ trì: ${t.lead}` : ""}.`);

  const silent = silentUnits(report, judged, tasks);
  heading("3. Đơn vị chưa báo cáo số liệu");
  if (silent.length === 0) say("Các đơn vị chủ trì đều đã báo cáo số liệu của kỳ.");
  for (const u of silent) bullet(`${u.lead}: chưa có số liệu ${u.codes.length} chỉ tiêu, nhiệm vụ (${u.codes.join(", ")}).`);

  heading("III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI");
  if (attention.length) bullet(`Các đơn vị chủ trì tập trung khắc phục các chỉ tiêu ${attention.map(({ row }) => row.id).join(", ")}; báo cáo nguyên nhân và giải pháp.`);
  if (taskOverdue.length) bullet(`Hoàn thành ngay các nhiệm vụ quá hạn ${taskOverdue.map(({ t }) => t.id).join(", ")}.`);
  if (silent.length) bullet(`${silent.map((u) => u.lead).join(", ")} gửi số liệu, minh chứng của kỳ về cơ quan thường trực trước ngày 05 tháng sau.`);
  bullet("Tiếp tục cập nhật số liệu, minh chứng vào sổ theo dõi chỉ tiêu chuyển đổi số hằng tháng.");
  say(`Trên đây là báo cáo kết quả thực hiện ${when} của ${unitName(config.unit)}./.`);

  return {
    issuer: who.issuer,
    number: who.number,
    motto: who.motto,
    placeAndDate: `${who.place}, ngày     tháng     năm ${config.reportDate.slice(0, 4)}`,
    title: "BÁO CÁO",
    summary: `Kết quả thực hiện ${lowerFirst(planName)}, ${when}`,
    body,
    recipients: who.recipients,
    signature: who.signature,
    counts,
    total,
    annex: {
      title: `KẾT QUẢ CÁC CHỈ TIÊU, NHIỆM VỤ ĐẾN HẾT ${upper(when)}`,
      indicators: judged.map(({ row, j }) => ({
        code: row.id,
        name: row.name,
        target: row.targetText,
        value: valueText(j, row),
        ratio: ratioText(j.ratio),
        status: j.status,
        reason: j.reason,
        lead: row.lead,
      })),
      tasks: tasks.map(({ t, j }) => ({
        code: t.id,
        name: t.name,
        lead: t.lead,
        deadline: t.deadline ? formatDate(t.deadline) : t.deadlineText,
        progress: String(t.entry.progress ?? ""),
        status: j.status,
      })),
    },
  };
}

/** Lead units none of whose indicators or tasks has a value or progress for the period, each spelling of a unit taken as one. */
function silentUnits(report: ReadReport, judged: Array<{ row: SheetRow; j: Judgement }>, tasks: Array<{ t: TaskRow; j: Judgement }>): Array<{ lead: string; codes: string[] }> {
  const reported = new Set(judged.filter(({ j }) => j.status !== "Chưa có số liệu").map(({ row }) => row.id));
  const reportedTasks = new Set(tasks.filter(({ t }) => String(t.entry.progress ?? "") !== "").map(({ t }) => t.id));
  return departmentsOf(report)
    .departments.filter((d) => !d.indicators.some((c) => reported.has(c)) && !d.tasks.some((c) => reportedTasks.has(c)))
    .map((d) => ({ lead: d.name, codes: [...d.indicators, ...d.tasks] }));
}

/** A wording without the full stop or colon it ends with in the appendix. */
const bare = (s: string) => s.trim().replace(/[.:;,]+$/u, "");
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase("vi") + s.slice(1) : s);
const unitName = (unit: string) => unit.trim() || "đơn vị";
