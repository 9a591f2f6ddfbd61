import { join } from "node:path";
import { expect, readArticle, test } from "../support/fixtures";

test("a journalist types a headline and a paragraph and saves them to a file", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("Storm closes the harbour");
  await copydesk.typeInBody("Ferries stayed in port on Tuesday as winds reached 120 km/h.");
  const path = join(workDir, "storm.article");

  await copydesk.saveAs(path);

  const saved = readArticle(path);
  const fields = (saved.doc.content as { type: string; content?: { type: string; content?: { text: string }[] }[] }[]);
  const headline = fields.find((f) => f.type === "headline");
  const body = fields.find((f) => f.type === "body");
  expect(headline?.content?.map((t) => (t as unknown as { text: string }).text).join("")).toBe("Storm closes the harbour");
  expect(body?.content).toEqual([
    { type: "paragraph", content: [{ type: "text", text: "Ferries stayed in port on Tuesday as winds reached 120 km/h." }] },
  ]);
  expect(saved).toEqual(await copydesk.documentJson());
  await expect(copydesk.page).toHaveTitle(/^storm\.article — Copydesk$/);
});
