import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import mammoth from "mammoth";
import { exportFormats } from "../../../shared/ipc";
import { validateNinjs, validateNitf } from "../../unit/export/standards";
import { ExportDialog } from "../support/export-dialog";
import { expect, readArticle, test } from "../support/fixtures";

// A sports desk builds a results table by keyboard (Insert Table, Tab from cell to cell, a row added
// from the last cell, a column added and taken away again), saves it, opens it again and exports it
// to every format.

const results = [
  ["Team", "Played", "Points"],
  ["Arsenal", "10", "25"],
  ["Chelsea", "10", "22"],
  ["Tottenham", "10", "20"],
];

test("a 3×4 results table built by keyboard survives save, reopen and every export", async ({ copydesk, launch, workDir }, testInfo) => {
  // Typing a table, a restart and seven exports (PDF among them): longer than most specs on a loaded 2-core machine.
  test.setTimeout(300_000);
  await copydesk.setHeadline("Arsenal go top after ten games");
  await copydesk.addParagraph("The table after Sunday's games.");
  await copydesk.insertTable();
  await expect.poll(() => copydesk.tableCells()).toEqual([["", "", ""], ["", "", ""], ["", "", ""]]);

  // The caption first (Shift-Tab from the first cell), then the cells row by row; Tab in the last
  // cell of the third row makes the fourth.
  await copydesk.previousCell();
  await copydesk.typeInCell("Premier League after ten games");
  await copydesk.nextCell();
  for (const row of results.slice(0, -1)) await copydesk.typeRow(row);
  await copydesk.typeRow(results[results.length - 1], false);
  await expect.poll(() => copydesk.tableCells()).toEqual(results);
  await expect(copydesk.tableCaption()).toHaveText("Premier League after ten games");

  // A column and a row added by their shortcuts (the cursor stays where it was), gone to with Tab
  // and deleted again.
  await copydesk.addColumnAfter();
  await expect.poll(async () => (await copydesk.tableCells()).map((row) => row.length)).toEqual([4, 4, 4, 4]);
  await copydesk.nextCell();
  await copydesk.deleteColumn();
  await expect.poll(() => copydesk.tableCells()).toEqual(results);
  await copydesk.addRowAfter();
  await expect.poll(async () => (await copydesk.tableCells()).length).toBe(5);
  await copydesk.nextCell();
  await copydesk.deleteRow();
  await expect.poll(() => copydesk.tableCells()).toEqual(results);
  await copydesk.page.locator(".article-editor").screenshot({ path: testInfo.outputPath("editor-table.png") });

  const path = join(workDir, "results.article");
  await copydesk.saveAs(path);
  const saved = JSON.stringify(readArticle(path).doc);
  expect(saved).toContain('"type":"table","attrs":{"header":true}');
  for (const cell of results.flat()) expect(saved).toContain(`"text":"${cell}"`);

  // Opened again after the app is closed and started again: the same table.
  await copydesk.target.close();
  const reopened = await launch();
  await reopened.open(path);
  await expect(reopened.field("headline")).toHaveText("Arsenal go top after ten games");
  await expect.poll(() => reopened.tableCells()).toEqual(results);
  await expect(reopened.tableCaption()).toHaveText("Premier League after ten games");

  const exportDialog = new ExportDialog(reopened);
  await exportDialog.open();
  await expect(exportDialog.errors()).toHaveCount(0);
  await exportDialog.choose([...exportFormats]);
  await exportDialog.exportTo(workDir);
  const files = readdirSync(workDir);
  const file = (suffix: string) => join(workDir, files.find((f) => f.endsWith(suffix))!);

  const html = readFileSync(file(".html"), "utf8");
  expect(html).toContain('<table><caption>Premier League after ten games</caption><thead><tr><th scope="col">Team</th><th scope="col">Played</th><th scope="col">Points</th></tr></thead>');
  expect(html).toContain("<tr><td>Tottenham</td><td>10</td><td>20</td></tr></tbody></table>");

  const nitf = readFileSync(file(".nitf.xml"), "utf8");
  expect(validateNitf([nitf])).toEqual([]);
  expect(nitf).toContain("<thead><tr><th>Team</th><th>Played</th><th>Points</th></tr></thead>");

  const ninjs = JSON.parse(readFileSync(file(".ninjs.json"), "utf8"));
  expect(validateNinjs(ninjs)).toEqual([]);
  expect(ninjs.bodies[0].value).toContain("<tr><td>Arsenal</td><td>10</td><td>25</td></tr>");

  const markdown = readFileSync(file(".md"), "utf8");
  expect(markdown).toContain(
    ["Table: Premier League after ten games", "", "| Team | Played | Points |", "| --- | --- | --- |", "| Arsenal | 10 | 25 |", "| Chelsea | 10 | 22 |", "| Tottenham | 10 | 20 |"].join("\n"),
  );

  const text = readFileSync(file(".txt"), "utf8");
  expect(text).toContain(
    ["Premier League after ten games", "Team       Played  Points", "---------  ------  ------", "Arsenal    10      25", "Chelsea    10      22", "Tottenham  10      20"].join("\n"),
  );

  const docx = readFileSync(file(".docx"));
  const documentXml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
  expect(documentXml).toContain("<w:tbl>");
  expect((documentXml.match(/<w:tr>/g) ?? []).length).toBe(4);
  const docxText = (await mammoth.extractRawText({ buffer: docx })).value.replace(/\s+/g, " ");
  expect(docxText).toContain("Team Played Points Arsenal 10 25 Chelsea 10 22 Tottenham 10 20");

  const pdfText = execFileSync("pdftotext", ["-layout", file(".pdf"), "-"], { encoding: "utf8" });
  expect(pdfText.replace(/\s+/g, " ")).toContain("Premier League after ten games");
  for (const row of results) expect(pdfText).toMatch(new RegExp(row.join("\\s+"), "i"));
});

test("a table pasted from a spreadsheet comes in as a table, its merged cells unmerged, and saves", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("Greens take the council");
  await copydesk.newBodyBlock();
  await copydesk.pasteHtml(
    '<meta charset="utf-8"><table onclick="alert(1)"><thead><tr><th colspan="2">Party and leader</th><th>Seats</th></tr></thead><tbody><tr><td>Greens</td><td>A. Haddad</td><td>31</td></tr><tr><td>Labour</td><td>T. O\'Neil</td><td>24</td></tr></tbody></table>',
    "Party and leader\tSeats\nGreens\tA. Haddad\t31\nLabour\tT. O'Neil\t24",
  );
  await expect.poll(() => copydesk.tableCells()).toEqual([
    ["Party and leader", "", "Seats"],
    ["Greens", "A. Haddad", "31"],
    ["Labour", "T. O'Neil", "24"],
  ]);
  await expect(copydesk.page.locator(".article-editor .table-block.has-header")).toHaveCount(1);
  const path = join(workDir, "council.article");
  await copydesk.saveAs(path);
  expect(JSON.stringify(readArticle(path).doc)).toContain('"type":"table","attrs":{"header":true}');
});
