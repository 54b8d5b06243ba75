import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { periodLabel } from "../../core/period";
import type { FilePort } from "../filePort";
import { useAction } from "../useAction";
import { Notice } from "./Notice";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS } });

/** Outside Excel: which filled report workbook "Kiểm tra", "Tổng quan" and "Xuất gửi tỉnh" work on. */
export function ReportFilePicker({ port }: { port: FilePort }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const open = (f: File | undefined) =>
    run(async () => {
      if (!f) return;
      const state = await port.openReport(f.name, new Uint8Array(await f.arrayBuffer()));
      setOpened(`Đang xem sổ ${f.name}: ${state.config.unit}, kỳ ${periodLabel(state.config)}, ${state.reading.rows.length} chỉ tiêu, ${state.tasks.length} nhiệm vụ.`);
    });
  return (
    <div className={styles.root}>
      <Button onClick={() => input.current?.click()} disabled={busy}>
        Mở sổ báo cáo (.xlsx)
      </Button>
      <input ref={input} type="file" accept=".xlsx" hidden aria-label="Sổ báo cáo đã nhập số liệu" onChange={(e) => void open(e.target.files?.[0])} />
      {opened && <Text>{opened}</Text>}
      <Notice busy={busy} error={error} busyLabel="Đang đọc sổ…" />
    </div>
  );
}
