import type { IStylesOptions } from "docx";

// The named Word styles of a Copydesk DOCX. The DOCX importer maps the same names back.

/// Style ids and names (they are the same) per article part.
export const docxStyleNames = {
  embargo: "Embargo",
  kicker: "Kicker",
  standfirst: "Standfirst",
  byline: "Byline",
  dateline: "Dateline",
  quote: "Quote",
  quoteAttribution: "Quote Attribution",
  pullquote: "Pull Quote",
  pullquoteAttribution: "Pull Quote Attribution",
  figure: "Figure",
  caption: "Caption",
  credit: "Credit",
  tableCaption: "Table Caption",
  tableHeading: "Table Heading",
  tagline: "Tagline",
  related: "Related Link",
} as const;

const s = docxStyleNames;
const grey = "555555";

const paragraphStyle = (name: string, run: Record<string, unknown>, paragraph: Record<string, unknown> = {}) => ({
  id: name.replace(/ /g, ""),
  name,
  basedOn: "Normal",
  next: "Normal",
  quickFormat: true,
  run,
  paragraph: { spacing: { after: 120 }, ...paragraph },
});

/// The styles block of the document.
export const docxStyles: IStylesOptions = {
  paragraphStyles: [
    paragraphStyle(s.embargo, { bold: true, color: "A4161A", size: 20 }, { border: { top: { style: "single", size: 12, color: "A4161A", space: 2 }, bottom: { style: "single", size: 12, color: "A4161A", space: 2 } } }),
    paragraphStyle(s.kicker, { bold: true, allCaps: true, color: "A4161A", size: 18 }),
    paragraphStyle(s.standfirst, { size: 26, color: "333333" }),
    paragraphStyle(s.byline, { color: grey, size: 20 }),
    paragraphStyle(s.dateline, { color: grey, size: 20 }),
    paragraphStyle(s.quote, { italics: true }, { indent: { left: 720 } }),
    paragraphStyle(s.quoteAttribution, { color: grey, size: 20 }, { indent: { left: 720 } }),
    paragraphStyle(s.pullquote, { italics: true, size: 32 }, { alignment: "center" }),
    paragraphStyle(s.pullquoteAttribution, { color: grey, size: 20 }, { alignment: "center" }),
    paragraphStyle(s.figure, {}),
    paragraphStyle(s.caption, { size: 18 }),
    paragraphStyle(s.credit, { size: 16, color: grey }),
    paragraphStyle(s.tableCaption, { bold: true, size: 20 }, { keepNext: true }),
    paragraphStyle(s.tableHeading, { bold: true }, { spacing: { after: 0 } }),
    paragraphStyle(s.tagline, { color: grey, size: 20 }),
    paragraphStyle(s.related, { size: 20 }),
  ],
};

/// Style ids per article part: the names without spaces, as Word writes them.
export const docxStyleIds = Object.fromEntries(
  Object.entries(docxStyleNames).map(([part, name]) => [part, name.replace(/ /g, "")]),
) as { [K in keyof typeof docxStyleNames]: string };
