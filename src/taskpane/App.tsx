import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Spinner, Textarea, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { readBundledDocument } from "../catalogue/bundleSource";
import { CATALOGUE, loadCataloguePlan } from "../catalogue/catalogue";
import { parsePlan } from "../core/loaders/parsePlan";
import { parsePeriod } from "../core/period";
import { PRODUCT_VERSION } from "../version";
import { excelErrorMessage } from "./office/errors";
import { loadIntoWorkbook } from "./office/loadIntoWorkbook";
import type { Plan } from "../core/plan";
import { PlanPreview } from "./components/PlanPreview";
import type { HostInfo } from "./office/host";
import { REQUIRED_EXCEL_API } from "./office/host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export function App({ host }: { host: HostInfo }) {
  const styles = useStyles();
  const [sampleId, setSampleId] = useState<string>("");
  const [pasted, setPasted] = useState("");
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unit, setUnit] = useState("");
  const [periodText, setPeriodText] = useState(defaultPeriod());
  const [done, setDone] = useState<string | null>(null);

  const period = parsePeriod(periodText, "quarter");
  const writeWorkbook = async () => {
    if (!plan || !period) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await loadIntoWorkbook(plan, {
        unit: unit.trim() || "(chưa đặt tên đơn vị)",
        period,
        frequency: "quarter",
        reportDate: new Date().toISOString().slice(0, 10),
        warnThreshold: 0.5,
        planId: sampleId || null,
        productVersion: PRODUCT_VERSION,
      });
      const kept = result.renamed.map((r) => `"${r.from}" → "${r.to}"`).join(", ");
      setDone(`Đã lập sổ: ${plan.indicators.length} chỉ tiêu, ${plan.tasks.length} nhiệm vụ.${kept ? ` Các trang cũ được giữ lại: ${kept}.` : ""}`);
    } catch (err) {
      setError(excelErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const readSample = async (id: string) => {
    setSampleId(id);
    setBusy(true);
    setError(null);
    try {
      const { text, plan: loaded } = await loadCataloguePlan(id, readBundledDocument);
      setPasted(text);
      setPlan(loaded);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.root}>
      <Title3 as="h1">Chỉ tiêu số</Title3>
      {!host.inExcel && (
        <MessageBar intent="info">
          <MessageBarBody>Đang mở ngoài Excel: có thể đọc và xem trước phụ lục, nhưng chưa ghi được vào sổ tính.</MessageBarBody>
        </MessageBar>
      )}
      {host.inExcel && !host.supported && (
        <MessageBar intent="error">
          <MessageBarBody>Phiên bản Excel này chưa hỗ trợ ExcelApi {REQUIRED_EXCEL_API}. Hãy dùng Excel 2019, Microsoft 365 hoặc Excel trên web.</MessageBarBody>
        </MessageBar>
      )}

      <Field label="Kế hoạch mẫu">
        <Dropdown
          placeholder="Chọn một kế hoạch mẫu"
          value={CATALOGUE.find((e) => e.id === sampleId)?.name ?? ""}
          onOptionSelect={(_, data) => data.optionValue && void readSample(data.optionValue)}
        >
          {CATALOGUE.map((e) => (
            <Option key={e.id} value={e.id} text={e.name}>
              {e.name}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <Field label="Hoặc dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)">
        <Textarea value={pasted} onChange={(_, data) => setPasted(data.value)} rows={8} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!pasted.trim() || busy} onClick={() => setPlan(parsePlan(pasted))}>
          Đọc phụ lục
        </Button>
        {busy && <Spinner size="tiny" label="Đang đọc…" />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {plan && host.inExcel && host.supported && (
        <section aria-label="Nạp vào sổ">
          <Field label="Đơn vị báo cáo">
            <Input value={unit} onChange={(_, d) => setUnit(d.value)} placeholder="Ví dụ: UBND xã Thống Nhất" />
          </Field>
          <Field label="Kỳ báo cáo" validationMessage={period ? undefined : "Ví dụ: Quý II/2026, 6 tháng đầu năm 2026, Năm 2026"}>
            <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
          </Field>
          <Button appearance="primary" disabled={busy || !period} onClick={() => void writeWorkbook()}>
            Nạp vào sổ
          </Button>
        </section>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {plan && <PlanPreview plan={plan} />}
    </main>
  );
}

function defaultPeriod(): string {
  const now = new Date();
  return `Quý ${["I", "II", "III", "IV"][Math.floor(now.getMonth() / 3)]}/${now.getFullYear()}`;
}
