/*
 * Baton trainer workspace: browse and edit the shared draft of the intent database, publish it, compare and roll back
 * versions, read the audit log. Speaks the REST API under /api/trainer (README, "Trainer workspace") with the session
 * cookie that /login set. Plain JavaScript, no dependencies; every text a person wrote is set as text, never as HTML.
 */
(() => {
  'use strict';

  const LANGUAGES = ['en', 'it', 'lt', 'fa'];
  const RIGHT_TO_LEFT = new Set(['fa', 'ar', 'he', 'ur']);
  const ACTIONS = { seeded: 'Seeded from intents/', published: 'Published', rolled_back: 'Rolled back', reloaded: 'Reloaded from files' };
  const FIELDS = { id: 'Id', title: 'Title', examples: 'Examples', answers: 'Answers', followUps: 'Follow-ups', handoff: 'Handoff' };

  const $ = (id) => document.getElementById(id);
  const { el } = window.batonDom; // dom.js
  const languageNames = (() => {
    try { return new Intl.DisplayNames(['en'], { type: 'language' }); } catch { return null; }
  })();
  const languageLabel = (code) => {
    let name = null;
    try { name = languageNames && languageNames.of(code); } catch { /* not a code */ }
    return name && name !== code ? `${name} (${code})` : code;
  };
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const formatDate = (iso) => { const d = new Date(iso); return isNaN(d) ? '' : dateFormat.format(d); };
  const directionOf = (language) => (RIGHT_TO_LEFT.has(language) ? 'rtl' : 'auto');

  // ---------------------------------------------------------------- state
  const state = {
    view: 'intents',
    draft: null,        // the last DraftDocument the server sent
    intents: [],        // the search's result
    current: null,      // the intent being edited: {id, file, title, examples, answers, followUps, handoff}
    isNew: false,
    language: 'en',
    changedLanguages: new Set(),
    settingsChanged: false,
    versions: [],
  };

  // ---------------------------------------------------------------- the API

  const { ApiError } = window.batonApi;

  /** One request to the trainer API; a lapsed session goes to the login page, which comes back here. */
  const api = (method, path, body) => window.batonApi.request(method, `/api/trainer${path}`, body);

  function showError(error) {
    const notice = $('notice');
    notice.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    notice.hidden = false;
  }
  function clearError() { $('notice').hidden = true; }

  /** Runs an action of the trainer's, with its button disabled meanwhile and its failure shown. */
  async function act(button, action) {
    clearError();
    if (button) button.disabled = true;
    try { return await action(); } catch (e) { showError(e); return undefined; } finally { if (button) button.disabled = false; }
  }

  // ---------------------------------------------------------------- views

  function showView(name) {
    state.view = name;
    for (const tab of document.querySelectorAll('.view-tab')) {
      if (tab.dataset.view === name) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
    }
    for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== `view-${name}`;
    if (name === 'versions') act(null, loadVersions);
    if (name === 'audit') act(null, loadAudit);
    if (name === 'draft') act(null, loadDraft);
    if (name === 'inbox') act(null, loadInbox);
  }

  // ---------------------------------------------------------------- the draft

  async function loadDraft() { setDraft(await api('GET', '/draft')); }

  function changeCount(changes) {
    if (!changes) return 0;
    return changes.added.length + changes.removed.length + changes.changed.length;
  }

  function setDraft(draft) {
    state.draft = draft;
    renderDraftBar();
    renderDraftView();
    renderIntentProblems();
    markIntentsWithProblems();
  }

  function renderDraftBar() {
    const draft = state.draft;
    const bar = $('draft-bar');
    const problems = draft.problems.length;
    const changes = changeCount(draft.changes);
    $('draft-count').textContent = String(changes);
    bar.dataset.publishable = String(draft.publishable);
    bar.replaceChildren(...[
      draft.started
        ? el('span', { text: `Draft by ${draft.changedBy || 'someone'}, ${formatDate(draft.changedAt)}: ${changes} intent${changes === 1 ? '' : 's'} changed` })
        : el('span', { text: 'No draft yet: these are the published intents. Your first change starts one.' }),
      draft.started && problems > 0 ? el('span', { class: 'chip bad', 'data-testid': 'draft-bar-problems', text: `${problems} problem${problems === 1 ? '' : 's'}: cannot publish` }) : null,
      draft.started && problems === 0 ? el('span', { class: 'chip good', text: 'Ready to publish' }) : null,
      draft.behindPublished ? el('span', { class: 'chip warn', text: 'Behind the published version' }) : null,
      draft.started ? el('button', { type: 'button', class: 'secondary small', 'data-testid': 'review-draft', text: 'Review and publish', onclick: () => showView('draft') }) : null,
    ].filter(Boolean));
  }

  function renderDraftView() {
    const draft = state.draft;
    const facts = [
      ['State', draft.started ? `Started, revision ${draft.revision}` : 'No draft: the published intents'],
      ['Based on', draft.basedOn ? shortVersion(draft.basedOn) : '—'],
      ['Published now', draft.publishedVersion ? shortVersion(draft.publishedVersion) : '—'],
      ['Last change', draft.started ? `${draft.changedBy || ''}, ${formatDate(draft.changedAt)}` : '—'],
      ['Publishable', draft.publishable ? 'Yes' : (draft.started ? 'No: fix the problems below' : 'No: nothing to publish')],
    ];
    if (draft.behindPublished) facts.push(['Careful', 'Another version was published since this draft started: publishing it would undo what that version changed.']);
    $('draft-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));

    const list = $('draft-problems');
    list.replaceChildren(...draft.problems.map(problem => el('li', { 'data-testid': 'draft-problem' },
      problem.intent
        ? el('button', { type: 'button', class: 'link', text: problem.intent, onclick: () => openIntent(problem.intent, problem.language) })
        : null,
      problem.field ? el('span', { class: 'where', text: [FIELDS[problem.field] || problem.field, problem.language, problem.index != null ? `#${problem.index + 1}` : null].filter(Boolean).join(' · ') }) : null,
      el('span', { class: 'message', dir: 'auto', text: problem.message }),
      el('span', { class: 'where', text: `${problem.file}${problem.line ? `:${problem.line}` : ''}` }),
    )));
    if (!draft.problems.length) list.replaceChildren(el('li', { class: 'empty', text: 'None.' }));
    $('draft-changes').replaceChildren(renderDiff(draft.changes, 'Nothing yet.'));
    $('publish').disabled = !draft.started;
    $('discard').disabled = !draft.started;
  }

  const shortVersion = (hash) => String(hash).slice(0, 12);

  /** What changes between two databases: intents added, removed, and per changed intent the texts of each field. */
  function renderDiff(changes, nothing) {
    if (!changeCount(changes)) return el('p', { class: 'empty', text: nothing });
    const intentLink = (id) => el('button', { type: 'button', class: 'link', text: id, onclick: () => openIntent(id) });
    return el('ul', { class: 'diff' },
      changes.added.map(id => el('li', { 'data-testid': 'diff-added' }, el('span', { class: 'chip good', text: 'added' }), intentLink(id))),
      changes.removed.map(id => el('li', { 'data-testid': 'diff-removed' }, el('span', { class: 'chip bad', text: 'removed' }), el('strong', { text: id }))),
      changes.changed.map(change => el('li', { 'data-testid': 'diff-changed' },
        el('span', { class: 'chip', text: 'changed' }), intentLink(change.intent),
        el('ul', { class: 'fields' }, change.fields.map(field => el('li', {},
          el('span', { class: 'where', text: [FIELDS[field.field] || field.field, field.language].filter(Boolean).join(' · ') }),
          el('ul', { class: 'texts-diff' },
            field.removed.map(t => el('li', { class: 'removed', dir: 'auto' }, el('span', { class: 'visually-hidden', text: 'removed: ' }), t)),
            field.added.map(t => el('li', { class: 'added', dir: 'auto' }, el('span', { class: 'visually-hidden', text: 'added: ' }), t))),
        ))))));
  }

  async function publish(event) {
    event.preventDefault();
    const outcome = $('publish-outcome');
    outcome.textContent = 'Publishing: training the bot on the draft…';
    const version = await act($('publish'), async () => {
      try {
        return await api('POST', '/draft/publish', { note: $('publish-note').value });
      } catch (e) {
        if (e instanceof ApiError && e.body.problems) setDraft({ ...state.draft, problems: e.body.problems, publishable: false });
        throw e;
      }
    });
    if (!version) { outcome.textContent = ''; return; }
    outcome.textContent = `Published version ${version.version}: the bot answers from it now.`;
    $('publish-note').value = '';
    await act(null, async () => { await loadDraft(); await search(); });
  }

  async function discard() {
    if (!confirm('Discard the whole draft? Every change in it since the last publication is lost.')) return;
    await act($('discard'), async () => {
      await api('DELETE', '/draft');
      $('publish-outcome').textContent = 'Draft discarded.';
      await loadDraft();
      await search();
      if (state.current && !state.isNew) await openIntent(state.current.id, state.language);
    });
  }

  // ---------------------------------------------------------------- intents

  async function search() {
    const q = $('search').value.trim();
    state.intents = await api('GET', `/intents${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    renderIntents();
  }

  function renderIntents() {
    const list = $('intents');
    list.replaceChildren(...state.intents.map(intent => {
      const title = (intent.title && (intent.title.en || Object.values(intent.title)[0])) || '';
      const examples = Object.values(intent.examples || {}).reduce((n, texts) => n + texts.length, 0);
      return el('li', {},
        el('button', {
          type: 'button', class: 'item intent-item', 'data-testid': 'intent-item', 'data-intent': intent.id,
          'aria-current': state.current && state.current.id === intent.id ? 'true' : null,
          onclick: () => act(null, () => openIntent(intent.id)),
        },
        el('span', { class: 'item-top' }, el('span', { class: 'intent-id', text: intent.id }),
          el('span', { class: 'problem-dot', title: 'Has problems', hidden: true }, el('span', { class: 'visually-hidden', text: 'has problems' }))),
        el('span', { class: 'intent-title', dir: 'auto', text: title }),
        el('span', { class: 'intent-meta', text: `${Object.keys(intent.examples || {}).join(' · ')} — ${examples} examples` })));
    }));
    $('intents-empty').hidden = state.intents.length > 0;
    markIntentsWithProblems();
  }

  function markIntentsWithProblems() {
    const broken = new Set((state.draft ? state.draft.problems : []).map(p => p.intent).filter(Boolean));
    for (const item of document.querySelectorAll('.intent-item')) {
      item.querySelector('.problem-dot').hidden = !broken.has(item.dataset.intent);
    }
  }

  async function openIntent(id, language) {
    if (!confirmLeaving()) return;
    const intent = await api('GET', `/intents/${encodeURIComponent(id)}`);
    edit(intent, false, language);
    showView('intents');
  }

  function edit(intent, isNew, language) {
    state.current = {
      id: intent.id, file: intent.file, title: { ...(intent.title || {}) }, examples: copyTexts(intent.examples),
      answers: copyTexts(intent.answers), followUps: [...(intent.followUps || [])], handoff: !!intent.handoff,
    };
    state.isNew = isNew;
    state.changedLanguages.clear();
    state.settingsChanged = isNew;
    const languages = languagesOf(state.current);
    state.language = language && languages.includes(language) ? language : (languages.includes(state.language) ? state.language : 'en');
    $('editor-placeholder').hidden = true;
    $('intent-form').hidden = false;
    $('editor-title').textContent = intent.id;
    $('editor-file').textContent = isNew ? 'New intent: saved into workspace.yaml' : `In ${intent.file}`;
    $('delete-intent').hidden = isNew;
    $('follow-ups').value = state.current.followUps.join(', ');
    $('handoff').checked = state.current.handoff;
    renderLanguages();
    renderLanguage();
    renderIntentProblems();
    for (const item of document.querySelectorAll('.intent-item')) {
      if (item.dataset.intent === intent.id) item.setAttribute('aria-current', 'true'); else item.removeAttribute('aria-current');
    }
  }

  const copyTexts = (byLanguage) => Object.fromEntries(Object.entries(byLanguage || {}).map(([k, v]) => [k, [...v]]));
  const languagesOf = (intent) => [...new Set([...LANGUAGES, ...Object.keys(intent.examples), ...Object.keys(intent.answers), ...Object.keys(intent.title)])];
  const hasUnsavedChanges = () => state.current && (state.changedLanguages.size > 0 || state.settingsChanged);
  const confirmLeaving = () => !hasUnsavedChanges() || confirm('Leave this intent without saving your changes?');

  function renderLanguages() {
    const tabs = $('languages');
    const languages = languagesOf(state.current);
    tabs.replaceChildren(...languages.map(language => {
      const count = (state.current.examples[language] || []).length;
      const selected = language === state.language;
      return el('button', {
        type: 'button', role: 'tab', id: `tab-${language}`, 'aria-controls': 'language-panel', 'aria-selected': String(selected),
        tabindex: selected ? '0' : '-1', 'data-testid': 'language-tab', 'data-language': language,
        onclick: () => selectLanguage(language),
        onkeydown: (event) => moveBetweenTabs(event, languages),
      }, el('span', { text: languageLabel(language) }), el('span', { class: 'count', text: String(count) }),
      el('span', { class: 'problem-dot', hidden: !problemsOf(p => p.language === language).length },
        el('span', { class: 'visually-hidden', text: 'has problems' })));
    }));
    $('language-panel').setAttribute('aria-labelledby', `tab-${state.language}`);
  }

  /** Arrow keys move between the language tabs, as in every tab list. */
  function moveBetweenTabs(event, languages) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = languages[(languages.indexOf(event.currentTarget.dataset.language) + step + languages.length) % languages.length];
    selectLanguage(next);
    $(`tab-${next}`).focus();
  }

  function selectLanguage(language) {
    state.language = language;
    renderLanguages();
    renderLanguage();
    renderIntentProblems();
  }

  function renderLanguage() {
    const language = state.language;
    const dir = directionOf(language);
    const title = $('title-input');
    title.value = state.current.title[language] || '';
    title.dir = dir;
    title.lang = language;
    renderTexts('examples', 'Example', dir);
    renderTexts('answers', 'Answer', dir);
  }

  /** The examples or answers of the selected language, one labelled field each, with a button to remove it. */
  function renderTexts(kind, label, dir) {
    const texts = state.current[kind][state.language] || [];
    const multiline = kind === 'answers';
    $(kind).replaceChildren(...texts.map((text, index) => {
      const id = `${kind}-${index}`;
      const input = el(multiline ? 'textarea' : 'input', {
        id, dir, lang: state.language, 'data-testid': `${kind}-input`, rows: multiline ? '2' : null, autocomplete: 'off',
        'aria-describedby': `${id}-problem`,
        oninput: (event) => { state.current[kind][state.language][index] = event.target.value; changed(); },
      });
      input.value = text;
      return el('li', { class: 'text-row', 'data-testid': `${kind}-row` },
        el('label', { for: id, class: 'visually-hidden', text: `${label} ${index + 1}` }),
        input,
        el('button', {
          type: 'button', class: 'icon', 'aria-label': `Remove ${label.toLowerCase()} ${index + 1}`, text: '×',
          'data-testid': `remove-${kind}`,
          onclick: () => { state.current[kind][state.language].splice(index, 1); changed(); renderLanguage(); renderIntentProblems(); },
        }),
        el('p', { class: 'problem', id: `${id}-problem`, 'data-testid': `problem-${kind}`, hidden: true }));
    }));
  }

  function addText(kind) {
    const texts = state.current[kind][state.language] || (state.current[kind][state.language] = []);
    texts.push('');
    changed();
    renderLanguage();
    renderLanguages();
    renderIntentProblems();
    const inputs = $(kind).querySelectorAll('input, textarea');
    inputs[inputs.length - 1].focus();
  }

  function changed() { state.changedLanguages.add(state.language); }

  /** The draft's problems about the intent being edited, each next to its field (and its text, with an index). */
  function problemsOf(filter) {
    if (!state.current || !state.draft) return [];
    return state.draft.problems.filter(p => p.intent === state.current.id && filter(p));
  }

  function renderIntentProblems() {
    if (!state.current) return;
    const language = state.language;
    const show = (node, problems) => {
      node.hidden = problems.length === 0;
      node.textContent = problems.map(p => p.message).join(' · ');
    };
    show($('intent-problems'), problemsOf(p => !p.field || p.field === 'id'));
    show($('problems-title'), problemsOf(p => p.field === 'title' && (!p.language || p.language === language)));
    for (const kind of ['examples', 'answers']) {
      show($(`problems-${kind}`), problemsOf(p => p.field === kind && (!p.language || p.language === language) && p.index == null));
      $(kind).querySelectorAll('.problem').forEach((node, index) =>
        show(node, problemsOf(p => p.field === kind && p.language === language && p.index === index)));
      $(kind).querySelectorAll('input, textarea').forEach((input, index) =>
        input.setAttribute('aria-invalid', String(problemsOf(p => p.field === kind && p.language === language && p.index === index).length > 0)));
    }
    show($('problems-followUps'), problemsOf(p => p.field === 'followUps'));
    show($('problems-handoff'), problemsOf(p => p.field === 'handoff'));
    for (const tab of document.querySelectorAll('[data-testid=language-tab]')) {
      tab.querySelector('.problem-dot').hidden = !problemsOf(p => p.language === tab.dataset.language).length;
    }
  }

  /**
   * Saves the intent into the draft: only the languages changed here when the rest is untouched, so that what
   * another trainer changed meanwhile in another language stays; the whole intent when it is new or its
   * follow-ups or handoff changed.
   */
  async function save(event) {
    event.preventDefault();
    const intent = state.current;
    const id = encodeURIComponent(intent.id);
    await act($('save-intent'), async () => {
      if (state.isNew || state.settingsChanged) {
        setDraft(await api('PUT', `/draft/intents/${id}`, {
          title: intent.title, examples: intent.examples, answers: intent.answers, followUps: intent.followUps,
          handoff: intent.handoff, file: state.isNew ? undefined : intent.file,
        }));
      } else {
        for (const language of state.changedLanguages) {
          setDraft(await api('PUT', `/draft/intents/${id}/languages/${encodeURIComponent(language)}`, {
            title: intent.title[language] || '', examples: intent.examples[language] || [], answers: intent.answers[language] || [],
          }));
        }
      }
      state.changedLanguages.clear();
      state.settingsChanged = false;
      state.isNew = false;
      $('editor-file').textContent = `In ${intent.file || 'workspace.yaml'}`;
      $('delete-intent').hidden = false;
      await search();
    });
  }

  async function deleteIntent() {
    const id = state.current.id;
    if (!confirm(`Delete the intent ${id} from the draft?`)) return;
    await act($('delete-intent'), async () => {
      setDraft(await api('DELETE', `/draft/intents/${encodeURIComponent(id)}`));
      state.current = null;
      $('intent-form').hidden = true;
      $('editor-placeholder').hidden = false;
      await search();
    });
  }

  function newIntent(event) {
    event.preventDefault();
    const input = $('new-intent');
    const id = input.value.trim();
    if (!/^[a-z0-9_]+$/.test(id)) {
      showError('An intent id is lower-case letters, digits and underscores, like teapot_care.');
      input.focus();
      return;
    }
    if (state.intents.some(i => i.id === id)) { act(null, () => openIntent(id)); return; }
    if (!confirmLeaving()) return;
    clearError();
    edit({ id, title: {}, examples: { en: [''] }, answers: { en: [''] } }, true, 'en');
    input.value = '';
    $('title-input').focus();
  }

  // ---------------------------------------------------------------- versions and audit

  async function loadVersions() {
    state.versions = await api('GET', '/versions');
    const newest = state.versions.length ? state.versions[0].version : 0;
    $('versions').replaceChildren(...state.versions.map(v => el('tr', { 'data-testid': 'version-row', 'data-version': String(v.version) },
      el('th', { scope: 'row' }, el('span', { 'data-testid': 'version-number', text: String(v.version) }),
        v.version === newest ? el('span', { class: 'chip good', text: 'live' }) : null),
      el('td', { text: ACTIONS[v.action] || v.action }),
      el('td', { text: v.publishedBy }),
      el('td', {}, el('time', { datetime: v.publishedAt, text: formatDate(v.publishedAt) })),
      el('td', { dir: 'auto', 'data-testid': 'version-note', text: v.note || '' }),
      el('td', { class: 'row-actions' },
        v.version > 1 ? el('button', { type: 'button', class: 'secondary small', 'data-testid': 'version-diff', text: `Changes from ${v.version - 1}`,
          onclick: (e) => act(e.currentTarget, () => showDiff(v.version - 1, v.version)) }) : null,
        el('a', { class: 'secondary small', href: `/api/trainer/versions/${v.version}/export`, download: `intents-v${v.version}.zip`,
          'data-testid': 'version-export', text: 'Export zip' }),
        v.version !== newest ? el('button', { type: 'button', class: 'secondary small danger', 'data-testid': 'version-rollback', text: 'Roll back to this',
          onclick: (e) => rollBack(e.currentTarget, v.version) }) : null),
    )));
  }

  async function showDiff(from, to) {
    const diff = await api('GET', `/versions/${from}/diff/${to}`);
    $('diff').hidden = false;
    $('diff-title').textContent = `What version ${to} changed from version ${from}`;
    $('diff-body').replaceChildren(renderDiff(diff.changes, 'The two versions hold the same intents.'));
    $('diff').scrollIntoView({ block: 'nearest' });
  }

  async function rollBack(button, number) {
    const note = prompt(`Publish version ${number} again, as a new version? A note for the others (optional):`, '');
    if (note === null) return;
    await act(button, async () => {
      const version = await api('POST', `/versions/${number}/rollback`, { note });
      $('versions-outcome').textContent = `Version ${number} is live again, as version ${version.version}.`;
      await loadVersions();
      await loadDraft();
    });
  }

  async function loadAudit() {
    const entries = await api('GET', '/audit?limit=200');
    $('audit').replaceChildren(...entries.map(entry => el('tr', { 'data-testid': 'audit-row' },
      el('td', {}, el('time', { datetime: entry.at, text: formatDate(entry.at) })),
      el('td', { text: entry.who }),
      el('td', { text: entry.action.replaceAll('_', ' ') }),
      el('td', { dir: 'auto', text: entry.subject || '' }),
      el('td', { dir: 'auto', class: 'detail', text: entry.detail || '' }))));
  }

  // ---------------------------------------------------------------- inbox and helpfulness

  const REASONS = {
    not_understood: 'Not understood', clarified: 'Clarified', handed_off_after_failures: 'Handed off after failures',
    low_margin: 'Low margin', unhelpful: 'Marked unhelpful',
  };

  async function loadInbox() {
    const [inbox, helpfulness] = await Promise.all([api('GET', '/inbox?limit=100'), api('GET', '/helpfulness')]);
    if (!state.intents.length) await search();
    $('inbox').replaceChildren(...inbox.groups.map(renderGroup));
    $('inbox-empty').hidden = inbox.groups.length > 0;
    $('helpfulness').replaceChildren(...helpfulness.intents.map(h => el('tr', { 'data-testid': 'helpfulness-row' },
      el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', text: h.intent, onclick: () => act(null, () => openIntent(h.intent)) })),
      el('td', { text: String(h.up) }), el('td', { text: String(h.down) }),
      el('td', { text: `${Math.round(h.helpfulShare * 100)}%` }))));
    $('helpfulness-empty').hidden = helpfulness.intents.length > 0;
  }

  /** One group: its text and counts, and what a trainer can do with it. */
  function renderGroup(group) {
    const intentId = `inbox-intent-${group.id}`;
    const newId = `inbox-new-${group.id}`;
    const guesses = group.guesses.map(g => g.intent);
    const choices = [...new Set([...guesses, ...state.intents.map(i => i.id)])];
    const intentSelect = el('select', { id: intentId, 'data-testid': 'inbox-intent' },
      choices.map(id => el('option', { value: id, text: guesses.includes(id) ? `${id} (guess)` : id })));
    const newInput = el('input', { id: newId, placeholder: 'new_intent_id', 'data-testid': 'inbox-new-id', autocomplete: 'off' });
    const after = async (request) => {
      const answer = await request;
      if (answer && answer.draft) setDraft(answer.draft);
      await loadInbox();
    };
    return el('li', { class: 'inbox-group', 'data-testid': 'inbox-group' },
      el('p', { class: 'inbox-text', dir: 'auto', lang: group.language, 'data-testid': 'inbox-text', text: group.text }),
      el('p', { class: 'inbox-meta' },
        el('span', { class: 'chip', text: languageLabel(group.language) }),
        el('span', { class: 'chip', 'data-testid': 'inbox-count', text: `${group.count}×` }),
        Object.entries(group.reasons).map(([reason, n]) => el('span', { class: 'chip warn', text: `${REASONS[reason] || reason}: ${n}` })),
        group.guesses.length ? el('span', { class: 'where', text: `guesses: ${group.guesses.map(g => `${g.intent} ${Math.round(g.confidence * 100)}%`).join(', ')}` }) : null),
      group.variants.length ? el('p', { class: 'inbox-variants', dir: 'auto', text: `Also worded: ${group.variants.join(' · ')}` }) : null,
      el('div', { class: 'inbox-actions' },
        el('label', { for: intentId, text: 'Example of' }), intentSelect,
        el('button', { type: 'button', class: 'primary small', 'data-testid': 'inbox-add', text: 'Add to draft',
          onclick: (e) => act(e.currentTarget, () => after(api('POST', `/inbox/${encodeURIComponent(group.id)}/add-to-intent`, { intent: intentSelect.value }))) }),
        el('label', { for: newId, text: 'or new intent' }), newInput,
        el('button', { type: 'button', class: 'secondary small', 'data-testid': 'inbox-new', text: 'Start it',
          onclick: (e) => act(e.currentTarget, () => after(api('POST', `/inbox/${encodeURIComponent(group.id)}/new-intent`, { id: newInput.value.trim() }))) }),
        el('button', { type: 'button', class: 'secondary small danger', 'data-testid': 'inbox-dismiss', text: 'Dismiss',
          onclick: (e) => act(e.currentTarget, () => after(api('POST', `/inbox/${encodeURIComponent(group.id)}/dismiss`))) })));
  }

  // ---------------------------------------------------------------- sandbox and evaluation

  const DECISIONS = { answer: 'Answers', clarify: 'Asks which was meant', hand_off: 'Hands off to a person', not_understood: 'Does not understand' };
  const percent = (share) => (share == null ? '—' : `${Math.round(share * 1000) / 10}%`);

  async function trySandbox(event) {
    event.preventDefault();
    const text = $('sandbox-text').value.trim();
    if (!text) { $('sandbox-text').focus(); return; }
    await act($('sandbox-send'), async () => {
      const reply = await api('POST', '/draft/sandbox', { text, language: $('sandbox-language').value || undefined });
      const d = reply.decision;
      const facts = [
        ['Decision', DECISIONS[d.kind] || d.kind, 'sandbox-kind'],
        ['Intent', d.intent || '—', 'sandbox-intent'],
        ['Confidence', d.confidence == null ? '—' : String(d.confidence), null],
        ['Margin', d.margin == null ? '—' : String(d.margin), null],
        ['Reason', d.reason || '—', null],
        ['Language', languageLabel(reply.language), null],
        ['Answer', reply.answer || (reply.options && reply.options.length ? `Offers: ${reply.options.join(', ')}` : '—'), 'sandbox-answer'],
      ];
      const box = $('sandbox-reply');
      box.replaceChildren(...facts.flatMap(([k, v, testid]) => [el('dt', { text: k }), el('dd', { dir: 'auto', 'data-testid': testid, text: v })]));
      box.hidden = false;
    });
  }

  /** Cross-validation can take a minute: the button and a status say so, nothing else waits for it. */
  async function evaluate() {
    const status = $('evaluation-status');
    status.textContent = 'Evaluating: training the draft and the published bot fold by fold…';
    const started = Date.now();
    const ticker = setInterval(() => { status.textContent = `Evaluating… ${Math.round((Date.now() - started) / 1000)} s`; }, 1000);
    const result = await act($('evaluate'), () => api('GET', '/draft/evaluation'));
    clearInterval(ticker);
    if (!result) { status.textContent = ''; return; }
    status.textContent = `Draft ${shortVersion(result.draftVersion)} against published ${shortVersion(result.publishedVersion)}, ${result.folds}-fold cross-validation.`;
    const rows = Object.entries(result.languages).flatMap(([language, figures]) => [['published', figures.published], ['draft', figures.draft]]
      .map(([which, f]) => el('tr', { 'data-testid': 'evaluation-row', 'data-language': language, 'data-which': which },
        el('th', { scope: 'row', text: `${languageLabel(language)}, ${which}` }),
        el('td', { text: f ? String(f.examples) : '—' }), el('td', { text: percent(f && f.top1) }),
        el('td', { text: percent(f && f.answeredPrecision) }), el('td', { text: percent(f && f.answeredRate) }))));
    $('evaluation-languages').replaceChildren(...rows);
    const said = (intent, answered) => (intent ? `${intent}${answered ? '' : ' (not answered)'}` : 'nothing');
    $('evaluation-changed').replaceChildren(...result.changed.map(c => el('li', { 'data-testid': 'evaluation-change' },
      el('span', { class: 'message', dir: 'auto', lang: c.language, text: c.text }),
      el('span', { class: 'where', text: `${c.language} · example of ${c.intent}: ${said(c.before, c.answeredBefore)} → ${said(c.after, c.answeredAfter)}` }))),
      result.moreChanged ? el('li', { class: 'empty', text: `and ${result.moreChanged} more` }) : null);
    if (!result.changed.length) $('evaluation-changed').replaceChildren(el('li', { class: 'empty', text: 'None.' }));
    $('evaluation').hidden = false;
  }

  // ---------------------------------------------------------------- wiring

  let searchTimer = null;
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => act(null, search), 200);
  });
  $('search-form').addEventListener('submit', (event) => { event.preventDefault(); act(null, search); });
  $('intent-form').addEventListener('submit', save);
  $('title-input').addEventListener('input', (event) => { state.current.title[state.language] = event.target.value; changed(); });
  $('follow-ups').addEventListener('input', (event) => {
    state.current.followUps = event.target.value.split(',').map(s => s.trim()).filter(Boolean);
    state.settingsChanged = true;
  });
  $('handoff').addEventListener('change', (event) => { state.current.handoff = event.target.checked; state.settingsChanged = true; });
  $('add-example').addEventListener('click', () => addText('examples'));
  $('add-answer').addEventListener('click', () => addText('answers'));
  $('delete-intent').addEventListener('click', deleteIntent);
  $('new-intent-form').addEventListener('submit', newIntent);
  $('publish-form').addEventListener('submit', publish);
  $('discard').addEventListener('click', discard);
  $('sandbox-form').addEventListener('submit', trySandbox);
  $('evaluate').addEventListener('click', () => evaluate());
  $('inbox-refresh').addEventListener('click', (e) => act(e.currentTarget, loadInbox));
  for (const tab of document.querySelectorAll('.view-tab')) tab.addEventListener('click', () => showView(tab.dataset.view));
  window.addEventListener('beforeunload', (event) => { if (hasUnsavedChanges()) event.preventDefault(); });

  // Trainers who are agents too get a link to the console.
  fetch('/console.html', { method: 'HEAD', redirect: 'manual', cache: 'no-store', credentials: 'same-origin' })
    .then(response => { $('console-link').hidden = response.status !== 200; }, () => { /* offline: no link */ });
  act(null, async () => { await loadDraft(); await search(); });
})();
