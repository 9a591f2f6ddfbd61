import type { Command } from "prosemirror-state";
import { closeHistory } from "prosemirror-history";
import { fieldText, type ArticleMeta, type Located } from "../../../shared/article";
import { newsroomRights, type RightsFields } from "../../../shared/newsroom-defaults";
import { labelIn } from "../../../shared/vocabularies/concepts";
import genres from "../../../shared/vocabularies/iptc-genre.json?concept-index";
import { metaOf, SetMetaStep } from "../editor/meta";
import { element } from "./dom";
import "./meta-sections.css";
import type { MetaPanelContext, SectionRefresh } from "./meta-panel";
import { subjectPicker } from "./subject-picker";

// The Wire and Rights sections of the metadata panel: what a wire service and a CMS read
// (urgency, priority, genre, subjects, where it happened, sign-off, the editor's note) and the
// story's rights, with the newsroom's defaults a click away. The limits are the file format's
// (shared/meta-schema.ts): a value over one is refused with a message and stays in its field.

type TextKey = { [K in keyof ArticleMeta]-?: ArticleMeta[K] extends string ? K : never }[keyof ArticleMeta];

/// A text field of the metadata (one line, or several), refused over `max` characters.
function textField(parent: HTMLElement, context: MetaPanelContext, label: string, id: string, key: TextKey, max: number, multiline = false, ...extra: HTMLElement[]): SectionRefresh {
  const input = multiline ? element("textarea", { rows: "3" }) : element("input", { type: "text", autocomplete: "off" });
  input.addEventListener("change", () => {
    if (input.value.length > max) return context.refuse(input, `${label} holds at most ${max.toLocaleString("en")} characters; this has ${input.value.length.toLocaleString("en")}.`);
    context.change(key, input.value);
  });
  context.row(parent, label, input, id, ...extra);
  return (meta) => context.set(input, meta[key]);
}

/// A 1–9 scale (urgency, priority) or none.
function scaleField(parent: HTMLElement, context: MetaPanelContext, label: string, id: string, key: "urgency" | "priority", ends: [string, string]): SectionRefresh {
  const select = element("select");
  select.append(element("option", { value: "" }, "None"));
  for (let n = 1; n <= 9; n++) select.append(element("option", { value: String(n) }, n === 1 ? `1 (${ends[0]})` : n === 9 ? `9 (${ends[1]})` : String(n)));
  select.addEventListener("change", () => context.change(key, select.value ? Number(select.value) : null));
  context.row(parent, label, select, id);
  return (meta) => context.set(select, meta[key] === null ? "" : String(meta[key]));
}

/// Sets several fields as one undo step.
function setMetaFields(fields: Partial<ArticleMeta>): Command {
  return (state, dispatch) => {
    const meta = metaOf(state);
    const changed = (Object.keys(fields) as (keyof ArticleMeta)[]).filter((key) => JSON.stringify(meta[key]) !== JSON.stringify(fields[key]));
    if (changed.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const key of changed) tr.step(new SetMetaStep(key, fields[key] as never, meta[key] as never));
      dispatch(closeHistory(tr));
    }
    return true;
  };
}

/// Urgency, priority, genre, subjects, where it happened, sign-off and the editor's note.
export function wireSection(parent: HTMLElement, context: MetaPanelContext): SectionRefresh {
  const refreshes: SectionRefresh[] = [
    scaleField(parent, context, "Urgency", "meta-urgency", "urgency", ["most urgent", "least"]),
    scaleField(parent, context, "Priority", "meta-priority", "priority", ["highest", "lowest"]),
  ];

  // The genre's name is kept in the article's language when the vocabulary has one (IPTC's genres are in English).
  const genre = element("select");
  const genreOptions = (meta: ArticleMeta) => {
    const options = [element("option", { value: "" }, "None"), ...genres.map((g) => element("option", { value: g.code }, labelIn(g, meta.language)))];
    // A genre no longer offered (retired, or from another vocabulary) still shows by its name.
    if (meta.genre && !genres.some((g) => g.code === meta.genre?.code)) options.push(element("option", { value: meta.genre.code }, meta.genre.name));
    genre.replaceChildren(...options);
  };
  genre.addEventListener("change", () => {
    const picked = genres.find((g) => g.code === genre.value);
    const language = metaOf(context.editor().state).language;
    context.change("genre", picked ? { code: picked.code, name: labelIn(picked, language) } : null);
  });
  context.row(parent, "Genre", genre, "meta-genre");
  let genresIn = "";
  refreshes.push((meta) => {
    const key = `${meta.language} ${meta.genre?.code ?? ""}`;
    if (key !== genresIn) {
      genresIn = key;
      genreOptions(meta);
    }
    context.set(genre, meta.genre?.code ?? "");
  });

  refreshes.push(subjectPicker(parent, context));
  refreshes.push(locatedFields(parent, context));
  refreshes.push(textField(parent, context, "Sign-off", "meta-sign-off", "signOff", 200));
  const never = element("p", { class: "form-hint", id: "meta-ednote-hint" }, "Never published. Goes to NITF and ninjs only when the newsroom's defaults say so.");
  refreshes.push(textField(parent, context, "Editor's note", "meta-ednote", "ednote", 10_000, true, never));
  parent.querySelector("#meta-ednote")?.setAttribute("aria-describedby", never.id);
  return (meta, state) => refreshes.forEach((refresh) => refresh(meta, state));
}

/// City, region and country, the city offered from the dateline's place.
function locatedFields(parent: HTMLElement, context: MetaPanelContext): SectionRefresh {
  const group = element("fieldset", { class: "meta-group" });
  group.append(element("legend", {}, "Located"));
  const parts = ["city", "region", "country"] as const;
  const inputs = Object.fromEntries(parts.map((part) => [part, element("input", { type: "text", autocomplete: "off" })])) as Record<keyof Located, HTMLInputElement>;
  const place = (): Located => ({ city: inputs.city.value.trim(), region: inputs.region.value.trim(), country: inputs.country.value.trim() });
  const save = (located: Located, input: HTMLInputElement) => {
    const long = parts.find((part) => located[part].length > 200);
    if (long) return context.refuse(input, `A ${long} holds at most 200 characters.`);
    context.change("located", located.city || located.region || located.country ? located : null);
  };
  // A wire dateline's place is in capitals ("NEW YORK"); the metadata names the place as it is written ("New York").
  const placeName = (text: string) =>
    text === text.toLocaleUpperCase() && text !== text.toLocaleLowerCase() ? text.toLocaleLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, start: string, letter: string) => start + letter.toLocaleUpperCase()) : text;
  const fromDateline = element("button", { type: "button", class: "link-button" }, "From the dateline");
  fromDateline.addEventListener("click", () => {
    const city = placeName(fieldText(context.editor().doc, "dateline").trim());
    if (!city) return context.refuse(inputs.city, "The dateline has no place yet: type it before the date, e.g. WASHINGTON.", false);
    save({ ...place(), city }, inputs.city);
  });
  const labels: Record<keyof Located, string> = { city: "City", region: "Region", country: "Country" };
  for (const part of parts) {
    inputs[part].addEventListener("change", () => save(place(), inputs[part]));
    context.row(group, labels[part], inputs[part], `meta-located-${part}`, ...(part === "city" ? [fromDateline] : []));
  }
  parent.append(group);
  return (meta) => {
    for (const part of parts) context.set(inputs[part], meta.located?.[part] ?? "");
  };
}

/// Copyright holder, notice and usage terms, and the newsroom's defaults for them.
export function rightsSection(parent: HTMLElement, context: MetaPanelContext): SectionRefresh {
  const useDefaults = element("button", { type: "button", class: "link-button" }, "Use newsroom defaults");
  const refreshes = [
    textField(parent, context, "Copyright holder", "meta-copyright-holder", "copyrightHolder", 500),
    textField(parent, context, "Copyright notice", "meta-copyright-notice", "copyrightNotice", 2_000, true),
    textField(parent, context, "Usage terms", "meta-usage-terms", "usageTerms", 5_000, true, useDefaults),
  ];
  useDefaults.addEventListener("click", () => {
    const rights: RightsFields = newsroomRights(context.newsroom());
    const usage = parent.querySelector<HTMLTextAreaElement>("#meta-usage-terms")!;
    if (!rights.copyrightHolder && !rights.copyrightNotice && !rights.usageTerms) {
      return context.refuse(usage, "The newsroom has no defaults yet: set them in Edit > Newsroom Defaults….", false);
    }
    if (!context.editor().run(setMetaFields(rights))) context.reshow();
  });
  return (meta, state) => refreshes.forEach((refresh) => refresh(meta, state));
}
