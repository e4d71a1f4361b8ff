// Runs inside the browser page (sent as source text by test/webUi.test.ts), never in Node.
// Records every call status and transcript line the page shows, on `window.uiTestRecord`. A reload would
// wipe the record, so finding it later proves the page updated itself in place; recording from inside
// the page also catches statuses that are shown only briefly.
(() => {
  const record = { statuses: [], lines: [] };
  const seenLines = new WeakSet();
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid="call-status"]')?.getAttribute('data-status') ?? null;
    if (status && record.statuses.at(-1) !== status) record.statuses.push(status);
    for (const line of document.querySelectorAll('[data-testid="transcript-line"]')) {
      if (seenLines.has(line)) continue;
      seenLines.add(line);
      record.lines.push({ speaker: line.getAttribute('data-speaker') ?? '', statusShown: status });
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  window.uiTestRecord = record;
})();
