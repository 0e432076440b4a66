import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/lib/card/termCard.css';
import './popup.css';
import { parsePopupRoute, POPUP_HOME_ROUTE, takeStoredPopupRoute, type PopupRoute } from '@/lib/messaging/popupRoute';
import { loadCheckerPanel, PopupApp } from './PopupApp';
import { loadSearchModule } from './SearchPanel';

document.body.classList.add('yl-theme');

// What the opening view needs starts loading now, while React renders the frame around it.
const openingRoute = parsePopupRoute(location.hash) ?? POPUP_HOME_ROUTE;
if (openingRoute.view === 'checker') void loadCheckerPanel();
else if (openingRoute.view !== 'page') void loadSearchModule();

/**
 * Renders at once with the route in the hash (or home), without waiting for storage. The route the
 * background stored in storage.session (read once, then cleared) arrives a moment later and, when the
 * hash named none, reopens the popup there. Opened as a page, the hash may also change under us.
 */
function PopupRoot() {
  const [opening, setOpening] = useState(() => ({ route: parsePopupRoute(location.hash) ?? POPUP_HOME_ROUTE, key: 0 }));
  useEffect(() => {
    const reopen = (route: PopupRoute) => setOpening((o) => ({ route, key: o.key + 1 }));
    const hadHash = parsePopupRoute(location.hash) !== null;
    void takeStoredPopupRoute().then((route) => {
      if (route && !hadHash) reopen(route);
    });
    const onHashChange = () => {
      const route = parsePopupRoute(location.hash);
      if (route) reopen(route);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return <PopupApp key={opening.key} boot={{ route: opening.route, search: location.search }} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupRoot />
  </StrictMode>,
);
