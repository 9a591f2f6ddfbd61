import { describe, expect, it } from "vitest";
import { articlePathsFromArgv } from "../../../electron/main/launch-paths";

describe("files on the command line", () => {
  it("keeps article files, made absolute against the launch folder, and skips the app and switches", () => {
    const argv = ["/opt/Copydesk/copydesk", "--no-sandbox", "story.article", "/news/Other.ARTICLE", "notes.txt", "."];
    expect(articlePathsFromArgv(argv, "/home/desk")).toEqual(["/home/desk/story.article", "/news/Other.ARTICLE"]);
  });

  it("takes file:// URLs, as a desktop entry with %U passes them, and skips other URLs", () => {
    const argv = ["/opt/Copydesk/copydesk", "file:///news/Flood%20warning.article", "https://example.com/x.article", "file:///news/notes.txt"];
    expect(articlePathsFromArgv(argv, "/home/desk")).toEqual(["/news/Flood warning.article"]);
  });
});
