// A newsroom server's address as Settings keeps it (issue 16): checked by main when Settings change
// and by the Newsroom Server dialog. Apart from shared/settings.ts so that the window's first frame,
// which reads the settings' defaults, does not carry it.

const serverAddress = /^(wss?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/;

/// True for a host name that stays on this computer (localhost, 127.x.x.x, ::1).
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(name) || name === "::1" || name === "0:0:0:0:0:0:0:1";
}

/// Why a newsroom server's address is refused, in words, or null when it is fine: a ws:// or wss://
/// address with a host; plain ws:// only to this computer, since anything else would send the token
/// and the story unencrypted (put the server behind a TLS reverse proxy and use wss://).
export function newsroomServerProblem(url: string): string | null {
  const match = serverAddress.exec(url.trim());
  if (!match) return `"${url.trim()}" is not a newsroom server address: write it as wss://host/ (or ws://localhost:1234 on this computer).`;
  const [, scheme, host, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `The port ${port} is not between 1 and 65535.`;
  if (scheme === "ws" && !isLoopbackHost(host!)) {
    return `ws://${host} is not encrypted: the token and the story would cross the network in clear. Use wss:// (the server behind a TLS reverse proxy); plain ws:// is only for a server on this computer.`;
  }
  return null;
}
