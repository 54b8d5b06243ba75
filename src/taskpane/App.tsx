import { MessageBar, MessageBarBody, Spinner, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { LoadPanel } from "./components/LoadPanel";
import { REQUIRED_EXCEL_API } from "./office/host";
import { ReportFilePicker } from "./components/ReportFilePicker";
import type { FilePort } from "./filePort";
import type { WorkbookPort } from "./office/port";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  tabs: { flexWrap: "wrap" },
});

// Tabs other than the first load when first opened, so the pane starts on less code.
const TablePanel = lazy(() => import(/* webpackChunkName: "tab-table" */ "./components/TablePanel").then((m) => ({ default: m.TablePanel })));
const PeriodPanel = lazy(() => import(/* webpackChunkName: "tab-period" */ "./components/PeriodPanel").then((m) => ({ default: m.PeriodPanel })));
const CheckPanel = lazy(() => import(/* webpackChunkName: "tab-check" */ "./components/CheckPanel").then((m) => ({ default: m.CheckPanel })));
const UpdatePanel = lazy(() => import(/* webpackChunkName: "tab-update" */ "./components/UpdatePanel").then((m) => ({ default: m.UpdatePanel })));
const OverviewPanel = lazy(() => import(/* webpackChunkName: "tab-overview" */ "./components/OverviewPanel").then((m) => ({ default: m.OverviewPanel })));
const CyclePanel = lazy(() => import(/* webpackChunkName: "tab-cycle" */ "./components/CyclePanel").then((m) => ({ default: m.CyclePanel })));
const ProvincePanel = lazy(() => import(/* webpackChunkName: "tab-province" */ "./components/ProvincePanel").then((m) => ({ default: m.ProvincePanel })));

const TABS = [
  ["load", "Nạp chỉ tiêu"],
  ["table", "Dùng bảng có sẵn"],
  ["period", "Kỳ báo cáo"],
  ["check", "Kiểm tra"],
  ["update", "Cập nhật"],
  ["overview", "Tổng quan"],
  ["cycle", "Phiếu đơn vị"],
  ["province", "Gửi tỉnh"],
] as const;
type TabId = (typeof TABS)[number][0];

export function App({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("load");
  const [visited, setVisited] = useState<Set<TabId>>(new Set(["load"]));
  const usable = port.inExcel && port.supported;
  // In a plain browser the workbook is a file: building, checking, the overview and the province work on files.
  const files = !port.inExcel && "openReport" in port ? (port as FilePort) : null;
  const enabled = (id: TabId) => id === "load" || id === "province" || usable || (files !== null && (id === "check" || id === "overview" || id === "cycle"));
  return (
    <main className={styles.root}>
      <Title3 as="h1">Chỉ tiêu số</Title3>
      {files && (
        <>
          <MessageBar intent="info">
            <MessageBarBody>
              Đang mở ngoài Excel: sổ báo cáo được lập thành tệp .xlsx để tải về; mở một sổ đã nhập số liệu để kiểm tra, xem tổng quan và xuất gửi tỉnh. Đổi kỳ và cập nhật phụ lục cần mở sổ trong
              Excel.
            </MessageBarBody>
          </MessageBar>
          <ReportFilePicker port={files} />
        </>
      )}
      {port.inExcel && !port.supported && (
        <MessageBar intent="error">
          <MessageBarBody>Phiên bản Excel này chưa hỗ trợ ExcelApi {REQUIRED_EXCEL_API}. Hãy dùng Excel 2019, Microsoft 365 hoặc Excel trên web.</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        size="small"
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => {
          setTab(d.value as TabId);
          setVisited((v) => new Set(v).add(d.value as TabId));
        }}
        aria-label="Chức năng"
      >
        {TABS.map(([id, label]) => (
          <Tab key={id} value={id} disabled={!enabled(id)}>
            {label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={TABS.find((t) => t[0] === tab)![1]}>
        {/* Loading and updating hold the official's work (the preview, corrections, choices): kept when another tab is open. */}
        <div hidden={tab !== "load"}>
          <LoadPanel port={port} />
        </div>
        <Suspense fallback={<Spinner size="tiny" label="Đang mở…" />}>
          {visited.has("table") && (
            <div hidden={tab !== "table"}>
              <TablePanel port={port} />
            </div>
          )}
          {visited.has("update") && (
            <div hidden={tab !== "update"}>
              <UpdatePanel port={port} />
            </div>
          )}
          {tab === "period" && <PeriodPanel port={port} />}
          {tab === "check" && <CheckPanel port={port} />}
          {tab === "overview" && <OverviewPanel port={port} />}
          {visited.has("cycle") && (
            <div hidden={tab !== "cycle"}>
              <CyclePanel port={port} />
            </div>
          )}
          {tab === "province" && <ProvincePanel port={port} />}
        </Suspense>
      </div>
    </main>
  );
}
