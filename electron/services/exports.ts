// The export service, as the backend and the command line import it.
export { exportFileName, exportToFolder, renderExport, type ExportOptions, type PrintPdf } from "./export-files";
export { importFile, importBytes, importFormatOf, parseHtmlInNode } from "./import-files";
