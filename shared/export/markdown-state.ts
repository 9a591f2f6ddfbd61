import type { Node as PMNode } from "prosemirror-model";
import { MarkdownSerializerState, type MarkdownSerializer } from "prosemirror-markdown";

// prosemirror-markdown builds its output by appending to one string and reading that string's
// last character before every block. V8 keeps an appended string as a rope and flattens all of it
// for each read, so the output was copied once per block: a Markdown export of 80,000 paragraphs
// took 57 s. This state keeps the output as a list of pieces and the last two characters apart,
// so each piece is copied once. The methods below are the upstream ones (1.13) with that change;
// test/unit/security-input/linear-time.test.ts checks their output equals the upstream state's.

/// The upstream state's members these methods use (internal there, so not in its type declarations).
interface Internals {
  closed: PMNode | null;
  delim: string;
  atBlockStart: boolean;
}

type Options = MarkdownSerializerState["options"];
const Upstream = MarkdownSerializerState as unknown as new (
  nodes: MarkdownSerializer["nodes"],
  marks: MarkdownSerializer["marks"],
  options: Options,
) => MarkdownSerializerState & Internals;

class PieceState extends Upstream {
  private readonly pieces: string[] = [];
  /// The last two characters written.
  private tail = "";

  /// Everything written, as one string.
  result(): string {
    return this.pieces.join("");
  }

  private append(text: string): void {
    if (!text) return;
    this.pieces.push(text);
    this.tail = text.length >= 2 ? text.slice(-2) : (this.tail + text).slice(-2);
  }

  flushClose(size = 2): void {
    if (!this.closed) return;
    if (!this.atBlank()) this.append("\n");
    if (size > 1) {
      const delimMin = this.delim.replace(/\s+$/, "");
      for (let i = 1; i < size; i++) this.append(delimMin + "\n");
    }
    this.closed = null;
  }

  atBlank(): boolean {
    return this.tail === "" || this.tail.endsWith("\n");
  }

  override ensureNewLine(): void {
    if (!this.atBlank()) this.append("\n");
  }

  override write(content?: string): void {
    this.flushClose();
    if (this.delim && this.atBlank()) this.append(this.delim);
    if (content) this.append(content);
  }

  override text(text: string, escape = true): void {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      this.write();
      // Escape an exclamation mark right before a link, so that it does not make the link an image.
      if (!escape && lines[i][0] === "[" && /(^|[^\\])!$/.test(this.tail)) this.replaceLastCharacter("\\!");
      this.append(escape ? this.esc(lines[i], this.atBlockStart) : lines[i]);
      if (i !== lines.length - 1) this.append("\n");
    }
  }

  private replaceLastCharacter(replacement: string): void {
    const last = this.pieces.pop()!;
    if (last.length > 1) this.pieces.push(last.slice(0, -1));
    this.append(replacement);
  }
}

/// What `serializer.serialize(content, options)` gives, in time linear in the output.
export function serializeMarkdown(serializer: MarkdownSerializer, content: PMNode, options: Options = {}): string {
  const state = new PieceState(serializer.nodes, serializer.marks, { ...serializer.options, ...options });
  state.renderContent(content);
  return state.result();
}
