/** Headings that open a reference list. Shared by matching (titles there are not claims) and the cite stage. */
const REFERENCE_HEADING = /^(?:\d+\.?\s*)?(?:references?|sources?|bibliography|citations?|works cited|literature(?: cited)?|further reading|studies cited|research cited|scientific references|references and notes|notes and references|sources and further reading)\s*:?\s*$/i;

export function isReferenceHeading(text: string): boolean {
  return REFERENCE_HEADING.test(text.trim());
}
