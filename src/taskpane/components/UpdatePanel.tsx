import { Button, Field, Select, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Plan } from "../../core/plan";
import type { WorkbookPort } from "../office/port";
import { noReport } from "../office/errors";
import type { DoubtfulPair, UpdateDecisions } from "../../reading/update";
import { describeUpdate } from "../../reading/update";
import { useAction } from "../useAction";
import { Notice } from "./Notice";
import { SourcePicker } from "./SourcePicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  pair: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  wording: { overflowWrap: "anywhere" },
});

const SEPARATE = "__separate__";
const pairKey = (p: DoubtfulPair) => `${p.kind}:${p.oldCode}`;

/** "Cập nhật chỉ tiêu": an amended appendix into the existing workbook, keeping everything entered. */
export function UpdatePanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [pairs, setPairs] = useState<DoubtfulPair[] | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const review = () =>
    run(async () => {
      if (!plan) return;
      const found = await port.proposeUpdate(plan);
      if (!found) throw noReport();
      setPairs(found);
      setChoices({});
    });
  const undecided = (pairs ?? []).filter((p) => !choices[pairKey(p)]).length;
  const update = () =>
    run(async () => {
      if (!plan || !pairs) return;
      const decisions: UpdateDecisions = { indicators: new Map(), tasks: new Map() };
      for (const p of pairs) {
        const choice = choices[pairKey(p)];
        (p.kind === "task" ? decisions.tasks : decisions.indicators).set(p.oldCode, choice === SEPARATE || choice === undefined ? null : choice);
      }
      const result = await port.update(plan, planId, decisions);
      if (!result) throw noReport();
      setDone(
        [
          `Đã cập nhật.`,
          ...describeUpdate(result.summary),
          `Bản sao trước khi cập nhật: ${result.renamed
            .filter((r) => !r.hidden)
            .map((r) => r.to)
            .join(", ")}.`,
          ...(result.cut.length ? [`Lưu ý: ${result.cut.join("; ")}.`] : []),
          ...result.skipped,
        ].join(" "),
      );
      setPairs(null);
    });

  return (
    <div className={styles.root}>
      <Text>Dán hoặc mở phụ lục đã sửa đổi. Số liệu, minh chứng và ghi chú đã nhập đi theo đúng chỉ tiêu của nó; sổ cũ được giữ lại thành bản sao.</Text>
      <SourcePicker label="Phụ lục chỉ tiêu đã sửa đổi" onPlan={(p, id) => (setPlan(p), setPlanId(id), setPairs(null), setDone(null))} />
      {plan && (
        <Text>
          Phụ lục mới có {plan.indicators.length} chỉ tiêu, {plan.tasks.length} nhiệm vụ, {plan.warnings.length} cảnh báo.
        </Text>
      )}
      {!pairs && (
        <Button appearance="primary" disabled={busy || !plan || !port.inExcel} onClick={() => void review()}>
          Đối chiếu với sổ
        </Button>
      )}
      {pairs && pairs.length === 0 && <Text>Mọi chỉ tiêu và nhiệm vụ đều khớp rõ ràng với phụ lục mới.</Text>}
      {pairs && pairs.length > 0 && (
        <>
          <Text weight="semibold">
            {pairs.length} cặp chưa chắc là cùng một chỉ tiêu. Hãy chọn cho từng cặp trước khi cập nhật (còn {undecided} cặp chưa chọn).
          </Text>
          {pairs.map((p) => (
            <div key={pairKey(p)} className={styles.pair} data-testid="doubtful-pair">
              <Text className={styles.wording}>
                Trong sổ: <b>{p.oldCode}</b> {p.oldName}
              </Text>
              <Text className={styles.wording}>
                Phụ lục mới: <b>{p.newCode}</b> {p.newName}
              </Text>
              <Text size={200}>Vì sao cần xem: {p.doubt}.</Text>
              <Field label={`Chỉ tiêu ${p.oldCode} trong sổ là`}>
                <Select value={choices[pairKey(p)] ?? ""} onChange={(_, d) => setChoices((c) => ({ ...c, [pairKey(p)]: d.value }))}>
                  <option value="">— chọn —</option>
                  <option value={p.newCode}>cùng chỉ tiêu {p.newCode}: chuyển số liệu sang</option>
                  <option value={SEPARATE}>khác chỉ tiêu: để riêng, giữ số liệu ở dòng cũ</option>
                  {(p.kind === "task" ? plan!.tasks : plan!.indicators)
                    .filter((x) => x.id !== p.newCode)
                    .map((x) => (
                      <option key={x.id} value={x.id}>
                        ghép với {x.id}: {x.name.slice(0, 60)}
                      </option>
                    ))}
                </Select>
              </Field>
            </div>
          ))}
        </>
      )}
      {pairs && (
        <Button appearance="primary" disabled={busy || undecided > 0 || !port.inExcel} onClick={() => void update()}>
          Cập nhật vào sổ
        </Button>
      )}
      <Notice busy={busy} error={error} done={done} busyLabel="Đang cập nhật sổ…" />
    </div>
  );
}
