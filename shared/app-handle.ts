import type { ArticleJSON } from "./article";

/// What an editor page exposes as `window.copydeskApp` for testers and scripts: read-only views.
export interface AppHandle {
  articleJSON(): ArticleJSON;
  title(): string;
  path(): string | null;
  edited(): boolean;
}
