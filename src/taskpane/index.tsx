import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { readHost, type HostInfo } from "./office/host";

function mount(host: HostInfo): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

// Office.js is absent when the page is opened outside Office (or its script is blocked): still show the pane.
if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady((info) => mount(readHost(info)));
} else {
  mount({ inExcel: false, supported: false });
}
