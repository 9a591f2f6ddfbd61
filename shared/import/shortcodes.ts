// Hugo shortcodes and Jekyll Liquid tags in Markdown bodies, which CommonMark would show as literal
// text: a figure shortcode becomes a Markdown image that the importer makes a figure (alt text,
// caption, credit); paired tags (highlight, raw, details…) leave their contents; embeds Copydesk
// cannot hold (YouTube, tweets, gists…) are left out with a line in the report; HTML comments such
// as Hugo's `<!--more-->` and lone `<br>` lines go.

/// The attributes of a shortcode: `key="value"`, `key='value'`, `key=value`, or bare positional values.
export function shortcodeAttributes(text: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))|"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    if (match[1]) named[match[1].toLowerCase()] = (match[2] ?? match[3] ?? match[4] ?? "").replace(/\\"/g, '"');
    else positional.push(match[5] ?? match[6] ?? "");
  }
  return { named, positional };
}

const escapeText = (text: string): string => text.replace(/([\\[\]*_`])/g, "\\$1");

/// A figure shortcode as a Markdown image paragraph: `![alt](src "credit") caption`.
function figureMarkdown(attrs: Record<string, string>): string | null {
  const src = attrs.src ?? attrs.image ?? attrs.url ?? attrs.file;
  if (!src) return null;
  const caption = attrs.caption ?? attrs.title ?? "";
  const credit = attrs.attr ?? attrs.credit ?? attrs.attribution ?? "";
  const alt = attrs.alt ?? caption;
  const title = credit ? ` "${credit.replace(/"/g, "'")}"` : "";
  return `\n\n![${escapeText(alt)}](<${src.replace(/[<>]/g, "")}>${title})${caption ? ` ${escapeText(caption)}` : ""}\n\n`;
}

const pairedNames = new Set(["highlight", "raw", "details", "columns", "tabs", "tab", "hint", "notice", "note", "warning", "tip", "callout", "center", "blockquote", "quote", "markdown", "comment"]);

/// The Markdown with its shortcodes and Liquid tags settled; each one left out adds a line to `warnings`.
export function settleShortcodes(markdown: string, warnings: string[]): string {
  const left: Record<string, number> = {};
  const out = markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^[ \t]*<br\s*\/?>[ \t]*$/gim, "")
    // Hugo: {{< name attrs >}}, {{% name attrs %}}, closing {{< /name >}}.
    .replace(/\{\{([<%])\s*(\/?)\s*([\w./-]+)([\s\S]*?)\s*\/?\s*[>%]\}\}/g, (_whole, _kind: string, closing: string, name: string, rest: string) => {
      const lower = name.toLowerCase();
      if (closing || pairedNames.has(lower)) return lower === "comment" ? "" : "";
      const { named, positional } = shortcodeAttributes(rest);
      if (lower === "figure" || lower === "img" || lower === "image") {
        const figure = figureMarkdown(named);
        if (figure) return figure;
      }
      if (lower === "ref" || lower === "relref") return "";
      const what = positional[0] ?? named.id ?? named.src ?? "";
      left[`${name}${what ? ` (${what.slice(0, 40)})` : ""}`] = (left[name] ?? 0) + 1;
      return "";
    })
    // Jekyll/Liquid: {% include figure.html image="…" %}, {% highlight %}…{% endhighlight %}, {% raw %}.
    .replace(/\{%-?\s*([\w.-]+)([\s\S]*?)-?%\}/g, (_whole, name: string, rest: string) => {
      const lower = name.toLowerCase();
      if (lower === "include" && /figure|image/.test(rest)) {
        const figure = figureMarkdown(shortcodeAttributes(rest.replace(/^\s*\S+/, "")).named);
        if (figure) return figure;
      }
      if (pairedNames.has(lower) || lower.startsWith("end")) return "";
      left[`${name}${rest.trim() ? ` (${rest.trim().slice(0, 40)})` : ""}`] = 1;
      return "";
    });
  for (const name of Object.keys(left)) warnings.push(`The ${name} shortcode was left out: Copydesk has no block for it.`);
  return out;
}
