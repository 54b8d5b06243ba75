import { Button, Dropdown, Field, Option, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { readBundledDocument } from "../../catalogue/bundleSource";
import { CATALOGUE, findEntry } from "../../catalogue/catalogue";
import { parsePlan } from "../../core/loaders/parsePlan";
import type { Plan } from "../../core/plan";
import { docxToText } from "../docx";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Where an appendix comes from: a built-in plan, pasted text, or a .docx file. */
export function SourcePicker({ onPlan, label, samples = true }: { onPlan: (plan: Plan, planId: string | null, unit?: string) => void; label: string; samples?: boolean }) {
  const styles = useStyles();
  const [sampleId, setSampleId] = useState("");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const pickSample = async (id: string) => {
    setSampleId(id);
    const entry = findEntry(id);
    if (!entry) return;
    const t = await readBundledDocument(entry);
    setText(t);
    onPlan(parsePlan(t), id, entry.unit);
  };
  const openDocx = async (f: File | undefined) => {
    if (!f) return;
    setProblem(null);
    try {
      const t = await docxToText(await f.arrayBuffer());
      setText(t);
      setSampleId("");
      onPlan(parsePlan(t), null);
    } catch {
      setProblem(`Không đọc được tệp "${f.name}". Hãy chọn một tệp Word .docx, hoặc chép phụ lục rồi dán vào ô bên dưới.`);
    }
  };

  return (
    <div className={styles.root}>
      {samples && (
        <Field label="Kế hoạch mẫu">
          <Dropdown placeholder="Chọn một kế hoạch mẫu" value={findEntry(sampleId)?.name ?? ""} onOptionSelect={(_, d) => d.optionValue && void pickSample(d.optionValue)}>
            {CATALOGUE.map((e) => (
              <Option key={e.id} value={e.id} text={e.name}>
                {e.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={label} validationMessage={problem ?? undefined}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={7} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!text.trim()} onClick={() => onPlan(parsePlan(text), sampleId || null)}>
          Đọc phụ lục
        </Button>
        <Button onClick={() => file.current?.click()}>Mở tệp Word (.docx)</Button>
        <input ref={file} type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" hidden aria-label="Tệp Word" onChange={(e) => void openDocx(e.target.files?.[0])} />
      </div>
    </div>
  );
}
