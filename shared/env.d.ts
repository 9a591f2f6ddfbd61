// The few web-standard globals that every runtime of shared/ has (Node 20, Chromium, Electron).
// Declared here so that shared/ is checked without the DOM or Node type libraries.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
// eslint-disable-next-line no-var -- a global must be declared with var
declare var crypto: { randomUUID(): string };
declare function atob(data: string): string;
declare function btoa(data: string): string;
