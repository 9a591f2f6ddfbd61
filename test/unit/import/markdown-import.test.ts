import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { importMarkdown, splitFrontMatter } from "../../../shared/import/markdown";

// Markdown import of files from elsewhere: front matter optional, unsafe links and images dropped.

describe("Markdown import", () => {
  it("reads a plain Markdown file without front matter", async () => {
    const md = `# A headline\n\n*The standfirst in italics*\n\nFirst paragraph with [a link](https://example.com) and [bad](javascript:alert(1)).\n\n## Crosshead\n\n> A quote\n>\n> — Someone\n\n1. one\n2. two\n\n![alt](http://insecure.example/a.png)\n\n\`\`\`\ncode line\n\`\`\`\n\n---\n`;
    const result = await importMarkdown(md);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { doc } = result.article;
    expect(fieldText(doc, "headline")).toBe("A headline");
    expect(fieldText(doc, "standfirst")).toBe("The standfirst in italics");
    const body = doc.child(5).toJSON() as { content: { type: string }[] };
    expect(body.content.map((b) => b.type)).toEqual(["paragraph", "subheading", "blockquote", "ordered_list", "paragraph"]);
    expect(JSON.stringify(body)).not.toMatch(/"href":"javascript|"src":"http:/);
    expect(result.warnings).toEqual([`An image ("alt") was left out: only https and embedded images are kept.`]);
    expect(doc.child(5).child(2).lastChild?.type.name).toBe("attribution");
  });

  it("uses valid front matter fields and replaces invalid ones with defaults", async () => {
    const md = `---\nid: not-a-uuid\nslug: my-story\nlanguage: de\ntags: [a, b]\nstatus: approved\ncreated: 2014-01-07\n---\n\n# Title\n`;
    const result = await importMarkdown(md);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.meta).toMatchObject({ slug: "my-story", language: "de", tags: ["a", "b"], status: "approved", created: "2014-01-07T00:00:00.000Z" });
    expect(result.article.meta.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses broken YAML and YAML alias bombs with a clear message", async () => {
    expect(await importMarkdown("---\nid: [unclosed\n---\n# x\n")).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the front matter is not valid YAML/)] });
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    const started = performance.now();
    const result = await importMarkdown(`---\n${bomb}\n---\n# x\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the front matter is not valid YAML/)] });
    expect(splitFrontMatter("---\n- a list\n---\n")).toEqual({ error: "the front matter is not a set of key: value lines" });
  });
});
