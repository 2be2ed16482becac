// One request to Baton's JSON API with the login session, for the trainer, audit and visitors' data pages: the CSRF
// header on every call (csrf.js), a lapsed session sent to the login page (which comes back), and a refusal thrown
// as an ApiError with the server's status and JSON body.
(() => {
  'use strict';

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `The server answered ${status}`);
      this.status = status;
      this.body = body || {};
    }
  }

  async function request(method, path, body) {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      // The header tells the server to answer 401 without asking the browser for a Basic login.
      headers: { Accept: 'application/json', 'X-Requested-With': 'fetch', ...window.batonCsrf.headers(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      location.assign('/login.html');
      throw new ApiError(401, { message: 'Signed out' });
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = { message: text }; }
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  window.batonApi = { request, ApiError };
})();
