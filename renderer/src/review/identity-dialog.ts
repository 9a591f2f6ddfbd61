import type { Identity, Settings } from "../../../shared/ipc";
import { identityProblem, suggestedInitials } from "../../../shared/review/people";
import { openForm } from "../app/dialogs";

// Who is writing: the small form asked on first start (and from Insert > Name and Initials…). Main
// keeps the answer in Settings and gives the person an id; every note and reply records it.

/// Asks the user's name and initials; `save` stores them (main's settings:set) and answers the settings.
/// Resolves with the identity, or null when the user closed the form.
export async function askIdentity(current: Identity | null, save: (identity: { name: string; initials: string }) => Promise<Settings>, firstStart = false): Promise<Identity | null> {
  let saved: Identity | null = null;
  await openForm({
    title: firstStart ? "Welcome to Copydesk" : "Your name and initials",
    message: "Your name and initials go on the notes you leave, so the desk knows who wrote what. You can change them later (Insert > Name and Initials…).",
    fields: [
      { name: "name", label: "Your name", value: current?.name ?? "", placeholder: "e.g. Amira Haddad" },
      { name: "initials", label: "Initials", value: current?.initials ?? "", placeholder: "from your name", hint: "One to four letters, shown on your notes." },
    ],
    submitLabel: "Save",
    cancelLabel: firstStart ? "Later" : "Cancel",
    submit: async ({ name, initials }) => {
      const chosen = initials.trim() || suggestedInitials(name);
      const problem = identityProblem(name, chosen);
      if (problem) return problem;
      saved = (await save({ name: name.trim(), initials: chosen })).identity;
      return null;
    },
  });
  return saved;
}
