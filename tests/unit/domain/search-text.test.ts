import { describe, expect, it } from 'vitest';
import { matchesSearch, normalizeSearchText } from '../../../src/domain/search-text';

describe('normalizeSearchText', () => {
  it('folds full-width forms, case and spaces (including the ideographic space)', () => {
    expect(normalizeSearchText('ＳＩＩ　成德 Ｓ１１')).toBe('sii成德s11');
    expect(normalizeSearchText(' Chengzi  Avenue ')).toBe('chengziavenue');
  });

  it('ignores middle dots, dashes and brackets readers add or omit', () => {
    expect(normalizeSearchText('成都—资阳（临空）·大道')).toBe(normalizeSearchText('成都资阳临空大道'));
    expect(normalizeSearchText('Chengdu–Ziyang')).toBe('chengduziyang');
  });

  it('keeps Chinese characters as they are', () => {
    expect(normalizeSearchText('成资大道')).toBe('成资大道');
  });
});

describe('matchesSearch', () => {
  const names = { name_zh: '成资大道', name_en: 'Chengzi Avenue', aliases: ['成资快速通道'] };
  it('matches zh, en and aliases', () => {
    expect(matchesSearch(names, '成资')).toBe(true);
    expect(matchesSearch(names, 'ＣＨＥＮＧＺＩ ave')).toBe(true);
    expect(matchesSearch(names, '快速 通道')).toBe(true);
    expect(matchesSearch(names, '成德')).toBe(false);
  });
  it('matches everything for an empty query', () => {
    expect(matchesSearch(names, '')).toBe(true);
    expect(matchesSearch(names, ' 　')).toBe(true);
  });
});
