import { readFile } from "node:fs/promises";
import { join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { defaultSettings, requestSchemas, type Settings } from "../../shared/ipc";

// The user's settings in a small JSON file in user-data, written atomically. A missing or
// broken file gives the defaults; a broken field falls back to its default alone.

export class SettingsStore {
  private current: Settings | null = null;
  readonly path: string;

  constructor(userDataDir: string) {
    this.path = join(userDataDir, "settings.json");
  }

  async get(): Promise<Settings> {
    if (!this.current) this.current = await this.load();
    return this.current;
  }

  async update(changes: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...changes };
    await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`, { fsync: true });
    this.current = next;
    return next;
  }

  private async load(): Promise<Settings> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, "utf8"));
    } catch {
      return { ...defaultSettings };
    }
    const settings: Settings = { ...defaultSettings };
    if (typeof raw !== "object" || raw === null) return settings;
    const fields = requestSchemas["settings:set"].shape;
    for (const key of Object.keys(fields) as (keyof Settings)[]) {
      const parsed = fields[key].safeParse((raw as Record<string, unknown>)[key]);
      if (parsed.success && parsed.data !== undefined) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    }
    return settings;
  }
}
