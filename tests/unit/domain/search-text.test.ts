import { describe, expect, it } from 'vitest';
import { matchesNormalized, matchesSearch, normalizeSearchText, searchIndexOf } from '../../../src/domain/search-text';

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

describe('search index (issue 15 §1: no re-normalising per filter change)', () => {
  it('normalises a project\'s names once per project object and reuses them', () => {
    const project = { name_zh: '成资 大道', name_en: 'ＣＨＥＮＧＺＩ Avenue', aliases: ['S-11'] };
    const first = searchIndexOf(project);
    expect(first).toEqual(['成资大道', 'chengziavenue', 's11']);
    expect(searchIndexOf(project)).toBe(first);
    expect(matchesNormalized(project, 'chengzi')).toBe(true);
    expect(matchesNormalized(project, 's11')).toBe(true);
    expect(matchesNormalized(project, 'nope')).toBe(false);
    // A new object (new data) gets its own index.
    expect(searchIndexOf({ ...project, name_en: 'Other' })).not.toBe(first);
  });
});
