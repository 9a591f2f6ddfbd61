import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { RunningNewsroomServer } from "./newsroom-server";
import { addUser, UserError } from "./users";

// `copydesk server …`: the newsroom server in one command, and `copydesk server add-user NAME`,
// which prints the token that person enters in Copydesk (Edit > Newsroom Server…). The server runs until
// Ctrl-C (SIGINT) or SIGTERM, then stores every open story before it exits. The server itself
// (Hocuspocus, Redis) is loaded only when it starts, so `copydesk help` stays quick.

type Print = (line: string) => void;

export const serverUsage = `  copydesk server --data DIR --port N [--host 127.0.0.1] [--redis redis://HOST:PORT] [--allow-insecure]
                                   run the newsroom server: shared stories in DIR (stories/ID.article),
                                   live co-editing over ws://; behind a TLS reverse proxy for other computers
  copydesk server add-user NAME --data DIR
                                   let NAME on the server: prints their token (shown once)`;

/// `copydesk server …`; resolves with the exit code when the server has stopped.
export async function serverCommand(args: string[], out: Print, err: Print): Promise<number> {
  if (args[0] === "add-user") return addUserCommand(args.slice(1), out, err);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        data: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        redis: { type: "string" },
        instance: { type: "string" },
        "allow-insecure": { type: "boolean" },
      },
      strict: true,
    });
  } catch (e) {
    err(`copydesk server: ${(e as Error).message}`);
    return 2;
  }
  const { values } = parsed;
  if (!values.data) {
    err("copydesk server: name the data folder with --data DIR");
    return 2;
  }
  const port = Number(values.port ?? "1234");
  if (!/^\d+$/.test(values.port ?? "1234") || port > 65535) {
    err("copydesk server: --port is a number from 0 to 65535 (0: any free port)");
    return 2;
  }
  // A hook that fails must not stop a server others are typing into: say it and keep serving.
  const keepServing = (reason: unknown) => err(`copydesk server: ${(reason as Error)?.stack ?? String(reason)}`);
  process.on("unhandledRejection", keepServing);
  const { NewsroomServerError, redactedAddress, startNewsroomServer } = await import("./newsroom-server");
  let server: RunningNewsroomServer;
  try {
    server = await startNewsroomServer({
      dataDir: resolve(values.data),
      port,
      host: values.host,
      redis: values.redis,
      instance: values.instance,
      allowInsecure: values["allow-insecure"] === true,
      report: err,
    });
  } catch (e) {
    process.off("unhandledRejection", keepServing);
    if (!(e instanceof NewsroomServerError)) throw e;
    err(`copydesk server: ${e.message}`);
    return 1;
  }
  out(`Copydesk newsroom server listening on ${server.url} (data in ${resolve(values.data)}${values.redis ? `, shared through ${redactedAddress(values.redis)}` : ""})`);
  const running = server;
  await new Promise<void>((stopped) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      out("Copydesk newsroom server: storing open stories and stopping…");
      void running.stop().finally(stopped);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  process.off("unhandledRejection", keepServing);
  return 0;
}

async function addUserCommand(args: string[], out: Print, err: Print): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { data: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (e) {
    err(`copydesk server add-user: ${(e as Error).message}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || !values.data) {
    err("copydesk server add-user: give one NAME and --data DIR");
    return 2;
  }
  try {
    const token = await addUser(resolve(values.data), positionals[0]);
    out(token);
    err(`Token for ${positionals[0].trim()}: enter it in Copydesk, Edit > Newsroom Server…. It is not shown again.`);
    return 0;
  } catch (e) {
    err(`copydesk server add-user: ${e instanceof UserError ? e.message : `could not add the user (${(e as Error)?.message ?? String(e)})`}`);
    return 1;
  }
}
