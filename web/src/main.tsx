import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import "./i18n";
import "./styles.css";
import { App } from "./app/App";
import { bootSession } from "./api/session";
import { prefetchInbox } from "./mail/mailApi";
import { peekBoot } from "./api/boot";
import { mark } from "./app/marks";

mark("mp:script");

// Opening the webmail: its folders and first page are asked for as soon as the session
// names the account, alongside /v1/me rather than after it.
// (When the server put the session in the page, they are usually there too.)
const given = peekBoot("session");
if (window.location.pathname === "/mail" && given?.signed_in) {
  prefetchInbox(String(given.account_id));
} else if (window.location.pathname === "/mail") {
  void bootSession().then((s) => { if (s) prefetchInbox(s.account_id); }, () => undefined);
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
