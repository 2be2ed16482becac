/*
 * The administrators' page of visitors' data: reads and erases through /api/admin/visitor-data with the login
 * session (docs in README.md, Privacy). No inline script or style: the page's Content-Security-Policy forbids both.
 */
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const find = $('find');
  const kind = $('kind');
  const value = $('value');
  const notice = $('notice');
  const result = $('result');
  const summary = $('summary');
  const json = $('json');
  const download = $('download');
  const confirmErase = $('confirm-erase');
  const erase = $('erase');
  let downloadUrl = null;
  let subject = null;

  const call = (method, query) => window.batonApi.request(method, `/api/admin/visitor-data?${query}`);

  function showError(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  find.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('');
    subject = new URLSearchParams({ [kind.value]: value.value.trim() }).toString();
    try {
      const found = await call('GET', subject);
      const visitors = found.visitors;
      const conversations = visitors.reduce((n, v) => n + v.conversations.length, 0);
      const left = visitors.reduce((n, v) => n + v.leftMessages.length, 0);
      summary.textContent = visitors.length === 0 ? 'Nobody found.'
        : `${count(visitors.length, 'visitor', 'visitors')}: ${count(conversations, 'conversation', 'conversations')}, `
          + `${count(left, 'left message', 'left messages')}.`;
      json.textContent = JSON.stringify(found, null, 2);
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(new Blob([json.textContent], { type: 'application/json' }));
      download.href = downloadUrl;
      confirmErase.checked = false;
      erase.disabled = true;
      result.hidden = false;
    } catch (e) {
      result.hidden = true;
      showError(e.message);
    }
  });

  confirmErase.addEventListener('change', () => { erase.disabled = !confirmErase.checked || !subject; });

  erase.addEventListener('click', async () => {
    if (!subject || !confirmErase.checked) return;
    showError('');
    try {
      const { erased } = await call('DELETE', subject);
      summary.textContent = `Erased ${count(erased.visitors, 'visitor', 'visitors')}: `
        + `${count(erased.conversations, 'conversation', 'conversations')} (${erased.closed} closed first), `
        + `${count(erased.messages, 'message', 'messages')}, ${count(erased.leftMessages, 'left message', 'left messages')}, `
        + `${count(erased.inboxEntries, 'inbox entry', 'inbox entries')}.`;
      json.textContent = '';
      download.removeAttribute('href');
      confirmErase.checked = false;
      erase.disabled = true;
    } catch (e) {
      showError(e.message);
    }
  });
})();
