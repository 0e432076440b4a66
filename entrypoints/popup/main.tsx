/**
 * The React app, loaded by ./quick.ts after the first view is on screen. It takes over from that view in one task:
 * what the opening panel needs is loaded first (the search index, or the checker and its saved inputs), then the
 * view's state (query, typed values, chosen tab or result, focus and caret) is read, the app renders synchronously
 * with it, and the first view is removed, so no keystroke falls between the two.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { parsePopupRoute, takeStoredPopupRoute, type PopupRoute } from '@/lib/messaging/popupRoute';
import { loadCheckerPanel, PopupApp } from './PopupApp';
import { loadSearchModule } from './SearchPanel';
import type { FirstView } from './quick';
import type { QuickFocus, QuickHandoff } from './quickShell';

/** Opened as a page, the hash may change under us: the popup reopens there. */
function PopupRoot({ route, handoff }: { route: PopupRoute; handoff: QuickHandoff | null }) {
  const [opening, setOpening] = useState({ route, handoff, key: 0 });
  useEffect(() => {
    const onHashChange = () => {
      const next = parsePopupRoute(location.hash);
      if (next) setOpening((o) => ({ route: next, handoff: null, key: o.key + 1 }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return (
    <PopupApp key={opening.key} boot={{ route: opening.route, search: location.search, handoff: opening.handoff }} />
  );
}

function restoreFocus(container: HTMLElement, focus: QuickFocus | null) {
  if (!focus) return;
  const find = (selector: string) => container.querySelector<HTMLElement>(selector);
  const target =
    focus.kind === 'search'
      ? find('.search-input')
      : focus.kind === 'field'
        ? find(`.checker .fields [name="${CSS.escape(focus.key)}"]`)
        : focus.kind === 'tab'
          ? find(`[role="tab"][data-tab="${focus.tab}"]`)
          : focus.kind === 'tool'
            ? find(`.checker input[type="radio"][value="${focus.tool}"]`)
            : find('.settings-toggle');
  if (!target) return;
  target.focus({ preventScroll: true });
  if ((focus.kind === 'search' || focus.kind === 'field') && focus.start !== null && target instanceof HTMLInputElement)
    target.setSelectionRange(focus.start, focus.end ?? focus.start, focus.direction ?? undefined);
}

export async function takeOver(firstView: FirstView): Promise<void> {
  await firstView.settled;
  // The first view already drew a route the background stored for this opening; it is read once, so clear it.
  if (parsePopupRoute(location.hash) === null) await takeStoredPopupRoute();
  const { shell, route } = firstView;
  const tab = shell.snapshot().tab;
  await Promise.all([
    tab === 'search' ? loadSearchModule() : null,
    tab === 'checker' ? loadCheckerPanel().then((m) => m.preloadCheckerInputs()) : null,
  ]);
  await shell.whenIdle();
  const handoff = shell.snapshot();
  const container = document.getElementById('root')!;
  flushSync(() =>
    createRoot(container).render(
      <StrictMode>
        <PopupRoot route={route} handoff={handoff} />
      </StrictMode>,
    ),
  );
  shell.remove();
  document.getElementById('quick')?.remove();
  restoreFocus(container, handoff.focus);
}
