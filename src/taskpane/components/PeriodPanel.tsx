import { Button, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatDate, parseViDate, dateProblem } from "../../core/format";
import { periodChoices, periodLabel, type Frequency } from "../../core/period";
import type { WorkbookPort } from "../office/port";
import { useAction } from "../useAction";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "Kỳ báo cáo": unit, period and report date on "Cấu hình"; the workbook's statuses follow. */
export function PeriodPanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [unit, setUnit] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [choice, setChoice] = useState("Quý I");
  const [date, setDate] = useState(formatDate(new Date().toISOString().slice(0, 10)));
  const [threshold, setThreshold] = useState("50");
  const [frequency, setFrequency] = useState<Frequency>("quarter");
  const [found, setFound] = useState<boolean | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const rolling = useAction();
  const [bookYear, setBookYear] = useState<number | null>(null);
  const [rolled, setRolled] = useState<{ name: string; bytes: Uint8Array; said: string } | null>(null);

  useEffect(() => {
    void run(async () => {
      const state = await port.read();
      setFound(!!state);
      if (!state) return;
      setUnit(state.config.unit);
      setYear(String(state.config.year));
      setChoice(state.config.choice);
      setDate(formatDate(state.config.reportDate));
      setThreshold(String(Math.round(state.config.warnThreshold * 100)));
      setFrequency(state.config.frequency);
      setBookYear(state.config.year);
    });
  }, [port, run]);

  const yearNumber = Number(year);
  const thresholdNumber = Number(threshold.replace(",", "."));
  const iso = parseViDate(date);
  const valid = Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100 && thresholdNumber >= 0 && thresholdNumber <= 100 && iso !== null;
  const apply = () =>
    run(async () => {
      await port.writePeriod({ unit: unit.trim(), year: yearNumber, choice, reportDate: iso!, warnThreshold: thresholdNumber / 100 });
      setDone(`Đã chọn kỳ ${periodLabel({ choice, year: yearNumber })}. Mọi trạng thái trong sổ đã được tính lại; số liệu đã nhập giữ nguyên.`);
    });

  const rollover = () =>
    rolling.run(async () => {
      const state = await port.read();
      if (!state) return;
      const { rolloverBook } = await import(/* webpackChunkName: "province" */ "../province");
      const made = await rolloverBook(state, state.config.year + 1, new Date().toISOString().slice(0, 10));
      port.download(made.name, made.bytes, XLSX);
      setRolled({
        name: made.name,
        bytes: made.bytes,
        said: `Đã lập ${made.name} (đã tải về): ${made.carried} chỉ tiêu lấy kết quả năm ${made.year - 1} làm mức xuất phát${made.noResult.length ? `; chưa có kết quả: ${made.noResult.join(", ")}` : ""}.`,
      });
    });

  if (found === false) return <Notice error="Sổ tính này chưa có sổ báo cáo chỉ tiêu. Hãy vào thẻ Nạp chỉ tiêu trước." />;
  return (
    <div className={styles.root}>
      <Field label="Đơn vị báo cáo">
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      <Field label="Năm báo cáo" validationState={Number.isInteger(yearNumber) ? "none" : "error"}>
        <Input type="number" value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Field label={frequency === "month" ? "Kỳ báo cáo (theo tháng)" : "Kỳ báo cáo (theo quý, 6 tháng, năm)"}>
        <Dropdown value={choice} selectedOptions={[choice]} onOptionSelect={(_, d) => d.optionValue && setChoice(d.optionValue)}>
          {periodChoices(frequency).map((c) => (
            <Option key={c.label} value={c.label}>
              {c.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Ngày báo cáo (dd/mm/yyyy)" validationState={iso ? "none" : "error"} validationMessage={iso ? undefined : `Ngày báo cáo ${dateProblem(date)}.`}>
        <Input value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label="Ngưỡng cảnh báo so với lộ trình (%)">
        <Input type="number" value={threshold} onChange={(_, d) => setThreshold(d.value)} />
      </Field>
      <Button appearance="primary" disabled={busy || !valid} onClick={() => void apply()}>
        Áp dụng kỳ báo cáo
      </Button>
      <Notice busy={busy} error={error} done={done} />

      {bookYear !== null && (
        <>
          <Text weight="semibold">Sang năm mới</Text>
          <Text>
            Kế hoạch nhiều năm (mốc 2026, 2028, 2030...): lập sổ năm {bookYear + 1} từ sổ này. Kết quả năm {bookYear} thành mức xuất phát, mọi kỳ của năm {bookYear} chép vào trang “Lịch sử”; sổ này
            giữ nguyên.
          </Text>
          <div className={styles.actions}>
            <Button disabled={rolling.busy} onClick={() => void rollover()}>
              Lập sổ năm {bookYear + 1}
            </Button>
            {rolled && port.inExcel && <Button onClick={() => void rolling.run(() => port.openAsNewWorkbook(rolled.bytes))}>Mở thành sổ mới</Button>}
          </div>
          <Notice busy={rolling.busy} error={rolling.error} done={rolled?.said ?? null} busyLabel="Đang lập sổ năm mới…" />
        </>
      )}
    </div>
  );
}
