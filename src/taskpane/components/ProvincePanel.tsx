import { Button, Field, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { WorkbookPort } from "../office/port";
import { noReport } from "../office/errors";
import { useAction } from "../useAction";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  log: { paddingLeft: tokens.spacingHorizontalL, margin: 0 },
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "Gửi tỉnh": export this unit's report; for the province, consolidate the reports of many units. */
export function ProvincePanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const exporting = useAction();
  const consolidating = useAction();
  const [exported, setExported] = useState<{ xlsxName: string; xlsx: Uint8Array; csvName: string } | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [consolidated, setConsolidated] = useState<Uint8Array | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const [units, setUnits] = useState("");
  const files = useRef<HTMLInputElement>(null);

  const doExport = () =>
    exporting.run(async () => {
      const state = await port.read();
      if (!state) throw noReport();
      const { exportReport } = await import(/* webpackChunkName: "province" */ "../province");
      const out = await exportReport(state);
      port.download(out.xlsxName, out.xlsx, XLSX);
      port.download(out.csvName, out.csv, "text/csv;charset=utf-8");
      setExported(out);
    });

  const doConsolidate = (chosen: File[]) =>
    consolidating.run(async () => {
      if (chosen.length === 0) return;
      const { consolidateFiles } = await import(/* webpackChunkName: "province" */ "../province");
      const { result, name, xlsx } = await consolidateFiles(
        chosen,
        units
          .split(/\r?\n/)
          .map((u) => u.trim())
          .filter(Boolean),
      );
      port.download(name, xlsx, XLSX);
      setConsolidated(xlsx);
      setSummary(
        `Đã tổng hợp ${result.units.length} đơn vị, ${result.indicators.length} chỉ tiêu vào tệp ${name} (đã tải về). Chưa báo cáo: ${result.missing.length ? result.missing.join(", ") : "không có"}. Cặp chỉ tiêu cần xác nhận: ${result.uncertain.length}.`,
      );
      setLog(result.log.map((l) => `${l.file}: ${l.message}`));
    });

  return (
    <div className={styles.root}>
      <Text weight="semibold">Xuất gửi tỉnh</Text>
      <Text>Lập tệp CDS_&lt;đơn vị&gt;_&lt;kỳ&gt;.xlsx (giữ công thức và màu) và tệp .csv kèm theo để gửi tỉnh.</Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={exporting.busy} onClick={() => void doExport()}>
          Xuất gửi tỉnh
        </Button>
        {exported && port.inExcel && <Button onClick={() => void exporting.run(() => port.openAsNewWorkbook(exported.xlsx))}>Mở thành sổ mới</Button>}
      </div>
      <Notice busy={exporting.busy} error={exporting.error} done={exported ? `Đã xuất ${exported.xlsxName} và ${exported.csvName}.` : null} busyLabel="Đang lập tệp gửi tỉnh…" />

      <Text weight="semibold">Tổng hợp các đơn vị (dành cho tỉnh)</Text>
      <Field label="Danh sách đơn vị phải báo cáo (mỗi dòng một đơn vị, để biết đơn vị nào chưa gửi)">
        <Textarea value={units} onChange={(_, d) => setUnits(d.value)} rows={3} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={consolidating.busy} onClick={() => files.current?.click()}>
          Chọn các tệp của đơn vị…
        </Button>
        <input ref={files} type="file" multiple accept=".xlsx" hidden aria-label="Các tệp báo cáo của đơn vị" onChange={(e) => void doConsolidate(Array.from(e.target.files ?? []))} />
        {/* Office for Mac offers no download from the pane: the same workbook opens in Excel instead. */}
        {consolidated && port.inExcel && <Button onClick={() => void consolidating.run(() => port.openAsNewWorkbook(consolidated))}>Mở bảng tổng hợp thành sổ mới</Button>}
      </div>
      <Notice busy={consolidating.busy} error={consolidating.error} done={summary} busyLabel="Đang tổng hợp…" />
      {log.length > 0 && (
        <ul className={styles.log} aria-label="Nhật ký tệp">
          {log.map((l, k) => (
            <li key={k}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
