import type { BodyChange, Redline, RelatedLinkText, TextPiece } from "./compare";

// A redline as plain text, the way word-diff tools write one: deleted words as [-words-], inserted
// ones as {+words+}, a heading line per field, metadata, related links and body block, the text
// indented under it. With colour (a terminal that wants it) deletions are also red and insertions
// green, headings bold; the brackets stay, so the meaning never rests on colour alone.

const ansi = { red: "\x1b[31m", green: "\x1b[32m", bold: "\x1b[1m", resetColour: "\x1b[39m", resetBold: "\x1b[22m" };

/// The lines of a redline; none when the articles are the same.
export function redlineText(redline: Redline, options: { colour?: boolean } = {}): string[] {
  const colour = options.colour === true;
  const heading = (text: string) => (colour ? `${ansi.bold}${text}${ansi.resetBold}` : text);
  const lines: string[] = [];
  for (const field of redline.fields) {
    lines.push(heading(`${field.label}:`), ...indented(piecesText(field.pieces, colour)), ...field.details.map((d) => `  (${d})`));
  }
  if (redline.meta.length > 0) {
    lines.push(heading("Metadata:"));
    for (const m of redline.meta) lines.push(`  ${m.label}: ${marked("deleted", m.before, colour)} ${marked("inserted", m.after, colour)}`);
  }
  if (redline.related.length > 0) {
    lines.push(heading("Related links:"));
    for (const r of redline.related) {
      const before = r.before ? marked("deleted", linkText(r.before), colour) : "";
      const after = r.after ? marked("inserted", linkText(r.after), colour) : "";
      lines.push(`  ${r.number}. ${[before, after].filter(Boolean).join(" ")}`);
    }
  }
  for (const block of redline.body) lines.push(heading(`${bodyHeading(block)}:`), ...indented(piecesText(block.pieces, colour)), ...block.details.map((d) => `  (${d})`));
  return lines;
}

/// "Body 3, paragraph (was 2)", "Body 5, paragraph, inserted", "Body, subheading, deleted (was 4)".
export function bodyHeading(block: BodyChange): string {
  switch (block.change) {
    case "changed":
      return `Body ${block.after}, ${block.kind}${block.before === block.after ? "" : ` (was ${block.before})`}`;
    case "inserted":
      return `Body ${block.after}, ${block.kind}, inserted`;
    case "deleted":
      return `Body, ${block.kind}, deleted (was ${block.before})`;
    case "moved":
      return `Body ${block.after}, ${block.kind}, moved (was ${block.before})`;
  }
}

const linkText = (link: RelatedLinkText): string => `${link.label ? `${link.label}: ` : ""}${link.title || "(no title)"} <${link.href}>`;

/// One run of text with its markers; each line of it marked on its own, so markers never span lines.
function marked(change: TextPiece["change"], text: string, colour: boolean): string {
  if (change === "same") return text;
  const [open, close, tint] = change === "deleted" ? ["[-", "-]", ansi.red] : ["{+", "+}", ansi.green];
  return text
    .split("\n")
    .map((line) => (line === "" ? "" : colour ? `${tint}${open}${line}${close}${ansi.resetColour}` : `${open}${line}${close}`))
    .join("\n");
}

const piecesText = (pieces: TextPiece[], colour: boolean): string => pieces.map((p) => marked(p.change, p.text, colour)).join("");

const indented = (text: string): string[] => (text === "" ? [] : text.split("\n").map((line) => `  ${line}`));
