import { describe, expect, it, vi } from 'vitest';
import { answerPageQuestion, isPageTermList, parsePageQuestion, parseRevealRequest } from './pageQuestions';

describe('the page questions, declared once', () => {
  it('reads a reveal request with its occurrence, and rejects malformed ones', () => {
    expect(parseRevealRequest({ id: 'grzh', sense: 'pension', occurrence: 2 })).toEqual({
      id: 'grzh',
      sense: 'pension',
      occurrence: 2,
    });
    expect(parseRevealRequest({ id: 'grzh', occurrence: 'next' })).toEqual({ id: 'grzh', occurrence: 'next' });
    for (const bad of [
      null,
      'grzh',
      {},
      { id: '' },
      { id: 5 },
      { id: 'grzh', sense: 3 },
      { id: 'grzh', occurrence: -1 },
      { id: 'grzh', occurrence: 1.5 },
      { id: 'grzh', occurrence: 'last' },
    ])
      expect(parseRevealRequest(bad)).toBeNull();
  });

  it('knows only its own question names', () => {
    expect(parsePageQuestion('listPageTerms', undefined)).toEqual({ name: 'listPageTerms' });
    expect(parsePageQuestion('revealPageTerm', { id: 'a', occurrence: 1 })).toEqual({
      name: 'revealPageTerm',
      request: { id: 'a', occurrence: 1 },
    });
    expect(parsePageQuestion('revealPageTerm', { occurrence: 1 })).toBeNull();
    expect(parsePageQuestion('changeSettings', {})).toBeNull();
    expect(parsePageQuestion('constructor', {})).toBeNull();
  });

  it('passes the whole request, occurrence included, to the answering page', async () => {
    const answers = {
      listPageTerms: vi.fn(async () => []),
      revealPageTerm: vi.fn(async () => true),
      listPageNumbers: vi.fn(async () => null),
      revealPageNumber: vi.fn(async () => true),
    };
    const question = parsePageQuestion('revealPageTerm', { id: 'a', occurrence: 3 })!;
    expect(await answerPageQuestion(answers, question)).toBe(true);
    expect(answers.revealPageTerm).toHaveBeenCalledWith({ id: 'a', occurrence: 3 });
  });

  it('asks for the page numbers and for one of them by index', async () => {
    expect(parsePageQuestion('listPageNumbers', { anything: 1 })).toEqual({ name: 'listPageNumbers' });
    expect(parsePageQuestion('revealPageNumber', { index: 4 })).toEqual({
      name: 'revealPageNumber',
      request: { index: 4 },
    });
    for (const bad of [undefined, {}, { index: -1 }, { index: 1.5 }, { index: '4' }])
      expect(parsePageQuestion('revealPageNumber', bad)).toBeNull();
    const answers = {
      listPageTerms: vi.fn(async () => []),
      revealPageTerm: vi.fn(async () => true),
      listPageNumbers: vi.fn(async () => null),
      revealPageNumber: vi.fn(async () => true),
    };
    expect(await answerPageQuestion(answers, parsePageQuestion('revealPageNumber', { index: 2 })!)).toBe(true);
    expect(answers.revealPageNumber).toHaveBeenCalledWith({ index: 2 });
  });

  it('accepts only term lists as answers to listPageTerms', () => {
    expect(isPageTermList([{ id: 'a', term: '甲', count: 2 }])).toBe(true);
    expect(isPageTermList([{ id: 'a', term: '甲' }])).toBe(false);
    expect(isPageTermList({})).toBe(false);
  });
});
