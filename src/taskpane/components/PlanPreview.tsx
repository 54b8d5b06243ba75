import { Badge, Checkbox, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { describeTarget, formatDate } from "../../core/format";
import type { Indicator, Plan } from "../../core/plan";
import { parseTargetCell } from "../../core/target";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // A card per row: at the pane's usual 320-350 px the wording gets the whole width, the target sits under it.
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, listStyleType: "none", margin: 0, padding: 0 },
  card: { display: "flex", flexDirection: "column", gap: "2px", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  code: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold, paddingTop: "6px" },
  wording: { flex: 1, minWidth: 0, overflowWrap: "anywhere", paddingTop: "6px" },
  dropped: { opacity: 0.45, textDecorationLine: "line-through" },
  warnings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  parsed: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  review: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  reviewRow: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  target: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: "2px", minWidth: 0 },
  targetBox: { flex: "1 1 130px", minWidth: 0 },
});

/** Replaces one target of an indicator with the official's correction, read by the same grammar. */
export function correctTarget(ind: Indicator, index: number, text: string): Indicator {
  const old = ind.targets[index];
  if (!old) return ind;
  const reading = parseTargetCell(text, { year: old.year, deadline: old.deadline, unitColumn: ind.unit });
  const targets = ind.targets.map((t, k) => (k === index ? reading.target : t));
  // The official has read and corrected the target: it is no longer an assumption of the loader.
  return { ...ind, targets, review: null };
}

/**
 * Everything the loader read, before anything is written: every indicator and task with its parsed
 * target. With `onChange`, the official can correct a target or leave a row out.
 */
export function PlanPreview({ plan, dropped, onChange, onToggle }: { plan: Plan; dropped?: Set<string>; onChange?: (plan: Plan) => void; onToggle?: (id: string) => void }) {
  const styles = useStyles();
  const editable = !!onChange;
  const setIndicator = (next: Indicator) => onChange?.({ ...plan, indicators: plan.indicators.map((i) => (i.id === next.id ? next : i)) });
  return (
    <section className={styles.section} aria-label="Xem trước kế hoạch">
      <Text weight="semibold">{plan.title || "(Kế hoạch không rõ tên)"}</Text>
      <div className={styles.counts}>
        <Badge appearance="tint">{plan.indicators.length - (dropped?.size ?? 0)} chỉ tiêu</Badge>
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
        <ul className={styles.cards} aria-label="Chỉ tiêu">
          {plan.indicators.map((i) => {
            const out = dropped?.has(i.id) ?? false;
            return (
              <li key={i.id} className={mergeClasses(styles.card, out ? styles.dropped : i.review ? styles.reviewRow : undefined)}>
                <div className={styles.head}>
                  {editable && <Checkbox checked={!out} aria-label={`Giữ chỉ tiêu ${i.id}`} onChange={() => onToggle?.(i.id)} />}
                  <span className={styles.code}>{i.id}</span>
                  <span className={styles.wording}>{i.name}</span>
                </div>
                {i.review && <div className={styles.review}>Cần xem lại: {i.review}</div>}
                {i.targets.map((t, k) => (
                  <div key={k} className={styles.target}>
                    {editable ? (
                      <Input
                        className={styles.targetBox}
                        size="small"
                        aria-label={`Chỉ tiêu phấn đấu của ${i.id}${i.targets.length > 1 ? ` mốc ${t.year ?? k + 1}` : ""}`}
                        defaultValue={t.text}
                        onBlur={(e) => e.target.value !== t.text && setIndicator(correctTarget(i, k, e.target.value))}
                      />
                    ) : null}
                    <div className={editable ? styles.parsed : undefined}>
                      {describeTarget(t)}
                      {t.year ? ` (${t.year})` : ""}
                    </div>
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      )}

      {plan.tasks.length > 0 && (
        <ul className={styles.cards} aria-label="Nhiệm vụ">
          {plan.tasks.map((t) => (
            <li key={t.id} className={styles.card}>
              <div className={styles.head}>
                <span className={styles.code}>{t.id}</span>
                <span className={styles.wording}>{t.name}</span>
              </div>
              <div className={styles.parsed}>Thời hạn: {t.ongoing ? "Thường xuyên" : formatDate(t.deadline) || t.deadlineText || "không ghi"}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
