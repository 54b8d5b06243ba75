import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { parsePeriod, type Frequency } from "../../core/period";
import type { Plan } from "../../core/plan";
import { PRODUCT_VERSION } from "../../version";
import type { WorkbookPort } from "../office/port";
import { useAction } from "../useAction";
import { Notice } from "./Notice";
import { SourcePicker } from "./SourcePicker";

// Shown once an appendix is read; it loads with the reader, not with the pane.
const PlanPreview = lazy(() => import(/* webpackChunkName: "reader" */ "./PlanPreview").then((m) => ({ default: m.PlanPreview })));

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function defaultPeriod(now = new Date()): string {
  return `Quý ${["I", "II", "III", "IV"][Math.floor(now.getMonth() / 3)]}/${now.getFullYear()}`;
}

/** "Nạp chỉ tiêu": read an appendix, review and correct it, then lay out the report workbook. */
export function LoadPanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [unit, setUnit] = useState("");
  const [periodText, setPeriodText] = useState(defaultPeriod());
  const [frequency, setFrequency] = useState<Frequency>("quarter");
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const period = parsePeriod(periodText, frequency);
  const kept = plan ? plan.indicators.length - dropped.size + plan.tasks.length : 0;

  const write = () =>
    run(async () => {
      if (!plan || !period) return;
      const chosen = { ...plan, indicators: plan.indicators.filter((i) => !dropped.has(i.id)) };
      const result = await port.load(chosen, {
        unit: unit.trim() || "(chưa đặt tên đơn vị)",
        period,
        frequency,
        reportDate: new Date().toISOString().slice(0, 10),
        warnThreshold: 0.5,
        planId,
        productVersion: PRODUCT_VERSION,
      });
      const renamed = result.renamed
        .filter((r) => !r.hidden)
        .map((r) => `"${r.from}" → "${r.to}"`)
        .join(", ");
      setDone(
        `Đã lập sổ: ${chosen.indicators.length} chỉ tiêu, ${chosen.tasks.length} nhiệm vụ.${result.file ? ` Đã tải về tệp ${result.file}; mở bằng Excel để nhập số liệu.` : ""}${renamed ? ` Các trang cũ được giữ lại: ${renamed}.` : ""}${result.cut.length ? ` Lưu ý: ${result.cut.join("; ")}.` : ""}${result.skipped.length ? ` ${result.skipped.join(" ")}` : ""}`,
      );
    });

  return (
    <div className={styles.root}>
      <SourcePicker
        label="Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)"
        onPlan={(p, id, sampleUnit) => {
          if (sampleUnit && !unit.trim()) setUnit(sampleUnit);
          setPlan(p);
          setPlanId(id);
          setDropped(new Set());
          setDone(null);
        }}
      />
      {plan && (
        <Suspense fallback={null}>
          <PlanPreview
            plan={plan}
            dropped={dropped}
            onChange={setPlan}
            onToggle={(id) =>
              setDropped((d) => {
                const next = new Set(d);
                if (next.has(id)) next.delete(id);
                else next.add(id);
                return next;
              })
            }
          />
        </Suspense>
      )}
      {plan && port.supported && (
        // After the preview: the official reads what was found, then writes it.
        <section aria-label="Nạp vào sổ" className={styles.root}>
          <Field label="Đơn vị báo cáo">
            <Input value={unit} onChange={(_, d) => setUnit(d.value)} placeholder="Ví dụ: UBND xã Thống Nhất" />
          </Field>
          <Field label="Nhập số liệu">
            <RadioGroup layout="horizontal" value={frequency} onChange={(_, d) => setFrequency(d.value as Frequency)}>
              <Radio value="quarter" label="Theo quý" />
              <Radio value="month" label="Theo tháng" />
            </RadioGroup>
          </Field>
          <Field label="Kỳ báo cáo" validationState={period ? "none" : "error"} validationMessage={period ? undefined : "Ví dụ: Quý II/2026, Tháng 5/2026, 6 tháng đầu năm 2026, Năm 2026"}>
            <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
          </Field>
          <Button appearance="primary" disabled={busy || !period || kept === 0} onClick={() => void write()}>
            {port.inExcel ? "Nạp vào sổ" : "Lập sổ và tải về (.xlsx)"}
          </Button>
        </section>
      )}
      <Notice busy={busy} error={error} done={done} busyLabel={port.inExcel ? "Đang lập sổ trong Excel…" : "Đang lập tệp sổ báo cáo…"} />
    </div>
  );
}
