import JSZip from "jszip";

// Word files written by hand, as Word writes them, independently of Copydesk's exporter: a minimal
// OOXML package (content types, relationships, styles with Title, the document, and optionally
// comments and commentsExtended) built from literal XML, for the DOCX importer's tests.

const ns = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
].join(" ");

const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const styles = `${head}<w:styles ${ns}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>`;

/// The parts of a hand-written Word file: the body of word/document.xml (the elements inside w:body),
/// and the comments and commentsExtended parts' contents (their elements), when it has them.
export interface WordFileParts {
  body: string;
  comments?: string;
  commentsExtended?: string;
  /// Write comments.xml with exactly this text instead (a broken part).
  rawComments?: string;
}

/// The bytes of a .docx file made of these parts.
export async function wordFile(parts: WordFileParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const hasComments = parts.comments !== undefined || parts.rawComments !== undefined;
  zip.file(
    "[Content_Types].xml",
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
${hasComments ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' : ""}
${parts.commentsExtended !== undefined ? '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>' : ""}
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
${hasComments ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' : ""}
${parts.commentsExtended !== undefined ? '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>' : ""}
</Relationships>`,
  );
  zip.file("word/styles.xml", styles);
  zip.file("word/document.xml", `${head}<w:document ${ns}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`);
  if (parts.rawComments !== undefined) zip.file("word/comments.xml", parts.rawComments);
  else if (parts.comments !== undefined) zip.file("word/comments.xml", `${head}<w:comments ${ns}>${parts.comments}</w:comments>`);
  if (parts.commentsExtended !== undefined) zip.file("word/commentsExtended.xml", `${head}<w15:commentsEx ${ns}>${parts.commentsExtended}</w15:commentsEx>`);
  return zip.generateAsync({ type: "uint8array" });
}

/// A paragraph of plain runs.
export const para = (...children: string[]): string => `<w:p>${children.join("")}</w:p>`;
/// A run of text.
export const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
/// The headline, in Word's Title style.
export const title = (...children: string[]): string => `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${children.join("")}</w:p>`;
/// A comment's range and reference around some runs.
export const commented = (id: number, ...children: string[]): string =>
  `<w:commentRangeStart w:id="${id}"/>${children.join("")}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
/// A comment of comments.xml; `paraId` names its paragraph for commentsExtended.xml.
export const comment = (id: number, author: string, date: string, text: string, paraId?: string): string =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${author
    .split(" ")
    .map((w) => w[0])
    .join("")}"><w:p${paraId ? ` w14:paraId="${paraId}"` : ""}><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
/// Words a tracked change inserted.
export const inserted = (id: number, author: string, date: string, text: string): string => `<w:ins w:id="${id}" w:author="${author}" w:date="${date}">${run(text)}</w:ins>`;
/// Words a tracked change deleted.
export const deleted = (id: number, author: string, date: string, text: string): string =>
  `<w:del w:id="${id}" w:author="${author}" w:date="${date}"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
