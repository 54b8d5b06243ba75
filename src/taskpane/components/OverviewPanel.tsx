import { Button, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { STATUSES } from "../../core/judge";
import { periodLabel } from "../../core/period";
import { formatDate } from "../../core/format";
import { INDICATOR_SHEET } from "../../workbook/indicatorSheet";
import { TASK_SHEET } from "../../workbook/taskSheet";
import type { Overview } from "../../reading/overview";
import { overview } from "../../reading/overview";
import { STATUS_STYLE } from "../../workbook/theme";
import { judgeSettingsOf } from "../../reading/configRead";
import type { WorkbookPort } from "../office/port";
import { noReport } from "../office/errors";
import { useAction } from "../useAction";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  counts: { display: "grid", gridTemplateColumns: "1fr auto", gap: tokens.spacingVerticalXS, maxWidth: "320px" },
  status: { padding: "2px 8px", borderRadius: tokens.borderRadiusSmall, fontWeight: tokens.fontWeightSemibold },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingLeft: 0, listStyleType: "none" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "Tổng quan": counts by status and the lagging indicators, each a link to its row. */
export function OverviewPanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [data, setData] = useState<(Overview & { period: string }) | null>(null);
  const { busy, error, run } = useAction();
  const writing = useAction();
  const [written, setWritten] = useState<string | null>(null);
  const refresh = () =>
    run(async () => {
      const state = await port.read();
      if (!state) throw noReport();
      setData({ ...overview(state.reading.rows, state.tasks, judgeSettingsOf(state.config)), period: periodLabel(state.config) });
    });
  // The Word report of the period, drafted from the same data; its code (docx) loads on first use.
  const writeReport = () =>
    writing.run(async () => {
      const state = await port.read();
      if (!state) throw noReport();
      const { writtenReport } = await import(/* webpackChunkName: "report" */ "../../actions/writtenReport");
      const { name, bytes, draft } = await writtenReport(state);
      port.download(name, bytes, DOCX);
      setWritten(`Đã soạn ${name} (đã tải về): ${draft.summary}. Số văn bản, ngày ký và người ký để trống cho văn phòng điền.`);
    });
  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void refresh()}>
          Xem tổng quan
        </Button>
        <Button disabled={writing.busy} onClick={() => void writeReport()}>
          Soạn báo cáo kỳ (Word)
        </Button>
      </div>
      <Notice busy={busy || writing.busy} error={error ?? writing.error} done={written} />
      {data && (
        <>
          <Text weight="semibold">
            Kỳ {data.period}: {data.total} chỉ tiêu
          </Text>
          <div className={styles.counts} role="table" aria-label="Số chỉ tiêu theo trạng thái">
            {STATUSES.map((s) => (
              <div key={s} role="row" style={{ display: "contents" }}>
                <span role="cell" className={styles.status} style={{ background: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color }}>
                  {s}
                </span>
                <span role="cell">{data.counts[s]}</span>
              </div>
            ))}
          </div>
          {data.lagging.length > 0 && <Text weight="semibold">Chỉ tiêu cần chú ý</Text>}
          <ul className={styles.list} aria-label="Chỉ tiêu cần chú ý">
            {data.lagging.map((l) => (
              <li key={l.code}>
                <Link as="button" onClick={() => void run(() => port.select(INDICATOR_SHEET, l.address))}>
                  {l.code}
                </Link>{" "}
                <span className={styles.status} style={{ background: STATUS_STYLE[l.status].fill, color: STATUS_STYLE[l.status].color }}>
                  {l.status}
                </span>{" "}
                {l.name} — {l.reason}
                {l.lead ? ` (${l.lead})` : ""}
              </li>
            ))}
          </ul>
          {data.tasks.total > 0 && (
            <>
              <Text weight="semibold">
                Nhiệm vụ: {data.tasks.done} hoàn thành, {data.tasks.inProgress} đang triển khai, {data.tasks.overdue.length} quá hạn chưa hoàn thành (trên {data.tasks.total})
              </Text>
              <ul className={styles.list} aria-label="Nhiệm vụ quá hạn">
                {data.tasks.overdue.map((t) => (
                  <li key={t.code}>
                    <Link as="button" onClick={() => void run(() => port.select(TASK_SHEET, t.address))}>
                      {t.code}
                    </Link>{" "}
                    {t.name} — hạn {formatDate(t.deadline)}
                    {t.lead ? ` (${t.lead})` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
