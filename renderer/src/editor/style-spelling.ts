import { dictionaryFor, spellingMatch, type DictionaryName } from "../../../shared/style/spelling";
import type { BlockMatch } from "../../../shared/style/rule";
import type { ExtraChecks } from "./style-check";
import type { SpellingAnswer, SpellingRequest } from "./style-spelling-worker";

// The page's side of the spelling worker: asks it for the unknown words of the blocks' texts,
// keeps its answers by text, and leaves out the words the article accepts (personal dictionary,
// newsroom list, names of the headline, byline and tags), which change without asking again.

type Word = { from: number; to: number; text: string };

/// Spelling for the style checks, through a worker.
export class SpellingChecks implements ExtraChecks {
  version = 0;
  private readonly answers = new Map<string, Map<string, Word[]>>();
  private readonly asked = new Set<string>();
  private readonly waiting = new Map<number, (answer: SpellingAnswer) => void>();
  private accepted: ReadonlySet<string> = new Set();
  private nextId = 1;
  private worker: Worker | null = null;

  constructor(private readonly start: () => Worker = () => new Worker(new URL("./style-spelling-worker.ts", import.meta.url), { type: "module" })) {}

  /// The words every check accepts; a change shows at once, without asking the worker again.
  setAccepted(words: ReadonlySet<string>): void {
    if (words.size === this.accepted.size && [...words].every((w) => this.accepted.has(w))) return;
    this.accepted = words;
    this.version++;
  }

  matchesFor(text: string, language: string): BlockMatch[] | undefined {
    const dictionary = dictionaryFor(language);
    if (!dictionary) return [];
    const words = this.answers.get(dictionary)?.get(text);
    if (!words) return undefined;
    return words.filter((w) => !this.accepted.has(w.text.replace(/’/g, "'"))).map((w) => spellingMatch(w, [], dictionary));
  }

  request(texts: string[], language: string, ready: (texts: readonly string[]) => void): void {
    const dictionary = dictionaryFor(language);
    if (!dictionary) return;
    const wanted = texts.filter((t) => !this.asked.has(`${dictionary}\u0000${t}`));
    if (wanted.length === 0) return;
    for (const t of wanted) this.asked.add(`${dictionary}\u0000${t}`);
    void this.ask({ type: "check", id: 0, language, texts: wanted }).then((answer) => {
      if (answer.type !== "checked") return;
      let known = this.answers.get(dictionary);
      if (!known) this.answers.set(dictionary, (known = new Map()));
      if (answer.results) wanted.forEach((t, i) => known.set(t, answer.results![i]));
      else wanted.forEach((t) => known.set(t, []));
      if (known.size > 20_000) this.forget(dictionary);
      ready(wanted);
    });
  }

  /// The dictionary's suggestions for a word (asked when the journalist opens its card).
  async suggest(word: string, language: string): Promise<string[]> {
    if (!dictionaryFor(language)) return [];
    const answer = await this.ask({ type: "suggest", id: 0, language, word });
    return answer.type === "suggested" ? answer.suggestions : [];
  }

  /// The dictionary used for a language, or null (Arabic, for instance).
  dictionary(language: string): DictionaryName | null {
    return dictionaryFor(language);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private forget(dictionary: DictionaryName): void {
    this.answers.delete(dictionary);
    for (const key of [...this.asked]) if (key.startsWith(`${dictionary}\u0000`)) this.asked.delete(key);
  }

  private ask(request: SpellingRequest): Promise<SpellingAnswer> {
    if (!this.worker) {
      this.worker = this.start();
      this.worker.onmessage = ({ data }: MessageEvent<SpellingAnswer>) => {
        this.waiting.get(data.id)?.(data);
        this.waiting.delete(data.id);
      };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker!.postMessage({ ...request, id });
    });
  }
}
