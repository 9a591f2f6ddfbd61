import { newsroomServerProblem } from "../../../shared/newsroom-address";
import type { NewsroomServer } from "../../../shared/settings";
import { openForm } from "../app/dialogs";

// Edit > Newsroom Server…: adds a newsroom server (its address and the token `copydesk server
// add-user` printed for this journalist), changes a known server's token, or forgets it. The
// address is checked here and again by main: plain ws:// is refused unless it is this computer.

/// Opens the dialog; `save` gets the whole new list, and `show` is told what is kept. Resolves true when it was saved.
export function editNewsroomServers(servers: readonly NewsroomServer[], save: (servers: NewsroomServer[]) => Promise<void>, show?: (text: string) => void): Promise<boolean> {
  const saved = async (kept: NewsroomServer[]) => {
    await save(kept);
    show?.(kept.length ? `Newsroom servers: ${kept.map((server) => server.url).join(", ")}.` : "No newsroom server is kept any more.");
  };
  const known = servers.map((server) => server.url).join(", ");
  return openForm({
    title: "Newsroom server",
    message: known ? `Servers you write on: ${known}. Give one of them again with a new token to change it, or with no token to forget it.` : "A server to write stories together on, live.",
    submitLabel: "Save",
    fields: [
      { name: "url", label: "Server address", type: "url", value: servers[0]?.url ?? "", placeholder: "wss://newsroom.example.org/" },
      { name: "token", label: "Your token", placeholder: "from copydesk server add-user", hint: "Kept in your settings on this computer and sent to this server alone." },
    ],
    submit: async ({ url = "", token = "" }) => {
      const address = url.trim();
      const problem = newsroomServerProblem(address);
      if (problem) return problem;
      const others = servers.filter((server) => server.url !== address);
      if (token.trim() === "") {
        if (others.length === servers.length) return "Give the token the server's administrator gave you (copydesk server add-user prints it).";
        await saved(others);
        return null;
      }
      await saved([{ url: address, token: token.trim() }, ...others]);
      return null;
    },
  });
}
