// Escaping for the text formats that exporters write.

const xmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/// Characters XML 1.0 forbids (controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF).
const forbiddenInXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/// Text with the characters XML forbids taken out, for writers that escape the rest themselves (docx).
export function withoutForbiddenXml(text: string): string {
  return text.replace(forbiddenInXml, "");
}

/// Text safe inside XML or HTML content and quoted attribute values.
export function escapeXml(text: string): string {
  return text.replace(forbiddenInXml, "").replace(/[&<>"']/g, (c) => xmlEntities[c]);
}

/// JSON safe inside an HTML `<script>` element: no `</script>`, `<!--` or line separators can end or confuse it.
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
