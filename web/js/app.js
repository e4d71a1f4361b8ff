import { createApiClient } from './api.js';
import { createCallDetailView } from './callDetailView.js';
import { el } from './element.js';
import { createHistoryPanel } from './historyPanel.js';
import { createNewCallView } from './newCallView.js';
import { callHref, parseRoute } from './router.js';

const api = createApiClient();
const main = document.getElementById('main');
const history = createHistoryPanel({ api });
document.getElementById('history').append(history.element);

let current = null;
// The answer to POST /calls, so the new call's page shows at once instead of "Loading".
let justPlaced = null;

function show(route, { moveFocus }) {
  current?.destroy();
  current = createView(route);
  history.select(route.view === 'call' ? route.id : null);
  main.replaceChildren(current.element);
  current.start();
  if (moveFocus) {
    // Tell screen reader and keyboard users that the page changed, as a full page load would.
    current.element.querySelector('h1')?.focus();
    window.scrollTo({ top: 0 });
  }
}

function createView(route) {
  if (route.view === 'new-call') {
    return createNewCallView({
      api,
      onCreated(call) {
        justPlaced = call;
        history.upsert(call);
        location.hash = callHref(call.id);
      },
    });
  }
  if (route.view === 'call') {
    const initialCall = justPlaced?.id === route.id ? justPlaced : undefined;
    justPlaced = null;
    return createCallDetailView({ id: route.id, api, initialCall, onCallChange: history.upsert });
  }
  return notFoundView();
}

function notFoundView() {
  return {
    element: el(
      'section',
      { class: 'page' },
      el('h1', { tabindex: '-1' }, 'Page not found'),
      el('p', {}, 'Nothing lives at this address. ', el('a', { href: '#/' }, 'Place a new call'), ' or pick one from your calls.'),
    ),
    start() {
      document.title = 'Page not found · Call Agent';
    },
    destroy() {},
  };
}

window.addEventListener('hashchange', () => show(parseRoute(location.hash), { moveFocus: true }));
show(parseRoute(location.hash), { moveFocus: false });
history.start();
