import { openForm } from "../app/dialogs";

// "Save Version…": the name of a version, asked in the app's dialog style.

/// Longest name of a version (the file format's limit).
const maxVersionName = 200;

/// Asks the name of a new version; null when cancelled.
export async function askVersionName(): Promise<string | null> {
  let name: string | null = null;
  await openForm({
    title: "Save version",
    submitLabel: "Save version",
    message: "The article as it is now is kept under this name, and saved. History lists it.",
    fields: [{ name: "name", label: "Name", placeholder: "Desk edit" }],
    submit: ({ name: typed }) => {
      const trimmed = typed.trim();
      if (trimmed === "") return "Give the version a name, e.g. “Sent to the desk”.";
      if (trimmed.length > maxVersionName) return `A version's name is at most ${maxVersionName} characters.`;
      name = trimmed;
      return null;
    },
  });
  return name;
}
