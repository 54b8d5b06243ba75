import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { readHost } from "./office/host";
import { filePort } from "./filePort";
import { officePort } from "./office/port";

function mount(inExcel: boolean, supported: boolean): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App port={inExcel ? officePort(inExcel, supported) : filePort()} />
    </FluentProvider>,
  );
}

// Office.js is absent when the page is opened outside Office (or its script is blocked): still show the pane.
if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady((info) => {
    const host = readHost(info);
    mount(host.inExcel, host.supported);
  });
} else {
  mount(false, false);
}
