import { basename } from "path";
import { judgeMilestones, numberOrNull } from "../core/judge";
import { parsePeriod, periodLabel } from "../core/period";
import { ROLE_LABEL, TemplateError } from "../template/recognise";
import { annotateXlsxFile } from "../template/xlsxFile";
import { readAnnotatedSheet } from "../template/readAnnotated";
import { outputColumnsOf, tablePeriod } from "../template/annotate";
import { colIndex, colLetter } from "../workbook/spec";
import { PRODUCT_VERSION } from "../version";
import type { CliIo } from "./main";
import { parseArgs } from "./main";
import { checkOutputs } from "./outputs";
import { UserError, reportDateOf, thresholdOf } from "./reportCommands";

/** `chitieu annotate`: the judging and colours added beside an official's own table, in a new file. */
export async function annotateCommand(argv: string[], io: CliIo): Promise<number> {
  const { words, flags } = parseArgs(argv, ["json", "force"]);
  const str = (name: string): string | null => (typeof flags.get(name) === "string" ? (flags.get(name) as string) : null);
  const file = words[0];
  const out = str("out");
  if (!file) throw new UserError('Thiếu tệp bảng .xlsx của đơn vị. Ví dụ: chitieu annotate BANG.xlsx --period "Quý IV/2026" --out BANG-DANH-GIA.xlsx');
  if (!out) throw new UserError("Thiếu --out: tên tệp .xlsx sẽ ghi (tệp gốc giữ nguyên)");
  const periodText = str("period");
  if (!periodText) throw new UserError(`Thiếu --period: kỳ báo cáo, ví dụ --period "Quý IV/${io.today().getFullYear()}"`);
  const period = parsePeriod(periodText, "quarter");
  if (!period) throw new UserError(`Không hiểu kỳ báo cáo "${periodText}". Ví dụ: "Quý II/2026", "Tháng 5/2026", "6 tháng đầu năm 2026", "Năm 2026"`);
  const reportDate = reportDateOf(str("date"), io.today().toISOString().slice(0, 10));
  const threshold = thresholdOf(str("threshold"));
  const columnText = str("column");
  if (columnText !== null && !/^[A-Za-z]{1,3}$/.test(columnText)) throw new UserError(`--column "${columnText}" phải là tên cột, ví dụ K`);
  checkOutputs([out], [file], flags.has("force"), io);
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file);
  } catch {
    throw new UserError(`Không mở được tệp "${file}"`);
  }
  const settings = { unit: str("unit") ?? "(chưa đặt tên đơn vị)", period, reportDate, warnThreshold: threshold, planId: null, productVersion: PRODUCT_VERSION };
  let result;
  try {
    result = await annotateXlsxFile(basename(file), bytes, { settings, sheet: str("sheet") ?? undefined, outputColumn: columnText ? colIndex(columnText) : undefined });
  } catch (err) {
    if (err instanceof TemplateError) throw new UserError(err.message);
    throw err;
  }
  const { mapping } = result;
  io.writeFile(out, result.bytes);
  const cols = outputColumnsOf(mapping);
  const tableReportPeriod = tablePeriod(mapping, period);
  const label = periodLabel(tableReportPeriod);
  // What the leader will see once Excel computes the file, judged here by the same rules.
  const { reading } = readAnnotatedSheet(result.grid.values, null, mapping);
  const settingsJ = { period: tableReportPeriod, frequency: mapping.frequency, warnThreshold: threshold };
  const judged = reading.rows.map((row) => ({ row, j: judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settingsJ) }));
  if (flags.has("json")) {
    io.out(JSON.stringify({ out, period: label, ...mapping, rows: judged.map(({ j }, k) => ({ ...mapping.rows[k]!, status: j.status, reason: j.reason })) }, null, 2));
  } else {
    io.out(
      [
        `Đã ghi ${out} (tệp ${file} giữ nguyên): trang "${mapping.sheet}", ${mapping.rows.length} chỉ tiêu, kỳ ${label}.`,
        `Cột đánh giá thêm từ cột ${colLetter(cols.first)}: ${cols.shown} (cột ${colLetter(cols.first + cols.list.filter((c) => !c.hidden).length)}–${colLetter(cols.last)} là cột tính, đã ẩn).`,
        "Các cột của bảng:",
        ...mapping.columns.map((c) => `  ${colLetter(c.col)} "${c.header}": ${ROLE_LABEL[c.role]}`),
        ...(mapping.skipped.length ? ["Dòng không phải chỉ tiêu (không đánh giá):", ...mapping.skipped.map((s) => `  dòng ${s.row}: ${s.why}${s.text ? ` — ${s.text.slice(0, 60)}` : ""}`)] : []),
        "Trạng thái khi mở tệp:",
        ...judged.map(({ row, j }) => `  dòng ${String(row.row).padEnd(4)} ${row.id.padEnd(6)} ${j.status.padEnd(16)} ${j.reason}`),
      ].join("\n"),
    );
  }
  for (const r of mapping.rows.filter((x) => x.review)) io.err(`Cần xem lại — dòng ${r.row} (${r.id}): ${r.review}`);
  for (const r of mapping.rows.filter((x) => x.percentEntry === "points")) io.err(`Lưu ý — dòng ${r.row} (${r.id}): tỷ lệ nhập dạng số (95 nghĩa là 95%)`);
  for (const w of mapping.warnings) io.err(`Cảnh báo — ${w.where}: ${w.message}`);
  for (const n of mapping.notes) io.err(`Lưu ý: ${n}`);
  return 0;
}
