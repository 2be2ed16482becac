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

  // Single sign-on: why Baton refused someone the company's directory vouched for, and a button per provider.
  const REFUSED = {
    no_baton_role: 'Your account signed in, but none of your groups gives you access to Baton. Ask your administrator to add you to one.',
    no_username: 'Your account signed in, but the directory did not say your username. Ask your administrator.',
    configured_username: 'Your username belongs to an account configured in Baton itself: sign in with its password below.',
  };
  if (params.has('refused')) {
    const refused = document.getElementById('refused');
    refused.textContent = REFUSED[params.get('refused')] || 'Your account may not use Baton.';
    refused.hidden = false;
  }
  if (params.has('sso-error')) document.getElementById('sso-error').hidden = false;

  const { el } = window.batonDom;
  fetch('/login/options', { headers: { Accept: 'application/json' }, cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : { password: true, providers: [] }))
    .then(({ password, providers }) => {
      if (providers.length === 0) return;
      const list = document.getElementById('providers');
      list.replaceChildren(...providers.map((p) => el('a', {
        class: 'provider', href: p.url, 'data-testid': 'login-provider', text: `Sign in with ${p.name}`,
      })));
      list.hidden = false;
      document.getElementById('or').hidden = !password;
      document.querySelector('form').hidden = !password;
    })
    .catch(() => { /* the password form still works */ });
})();
