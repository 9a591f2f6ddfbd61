// The export service, as the backend and the command line import it.
export {
  existingNames,
  exportFileName,
  exportToFolder,
  numberedName,
  renderAll,
  withFreeNames,
  writeExports,
  writeExportSet,
  type ExistingFiles,
  type ExportOptions,
  type PrintPdf,
} from "./export-files";
export { importFile, importBytes, importFormatOf, parseHtmlInNode } from "./import-files";
