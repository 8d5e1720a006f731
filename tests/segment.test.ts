import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/plain-text';
import { segment, sentenceSpans } from '../src/core/segment';

const split = (text: string) => sentenceSpans(text).map(([s, e]) => text.slice(s, e));

describe('sentenceSpans', () => {
  it('does not end a sentence at common abbreviations', () => {
    expect(split('Dr. Younger ran the trial at Stanford. It enrolled 31 women.')).toEqual([
      'Dr. Younger ran the trial at Stanford.',
      'It enrolled 31 women.',
    ]);
    expect(split('Conditions such as MS, e.g. relapsing forms, were included. Others were not.')).toHaveLength(2);
    expect(split('LDN vs. placebo showed no gap. The authors agreed.')).toEqual(['LDN vs. placebo showed no gap.', 'The authors agreed.']);
    expect(split('Younger et al. (2013) reported less pain. Bruun et al. found none.')).toEqual([
      'Younger et al. (2013) reported less pain.',
      'Bruun et al. found none.',
    ]);
  });

  it('ends a sentence at an abbreviation written as an acronym', () => {
    // "MS" is multiple sclerosis; "Ms." the title.
    expect(split('LDN was tried in MS. The trial was small.')).toEqual(['LDN was tried in MS.', 'The trial was small.']);
    expect(split('Ms. Hale said it helped her MS. Her neurologist was unsure.')).toEqual(['Ms. Hale said it helped her MS.', 'Her neurologist was unsure.']);
    expect(split('See NO. 5 on the list. It is short.')).toEqual(['See NO. 5 on the list.', 'It is short.']);
  });

  it('keeps decimals and doses inside the sentence', () => {
    expect(split('Most start at 1.5mg and rise to 4.5 mg. Few go higher.')).toEqual(['Most start at 1.5mg and rise to 4.5 mg.', 'Few go higher.']);
    expect(split('Pain fell by 0.34 points (p=0.27). That is small.')).toHaveLength(2);
  });

  it('ends sentences at ! and ? and after closing quotes', () => {
    expect(split('Is it safe? Nobody knows! “It works.” She said so.')).toEqual(['Is it safe?', 'Nobody knows!', '“It works.”', 'She said so.']);
  });

  it('treats initials as part of a name', () => {
    expect(split('The trial by J. Younger and S. Mackey was small. It was blinded.')).toHaveLength(2);
  });

  it('cuts a sentence with no punctuation into bounded pieces at word breaks', () => {
    const wall = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const parts = split(wall);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(600);
    expect(parts.join(' ')).toBe(wall);
  });
});

describe('segment', () => {
  it('gives every sentence exact offsets, its section heading and its list lead-in', () => {
    const article = articleFromText([
      'Dosing basics',
      'Most people take LDN at night. Doses are small.',
      'Reported side effects include:',
      '- vivid dreams',
      '- trouble\u00a0sleeping',
    ].join('\n'));
    const sentences = segment(article);
    for (const s of sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => [s.kind, s.text, s.section, s.leadIn])).toEqual([
      ['heading', 'Dosing basics', null, null],
      ['sentence', 'Most people take LDN at night.', 'Dosing basics', null],
      ['sentence', 'Doses are small.', 'Dosing basics', null],
      ['sentence', 'Reported side effects include:', 'Dosing basics', null],
      ['list-item', 'vivid dreams', 'Dosing basics', 'Reported side effects include:'],
      // The non-breaking space is rendered as a plain space, as a browser shows it.
      ['list-item', 'trouble sleeping', 'Dosing basics', 'Reported side effects include:'],
    ]);
  });
});
