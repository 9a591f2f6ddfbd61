import { app, protocol, session, shell, type WebContents } from "electron";
import { answerAppRequest, appSchemePrivileges } from "./app-protocol";
import { externalLinkToOpen } from "./external-links";
import { hardenContents, hardenSession } from "./hardening";
import { appScheme } from "./renderer-origin";

// The Electron side of the security checklist (SECURITY.md): every decision is made by the
// plain-Node modules imported above, which the unit tests under test/unit/security drive.

/// Before the app is ready: every renderer sandboxed, and `app:` registered as a standard, secure scheme.
export function prepareSecureApp(): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);
}

/// Once ready: the app's own files served on `app://copydesk/` from `rendererRoot`; navigation,
/// new windows and webviews refused in every web contents; every permission denied.
export function hardenApp(rendererRoot: string): void {
  protocol.handle(appScheme, (request) => answerAppRequest(request, rendererRoot));
  app.on("web-contents-created", (_event, contents: WebContents) => hardenContents(contents));
  hardenSession(session.defaultSession);
}

/// Opens an http(s) or plain mailto link in the system's browser or mail program, after checking it here.
export async function openExternalLink(href: string): Promise<boolean> {
  const url = externalLinkToOpen(href);
  if (url === null) return false;
  await shell.openExternal(url);
  return true;
}
