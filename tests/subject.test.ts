import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/plain-text';
import { segment } from '../src/core/segment';
import { lookUpSentences } from '../src/core/sentence-words';
import { pageSubject } from '../src/core/subject';
import { realDb } from './helpers/db';
import { startWordNumberingAfresh } from './helpers/words';

const subjectOf = (text: string) => {
  const article = articleFromText(text);
  return pageSubject(article, realDb(), lookUpSentences(article.text, segment(article), realDb().lexicon));
};

const ENGLISH = 'Low dose naltrexone is a small daily dose of an old drug. Some people take LDN for pain, and the evidence for that is thin. ' +
  'A few small trials have been run, but they were short and the results were mixed. It is not approved for any of these uses.';
const GERMAN = 'Niedrig dosiertes Naltrexon wird bei chronischen Schmerzen eingesetzt. Die Studienlage ist dünn, und viele Angaben stammen ' +
  'aus Fallberichten. Patienten berichten über besseren Schlaf, doch kontrollierte Studien fehlen bisher weitgehend für diese Anwendung.';

describe('pageSubject', () => {
  it('counts words but not punctuation marks, and tells English from other languages', () => {
    const en = subjectOf(ENGLISH);
    expect(en.language).toBe('en');
    // Every word and number counts; the "%" and "?" marks do not.
    expect(subjectOf('LDN 4.5 mg: 50% of people? Yes.').words).toBe(7);
    expect(subjectOf(GERMAN).language).toBe('other');
    expect(subjectOf('LDN helps.').language).toBe('unknown');
  });

  it('names the condition the title names, when it names exactly one', () => {
    const titled = (title: string) => {
      const article = { ...articleFromText(ENGLISH), title };
      return pageSubject(article, realDb(), lookUpSentences(article.text, segment(article), realDb().lexicon)).condition;
    };
    expect(titled('LDN for Crohn’s disease: what we know')).toBe('crohns');
    // "fibro" is also in a list of conditions kept out of another area's claims: that list names no subject.
    expect(titled('One year on LDN: an honest fibro update')).toBe('fibromyalgia');
    expect(titled('LDN for fibromyalgia and multiple sclerosis')).toBeNull();
    expect(titled('Low dose naltrexone explained')).toBeNull();
    expect(subjectOf(ENGLISH).condition).toBeNull();
  });

  it('reads the same page the same way every time, also after the word numbering starts afresh', () => {
    const first = [subjectOf(ENGLISH), subjectOf(GERMAN)];
    expect([subjectOf(ENGLISH), subjectOf(GERMAN)]).toEqual(first);
    expect(first[0]).toMatchObject({ aboutLdn: true, ldnMentions: 2 });
    expect(startWordNumberingAfresh()).toBe(true);
    expect([subjectOf(ENGLISH), subjectOf(GERMAN)]).toEqual(first);
  });
});
