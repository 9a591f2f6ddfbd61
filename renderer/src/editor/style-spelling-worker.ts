import nspell from "nspell";
import { dictionaryFor, misspellings, type DictionaryName } from "../../../shared/style/spelling";

// The spelling worker: loads the Hunspell dictionary of the article's language (the
// dictionary-* packages' files, bundled as text and loaded on first use) into nspell, and answers
// which words of each text it does not know, and what it suggests for a word. It runs off the
// page's thread, so typing never waits for a dictionary to load or a word to be looked up.

/// What the page asks.
export type SpellingRequest =
  | { type: "check"; id: number; language: string; texts: string[] }
  | { type: "suggest"; id: number; language: string; word: string };

/// What the worker answers; `words` are the unknown words of each text, with their offsets.
export type SpellingAnswer =
  | { type: "checked"; id: number; language: string; results: { from: number; to: number; text: string }[][] | null }
  | { type: "suggested"; id: number; suggestions: string[] };

type Files = { aff: string; dic: string };
const load: Record<DictionaryName, () => Promise<Files>> = {
  en: async () => ({ aff: (await import("../../../node_modules/dictionary-en/index.aff?raw")).default, dic: (await import("../../../node_modules/dictionary-en/index.dic?raw")).default }),
  "en-gb": async () => ({ aff: (await import("../../../node_modules/dictionary-en-gb/index.aff?raw")).default, dic: (await import("../../../node_modules/dictionary-en-gb/index.dic?raw")).default }),
  fr: async () => ({ aff: (await import("../../../node_modules/dictionary-fr/index.aff?raw")).default, dic: (await import("../../../node_modules/dictionary-fr/index.dic?raw")).default }),
  de: async () => ({ aff: (await import("../../../node_modules/dictionary-de/index.aff?raw")).default, dic: (await import("../../../node_modules/dictionary-de/index.dic?raw")).default }),
  es: async () => ({ aff: (await import("../../../node_modules/dictionary-es/index.aff?raw")).default, dic: (await import("../../../node_modules/dictionary-es/index.dic?raw")).default }),
};

const spellers = new Map<DictionaryName, Promise<ReturnType<typeof nspell>>>();
function spellerFor(name: DictionaryName) {
  let speller = spellers.get(name);
  if (!speller) spellers.set(name, (speller = load[name]().then((files) => nspell(files))));
  return speller;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<SpellingRequest>) => void) | null;
  postMessage(message: SpellingAnswer): void;
}
const scope = self as unknown as WorkerScope;
const none = new Set<string>();

scope.onmessage = async ({ data }) => {
  const dictionary = dictionaryFor(data.language);
  if (data.type === "check") {
    const speller = dictionary ? await spellerFor(dictionary) : null;
    scope.postMessage({ type: "checked", id: data.id, language: data.language, results: speller ? data.texts.map((text) => misspellings(text, speller, none)) : null });
  } else {
    const speller = dictionary ? await spellerFor(dictionary) : null;
    scope.postMessage({ type: "suggested", id: data.id, suggestions: speller ? speller.suggest(data.word.replace(/’/g, "'")).slice(0, 5) : [] });
  }
};
