import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Node as PMNode } from "prosemirror-model";
import { fieldDecorations } from "../../../renderer/src/editor/field-decorations";
import { checkBeforeExport } from "../../../shared/export/checks";
import { fieldNames, fields, lengthLevel, type FieldName } from "../../../shared/fields";
import { reviewMarkNames, schema } from "../../../shared/schema";
import { article, meta, p, stateOf, type ArticleParts } from "../editor/builders";

// One description per field (shared/fields.ts): the schema, the editor's names, placeholders and
// meters, and the pre-export check all read it, so they cannot disagree.

const marksOf = (type: { allowsMarkType: (m: (typeof schema.marks)[keyof typeof schema.marks]) => boolean }) =>
  Object.values(schema.marks)
    .filter((m) => type.allowsMarkType(m))
    .map((m) => m.name)
    .sort();

/// The node attributes the editor gives each field, by field name.
function decorated(doc: PMNode): Record<string, Record<string, string>> {
  const byField: Record<string, Record<string, string>> = {};
  for (const decoration of fieldDecorations(stateOf(doc)).find()) {
    const attrs = (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    byField[attrs["data-field"] ?? "first body block"] = attrs;
  }
  return byField;
}

/// An article whose field `name` holds `text`.
function withField(name: FieldName, text: string): PMNode {
  const parts: ArticleParts = { headline: "A headline", body: [p("Body text.")] };
  if (name === "standfirst") parts.standfirst = [text];
  else (parts as Record<string, unknown>)[name] = text;
  return article(parts);
}

const limited = fieldNames.filter((name) => fields[name].limits !== null);

describe("field descriptions", () => {
  it("describe every field, in the schema's order", () => {
    expect(Object.keys(fields)).toEqual([...fieldNames]);
    expect(schema.nodes.doc.spec.content).toBe(fieldNames.join(" "));
  });

  it("give the marks the schema allows in each field (the body's in its paragraphs), and the review's notes and suggestions", () => {
    for (const name of fieldNames) {
      const type = name === "body" ? schema.nodes.paragraph : schema.nodes[name];
      if (!type.isTextblock) continue;
      expect([name, marksOf(type)]).toEqual([name, [...fields[name].marks, ...reviewMarkNames].sort()]);
    }
  });

  it("name each field in the editor, with its placeholder while empty and its kind of textbox", () => {
    const attrs = decorated(article());
    for (const name of fieldNames) {
      const { label, placeholder, oneLine } = fields[name];
      expect(attrs[name]["aria-label"]).toBe(label);
      if (name === "related") continue;
      expect(attrs[name]["aria-multiline"]).toBe(oneLine ? "false" : "true");
      if (name !== "body") expect(attrs[name]["data-placeholder"]).toBe(placeholder ?? undefined);
    }
    expect(attrs["first body block"]["data-placeholder"]).toBe(fields.body.placeholder);
    expect(decorated(withField("kicker", "Iraq")).kicker).not.toHaveProperty("data-placeholder");
  });

  it("the meter and the pre-export check agree on each limit, at and past it", () => {
    expect(limited).toEqual(["kicker", "headline", "standfirst"]);
    for (const name of limited) {
      const { label, limits } = fields[name];
      for (const length of [limits!.warn, limits!.warn + 1, ...(limits!.error ? [limits!.error, limits!.error + 1] : [])]) {
        const doc = withField(name, "x".repeat(length));
        const meter = decorated(doc)[name];
        const level = lengthLevel(name, length);
        expect(meter).toMatchObject({ "data-meter": `${length}/${limits!.warn}`, "data-level": level });
        const check = checkBeforeExport({ meta: meta(), doc, assets: {} });
        const says = (list: string[]) => list.some((m) => m.startsWith(`The ${label.toLowerCase()} is ${length} characters long`));
        expect([name, length, says(check.warnings), says(check.errors)]).toEqual([name, length, level === "warn", level === "error"]);
      }
    }
  });

  it("measure a field the same way in the meter and the check: surrounding spaces do not count", () => {
    const doc = withField("headline", `  ${"x".repeat(70)}  `);
    expect(decorated(doc).headline["data-level"]).toBe("ok");
    expect(checkBeforeExport({ meta: meta(), doc, assets: {} }).warnings).toEqual([]);
  });

  it("the README states the same limits", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8").replace(/\s+/g, " ");
    const stated = limited.map((name) => {
      const { warn, error } = fields[name].limits!;
      return `${name} (${error === undefined ? warn : `${warn} warn, ${error} error`})`;
    });
    expect(readme).toContain(`live length meters on ${stated.slice(0, -1).join(", ")} and ${stated.at(-1)}`);
  });

  it("docs/article-model.md states the same limits", () => {
    const model = readFileSync(join(__dirname, "..", "..", "..", "docs", "article-model.md"), "utf8").split("\n");
    for (const name of limited) {
      const { warn, error } = fields[name].limits!;
      const row = model.find((line) => line.startsWith(`| \`${name}\` |`)) ?? "";
      expect([name, row.includes(`soft limit ${warn} characters`), error === undefined || row.includes(`hard limit ${error}`)]).toEqual([name, true, true]);
    }
  });

  it("a required field left empty stops the export; others may be empty", () => {
    const required = fieldNames.filter((name) => fields[name].required);
    expect(required).toEqual(["headline"]);
    const check = checkBeforeExport({ meta: meta(), doc: article({ body: [p("Text.")] }), assets: {} });
    expect(check.errors).toEqual(["The article has no headline."]);
  });
});
