import { describe, expect, it } from "vitest";
import { articlePathsFromArgv } from "../../../electron/main/launch-paths";

describe("files on the command line", () => {
  it("keeps article files, made absolute against the launch folder, and skips the app and switches", () => {
    const argv = ["/opt/Copydesk/copydesk", "--no-sandbox", "story.article", "/news/Other.ARTICLE", "notes.txt", "."];
    expect(articlePathsFromArgv(argv, "/home/desk")).toEqual(["/home/desk/story.article", "/news/Other.ARTICLE"]);
  });
});
