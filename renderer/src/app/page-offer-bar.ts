import { fieldText } from "../../../shared/article";
import type { ArticleEditor } from "../editor";
import { fieldsInTheWay, useOfferedFields, type PageOffer } from "../editor/page-paste";
import { element } from "./dom";

// The offer shown after a whole page was pasted into the story: the headline, standfirst and byline
// found in it, where each came from, and the paste's report (what was found, what was left out).
// It is a bar under the toolbar, not a modal dialog: it takes no focus, so a journalist typing on
// loses no keystroke; Shift+Tab from the article's first field reaches it, Escape in it dismisses
// it. "Use them" fills the empty fields and asks before replacing words already written; either
// way it is one undo step.

/// What the offer needs from the window.
export interface PageOfferHost {
  editor: () => ArticleEditor;
  /// Says in the message line what became of the offer (the window adds the report to it).
  tell: (message: string) => void;
}

/// "headline, standfirst and byline".
function listed(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/// The report, folded: what was found and where from, what was left out and why.
function reportDetails(offer: PageOffer): HTMLDetailsElement {
  const details = element("details", { class: "page-offer-report" });
  const summary = `Report: ${plural(offer.found.length, "part", "parts")} found, ${offer.leftOut.length === 0 ? "nothing left out" : `${plural(offer.leftOut.length, "thing", "things")} left out or to check`}`;
  details.append(element("summary", {}, summary));
  for (const [title, lines] of [
    ["Found", offer.found],
    ["Left out or to check", offer.leftOut],
  ] as const) {
    if (lines.length === 0) continue;
    const section = element("section", { "aria-label": title });
    const list = element("ul");
    for (const line of lines) list.append(element("li", {}, line));
    section.append(element("h3", {}, title), list);
    details.append(section);
  }
  return details;
}

/// The offered fields as a list of label, value and source; with `mine`, the words each would replace.
function fieldList(fields: PageOffer["fields"], mine?: (name: string) => string): HTMLDListElement {
  const list = element("dl", { class: "page-offer-fields" });
  for (const field of fields) {
    const value = element("dd", { class: "page-offer-value" });
    if (mine) value.append(element("span", { class: "page-offer-mine" }, `yours: “${mine(field.name)}”`), element("span", { class: "page-offer-arrow", "aria-hidden": "true" }, " → "), element("span", { class: "page-offer-mine" }, "the page's: "));
    value.append(element("q", {}, field.value));
    list.append(element("dt", {}, field.label), value, element("dd", { class: "page-offer-source" }, `from ${field.source}`));
  }
  return list;
}

/// Shows the offer of a pasted page in `place`; answers a function that takes it away.
export function offerPageFields(place: HTMLElement, offer: PageOffer, host: PageOfferHost): () => void {
  const names = offer.fields.map((field) => field.label.toLowerCase());
  const bar = element("section", { class: "page-offer", "aria-label": "Pasted page" });
  const title = element("h2");
  const actions = element("div", { class: "page-offer-actions" });
  const body = element("div", { class: "page-offer-body" });
  bar.append(title, body, actions);

  let closed = false;
  const close = () => {
    closed = true;
    bar.remove();
  };
  /// Ends the offer: the bar goes, the message line says what happened, the caret goes back to the article if the bar had it.
  const finish = (message: string) => {
    const hadFocus = bar.contains(document.activeElement);
    close();
    host.tell(message);
    if (hadFocus) host.editor().focus();
  };
  const button = (label: string, kind: "primary" | "secondary", run: () => void) => {
    const b = element("button", { type: "button", class: kind }, label);
    b.addEventListener("click", run);
    return b;
  };
  const dismiss = () => finish(`The page's ${listed(names)} ${names.length === 1 ? "was" : "were"} not used.`);
  /// Fills the fields (all of them, or only the empty ones) and says which.
  const fill = (replace: boolean) => {
    const editor = host.editor();
    const kept = replace ? [] : fieldsInTheWay(editor.state, offer).map((field) => field.label.toLowerCase());
    const filled = names.filter((name) => !kept.includes(name));
    const changed = editor.run(useOfferedFields(offer, replace));
    if (!changed) return finish(`Your ${listed(kept)} ${kept.length === 1 ? "is" : "are"} kept; nothing was filled from the page.`);
    finish(`Filled the ${listed(filled)} from the page${kept.length ? ` and kept your ${listed(kept)}` : ""}. Undo takes ${filled.length === 1 ? "it" : "them"} out again.`);
  };

  /// Some fields already have words: says which, and asks before replacing them.
  const ask = (inTheWay: PageOffer["fields"]) => {
    const those = listed(inTheWay.map((field) => field.label.toLowerCase()));
    const empty = offer.fields.filter((field) => !inTheWay.includes(field)).map((field) => field.label.toLowerCase());
    title.textContent = `Replace your ${those} with the page's?`;
    const why = `Your ${those} ${inTheWay.length === 1 ? "already has words" : "already have words"}, which the page's would replace.${empty.length ? ` Keep Mine still fills the empty ${listed(empty)}.` : ""}`;
    const yours = (name: string) => fieldText(host.editor().state.doc, name);
    body.replaceChildren(element("p", {}, why), fieldList(inTheWay, yours));
    const replace = button("Replace", "primary", () => fill(true));
    actions.replaceChildren(replace, button("Keep Mine", "secondary", () => fill(false)));
    replace.focus();
  };

  if (offer.fields.length > 0) {
    title.textContent = `This looks like a whole page: use its ${listed(names)}?`;
    body.append(element("p", {}, "Only its article went into the story. Found on the page:"), fieldList(offer.fields), reportDetails(offer));
    const use = button("Use Them", "primary", () => {
      const inTheWay = fieldsInTheWay(host.editor().state, offer);
      if (inTheWay.length > 0) ask(inTheWay);
      else fill(false);
    });
    actions.append(use, button("Dismiss", "secondary", dismiss));
  } else {
    title.textContent = "This looks like a whole page: only its article went into the story";
    body.append(element("p", {}, "The page gives no headline, standfirst or byline to use."), reportDetails(offer));
    actions.append(button("Close", "secondary", () => finish("Pasted the page's article only.")));
  }
  bar.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (offer.fields.length > 0) dismiss();
    else finish("Pasted the page's article only.");
  });
  place.append(bar);
  return () => {
    if (!closed) close();
  };
}
