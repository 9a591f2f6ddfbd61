// The versions the crash test's saver writes: one template, the version number in its headline.

/// The article text of one version: the template with the version in its headline.
export function versionText(template: string, version: number): string {
  return template.replace("Version 000000", `Version ${String(version).padStart(6, "0")}`);
}
