import { describe, expect, it } from "vitest";
import { emptyDoc, fieldText } from "../../../shared/article";
import { textWithoutDeleted } from "../../../shared/review/deleted-text";
import { schema } from "../../../shared/schema";
import { blockText } from "../../../shared/style/article-check";
import { countNode } from "../../../shared/word-count";

// Words a suggestion deletes are still in the document, struck through, but not in the story:
// the counts, the house-style checks (which see one character per position) and the slug's
// headline leave them out.

const deleted = schema.marks.deletion.create({ id: "s1" });
const inserted = schema.marks.insertion.create({ id: "s1" });
const paragraph = schema.nodes.paragraph.create(null, [schema.text("Drones are expected "), schema.text("in", [deleted]), schema.text("by", [inserted]), schema.text(" March.")]);

describe("text without deleted words", () => {
  it("leaves them out, or blanks them keeping positions", () => {
    expect(textWithoutDeleted(paragraph)).toBe("Drones are expected by March.");
    expect(blockText(paragraph)).toBe("Drones are expected \ufffc\ufffcby March.");
    expect(blockText(paragraph)).toHaveLength(paragraph.content.size);
  });

  it("drops the zero-width spaces that mark a suggested break", () => {
    const split = schema.nodes.paragraph.create(null, [schema.text("One"), schema.text("\u200B", [inserted])]);
    expect(textWithoutDeleted(split)).toBe("One");
    expect(blockText(split)).toBe("One\ufffc");
  });

  it("is the text itself when nothing is deleted", () => {
    const plain = schema.nodes.paragraph.create(null, schema.text("Drones are expected in March."));
    expect(textWithoutDeleted(plain)).toBe("Drones are expected in March.");
    expect(blockText(plain)).toBe("Drones are expected in March.");
  });

  it("counts the words of the story, not those struck out", () => {
    expect(countNode(paragraph).words).toBe(5);
    const base = emptyDoc();
    const headline = schema.nodes.headline.create(null, [schema.text("US "), schema.text("speeds up", [deleted]), schema.text("accelerates", [inserted]), schema.text(" arms sales")]);
    expect(fieldText(base.copy(base.content.replaceChild(1, headline)), "headline")).toBe("US accelerates arms sales");
  });
});
