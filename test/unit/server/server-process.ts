import { runCli } from "../../../cli/copydesk";

// The `copydesk` command line in a process of its own, run by the server tests with
// `node --import tsx` (one process: `kill -9` on it kills the server, no wrapper left behind).

void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
