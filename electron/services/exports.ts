// The export service, as the backend and the command line import it.
export { exportFileName, exportToFolder, renderAll, writeExports, type ExportOptions, type PrintPdf } from "./export-files";
export { importFile, importBytes, importFormatOf, parseHtmlInNode } from "./import-files";
