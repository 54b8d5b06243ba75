import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { parsePeriod, periodLabel } from "../../core/period";
import type { TemplateGrid, TemplateMapping, TemplateRole } from "../../template/recognise";
import { ROLE_LABEL, TemplateError, recogniseTemplate } from "../../template/recognise";
import { outputColumnsOf, tablePeriod } from "../../template/annotate";
import { colIndex, colLetter } from "../../workbook/spec";
import { PRODUCT_VERSION } from "../../version";
import type { WorkbookPort } from "../office/port";
import { useAction } from "../useAction";
import { defaultPeriod } from "./LoadPanel";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Header above its list, full width: in a 320 px pane side by side would cut both.
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  header: { overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const ROLES = Object.keys(ROLE_LABEL) as TemplateRole[];

/** Every column with a header, recognised or not, so the official can name what the add-in did not. */
function headerColumns(grid: TemplateGrid, mapping: TemplateMapping): Array<{ col: number; header: string; role: TemplateRole }> {
  const [h1, h2] = mapping.headerRows;
  const width = Math.max(mapping.lastCol, ...[h1, h2].map((r) => grid.values[r - 1]?.length ?? 0));
  const out: Array<{ col: number; header: string; role: TemplateRole }> = [];
  for (let col = 1; col < Math.min(width + 1, mapping.outputColumn); col++) {
    const found = mapping.columns.find((c) => c.col === col);
    const header = found?.header ?? [...new Set([h1, h2].map((r) => String(grid.values[r - 1]?.[col - 1] ?? "").trim()))].filter(Boolean).join(" ");
    if (header) out.push({ col, header, role: found?.role ?? "other" });
  }
  return out;
}

/**
 * "Dùng bảng có sẵn": the judging and colours added beside the table the unit already reports in. The
 * official sees how each column was read and corrects it before anything is written.
 */
export function TablePanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [periodText, setPeriodText] = useState(defaultPeriod());
  const [unit, setUnit] = useState("");
  const [grid, setGrid] = useState<TemplateGrid | null>(null);
  const [selection, setSelection] = useState<string | null>(null);
  const [annotated, setAnnotated] = useState<TemplateMapping | null>(null);
  const [roles, setRoles] = useState<Map<number, TemplateRole>>(new Map());
  const [column, setColumn] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const period = parsePeriod(periodText, "quarter");
  const year = period?.year ?? null;

  const reading = useMemo((): { mapping: TemplateMapping | null; problem: string | null } => {
    if (!grid || year === null) return { mapping: null, problem: null };
    try {
      const outputColumn = /^[A-Za-z]{1,3}$/.test(column.trim()) ? colIndex(column.trim()) : undefined;
      return { mapping: recogniseTemplate(grid, { year, roles, outputColumn }), problem: null };
    } catch (err) {
      if (err instanceof TemplateError) return { mapping: null, problem: err.message };
      throw err;
    }
  }, [grid, year, roles, column]);
  const mapping = reading.mapping;

  const read = () =>
    run(async () => {
      setDone(null);
      const table = await port.readTable();
      setAnnotated(table.annotated);
      setRoles(new Map());
      setColumn("");
      setSelection(table.selection ?? null);
      setGrid(table.annotated ? null : table.grid);
    });

  const write = () =>
    run(async () => {
      if (!mapping || !period || !grid) return;
      const { mapping: written } = await port.annotate(
        { sheet: grid.sheet, selection, year: period.year, roles: [...roles], outputColumn: mapping.outputColumn, rows: mapping.rows.map((r) => r.row) },
        {
          unit: unit.trim() || "(chưa đặt tên đơn vị)",
          period,
          frequency: mapping.frequency,
          reportDate: new Date().toISOString().slice(0, 10),
          warnThreshold: 0.5,
          planId: null,
          productVersion: PRODUCT_VERSION,
        },
      );
      setGrid(null);
      setAnnotated(written);
      setDone(
        `Đã thêm cột đánh giá vào trang "${written.sheet}" từ cột ${colLetter(written.outputColumn)}: ${outputColumnsOf(written).shown} cho ${written.rows.length} chỉ tiêu, kỳ ${periodLabel(tablePeriod(written, period))}; tô màu trạng thái trên các dòng của bảng. Không ô nào của bảng bị sửa. Đổi kỳ ở thẻ Kỳ báo cáo; Kiểm tra, Tổng quan và Gửi tỉnh dùng bảng này.`,
      );
    });

  const reviews = mapping ? mapping.rows.filter((r) => r.review || r.percentEntry === "points") : [];
  return (
    <div className={styles.root}>
      <Text>Thêm cột tỷ lệ đạt, tiến độ, trạng thái và tô màu vào bảng chỉ tiêu đơn vị đang dùng (biểu mẫu của tỉnh, bảng năm trước). Không ô nào của bảng bị sửa.</Text>
      <Field label="Kỳ báo cáo" validationState={period ? "none" : "error"} validationMessage={period ? undefined : "Ví dụ: Quý II/2026, 6 tháng đầu năm 2026, Năm 2026"}>
        <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
      </Field>
      <Field label="Đơn vị báo cáo">
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} placeholder="Ví dụ: UBND phường Tân Hòa" />
      </Field>
      <Text size={200}>Bảng nằm chung trang với bảng khác? Chọn vùng của bảng (cả dòng tiêu đề) trước khi đọc.</Text>
      <Button disabled={busy || !period} onClick={() => void read()}>
        Đọc bảng trên trang đang mở
      </Button>
      {annotated && !done && (
        <Notice
          done={`Sổ này đã gắn cột đánh giá vào trang "${annotated.sheet}" (từ cột ${colLetter(annotated.outputColumn)}, ${annotated.rows.length} chỉ tiêu). Đổi kỳ ở thẻ Kỳ báo cáo; Kiểm tra, Tổng quan và Gửi tỉnh dùng bảng này.`}
        />
      )}
      {reading.problem && <Notice error={reading.problem} />}
      {grid && mapping && (
        <section aria-label="Bảng đã đọc" className={styles.root}>
          <Text weight="semibold">
            Trang “{mapping.sheet}”{selection ? ` (vùng chọn ${selection})` : ""}: {mapping.rows.length} chỉ tiêu, tiêu đề ở dòng{" "}
            {mapping.headerRows[0] === mapping.headerRows[1] ? mapping.headerRows[0] : mapping.headerRows.join("–")}
          </Text>
          {headerColumns(grid, mapping).map((c) => (
            <div key={c.col} className={styles.column}>
              <Text className={styles.header}>
                {colLetter(c.col)}: {c.header}
              </Text>
              <Select aria-label={`Cột ${colLetter(c.col)} ${c.header}`} value={c.role} onChange={(_, d) => setRoles((r) => new Map(r).set(c.col, d.value as TemplateRole))}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABEL[role]}
                  </option>
                ))}
              </Select>
            </div>
          ))}
          {mapping.skipped.length > 0 && <Text>Không chấm: {mapping.skipped.map((s) => `dòng ${s.row} (${s.why})`).join(", ")}.</Text>}
          {(reviews.length > 0 || mapping.notes.length > 0 || mapping.warnings.length > 0) && (
            <div>
              <Text weight="semibold">Cần xem lại</Text>
              <ul className={styles.list}>
                {reviews.map((r) => (
                  <li key={r.row}>
                    Dòng {r.row} ({r.id}): {[r.review, r.percentEntry === "points" ? "tỷ lệ nhập dạng số, 95 nghĩa là 95%" : null].filter(Boolean).join("; ")}
                  </li>
                ))}
                {mapping.warnings.map((w, k) => (
                  <li key={`w${k}`}>
                    {w.where}: {w.message}
                  </li>
                ))}
                {mapping.notes.map((n, k) => (
                  <li key={`n${k}`}>{n}</li>
                ))}
              </ul>
            </div>
          )}
          <Field label="Ghi cột đánh giá từ cột" hint="Mặc định: cột trống đầu tiên bên phải bảng">
            <Input value={column || colLetter(mapping.outputColumn)} onChange={(_, d) => setColumn(d.value)} />
          </Field>
          <Button appearance="primary" disabled={busy || !period} onClick={() => void write()}>
            Thêm cột đánh giá
          </Button>
        </section>
      )}
      <Notice busy={busy} error={error} done={done} busyLabel="Đang làm việc với Excel…" />
    </div>
  );
}
