import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SettingsStore } from "../../../electron/services/settings";
import { parseRequest } from "../../../shared/ipc";
import { identityProblem, inkOn, personColour, personColours, suggestedInitials } from "../../../shared/review/people";

// Who is writing: kept in Settings by main (an id given once), with a colour derived from the name
// that reads on the light and the dark paper.

const dirs: string[] = [];
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-identity-"));
  dirs.push(dir);
  return new SettingsStore(dir);
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/// WCAG contrast of two "#rrggbb" colours.
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("who is writing", () => {
  it("has no identity until one is given, then keeps its id when the name changes", async () => {
    const settings = store();
    expect((await settings.get()).identity).toBe(null);
    const first = (await settings.update({ identity: { name: "Amira Haddad", initials: "AH" } })).identity!;
    expect(first).toMatchObject({ name: "Amira Haddad", initials: "AH" });
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const renamed = (await settings.update({ identity: { name: "Amira H. Haddad", initials: "AHH" } })).identity!;
    expect(renamed.id).toBe(first.id);
    const reread = new SettingsStore(join(settings.path, ".."));
    expect((await reread.get()).identity).toEqual(renamed);
  });

  it("drops a broken identity in the settings file, keeping the other settings", async () => {
    const settings = store();
    writeFileSync(settings.path, JSON.stringify({ smartQuotes: false, identity: { id: "../x", name: "", initials: "A" } }));
    const read = await settings.get();
    expect(read.identity).toBe(null);
    expect(read.smartQuotes).toBe(false);
    expect(readFileSync(settings.path, "utf8")).toContain("../x");
  });

  it("refuses an identity a window sends without a name, or with an id of its own", () => {
    expect(parseRequest("settings:set", { identity: { name: " ", initials: "A" } }).ok).toBe(false);
    expect(parseRequest("settings:set", { identity: { id: "p1", name: "A", initials: "A" } }).ok).toBe(false);
    expect(parseRequest("settings:set", { identity: { name: "Amira", initials: "A" } }).ok).toBe(true);
  });

  it("says what is missing in words", () => {
    expect(identityProblem("", "AH")).toBe("Type your name.");
    expect(identityProblem("Amira", " ")).toBe("Type your initials.");
    expect(identityProblem("Amira", "ABCDE")).toBe("Initials are at most 4 letters.");
    expect(identityProblem("Amira Haddad", "AH")).toBe(null);
  });

  it("suggests initials from the first and last words", () => {
    expect(suggestedInitials("Amira Haddad")).toBe("AH");
    expect(suggestedInitials("  jean-paul de la Fontaine ")).toBe("JF");
    expect(suggestedInitials("Zoë")).toBe("Z");
    expect(suggestedInitials("")).toBe("");
  });

  it("gives a name the same colour every time, whatever its case", () => {
    expect(personColour("Amira Haddad")).toBe(personColour("amira haddad "));
    const names = ["Amira Haddad", "Tom Reyes", "Li Wei", "Sofia Marin", "Kwame Mensah", "Ana Lima", "Jon Berg", "Eve Roy"];
    expect(new Set(names.map(personColour)).size).toBeGreaterThan(3);
  });

  it.each(personColours)("colour %s reads on the light and the dark paper (3:1 at least)", (colour) => {
    expect(contrast(colour, "#fdfcf9")).toBeGreaterThanOrEqual(3);
    expect(contrast(colour, "#1d1c1a")).toBeGreaterThanOrEqual(3);
  });

  it.each([...personColours, "#777777", "#ffff00", "#000080", "#ffffff", "#000000"])("initials on colour %s read (4.5:1 at least)", (colour) => {
    expect(contrast(colour, inkOn(colour))).toBeGreaterThanOrEqual(4.5);
  });
});
