import { describe, expect, it } from 'vitest';
import { LEVEL_VALUES } from '../../src/core/levels';
import { highlightName, LABEL_STYLES, pageCss } from '../../src/extension/label-style';

describe('label styles', () => {
  it('give every level a colour, an icon and a highlight rule', () => {
    const css = pageCss();
    for (const level of LEVEL_VALUES) {
      expect(LABEL_STYLES[level].icon.length).toBeGreaterThan(0);
      expect(css).toContain(`::highlight(${highlightName(level)})`);
    }
    const icons = new Set(LEVEL_VALUES.map((l) => LABEL_STYLES[l].icon));
    expect(icons.size).toBe(LEVEL_VALUES.length);
  });
});
