import { InputRule, textblockTypeInputRule, wrappingInputRule } from "prosemirror-inputrules";
import { schema } from "../../../shared/schema";

// Markdown-style shortcuts at the start of a body paragraph. They only apply where the schema
// allows the result, so typing "## " in the headline stays text.

const n = schema.nodes;

/// `## ` subheading, `> ` block quote, `- ` or `* ` bullet list, `1. ` numbered list.
export function markdownRules(): InputRule[] {
  return [
    textblockTypeInputRule(/^#{2,4}\s$/, n.subheading),
    wrappingInputRule(/^\s*>\s$/, n.blockquote),
    wrappingInputRule(/^\s*([-+*])\s$/, n.bullet_list),
    wrappingInputRule(
      /^(\d+)\.\s$/,
      n.ordered_list,
      (match) => ({ order: Number(match[1]) }),
      (match, node) => node.childCount + (node.attrs.order as number) === Number(match[1]),
    ),
  ];
}
