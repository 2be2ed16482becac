(() => {
  const params = new URLSearchParams(location.search);
  const username = document.getElementById('username');
  const KEY = 'baton.login.username';
  if (params.has('error')) {
    document.getElementById('error').hidden = false;
    username.setAttribute('aria-describedby', 'error');
    try { username.value = sessionStorage.getItem(KEY) || ''; } catch { /* private mode */ }
    if (username.value) document.getElementById('password').focus();
  }
  document.querySelector('form').addEventListener('submit', () => {
    try { sessionStorage.setItem(KEY, username.value); } catch { /* private mode */ }
  });
  if (params.has('logout')) document.getElementById('logged-out').hidden = false;
})();
