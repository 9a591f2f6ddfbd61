import type { Command } from "prosemirror-state";
import { closeHistory } from "prosemirror-history";
import { authorRoles, fieldText, type Author, type AuthorRole } from "../../../shared/article";
import { authorsMissingFromByline, bylineFor } from "../../../shared/byline";
import { maxAuthors } from "../../../shared/meta-schema";
import { schema } from "../../../shared/schema";
import { metaOf } from "../editor/meta";
import { element } from "./dom";
import "./meta-sections.css";
import type { MetaPanelContext, SectionRefresh } from "./meta-panel";

// The People section: the story's authors (name, role, job title, e-mail), added, removed and
// reordered, the byline written from their names in one undo step, and a line saying when the
// byline leaves one of them out (the pre-export check warns too).

const roleLabels: Record<AuthorRole, string> = { writer: "Writer", editor: "Editor", photographer: "Photographer", contributor: "Contributor" };

/// Replaces the byline field's text, as one undo step.
export function setBylineText(text: string): Command {
  return (state, dispatch) => {
    let from = -1;
    let to = -1;
    state.doc.forEach((node, offset) => {
      if (node.type.name !== "byline") return;
      from = offset + 1;
      to = offset + 1 + node.content.size;
    });
    if (from < 0 || fieldText(state.doc, "byline") === text) return false;
    if (dispatch) {
      const tr = text ? state.tr.replaceWith(from, to, schema.text(text)) : state.tr.delete(from, to);
      dispatch(closeHistory(tr).scrollIntoView());
    }
    return true;
  };
}

/// The authors and the byline.
export function peopleSection(parent: HTMLElement, context: MetaPanelContext): SectionRefresh {
  const list = element("ol", { class: "meta-authors", "aria-label": "Authors" });
  const authors = () => metaOf(context.editor().state).authors;
  const save = (next: Author[]) => context.change("authors", next);

  const newName = element("input", { type: "text", autocomplete: "off", placeholder: "Name, e.g. Ann Reporter" });
  const add = element("button", { type: "button", class: "meta-button" }, "Add author");
  const addAuthor = () => {
    const name = newName.value.trim();
    if (!name) return context.refuse(newName, "Type the author's name first.", false);
    if (name.length > 200) return context.refuse(newName, "A name holds at most 200 characters.");
    if (authors().length >= maxAuthors) return context.refuse(newName, `A story has at most ${maxAuthors} authors.`);
    newName.value = "";
    save([...authors(), { name, role: "writer", jobTitle: "", email: "" }]);
    newName.focus();
  };
  add.addEventListener("click", addAuthor);
  newName.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    addAuthor();
  });

  const write = element("button", { type: "button", class: "meta-button" }, "Write byline from authors");
  const check = element("p", { class: "meta-byline-check", role: "status" });
  write.addEventListener("click", () => {
    const { authors: people, language } = metaOf(context.editor().state);
    const byline = bylineFor(people, language);
    if (!byline) return context.refuse(newName, "Add an author first: the byline is written from their names.", false);
    if (!context.editor().run(setBylineText(byline))) context.reshow();
  });

  parent.append(list);
  context.row(parent, "New author", newName, "meta-author-new", add);
  const actions = element("div", { class: "meta-actions" });
  actions.append(write);
  parent.append(actions, check);

  /// One author's fields, with buttons to move and remove them.
  function authorItem(index: number): { item: HTMLElement; show: (author: Author, count: number) => void } {
    const item = element("li", { class: "meta-author" });
    const group = element("fieldset", { class: "meta-group" });
    const legend = element("legend", {}, `Author ${index + 1}`);
    group.append(legend);
    const name = element("input", { type: "text", autocomplete: "off" });
    const role = element("select");
    for (const r of authorRoles) role.append(element("option", { value: r }, roleLabels[r]));
    const jobTitle = element("input", { type: "text", autocomplete: "off", placeholder: "e.g. Political correspondent" });
    const email = element("input", { type: "email", autocomplete: "off" });
    const update = (patch: Partial<Author>) => save(authors().map((a, i) => (i === index ? { ...a, ...patch } : a)));
    name.addEventListener("change", () => {
      const value = name.value.trim();
      if (!value) return context.refuse(name, "An author needs a name: Remove takes them off the story.");
      if (value.length > 200) return context.refuse(name, "A name holds at most 200 characters.");
      update({ name: value });
    });
    role.addEventListener("change", () => update({ role: role.value as AuthorRole }));
    jobTitle.addEventListener("change", () => {
      if (jobTitle.value.length > 200) return context.refuse(jobTitle, "A job title holds at most 200 characters.");
      update({ jobTitle: jobTitle.value.trim() });
    });
    email.addEventListener("change", () => {
      const value = email.value.trim();
      if (value && !/^[^\s@]+@[^\s@]+$/.test(value)) return context.refuse(email, "Not an e-mail address (name@example.com).");
      if (value.length > 320) return context.refuse(email, "An e-mail address holds at most 320 characters.");
      update({ email: value });
    });
    const id = `meta-author-${index}`;
    context.row(group, "Name", name, `${id}-name`);
    context.row(group, "Role", role, `${id}-role`);
    context.row(group, "Job title", jobTitle, `${id}-job-title`);
    context.row(group, "E-mail", email, `${id}-email`);

    // Short words on the buttons, so the three fit on a line; their names say whom they move.
    const up = element("button", { type: "button", class: "meta-button" }, "Up");
    const down = element("button", { type: "button", class: "meta-button" }, "Down");
    const remove = element("button", { type: "button", class: "meta-button meta-remove" }, "Remove");
    const names = new Map([
      [up, "Move up"],
      [down, "Move down"],
      [remove, "Remove"],
    ]);
    const move = (by: -1 | 1, button: "up" | "down") => {
      const next = [...authors()];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      save(next);
      // The focus follows the author moved.
      const row = list.children[index + by];
      (row?.querySelector<HTMLButtonElement>(`[data-move=${button}]:enabled`) ?? row?.querySelector<HTMLButtonElement>("[data-move]:enabled"))?.focus();
    };
    up.dataset.move = "up";
    down.dataset.move = "down";
    up.addEventListener("click", () => move(-1, "up"));
    down.addEventListener("click", () => move(1, "down"));
    remove.addEventListener("click", () => {
      save(authors().filter((_, i) => i !== index));
      (list.children[Math.min(index, list.children.length - 1)]?.querySelector("input") ?? newName).focus();
    });
    const buttons = element("div", { class: "meta-actions" });
    buttons.append(up, down, remove);
    group.append(buttons);
    item.append(group);
    return {
      item,
      show(author, count) {
        legend.textContent = `Author ${index + 1}: ${author.name}`;
        for (const [button, words] of names) button.setAttribute("aria-label", `${words} ${author.name}`);
        up.disabled = index === 0;
        down.disabled = index === count - 1;
        context.set(name, author.name);
        context.set(role, author.role);
        context.set(jobTitle, author.jobTitle);
        context.set(email, author.email);
      },
    };
  }

  // Rows are rebuilt only when the number of authors changes, so the focus stays where it was.
  let rows: ReturnType<typeof authorItem>[] = [];
  return (meta, state) => {
    if (rows.length !== meta.authors.length) {
      rows = meta.authors.map((_, i) => authorItem(i));
      list.replaceChildren(...rows.map((row) => row.item));
    }
    rows.forEach((row, i) => row.show(meta.authors[i]!, meta.authors.length));
    list.hidden = meta.authors.length === 0;
    write.disabled = meta.authors.length === 0;
    const missing = authorsMissingFromByline(fieldText(state.doc, "byline"), meta.authors);
    check.textContent = missing.length ? `The byline does not name ${missing.join(", ")}.` : "";
    check.hidden = missing.length === 0;
  };
}
