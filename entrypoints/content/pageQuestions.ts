/**
 * The engine's answers to the page's questions (lib/messaging/pageQuestions.ts): the terms of the page with their
 * counts, in the order they first appear, and opening the card of one occurrence. Both read the page in the one
 * reading order (readingOrder.ts), so the n-th occurrence the popup means is the n-th one revealed.
 */
import type { PageQuestions, PageTermCount, RevealRequest } from '@/lib/messaging/pageQuestions';
import type { MatcherEntryRule } from '@/lib/matcher/matcher';
import { goToNeighbour } from './keyboardNav';
import { inDocumentOrder, occurrencesInOrder, type TermOccurrence } from './readingOrder';
import type { PageScanner } from './scanner';
import type { PageNumberSource } from '@/lib/pageNumbers/moduleContract';
import type { SensedMatch } from './senseContext';

export interface PageQuestionDeps {
  win: Window;
  /** Settles once the settings are read and the engine is started or not. */
  ready: Promise<unknown>;
  scanner(): PageScanner | null;
  entries(): readonly MatcherEntryRule[];
  /** False for entries of a category switched off (neither marked nor listed). */
  isEntryShown(entry: number): boolean;
  /** What a reader sees as the name of a sense of the entry whose term is `term`. */
  senseName(senseId: string, term: string): string;
  /** The occurrence whose card is open. */
  current(): TermOccurrence | null;
  open(occurrence: TermOccurrence): void;
  numbers: PageNumberSource;
}

export function createPageQuestions(deps: PageQuestionDeps): PageQuestions {
  /**
   * Every term of the page with its count, in the order the terms first appear; look-alike senses
   * (养老保险个人账户) are listed apart under their own name.
   */
  function listPageTerms(tracked: ReadonlyMap<Text, readonly SensedMatch[]>): PageTermCount[] {
    const counts = new Map<string, PageTermCount>();
    const entries = deps.entries();
    for (const node of inDocumentOrder([...tracked.keys()].filter((n) => n.isConnected))) {
      for (const m of tracked.get(node)!) {
        if (!deps.isEntryShown(m.entry)) continue;
        const entry = entries[m.entry]!;
        const key = `${m.entry}/${m.sense ?? ''}`;
        const known = counts.get(key);
        if (known) known.count++;
        else if (!m.sense) counts.set(key, { id: entry.id, term: entry.term, count: 1 });
        else {
          const name = deps.senseName(m.sense, entry.term);
          counts.set(key, { id: entry.id, term: name, count: 1, sense: { id: m.sense, name } });
        }
      }
    }
    return [...counts.values()];
  }

  function revealOccurrence(
    tracked: ReadonlyMap<Text, readonly SensedMatch[]>,
    wanted: (m: SensedMatch) => boolean,
    occurrence: number | 'next',
  ): boolean {
    // Only the nodes holding a wanted match are put in order (a long page has thousands of others).
    const holding = new Map([...tracked].filter(([, matches]) => matches.some(wanted)));
    const all = occurrencesInOrder(holding, wanted);
    if (all.length === 0) return false;
    const count = all.length;
    // Going on from the occurrence before the wanted one lands on it (skipping any that are hidden).
    const before = all[(((occurrence === 'next' ? 0 : occurrence) % count) + count - 1) % count]!;
    const from = occurrence === 'next' ? deps.current() : before;
    const target = goToNeighbour(deps.win, all, from, 1);
    if (!target) return false;
    deps.open(target);
    return true;
  }

  /**
   * Opens the card of an occurrence of the entry in that sense (without a sense, a look-alike one if no 医保
   * one is left): the `occurrence`-th in reading order, or 'next' after the open card.
   */
  function revealPageTerm({ id, sense, occurrence = 0 }: RevealRequest): boolean {
    const tracked = deps.scanner()?.tracked ?? new Map<Text, SensedMatch[]>();
    const ofEntry = (m: SensedMatch) => deps.isEntryShown(m.entry) && deps.entries()[m.entry]?.id === id;
    return (
      revealOccurrence(tracked, (m) => ofEntry(m) && m.sense === sense, occurrence) ||
      (sense === undefined && revealOccurrence(tracked, ofEntry, occurrence))
    );
  }

  // Both questions need every term of the page: the whole document is matched first (in idle slices).
  const scannedAll = async () => {
    await deps.ready;
    await deps.scanner()?.scanAll();
    return deps.scanner()?.tracked ?? new Map<Text, SensedMatch[]>();
  };
  return {
    listPageTerms: async () => listPageTerms(await scannedAll()),
    revealPageTerm: async (request) => {
      await scannedAll();
      return revealPageTerm(request);
    },
    // 本页的数字: read only on a page with 医保 terms (the source checks), by the lazily loaded reader.
    listPageNumbers: () => deps.numbers.answer(),
    revealPageNumber: ({ index }) => deps.numbers.reveal(index),
  };
}
