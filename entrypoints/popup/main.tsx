import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/termCard.css';
import './popup.css';
import { choosePopupRoute, parsePopupRoute, takeStoredPopupRoute, type PopupRoute } from '@/utils/popupRoute';
import { PopupApp } from './PopupApp';

document.body.classList.add('yl-theme');

/** Opened as a page, the hash may change under us (popup.html#term/… → #checker): start over at the new route. */
function PopupRoot({ initial }: { initial: PopupRoute }) {
  const [opening, setOpening] = useState({ route: initial, key: 0 });
  useEffect(() => {
    const onHashChange = () => {
      const route = parsePopupRoute(location.hash);
      if (route) setOpening((o) => ({ route, key: o.key + 1 }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return <PopupApp key={opening.key} boot={{ route: opening.route, search: location.search }} />;
}

// The route stored by the background is read (and cleared) before the first render, so the popup opens where it should.
void takeStoredPopupRoute().then((stored) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PopupRoot initial={choosePopupRoute(location.hash, stored)} />
    </StrictMode>,
  );
});
