import { emptyNewsroomMeta, type ArticleJSON, type Asset } from "../../../shared/article";

// Generated articles for the benchmark, the same on every run (a fixed seed): body paragraphs of
// about 50 words, newsroom vocabulary, sentence case and punctuation. Pure: runs in Node and in
// the bench pages alike, so every editor gets the very same text.

const vocabulary = (
  "the minister said on monday that forces would stay in country until end of year officials " +
  "government talks resume capital security council vote parliament budget crisis election " +
  "president spokesman statement report according agency police protest thousands city streets " +
  "border refugees camp aid workers united nations envoy ceasefire fighting rebels army troops " +
  "province northern southern eastern western oil prices market economy growth inflation bank " +
  "central rate investors shares percent quarter company chief executive deal merger analysts " +
  "court judge trial verdict lawyers prosecutors evidence witness hearing appeal sentence " +
  "health hospital doctors patients vaccine outbreak cases ministry schools teachers students " +
  "weather storm flood rain damage homes villages residents emergency rescue teams roads bridge " +
  "a an of to in for with from by after before during while against between under over about"
).split(" ");

/// A small, fast pseudo-random generator (mulberry32): the same seed gives the same sequence.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/// `count` paragraphs of 45 to 55 words, in sentences, from the seed.
export function paragraphTexts(count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
  const paragraphs: string[] = [];
  for (let p = 0; p < count; p++) {
    const words = 45 + Math.floor(random() * 11);
    let text = "";
    let sentence = 0;
    for (let w = 0; w < words; w++) {
      let word = pick();
      if (sentence === 0) word = word[0].toUpperCase() + word.slice(1);
      sentence++;
      const last = w === words - 1;
      const end = last || (sentence > 8 && random() < 0.18);
      text += word + (end ? "." : sentence > 3 && random() < 0.06 ? "," : "") + (last ? "" : " ");
      if (end) sentence = 0;
    }
    paragraphs.push(text);
  }
  return paragraphs;
}

const textNode = (text: string) => (text ? [{ type: "text", text }] : []);

/// What a generated article holds besides its paragraphs.
export interface GeneratedArticleOptions {
  seed?: number;
  /// A subheading before every n-th paragraph (none by default, so the body is paragraphs only).
  subheadingEvery?: number;
  /// Figures with embedded images, spread through the body: `asset:<key>` sources and their assets.
  images?: { key: string; asset: Asset }[];
}

/// An article with every field filled and `paragraphs` body paragraphs, as its JSON.
export function generatedArticle(paragraphs: number, options: GeneratedArticleOptions = {}): ArticleJSON {
  const texts = paragraphTexts(paragraphs, options.seed);
  const body: Record<string, unknown>[] = [];
  const images = options.images ?? [];
  const figureEvery = images.length ? Math.max(1, Math.floor(paragraphs / images.length)) : Infinity;
  texts.forEach((text, i) => {
    if (options.subheadingEvery && i > 0 && i % options.subheadingEvery === 0) {
      body.push({ type: "subheading", content: textNode(`Part ${i / options.subheadingEvery + 1}`) });
    }
    const image = i % figureEvery === 0 ? images[i / figureEvery] : undefined;
    if (image) {
      body.push({
        type: "figure",
        content: [
          { type: "image", attrs: { src: `asset:${image.key}`, alt: `Picture ${i / figureEvery + 1}` } },
          { type: "caption", content: textNode("Residents clear the road after the storm.") },
          { type: "credit", content: textNode("AFP") },
        ],
      });
    }
    body.push({ type: "paragraph", content: textNode(text) });
  });
  return {
    meta: {
      id: "3d2f1c4b-5a69-4e7d-8b0a-1c2d3e4f5a6b",
      slug: "minister-says-forces-will-stay",
      language: "en",
      tags: ["IRAQ"],
      status: "draft",
      created: "2014-01-07T00:00:00.000Z",
      updated: "2014-01-07T00:00:00.000Z",
      embargo: null,
      wordTarget: 1000,
      ...emptyNewsroomMeta(),
    },
    doc: {
      type: "doc",
      content: [
        { type: "kicker", content: textNode("Middle East") },
        { type: "headline", content: textNode("Minister says forces will stay until the end of the year") },
        { type: "standfirst", content: textNode("Talks resume on Monday in the capital, officials said.") },
        { type: "byline", content: textNode("Text by FRANCE 24") },
        { type: "dateline", attrs: { date: "2014-01-07", source: "AFP" }, content: textNode("Washington") },
        { type: "body", content: body },
        { type: "tagline", content: textNode("(FRANCE 24 with AFP)") },
        {
          type: "related",
          content: [
            { type: "related_link", attrs: { href: "https://www.france24.com/en/talks", title: "Talks resume in the capital", label: "IRAQ" } },
            { type: "related_link", attrs: { href: "https://www.france24.com/en/border", title: "Refugees reach the border", label: null } },
          ],
        },
      ],
    },
    assets: Object.fromEntries(images.map((image) => [image.key, image.asset])),
  };
}

/// The body paragraphs' texts of a generated article (what the baseline editors are given).
export function bodyTexts(article: ArticleJSON): string[] {
  const content = (article.doc.content as { type: string; content?: { type: string; content?: { text: string }[] }[] }[])[5].content ?? [];
  return content.filter((block) => block.type === "paragraph").map((block) => block.content?.map((t) => t.text).join("") ?? "");
}
