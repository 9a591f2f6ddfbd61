import { Menu, webContents, type BrowserWindow, type MenuItemConstructorOptions } from "electron";
import { spellingLanguagesFor } from "../services/spelling-languages";

// Spelling in the article's language: Electron's spellchecker (Hunspell dictionaries on Windows
// and Linux, the system's on macOS) and a context menu with suggestions and "Add to Dictionary".

/// Sets the spell-checking language of the window whose web contents has this id; answers what is in use.
export async function setSpellingLanguage(windowId: string, language: string): Promise<string[]> {
  const contents = webContents.fromId(Number(windowId));
  if (!contents) return [];
  if (process.platform === "darwin") return [language];
  const languages = spellingLanguagesFor(language, contents.session.availableSpellCheckerLanguages);
  if (languages.length > 0) contents.session.setSpellCheckerLanguages(languages);
  return languages;
}

/// The editing context menu of a window: spelling suggestions first, then cut, copy and paste.
export function attachContextMenu(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on("context-menu", (_event, params) => {
    const items: MenuItemConstructorOptions[] = [];
    if (params.misspelledWord) {
      for (const suggestion of params.dictionarySuggestions.slice(0, 6)) {
        items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
      }
      if (params.dictionarySuggestions.length === 0) items.push({ label: "No suggestions", enabled: false });
      items.push(
        { type: "separator" },
        { label: "Add to Dictionary", click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord) },
        { type: "separator" },
      );
    }
    if (params.isEditable) {
      items.push(
        { role: "cut", enabled: params.editFlags.canCut },
        { role: "copy", enabled: params.editFlags.canCopy },
        { role: "paste", enabled: params.editFlags.canPaste },
        { type: "separator" },
        { role: "selectAll" },
      );
    } else if (params.selectionText) items.push({ role: "copy" });
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
}
