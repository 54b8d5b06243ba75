import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { describeTarget, formatDate } from "../../core/format";
import type { Plan } from "../../core/plan";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  code: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  warnings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** Everything the loader read, before anything is written: every indicator and task with its parsed target. */
export function PlanPreview({ plan }: { plan: Plan }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Xem trước kế hoạch">
      <Text weight="semibold">{plan.title || "(Kế hoạch không rõ tên)"}</Text>
      <div className={styles.counts}>
        <Badge appearance="tint">{plan.indicators.length} chỉ tiêu</Badge>
        <Badge appearance="tint">{plan.tasks.length} nhiệm vụ</Badge>
        <Badge appearance="tint" color={plan.warnings.length ? "warning" : "success"}>
          {plan.warnings.length} cảnh báo
        </Badge>
        {plan.years.length > 0 && <Badge appearance="outline">Năm {plan.years.join(", ")}</Badge>}
      </div>

      {plan.warnings.length > 0 && (
        <div className={styles.warnings} role="list" aria-label="Cảnh báo khi đọc">
          {plan.warnings.map((w, k) => (
            <MessageBar key={k} intent="warning" role="listitem">
              <MessageBarBody>
                <MessageBarTitle>{w.where}</MessageBarTitle>
                {w.message}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}

      {plan.indicators.length > 0 && (
        <Table size="small" aria-label="Chỉ tiêu">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Mã</TableHeaderCell>
              <TableHeaderCell>Chỉ tiêu</TableHeaderCell>
              <TableHeaderCell>Chỉ tiêu phấn đấu</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.indicators.map((i) => (
              <TableRow key={i.id}>
                <TableCell className={styles.code}>{i.id}</TableCell>
                <TableCell>{i.name}</TableCell>
                <TableCell>{i.targets.map((t) => `${describeTarget(t)}${t.year ? ` (${t.year})` : ""}`).join("; ")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {plan.tasks.length > 0 && (
        <Table size="small" aria-label="Nhiệm vụ">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Mã</TableHeaderCell>
              <TableHeaderCell>Nhiệm vụ</TableHeaderCell>
              <TableHeaderCell>Thời hạn</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.tasks.map((t) => (
              <TableRow key={t.id}>
                <TableCell className={styles.code}>{t.id}</TableCell>
                <TableCell>{t.name}</TableCell>
                <TableCell>{t.ongoing ? "Thường xuyên" : formatDate(t.deadline) || t.deadlineText || ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
