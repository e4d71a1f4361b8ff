/** Hash routes: `#/` (new call) and `#/calls/<id>` (one call, live). */
export function parseRoute(hash) {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '/new') return { view: 'new-call' };
  const match = /^\/calls\/([^/]+)\/?$/.exec(path);
  if (match) {
    const id = decodeSegment(match[1]);
    if (id) return { view: 'call', id };
  }
  return { view: 'not-found' };
}

export function callHref(id) {
  return `#/calls/${encodeURIComponent(id)}`;
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
