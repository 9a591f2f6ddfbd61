import { randomUUID } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { defaultSettings, requestSchemas, type Identity, type NewsroomSettings, type Settings } from "../../shared/ipc";
import { reviewIdPattern } from "../../shared/review/review";
import { writeFileDurably } from "./durable-write";
import { describeFsError } from "./errors";

// The user's settings in a small JSON file in user-data, written atomically. A missing or
// broken file gives the defaults; a broken field falls back to its default alone.

/// The settings as stored. The folders are set by main alone, from its dialogs: the export folder
/// after an export (windows get it as a token, `Settings.exportFolder`, electron/services/grants.ts),
/// the style guide folder when the journalist chooses it.
export type StoredSettings = Omit<Settings, "exportFolder"> & { exportFolder: string | null };

const folderPath = z.string().min(1).max(4096).nullable().optional();
/// Who is writing, as stored: the window's name and initials with the id main gave.
const storedIdentity = requestSchemas["settings:set"].shape.identity.unwrap().unwrap().extend({ id: z.string().regex(reviewIdPattern) }).nullable().optional();
/// The newsroom's settings as stored: the window's fields with the templates folder main chose.
const storedNewsroom = requestSchemas["settings:set"].shape.newsroom.unwrap().extend({ templatesFolder: z.string().min(1).max(4096).nullable() }).optional();
const storedFields = { ...requestSchemas["settings:set"].shape, exportFolder: folderPath, styleGuideFolder: folderPath, identity: storedIdentity, newsroom: storedNewsroom };

/// A change of settings: the identity without its id (main gives it) or with it; some of the newsroom's fields.
export type SettingsChange = Partial<Omit<StoredSettings, "identity" | "newsroom">> & {
  identity?: (Omit<Identity, "id"> & { id?: string }) | null;
  newsroom?: Partial<NewsroomSettings>;
};

/// The settings file and the settings in memory.
export class SettingsStore {
  private current: StoredSettings | null = null;
  /// The updates under way, in the order they were asked for.
  private updates: Promise<unknown> = Promise.resolve();
  readonly path: string;

  constructor(userDataDir: string) {
    this.path = join(userDataDir, "settings.json");
  }

  /// The settings: the file's valid fields over the defaults.
  async get(): Promise<StoredSettings> {
    if (!this.current) this.current = await this.load();
    return { ...this.current };
  }

  /// Changes some settings and writes the file; the old file stays whole if writing fails. A new
  /// identity keeps the id the user has, or gets one the first time. Changes are made one after
  /// another, each from the settings the one before wrote, so two made at once both stay.
  update(changes: SettingsChange): Promise<StoredSettings> {
    const done = this.updates.then(() => this.write(changes));
    this.updates = done.catch(() => undefined);
    return done;
  }

  private async write(changes: SettingsChange): Promise<StoredSettings> {
    const current = await this.get();
    const identity = changes.identity && { ...changes.identity, id: changes.identity.id ?? current.identity?.id ?? randomUUID() };
    const newsroom = { ...current.newsroom, ...changes.newsroom };
    const next = sanitize({ ...current, ...changes, newsroom, ...(identity ? { identity } : {}) });
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileDurably(this.path, `${JSON.stringify(next, null, 2)}\n`);
    } catch (e) {
      throw describeFsError(e, "save the settings to", this.path);
    }
    this.current = next;
    return { ...next };
  }

  private async load(): Promise<StoredSettings> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, "utf8"));
    } catch {
      return sanitize(null);
    }
    return sanitize(raw);
  }
}

/// Keeps each valid field of `raw` and the default for every other.
export function sanitize(raw: unknown): StoredSettings {
  const settings: StoredSettings = { ...defaultSettings, exportFolder: null, exportFormats: [...defaultSettings.exportFormats], newsroom: { ...defaultSettings.newsroom } };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return settings;
  const fields = storedFields;
  for (const key of Object.keys(fields) as (keyof StoredSettings)[]) {
    const parsed = fields[key].safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return settings;
}
