import type { Node as PMNode } from "prosemirror-model";
import { createArticle, type Article } from "../../shared/article";
import { schema } from "../../shared/schema";

// An Arabic news article for the right-to-left tests and the PDF picture in the README. The text
// was written for Copydesk (a made-up story in wire style, not copied from any site); it mixes in
// what right-to-left layout must survive: a Latin acronym and name inside Arabic sentences,
// digits, « » quotations, an agency in Latin letters and a related link with a Latin title.

const n = schema.nodes;
const text = (value: string, marks: string[] = []) => schema.text(value, marks.map((mark) => schema.marks[mark].create()));
const paragraph = (...content: PMNode[]) => n.paragraph.create(null, content);

/// The Arabic article (language `ar`), every field filled.
export function arabicArticle(language = "ar"): Article {
  const article = createArticle({ id: "6b1f7c2e-4d0a-4c55-9b7e-2f3a8d9e1c40", language, now: new Date("2014-01-07T18:30:00Z") });
  article.doc = n.doc.create(null, [
    n.kicker.create(null, text("الشرق الأوسط")),
    n.headline.create(null, text("مجلس الأمن يمدد مهمة البعثة الأممية في العراق عامًا آخر")),
    n.standfirst.create(null, [text("صوّت المجلس "), text("بالإجماع", ["strong"]), text(" على القرار بعد مفاوضات استمرت أسبوعين.")]),
    n.byline.create(null, text("نص: سارة الحسيني")),
    n.dateline.create({ date: "2014-01-07", source: "AFP" }, text("نيويورك")),
    n.body.create(null, [
      paragraph(
        text(
          "صوّت مجلس الأمن الدولي مساء الثلاثاء بالإجماع على تمديد مهمة بعثة الأمم المتحدة لمساعدة العراق (UNAMI) اثني عشر شهرًا، في جلسة حضرها ممثلو الدول الخمس عشرة الأعضاء.",
        ),
      ),
      paragraph(
        text("وقال المندوب الفرنسي Nicolas de Rivière إن القرار «يبعث برسالة واضحة إلى العراقيين»، مضيفًا أن بلاده ستواصل دعم "),
        text("جهود المصالحة الوطنية", ["em"]),
        text("."),
      ),
      n.blockquote.create(null, [
        paragraph(text("«لن نرسل قوات إلى العراق، لكننا سنقف إلى جانب مؤسساته»")),
        n.attribution.create(null, text("المتحدث باسم الخارجية الفرنسية")),
      ]),
      n.subheading.create(null, text("ميزانية البعثة")),
      paragraph(text("وتبلغ ميزانية البعثة نحو 98 مليون دولار سنويًا، ويعمل فيها أكثر من 800 موظف في بغداد وأربيل والبصرة.")),
      n.pullquote.create({ role: "supporting" }, [n.pullquote_text.create(null, text("الاستقرار يبدأ بالحوار")), n.attribution.create(null, text("رئيس البعثة"))]),
    ]),
    n.tagline.create(null, text("(فرانس 24 مع وكالة الصحافة الفرنسية)")),
    n.related.create(null, [
      n.related_link.create({ href: "https://example.com/iraq-envoy", title: "UN envoy warns of rising violence in Iraq", label: "العراق" }),
      n.related_link.create({ href: "https://example.com/baghdad-talks", title: "استئناف الحوار الوطني في بغداد", label: null }),
    ]),
  ]);
  return article;
}
