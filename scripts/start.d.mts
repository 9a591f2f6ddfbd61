// Types of scripts/start.mjs, which `npm start` runs under plain Node.

export interface ElectronLookup {
  env?: Record<string, string | undefined>;
  /// The folder of the electron package, or null when it is not installed.
  electronDir?: string | null;
  exists?: (path: string) => boolean;
  /// A file's text, or null when it cannot be read.
  read?: (path: string) => string | null;
}
export function electronBinaryProblem(lookup?: ElectronLookup): string | null;
