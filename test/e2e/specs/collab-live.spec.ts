import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleFile } from "../../../shared/article-file";
import { addUser, startNewsroomServer, type RunningNewsroomServer } from "../../../server/newsroom-server";
import { Copydesk } from "../support/copydesk";
import { expect, test, testIdentity, type Identity } from "../support/fixtures";
import { launchElectron, launchHost, targetName } from "../support/targets";

// Writing together, in the newsroom's words (issue 16): a reporter shares a story on the newsroom
// server; an editor on the desk opens it from the newsroom in a second window, as another person.
// Each sees the other's words as they are typed, and the other's caret with their name. The editor
// takes the story offline; both write in the same paragraph; the editor brings it back online, and
// both windows end with the same story holding every word either typed. The server is started by
// the test itself, on 127.0.0.1, with a token for each of them.

const editor: Identity = { id: "p-e2e-editor", name: "Sam Desk", initials: "SD" };

test.describe.configure({ timeout: 240_000 });

/// The story list of the server, as a token holder sees it (the headlines).
async function headlinesOn(server: RunningNewsroomServer, token: string): Promise<string[]> {
  const response = await fetch(`${server.url.replace(/^ws/, "http")}/stories`, { headers: { authorization: `Bearer ${token}` } });
  const { stories } = (await response.json()) as { stories: { headline: string }[] };
  return stories.map((story) => story.headline);
}

test("two people write one story together, live, then offline, and nobody's words are lost", async ({ copydesk: reporter, hostBrowser, workDir }, testInfo) => {
  const dataDir = join(workDir, "newsroom");
  const server = await startNewsroomServer({ dataDir, port: 0, host: "127.0.0.1", report: () => undefined });
  // A second window on its own user-data folder, as the editor (another person at another desk).
  const deskData = join(workDir, "desk-user-data");
  mkdirSync(deskData, { recursive: true });
  writeFileSync(join(deskData, "settings.json"), `${JSON.stringify({ identity: editor })}\n`);
  const deskTarget = targetName() === "electron" ? await launchElectron(deskData) : await launchHost(deskData, hostBrowser ?? undefined);
  const desk = new Copydesk(deskTarget);
  try {
    await desk.ready();
    const [reporterToken, deskToken] = [await addUser(dataDir, testIdentity.name), await addUser(dataDir, editor.name)];
    await reporter.addNewsroomServer(server.url, reporterToken);
    await desk.addNewsroomServer(server.url, deskToken);

    // The reporter shares the story; it is on the server's list for the desk.
    await reporter.setHeadline("Storm closes the harbour");
    await reporter.typeInBody("Ferries stayed in port.");
    await reporter.shareToNewsroom(join(workDir, "storm.article"));
    // The local file remembers the server and the story, and keeps the whole story to work offline.
    const sharedFile = parseArticleFile(readFileSync(join(workDir, "storm.article")));
    expect(sharedFile.ok && sharedFile.shared?.server).toBe(server.url);
    await expect.poll(() => headlinesOn(server, deskToken), { timeout: 60_000 }).toContain("Storm closes the harbour");
    await desk.openFromNewsroom("Storm closes the harbour", join(workDir, "storm-desk.article"));
    await expect(desk.field("headline")).toHaveText("Storm closes the harbour");
    await expect(desk.bodyBlocks().first()).toHaveText("Ferries stayed in port.");

    // Live, both ways: each sees the other's words, the other's caret with a name, and who is in the story.
    await desk.typeAfterBlockWith("Ferries stayed in port.", " Flights were cancelled.");
    await expect(reporter.bodyBlocks().first()).toHaveText("Ferries stayed in port. Flights were cancelled.");
    await reporter.addParagraph("The harbour master spoke.");
    await expect(desk.bodyBlocks().nth(1)).toHaveText("The harbour master spoke.");
    await expect(reporter.cursorOf(editor.name)).toBeVisible();
    await expect(desk.cursorOf(testIdentity.name)).toBeVisible();
    await expect(reporter.presence()).toContainText(editor.name);
    await expect(desk.presence()).toContainText(testIdentity.name);
    // What the reporter sees (the README's picture of writing together, docs/images/writing-together.png).
    await reporter.page.screenshot({ path: testInfo.outputPath("writing-together.png") });

    // Undo takes back only one's own words, never a colleague's; redo brings them back. Typing is
    // undone burst by burst, as in any editor (keys less than half a second apart make one step):
    // on a busy machine a pause splits the sentence, so the editor undoes, each step seen in its own
    // window at once, until the sentence is gone, and redoes until it is back.
    const opening = desk.bodyBlocks().first();
    const stepUntil = async (step: () => Promise<void>, text: string) => {
      for (let before = await opening.textContent(); before !== text; before = await opening.textContent()) {
        await step();
        await expect.poll(() => opening.textContent()).not.toBe(before);
      }
    };
    await stepUntil(() => desk.undo(), "Ferries stayed in port.");
    await expect(reporter.bodyBlocks().first()).toHaveText("Ferries stayed in port.");
    await expect(desk.bodyBlocks().nth(1)).toHaveText("The harbour master spoke.");
    await expect(reporter.bodyBlocks().nth(1)).toHaveText("The harbour master spoke.");
    await stepUntil(() => desk.redo(), "Ferries stayed in port. Flights were cancelled.");
    await expect(reporter.bodyBlocks().first()).toHaveText("Ferries stayed in port. Flights were cancelled.");

    // The editor goes offline; both write in the same paragraph.
    await desk.takeOffline();
    await desk.typeAfterBlockWith("The harbour master spoke.", " He closed the port at noon.");
    await reporter.typeAfterBlockWith("The harbour master spoke.", " Nobody was hurt.");
    await expect(desk.shareState()).toHaveText(/^Offline, [1-9]\d* changes? not yet shared$/);
    await expect(desk.bodyBlocks().nth(1)).not.toContainText("Nobody was hurt.");
    await expect(reporter.bodyBlocks().nth(1)).not.toContainText("at noon");

    // Back online: both windows converge on one story with every word either typed.
    await desk.bringOnline();
    const typed = ["Storm closes the harbour", "Ferries stayed in port.", "Flights were cancelled.", "The harbour master spoke.", "He closed the port at noon.", "Nobody was hurt."];
    // Both windows are read on every try: the reporter may not yet have the desk's offline words.
    const converged = async () => {
      const [deskText, reporterText] = [await desk.bodyText(), await reporter.bodyText()];
      const same = JSON.stringify(deskText) === JSON.stringify(reporterText) && typed.slice(1).every((words) => deskText.join(" ").includes(words));
      return same ? "converged" : JSON.stringify({ desk: deskText, reporter: reporterText });
    };
    await expect.poll(converged, { timeout: 60_000 }).toBe("converged");
    const [reporterArticle, deskArticle] = [await reporter.documentJson(), await desk.documentJson()];
    expect(deskArticle.doc).toEqual(reporterArticle.doc);
    const text = `${await reporter.field("headline").textContent()} ${(await reporter.bodyText()).join(" ")}`;
    for (const words of typed) expect(text).toContain(words);
    await expect(desk.shareState()).toHaveText("Shared, online");

    // Saved, the editor's local copy holds the merged story and its shared part.
    await desk.save();
    const saved = parseArticleFile(readFileSync(join(workDir, "storm-desk.article")));
    if (!saved.ok) throw new Error(saved.errors.join("; "));
    expect(saved.shared?.story).toBe(sharedFile.ok ? sharedFile.shared?.story : "");
    for (const words of typed) expect(saved.article.doc.textContent).toContain(words);
  } finally {
    await deskTarget.close().catch(() => undefined);
    await server.stop();
  }
});
