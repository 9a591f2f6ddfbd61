// News agencies as bylines name them, so that the HTML export's JSON-LD credits "AFP" as an
// Organization rather than a Person. A name counts when it is one of these as a whole, in any
// case, with or without dots ("A.P."): "Jane Doe / AFP" stays a person, since only the whole name
// decides. An agency the list lacks is credited as a person, as every byline was before.

const agencyNames = [
  "AFP",
  "Agence France-Presse",
  "Agence France Presse",
  "Reuters",
  "Thomson Reuters",
  "AP",
  "Associated Press",
  "The Associated Press",
  "dpa",
  "Deutsche Presse-Agentur",
  "EFE",
  "ANSA",
  "Xinhua",
  "Kyodo",
  "Kyodo News",
  "PA",
  "PA Media",
  "Press Association",
  "UPI",
  "Bloomberg",
  "ANP",
  "Belga",
  "APA",
  "Keystone-SDA",
  "TT",
  "NTB",
  "Ritzau",
  "STT",
  "Anadolu",
  "Anadolu Agency",
  "AAP",
  "CP",
  "The Canadian Press",
  "Yonhap",
  "PTI",
  "IANS",
  "Europa Press",
  "Agencia EFE",
];

const normal = (name: string): string => name.replace(/\./g, "").replace(/\s+/g, " ").trim().toLowerCase();
const known = new Set(agencyNames.map(normal));

/// True when a byline or author name is a news agency's own name ("AFP", "Reuters", "A.P.").
export function isAgencyName(name: string): boolean {
  return known.has(normal(name));
}
