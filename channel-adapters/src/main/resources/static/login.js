(() => {
  const params = new URLSearchParams(location.search);
  const username = document.getElementById('username');
  const KEY = 'baton.login.username';
  const failure = params.has('locked') ? 'locked' : params.has('error') ? 'error' : null;
  if (failure === 'locked') {
    const minutes = Math.ceil(Number(params.get('locked')) / 60);
    if (minutes > 0) document.getElementById('locked-for').textContent = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  if (failure) {
    document.getElementById(failure).hidden = false;
    username.setAttribute('aria-describedby', failure);
    try { username.value = sessionStorage.getItem(KEY) || ''; } catch { /* private mode */ }
    if (username.value) document.getElementById('password').focus();
  }
  document.querySelector('form').addEventListener('submit', () => {
    try { sessionStorage.setItem(KEY, username.value); } catch { /* private mode */ }
  });
  if (params.has('logout')) document.getElementById('logged-out').hidden = false;
})();
