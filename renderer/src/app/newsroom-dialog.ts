import type { NewsroomSettings, Settings } from "../../../shared/settings";
import { openForm } from "./dialogs";

// Edit > Newsroom Defaults…: what the newsroom sets once for every story. The rights new stories
// start with (and the metadata panel's "Use newsroom defaults" fills in), the time zone embargo
// lines are written in, and whether NITF and ninjs carry the editor's note.

/// The newsroom's fields a window may change (main sets the templates folder from its own dialog).
export type NewsroomChange = Omit<NewsroomSettings, "templatesFolder">;

/// The time zones this computer knows, for the list ("UTC" first, then by name).
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}

/// Opens the dialog; resolves true when the defaults were saved.
export function editNewsroomDefaults(settings: Settings, save: (newsroom: NewsroomChange) => Promise<void>): Promise<boolean> {
  const current = settings.newsroom;
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = timeZoneChoices();
  if (current.timeZone && !zones.includes(current.timeZone)) zones.push(current.timeZone);
  return openForm({
    title: "Newsroom defaults",
    message: "New stories start with these rights; the metadata panel's “Use newsroom defaults” fills them in.",
    submitLabel: "Save",
    fields: [
      { name: "copyrightHolder", label: "Copyright holder", value: current.copyrightHolder, placeholder: "e.g. Agence Example" },
      { name: "copyrightNotice", label: "Copyright notice", type: "textarea", value: current.copyrightNotice, placeholder: "e.g. © 2026 Agence Example. All rights reserved." },
      { name: "usageTerms", label: "Usage terms", type: "textarea", value: current.usageTerms, placeholder: "e.g. For subscribers only; no archiving." },
      {
        name: "timeZone",
        label: "Time zone of embargo lines",
        type: "select",
        value: current.timeZone ?? "",
        options: [{ value: "", label: `This computer's (${here})` }, ...zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))],
      },
      {
        name: "exportEdnote",
        label: "Send the editor's note in NITF and ninjs",
        type: "select",
        value: current.exportEdnote ? "yes" : "no",
        options: [
          { value: "no", label: "No: the editor's note stays in the article" },
          { value: "yes", label: "Yes: NITF ed-msg and ninjs ednote carry it" },
        ],
        hint: "HTML, text, Word and PDF never carry it.",
      },
    ],
    submit: async (values) => {
      const limits: [keyof NewsroomChange, string, number][] = [
        ["copyrightHolder", "The copyright holder", 500],
        ["copyrightNotice", "The copyright notice", 2_000],
        ["usageTerms", "The usage terms", 5_000],
      ];
      for (const [field, label, max] of limits) {
        const length = (values[field] ?? "").length;
        if (length > max) return `${label} holds at most ${max.toLocaleString("en")} characters; this has ${length.toLocaleString("en")}.`;
      }
      await save({
        copyrightHolder: values.copyrightHolder!.trim(),
        copyrightNotice: values.copyrightNotice!.trim(),
        usageTerms: values.usageTerms!.trim(),
        timeZone: values.timeZone || null,
        exportEdnote: values.exportEdnote === "yes",
      });
      return null;
    },
  });
}
