import { describe, expect, it } from "vitest";
import { createArticle, type Author } from "../../../shared/article";
import { authorsMissingFromByline, bylineFor } from "../../../shared/byline";
import { checkBeforeExport } from "../../../shared/export/checks";
import { schema } from "../../../shared/schema";

// The byline written from the story's authors, and the check that a byline names them all.

const author = (name: string, role: Author["role"] = "writer"): Author => ({ name, role, jobTitle: "", email: "" });

describe("writing the byline from the authors", () => {
  it('joins the names as the language does: "By Ann Reporter and Tom Desk"', () => {
    expect(bylineFor([author("Ann Reporter"), author("Tom Desk", "editor")], "en")).toBe("By Ann Reporter and Tom Desk");
    expect(bylineFor([author("Ann Reporter"), author("Tom Desk"), author("Li Wei")], "en-GB")).toBe("By Ann Reporter, Tom Desk and Li Wei");
    expect(bylineFor([author("Ann Reporter")], "en")).toBe("By Ann Reporter");
  });

  it("in the article's language where the panel offers it, in English otherwise", () => {
    expect(bylineFor([author("Anne Dupont"), author("Jean Martin")], "fr")).toBe("Par Anne Dupont et Jean Martin");
    expect(bylineFor([author("Anna Schmidt"), author("Jan Weber")], "de-DE")).toBe("Von Anna Schmidt und Jan Weber");
    expect(bylineFor([author("Amira Haddad"), author("Tom Reyes")], "ar")).toBe("By Amira Haddad and Tom Reyes");
  });

  it("is empty when no author has a name, and leaves blank names out", () => {
    expect(bylineFor([], "en")).toBe("");
    expect(bylineFor([author("  "), author(" Ann Reporter ")], "en")).toBe("By Ann Reporter");
  });
});

describe("checking the byline against the authors", () => {
  it("names the authors the byline leaves out, in their order", () => {
    const authors = [author("Ann Reporter"), author("Tom Desk"), author("Li Wei")];
    expect(authorsMissingFromByline("By Ann Reporter", authors)).toEqual(["Tom Desk", "Li Wei"]);
    expect(authorsMissingFromByline("", authors)).toEqual(["Ann Reporter", "Tom Desk", "Li Wei"]);
    expect(authorsMissingFromByline("By Ann Reporter, Tom Desk and Li Wei", authors)).toEqual([]);
  });

  it("ignores case, accents and spacing", () => {
    expect(authorsMissingFromByline("Par JOSE  DIAZ (AFP)", [author("José Díaz")])).toEqual([]);
    expect(authorsMissingFromByline("By Ann Reporter", [])).toEqual([]);
  });

  it("warns before export when the byline does not name every author", () => {
    const article = createArticle();
    const n = schema.nodes;
    const doc = n.doc.create(
      null,
      article.doc.content.replaceChild(1, n.headline.create(null, schema.text("Storm closes the port"))).replaceChild(3, n.byline.create(null, schema.text("By Ann Reporter"))),
    );
    const meta = { ...article.meta, authors: [author("Ann Reporter"), author("Tom Desk")] };
    const { warnings, errors } = checkBeforeExport({ ...article, meta, doc });
    expect(errors).toEqual([]);
    expect(warnings).toContainEqual(expect.stringMatching(/^The byline does not name Tom Desk, listed among the authors/));
    expect(checkBeforeExport({ ...article, meta: { ...meta, authors: [author("Ann Reporter")] }, doc }).warnings.join(" ")).not.toMatch(/byline/);
  });
});
