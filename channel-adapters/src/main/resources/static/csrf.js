// The CSRF token: the server keeps it in the XSRF-TOKEN cookie, which another site's page cannot read; our pages send it
// back with every state-changing request, as the X-XSRF-TOKEN header (window.batonCsrf.headers()) or, for a plain form
// posted by the browser (sign in, sign out), as its _csrf field, added here just before it is sent.
(() => {
  const token = () => {
    const found = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    return found ? decodeURIComponent(found.slice('XSRF-TOKEN='.length)) : '';
  };
  window.batonCsrf = { headers: () => ({ 'X-XSRF-TOKEN': token() }) };
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    let field = form.querySelector('input[name="_csrf"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = '_csrf';
      form.append(field);
    }
    field.value = token();
  }, true);
})();
