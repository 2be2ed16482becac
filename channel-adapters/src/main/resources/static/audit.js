/*
 * The administrators' audit log page: reads GET /api/audit with the login session, newest first, a page at a time
 * (README, Audit log). Read-only; it shows each entry's fields as text and nothing else. No inline script or style:
 * the page's Content-Security-Policy forbids both.
 */
(() => {
  'use strict';
  const { el } = window.batonDom;
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;
  const filter = $('filter');
  const notice = $('notice');
  const entries = $('entries');
  const status = $('status');
  const newer = $('newer');
  const older = $('older');
  // The query the pages share; `until` is pinned by the first page, so that entries recorded meanwhile (reading the
  // log is one) do not shift the later ones.
  let query = null;
  let page = 0;
  // Answers may come back out of order: only the latest request's is shown.
  let latest = 0;

  const get = (path) => window.batonApi.request('GET', path);

  function showError(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  const instant = (local) => (local ? new Date(local).toISOString() : '');

  function row(entry) {
    const at = new Date(entry.at);
    return el('tr', { 'data-testid': 'audit-entry' },
      el('td', {}, el('time', { datetime: entry.at, text: at.toLocaleString() })),
      el('td', { text: entry.who }),
      el('td', { class: 'audit-from', text: entry.from || '—' }),
      el('td', {}, el('code', { text: entry.action })),
      el('td', { text: entry.subject }),
      el('td', { class: 'audit-detail', text: entry.detail }));
  }

  async function show() {
    const asked = ++latest;
    showError('');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    params.set('offset', String(page * PAGE));
    // One more than a page: whether there is an older page.
    params.set('limit', String(PAGE + 1));
    try {
      const found = await get(`/api/audit?${params}`);
      if (asked !== latest) return;
      if (page === 0 && !query.until && found.length > 0) {
        // Just after the newest entry (milliseconds are all a Date keeps: one more is after it whatever its nanoseconds).
        query.until = new Date(new Date(found[0].at).getTime() + 1).toISOString();
      }
      const shown = found.slice(0, PAGE);
      entries.replaceChildren(...(shown.length ? shown.map(row)
        : [el('tr', {}, el('td', { colspan: '6', class: 'audit-empty', text: 'No entries.' }))]));
      const first = page * PAGE + 1;
      status.textContent = shown.length === 0 ? (page === 0 ? 'Nothing matches.' : 'No more entries.')
        : `Page ${page + 1}: entries ${first}–${first + shown.length - 1}`;
      newer.disabled = page === 0;
      older.disabled = found.length <= PAGE;
    } catch (e) {
      if (asked === latest) showError(e.message);
    }
  }

  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      query = {
        actor: $('actor').value.trim(), action: $('action').value,
        since: instant($('since').value), until: instant($('until').value),
      };
    } catch {
      showError('A date and time is not valid.');
      return;
    }
    page = 0;
    show();
  });
  newer.addEventListener('click', () => { if (page > 0) { page -= 1; show(); } });
  older.addEventListener('click', () => { page += 1; show(); });

  get('/api/audit/actions')
    .then((actions) => $('action').append(...actions.map((code) => el('option', { value: code, text: code }))))
    .catch((e) => showError(e.message))
    .finally(() => filter.requestSubmit());
})();
