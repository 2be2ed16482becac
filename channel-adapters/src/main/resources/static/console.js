/*
 * Baton agent console: speaks the agent channel of docs/protocol.md over ws(s)://HOST/ws/agent with the
 * session cookie that /login set. Plain JavaScript, no dependencies.
 */
(() => {
  'use strict';

  const SOCKET_URL = location.origin.replace(/^http/, 'ws') + '/ws/agent';
  const TYPING_THROTTLE_MS = 2500;
  const VISITOR_TYPING_SHOWN_MS = 4000;
  // Until the server's `welcome` says otherwise (baton.console.timers).
  const DEFAULT_TIMERS = { amberSeconds: 120, redSeconds: 300 };

  const REASONS = {
    VISITOR_ASKED: 'Asked for a person',
    INTENT_REQUIRES_HUMAN: 'Needs a person',
    REPEATED_FAILURE: 'Bot failed twice',
    FRUSTRATION: 'Frustrated',
  };
  const MOODS = { NEUTRAL: 'Neutral', FRUSTRATED: 'Frustrated', ANGRY: 'Angry' };
  const CHANNELS = { widget: 'Website', telegram: 'Telegram', whatsapp: 'WhatsApp' };
  const STATES = { BOT: 'With the bot', WAITING_FOR_AGENT: 'Waiting', WITH_AGENT: 'With an agent', RESOLVED: 'Resolved' };
  const DETAIL_KINDS = { order_number: 'Order number', tracking_number: 'Tracking number', email: 'Email', phone: 'Phone', card: 'Card' };

  const $ = (id) => document.getElementById(id);
  const { el } = window.batonDom; // dom.js

  const languageNames = (() => {
    try { return new Intl.DisplayNames(['en'], { type: 'language' }); } catch { return null; }
  })();
  const languageLabel = (code) => {
    if (!code) return 'Unknown';
    const normalised = ({ pes: 'fa', fas: 'fa', per: 'fa' })[code] || code;
    let name = null;
    try { name = languageNames && languageNames.of(normalised); } catch { /* not a code */ }
    return name && name !== normalised ? `${name} (${code})` : code;
  };
  const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const formatTime = (iso) => { const d = new Date(iso); return isNaN(d) ? '' : timeFormat.format(d); };
  const formatDate = (iso) => { const d = new Date(iso); return isNaN(d) ? '' : dateFormat.format(d); };
  const percent = (c) => `${Math.round((Number(c) || 0) * 100)}%`;
  const elapsed = (iso) => {
    const since = Date.parse(iso);
    if (isNaN(since)) return '';
    const s = Math.max(0, Math.floor((Date.now() - since) / 1000));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}:${String(sec).padStart(2, '0')}`;
  };

  // ---------------------------------------------------------------- state
  const state = {
    me: null,
    queue: [],
    assigned: [],
    leftMessages: [],
    leftForm: null, // the left-message form open in this console: { id, kind, draft }
    selectedId: null,
    current: null,        // {conversationId, state, agentName, summary, transcript: Map, history}
    pending: new Map(),   // clientMessageId -> text (my replies not yet echoed)
    trail: [],            // going back in a visitor's history: {back: id to return to, startedAt of the one opened}
    unread: new Set(),
    visitors: new Map(),  // conversationId -> {online, lastSeen}: is the visitor still there?
    canned: { responses: [], canManageShared: false },
    timers: DEFAULT_TIMERS, // when waiting and unanswered conversations turn amber and red, from `welcome`
    queueKnown: false,    // the first `queue` frame lists who waited before we came: nothing to announce
    status: null,         // {status: online|away, open, capacity}: mine, from `agent_status`
    team: [],             // every agent with status and load, from `team`: whom to transfer to
    teams: [],            // every team (none without teams), from `welcome`: its timers, whether I am in it
    quietlyAssigned: new Set(), // conversations Baton gave me while I had another open: listed, not opened
  };
  /** Mine when the server lists it among my assigned conversations (the `assigned` frame is the truth). */
  const isMine = (id) => state.assigned.some(c => c.conversationId === id);

  // ---------------------------------------------------------------- socket
  let socket = null;
  let attempt = 0;
  let everOpened = false;
  let reconnectTimer = null;
  let pingTimer = null;

  function connect() {
    clearTimeout(reconnectTimer);
    setConnection(attempt === 0 ? 'connecting' : 'reconnecting');
    const ws = new WebSocket(SOCKET_URL);
    socket = ws;
    let opened = false;
    ws.addEventListener('open', () => {
      opened = true;
      everOpened = true;
      attempt = 0;
      setConnection('open');
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send({ type: 'ping' }), 25000);
      send({ type: 'left_messages' });
      if (state.selectedId) send({ type: 'open', conversationId: state.selectedId });
    });
    ws.addEventListener('message', (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame && typeof frame.type === 'string') handle(frame);
    });
    ws.addEventListener('close', async (event) => {
      if (socket !== ws) return;
      socket = null;
      clearInterval(pingTimer);
      if (event.code === 4001) { // signed out, here or in another tab or on another node
        location.assign('/login.html?logout');
        return;
      }
      if (!opened && await sessionExpired()) {
        location.assign('/login.html');
        return;
      }
      attempt += 1;
      setConnection('reconnecting');
      const quick = nodeStopping;
      nodeStopping = false;
      const delay = (quick ? 400 : Math.min(15000, 500 * 2 ** Math.min(attempt - 1, 5))) * (0.75 + Math.random() * 0.5);
      reconnectTimer = setTimeout(connect, delay);
    });
  }

  /** The node is stopping (frame `reconnect`): go to another one at once; the session cookie stays valid. */
  let nodeStopping = false;
  function reconnectElsewhere() {
    nodeStopping = true;
    if (socket) socket.close(1000);
  }

  /** A refused handshake looks like any network error; ask the server whether we are still signed in. */
  async function sessionExpired() {
    try {
      const response = await fetch('/console.html', { method: 'HEAD', redirect: 'manual', cache: 'no-store', credentials: 'same-origin' });
      return response.type === 'opaqueredirect' || response.status === 401 || response.status === 403;
    } catch {
      return false; // the server is down: keep retrying
    }
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function setConnection(status) {
    const node = $('connection');
    node.dataset.status = status;
    node.textContent = status === 'open' ? 'Online' : status === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
  }

  // ---------------------------------------------------------------- frames
  /** What left the queue goes, what joined goes in at its place; every place then follows from the order. */
  function applyQueueUpdate(queue, update) {
    const removed = new Set(update.removed || []);
    const next = queue.filter((c) => !removed.has(c.conversationId));
    (update.added || []).forEach((c) => next.splice(c.position - 1, 0, c));
    return next.map((c, i) => ({ ...c, position: i + 1 }));
  }

  function handle(frame) {
    switch (frame.type) {
      case 'welcome': return onWelcome(frame);
      case 'queue': onQueue(frame); renderQueue(); return renderHeader();
      case 'queue_update': rememberVisitors(frame.added || []); state.queue = applyQueueUpdate(state.queue, frame); announceQueued(frame.added || []); renderQueue(); return renderHeader();
      case 'assigned': state.assigned = frame.conversations || []; rememberVisitors(state.assigned); renderMine(); renderAvailability(); return renderHeader();
      case 'agent_status': state.status = frame; return renderAvailability();
      case 'team': state.team = frame.agents || []; return renderTransferChoices();
      case 'visitor_presence': rememberVisitors([frame]); renderQueue(); renderMine(); renderHeader(); return state.current && renderCustomer();
      case 'assignment': return onAssignment(frame);
      case 'conversation':
        if (state.quietlyAssigned.delete(frame.conversationId)) { state.unread.add(frame.conversationId); return renderMine(); }
        return onConversation(frame);
      case 'customer': return onCustomer(frame);
      case 'message': return onMessage(frame);
      case 'state': return onState(frame);
      case 'typing': return onTyping(frame);
      case 'left_messages': state.leftMessages = frame.messages || []; renderLeftMessages(); return state.current && renderCustomer();
      case 'canned_responses': state.canned = { responses: frame.responses || [], canManageShared: !!frame.canManageShared }; return renderCanned();
      case 'error': return onError(frame);
      case 'reconnect': return reconnectElsewhere();
      default: return undefined;
    }
  }

  /** A `queue` frame after a reconnect may list newcomers; the first one only lists who was there already. */
  function onQueue(frame) {
    const before = new Set(state.queue.map(c => c.conversationId));
    state.queue = frame.conversations || [];
    rememberVisitors(state.queue);
    if (state.queueKnown) announceQueued(state.queue.filter(c => !before.has(c.conversationId)));
    state.queueKnown = true;
  }

  function onWelcome(frame) {
    state.me = frame.agent || null;
    state.timers = frame.timers || DEFAULT_TIMERS;
    state.teams = frame.teams || [];
    const me = $('me');
    me.replaceChildren('Signed in as ', el('strong', { text: (state.me && (state.me.name || state.me.username)) || 'agent' }),
      ...teamsLine());
    me.title = me.textContent;
  }

  /** With teams, which I am in — or, plainly, none (an agent from the directory whose groups map to no team, say). */
  function teamsLine() {
    if (!state.teams.length) return [];
    const mine = state.teams.filter(t => t.member).map(t => t.name);
    return [el('span', { class: 'my-teams', 'data-testid': 'my-teams',
      text: mine.length ? ' · ' + mine.join(', ') : ' · in no team' })];
  }

  /** My status and load ("2/5"): the load counts my conversations as the last `assigned` frame listed them. */
  function renderAvailability() {
    const s = state.status;
    if (!s) return;
    const select = $('status-select');
    select.disabled = false;
    select.value = s.status === 'away' ? 'away' : 'online';
    $('status-select').closest('.availability').dataset.status = select.value;
    const open = state.assigned.filter(c => c.state === 'WITH_AGENT').length;
    const load = $('load');
    load.textContent = `${open}/${s.capacity}`;
    load.classList.toggle('full', open >= s.capacity);
    load.setAttribute('aria-label', `${open} of at most ${s.capacity} conversations`);
  }

  const TEAM_STATUS = { online: 'online', away: 'away', offline: 'offline' };
  /** Colleagues in the transfer dialog; only those online and with room can be chosen. */
  function renderTransferChoices() {
    const select = $('transfer-to');
    const others = state.team.filter(a => !state.me || a.username !== state.me.username);
    const options = others.map(a => {
      const full = a.open >= a.capacity;
      const available = a.status === 'online' && !full;
      return el('option', { value: a.username, disabled: !available },
        `${a.name} — ${full && a.status === 'online' ? 'full' : TEAM_STATUS[a.status] || a.status}, ${a.open}/${a.capacity}`);
    });
    // Another team's queue: the conversation goes to its front, for whoever of that team takes it next.
    const teams = state.teams.filter(t => !state.current || t.name !== state.current.team)
      .map(t => el('option', { value: `team:${t.name}` }, `Team ${t.name} — to the front of its queue`));
    select.replaceChildren(...(options.length ? options : [el('option', { value: '', disabled: true }, 'Nobody else on the team')]),
      ...(teams.length ? [el('optgroup', { label: 'Teams' }, ...teams)] : []));
    const first = others.find(a => a.status === 'online' && a.open < a.capacity);
    select.value = first ? first.username : teams.length ? teams[0].value : '';
    $('transfer-send').disabled = !first && !teams.length;
  }

  function rememberVisitors(entries) {
    for (const c of entries) {
      // A customer on a messaging app has no chat open to be seen in: neither online nor gone.
      if (c.channel && c.channel !== 'widget') continue;
      if (typeof c.visitorOnline === 'boolean') state.visitors.set(c.conversationId, { online: c.visitorOnline, lastSeen: c.visitorLastSeen || null });
    }
  }

  /** A dot and "online" or "gone" (with when the visitor left): agents should know whether anyone will read them. */
  function visitorPresence(conversationId, testId) {
    const v = state.visitors.get(conversationId);
    if (!v) return null;
    const left = v.lastSeen ? `Visitor left at ${formatTime(v.lastSeen)}` : 'Visitor left';
    return el('span', {
      class: `presence ${v.online ? 'online' : 'gone'}`, 'data-testid': testId, 'data-online': String(v.online),
      title: v.online ? 'The visitor has the chat open' : left,
      'aria-label': v.online ? 'Visitor online' : left,
      text: v.online ? 'online' : 'gone',
    });
  }

  function onConversation(frame) {
    rememberVisitors([frame]);
    const previous = state.current && state.current.conversationId === frame.conversationId ? state.current : null;
    state.selectedId = frame.conversationId;
    state.current = {
      conversationId: frame.conversationId,
      state: frame.state,
      agentName: frame.agentName || null,
      channel: frame.channel || (previous && previous.channel) || null,
      summary: frame.summary || (previous && previous.summary) || null,
      history: frame.history || [],
      transcript: new Map((frame.transcript || []).map(m => [m.id, m])),
      suggestions: frame.suggestions || [],
      visitor: frame.visitor || null,
      visitorId: frame.visitorId || null,
      customer: frame.customer || null,
      team: frame.team || null,
    };
    for (const m of state.current.transcript.values()) if (m.clientMessageId) state.pending.delete(m.clientMessageId);
    state.unread.delete(frame.conversationId);
    renderConversation();
    renderQueue();
    renderMine();
  }

  /** An agent linked or unlinked the visitor: the customer and its history as they are now. */
  function onCustomer(frame) {
    const c = state.current;
    if (!c || c.conversationId !== frame.conversationId) return;
    c.customer = frame.customer || null;
    c.history = frame.history || [];
    $('link-value').value = '';
    renderCustomer();
    renderHistory();
  }

  function onMessage(frame) {
    const m = frame.message;
    if (!m) return;
    const mine = state.assigned.find(a => a.conversationId === frame.conversationId);
    if (mine) {
      // The unanswered timer runs from the visitor's first message after the agent's latest (docs/protocol.md).
      if (m.from === 'visitor' && !mine.unansweredSince) mine.unansweredSince = m.at;
      if (m.from === 'agent') mine.unansweredSince = null;
      if (m.from === 'visitor' && !seenMessages.has(`${frame.conversationId}/${m.id}`)) announceMessage(frame.conversationId, m);
    }
    seenMessages.add(`${frame.conversationId}/${m.id}`);
    const c = state.current;
    if (c && c.conversationId === frame.conversationId) {
      if (m.clientMessageId && state.pending.has(m.clientMessageId)) {
        state.pending.delete(m.clientMessageId);
        document.querySelector(`[data-pending="${CSS.escape(m.clientMessageId)}"]`)?.remove();
      }
      if (c.transcript.has(m.id)) return;
      c.transcript.set(m.id, m);
      if (m.from === 'visitor') hideTyping();
      appendLine(m);
      scrollTranscript();
      if (mine) renderMine();
    } else {
      state.unread.add(frame.conversationId);
      renderMine();
      renderQueue();
    }
  }
  /** Messages already shown or announced, by conversation and id: a resent or repeated frame is not news. */
  const seenMessages = new Set();

  function onState(frame) {
    const c = state.current;
    if (!c || c.conversationId !== frame.conversationId) return;
    c.state = frame.state;
    c.agentName = frame.agentName || null;
    renderConversationHeader();
    renderSummary();
  }

  let typingTimer;
  function onTyping(frame) {
    if (!state.current || state.current.conversationId !== frame.conversationId) return;
    $('typing').hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, VISITOR_TYPING_SHOWN_MS);
  }
  function hideTyping() {
    clearTimeout(typingTimer);
    $('typing').hidden = true;
  }

  /** Baton gave me a conversation of my team: it opens as if I had accepted it, unless I am in another one. */
  function onAssignment(frame) {
    if (state.current && state.current.conversationId !== frame.conversationId) state.quietlyAssigned.add(frame.conversationId);
    showNotice('Baton gave you a conversation from your team\'s queue.', 'info', 'assignment');
    notify('A conversation for you', 'Baton gave you a waiting visitor', frame.conversationId);
  }

  function onError(frame) {
    const messages = {
      already_taken: 'Another agent already took this conversation.',
      not_allowed: 'That is not possible in this conversation right now.',
      unknown_conversation: 'This conversation no longer exists.',
      at_capacity: 'You already have as many conversations as you may at once. Resolve or transfer one first.',
      unknown_agent: 'There is no such agent.',
      agent_offline: 'That agent is not online any more.',
      agent_away: 'That agent is away.',
      other_team: 'This conversation waits for a team you are not in.',
      unknown_team: 'There is no such team.',
      message_too_long: 'The reply is too long (at most 4,000 characters).',
      empty_message: 'The reply is empty.',
      internal: 'Something went wrong on the server. Please try again.',
      invalid_canned_response: frame.message,
      claimed_by_another: 'Another agent has taken this left message.',
      already_done: 'This left message was dealt with already.',
      no_email_contact: 'The visitor left no email address: handle it another way.',
      email_failed: 'The email could not be sent. Try again, or handle it another way.',
      email_not_configured: 'This installation sends no email: handle the message another way.',
      link_refused: `Not linked: ${frame.message}`,
    };
    if (['message_too_long', 'empty_message', 'not_allowed'].includes(frame.code) && state.pending.size) {
      const [clientMessageId, text] = [...state.pending.entries()].pop();
      state.pending.delete(clientMessageId);
      document.querySelector(`[data-pending="${CSS.escape(clientMessageId)}"]`)?.remove();
      const input = $('reply-input');
      if (!input.value) input.value = text;
    }
    showNotice(messages[frame.code] || frame.message || 'Something went wrong.', 'error', frame.code);
    if (frame.code === 'already_taken' && frame.conversationId) {
      send({ type: 'open', conversationId: frame.conversationId }); // show who has it now
    }
  }

  let noticeTimer;
  function showNotice(text, kind = 'error', code = '') {
    const notice = $('notice');
    notice.textContent = text;
    notice.className = kind === 'error' ? 'notice' : 'notice info';
    notice.dataset.code = code || '';
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { notice.hidden = true; }, 10000);
  }

  // ---------------------------------------------------------------- lists
  function channelChip(channel) {
    return channel && el('span', { class: `chip channel channel-${channel}`, 'data-testid': 'channel', title: 'Where the customer writes from',
      text: CHANNELS[channel] || channel });
  }

  function teamChip(team) {
    return team && el('span', { class: 'chip team', 'data-testid': 'team', title: 'Team', text: team });
  }

  function chipsFor(summary, channel, team) {
    if (!summary) return [teamChip(team), channelChip(channel)];
    return [
      teamChip(team),
      channelChip(channel),
      summary.reason && el('span', { class: `chip reason-${summary.reason}`, 'data-testid': 'reason', text: REASONS[summary.reason] || summary.reason }),
      summary.language && el('span', { class: 'chip', 'data-testid': 'language', title: languageLabel(summary.language), text: String(summary.language).toUpperCase() }),
      summary.mood && el('span', { class: `chip mood-${summary.mood}`, 'data-testid': 'mood', text: MOODS[summary.mood] || summary.mood }),
    ];
  }

  /**
   * A list entry: the list item, holding one button that opens the conversation (lists keep their structure). The
   * button is named by what it shows, plus a word for screen readers where colour says more (see tick()).
   */
  function entry(attrs, ...content) {
    const selected = attrs['data-conversation-id'] === state.selectedId;
    return el('li', { class: 'item', ...attrs, 'aria-current': selected ? 'true' : 'false' },
      el('button', { type: 'button', class: 'item-button', 'aria-current': selected ? 'true' : null,
        onclick: () => select(attrs['data-conversation-id']) }, ...content, el('span', { class: 'visually-hidden level-word' })));
  }

  /** A timer that ticks from a server instant (see tick()); `label` says what it counts, for screen readers too. */
  const timer = (since, label, testId) => el('span', {
    class: 'wait timer', 'data-since': since || '', 'data-label': label, 'data-testid': testId, text: elapsed(since),
  });

  function renderQueue() {
    const list = $('queue');
    list.replaceChildren(...state.queue.map((c) => {
      const s = c.summary || {};
      const since = c.waitingSince || s.waitingSince;
      return entry({ 'data-testid': 'queue-item', 'data-conversation-id': c.conversationId, 'data-team': c.team || '' },
        el('span', { class: 'item-top' },
          el('span', { class: 'position', text: `#${c.position}` }),
          el('span', { class: 'wants', dir: 'auto', 'data-testid': 'queue-wants', title: s.customerWants || '', text: s.customerWants || 'Conversation' }),
          visitorPresence(c.conversationId, 'queue-visitor'),
          timer(since, 'Waiting', 'queue-wait')),
        el('span', { class: 'chips' }, chipsFor(s, c.channel, c.team)));
    }));
    $('queue-count').textContent = state.queue.length;
    $('queue-count').classList.toggle('hot', state.queue.length > 0);
    $('queue-empty').hidden = state.queue.length > 0;
    renderTitle();
    tick();
  }

  function renderMine() {
    const list = $('mine');
    list.replaceChildren(...state.assigned.map((c) => {
      const s = c.summary || {};
      const unread = state.unread.has(c.conversationId);
      return entry({ 'data-testid': 'mine-item', 'data-conversation-id': c.conversationId, 'data-unread': String(unread), 'data-team': c.team || '' },
        el('span', { class: 'item-top' },
          unread && el('span', { class: 'unread-dot', title: 'New message' }, el('span', { class: 'visually-hidden', text: 'New message:' })),
          el('span', { class: 'wants', dir: 'auto', title: s.customerWants || '', text: s.customerWants || 'Conversation' }),
          visitorPresence(c.conversationId, 'mine-visitor'),
          // Under "My conversations" every one is with its agent: only another state is news.
          c.state !== 'WITH_AGENT' && el('span', { class: `chip state-${c.state}`, text: STATES[c.state] || c.state })),
        el('span', { class: 'timers' },
          timer(c.waitingSince || s.waitingSince, 'Since handoff', 'mine-waiting'),
          c.unansweredSince ? timer(c.unansweredSince, 'Unanswered', 'mine-unanswered')
            : el('span', { 'data-testid': 'mine-unanswered', 'data-since': '', text: 'Answered' })),
        el('span', { class: 'chips' }, chipsFor(s, c.channel, c.team)));
    }));
    $('mine-count').textContent = state.assigned.length;
    $('mine-empty').hidden = state.assigned.length > 0;
    renderTitle();
    tick();
  }

  const LEFT_DONE = ['emailed', 'handled'];
  const looksLikeEmail = (contact) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(contact || '').trim());

  /** "3 min", "2 h", "4 days": how long a left message has waited, at a glance. */
  function age(iso) {
    const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));
    if (minutes < 60) return `${minutes} min`;
    if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
    return `${Math.floor(minutes / (24 * 60))} days`;
  }

  function leftStatus(m) {
    const who = m.agent === (state.me && state.me.username) ? 'you' : m.agent;
    switch (m.status) {
      case 'claimed': return `Taken by ${who} at ${formatDate(m.since)}`;
      case 'emailed': return `Answered by email by ${who} at ${formatDate(m.since)}`;
      case 'handled': return `Handled by ${who} at ${formatDate(m.since)}: ${m.note || ''}`;
      default: return `Open for ${age(m.at)}`;
    }
  }

  /**
   * One left message: what the visitor wrote, where the agents are with it, and what this agent can do now — take
   * it, answer it by email (when the visitor gave an address), or note how it was handled.
   */
  function leftMessageItem(m) {
    const done = LEFT_DONE.includes(m.status);
    const mine = m.status === 'claimed' && state.me && m.agent === state.me.username;
    const actions = el('div', { class: 'left-actions' });
    const form = el('form', { class: 'left-form', 'data-testid': 'left-form', hidden: true });
    const openForm = (kind, draft = '', focus = true) => {
      state.leftForm = { id: m.id, kind };
      const field = kind === 'email'
        ? el('textarea', { 'aria-label': `Email answer to ${m.contact}`, 'data-testid': 'left-email-text', rows: '4', required: true, dir: 'auto' })
        : el('input', { type: 'text', 'aria-label': 'How it was handled', 'data-testid': 'left-note', required: true,
          placeholder: 'e.g. called back, refund confirmed' });
      form.replaceChildren(field,
        el('div', { class: 'left-form-buttons' },
          el('button', { type: 'submit', class: 'primary', 'data-testid': 'left-submit', text: kind === 'email' ? 'Send email' : 'Mark handled' }),
          el('button', { type: 'button', 'data-testid': 'left-cancel', text: 'Cancel',
            onclick: () => { form.hidden = true; state.leftForm = null; } })));
      field.value = draft;
      // Kept across re-renders: every change anyone makes to a left message redraws the list.
      field.addEventListener('input', () => { if (state.leftForm) state.leftForm.draft = field.value; });
      form.onsubmit = (event) => {
        event.preventDefault();
        const value = field.value.trim();
        if (!value) return;
        send(kind === 'email' ? { type: 'email_left_message', id: m.id, text: value }
          : { type: 'close_left_message', id: m.id, note: value });
        form.hidden = true;
        state.leftForm = null;
      };
      form.hidden = false;
      if (focus) field.focus();
    };
    if (m.status === 'open') {
      actions.append(el('button', { type: 'button', 'data-testid': 'left-claim', text: 'Take it',
        onclick: () => send({ type: 'claim_left_message', id: m.id }) }));
    }
    if (mine && looksLikeEmail(m.contact)) {
      actions.append(el('button', { type: 'button', 'data-testid': 'left-email', text: 'Answer by email', onclick: () => openForm('email') }));
    }
    if (mine) {
      actions.append(el('button', { type: 'button', 'data-testid': 'left-handled', text: 'Handled another way', onclick: () => openForm('note') }));
    }
    if (m.conversationId) {
      actions.append(el('button', { type: 'button', 'data-testid': 'left-open', text: 'Open conversation',
        onclick: () => select(m.conversationId) }));
    }
    if (mine && state.leftForm && state.leftForm.id === m.id) openForm(state.leftForm.kind, state.leftForm.draft || '', false);
    return el('li', { class: done ? 'item left-item done' : 'item left-item', 'data-testid': 'left-message', 'data-status': m.status },
      el('div', { class: 'left-text', dir: 'auto', text: m.text }),
      el('div', { class: 'left-meta' },
        el('span', { dir: 'auto', text: m.contact ? `Contact: ${m.contact}` : (done ? 'Contact forgotten or none given' : 'No contact given') }),
        m.language && el('span', { text: languageLabel(m.language) }),
        el('time', { datetime: m.at, text: formatDate(m.at) })),
      el('div', { class: `left-status status-${m.status}`, 'data-testid': 'left-status', text: leftStatus(m) }),
      done ? null : actions,
      form);
  }

  function renderLeftMessages() {
    const list = $('left-messages');
    // The work still to do first, newest first; what is done below it.
    const sorted = [...state.leftMessages].sort((a, b) =>
      (LEFT_DONE.includes(a.status) - LEFT_DONE.includes(b.status)) || String(b.at).localeCompare(String(a.at)));
    list.replaceChildren(...sorted.map(leftMessageItem));
    const open = state.leftMessages.filter(m => !LEFT_DONE.includes(m.status)).length;
    $('left-count').textContent = open;
    $('left-empty').hidden = state.leftMessages.length > 0;
  }

  function renderHeader() {
    // Keep the selected conversation's buttons right when the lists change (e.g. after accept).
    if (state.current) renderConversationHeader();
  }

  /** Opens a conversation from the lists: any way back through the visitor's history is forgotten. */
  function select(conversationId, focusReply = false) {
    state.trail = [];
    focusReplyOnOpen = focusReply;
    show(conversationId);
  }
  /**
   * Keyboard users who go to the next conversation, or accept one, land in its reply box once they may write there
   * (after an accept, once the `assigned` frame says it is theirs).
   */
  let focusReplyOnOpen = false;

  /** Reads one of the visitor's earlier conversations, remembering where the agent came from. */
  function openEarlier(entry) {
    state.trail.push({ back: state.current.conversationId, startedAt: entry.startedAt });
    show(entry.conversationId);
  }

  function goBack() {
    const step = state.trail.pop();
    if (step) show(step.back);
  }

  function show(conversationId) {
    state.selectedId = conversationId;
    state.unread.delete(conversationId);
    $('notice').hidden = true;
    send({ type: 'open', conversationId });
    renderQueue();
    renderMine();
  }

  // ---------------------------------------------------------------- the selected conversation
  function renderConversation() {
    $('placeholder').hidden = true;
    $('conversation').hidden = false;
    $('conversation').dataset.conversationId = state.current.conversationId;
    hideTyping();
    renderConversationHeader();
    renderSummary();
    renderHistory();
    renderCustomer();
    renderTrail();
    renderSuggestions();
    const transcript = $('transcript');
    transcript.replaceChildren();
    [...state.current.transcript.values()].sort((a, b) => a.id - b.id).forEach(appendLine);
    for (const [clientMessageId, text] of state.pending) {
      // Pending replies are only shown in the conversation they were written in.
      if (pendingIn.get(clientMessageId) === state.current.conversationId) transcript.append(pendingLine(clientMessageId, text));
    }
    scrollTranscript(true);
  }

  function renderConversationHeader() {
    const c = state.current;
    if (!c) return;
    const summary = c.summary || {};
    $('conv-title').textContent = summary.customerWants || 'Conversation';
    const badge = $('conv-state');
    badge.textContent = STATES[c.state] || c.state;
    badge.className = `state chip state-${c.state}`;
    badge.dataset.state = c.state;
    $('conv-channel').replaceChildren(channelChip(c.channel) || '');
    // Only where someone may write to the visitor: a past conversation's visitor is not "gone" from it.
    const withPeople = c.state === 'WAITING_FOR_AGENT' || c.state === 'WITH_AGENT';
    $('conv-visitor').replaceChildren((withPeople && visitorPresence(c.conversationId, 'conversation-visitor')) || '');
    const mine = isMine(c.conversationId);
    $('conv-owner').textContent = c.state === 'WITH_AGENT' && c.agentName ? (mine ? 'You are talking to this visitor' : `Assigned to ${c.agentName}`) : '';
    $('accept').hidden = c.state !== 'WAITING_FOR_AGENT';
    $('hand-back').hidden = !(mine && c.state === 'WITH_AGENT');
    $('transfer').hidden = !(mine && c.state === 'WITH_AGENT');
    $('resolve').hidden = !(mine && c.state === 'WITH_AGENT');
    renderComposer();
    $('conversation').dataset.state = c.state;
  }

  /** Notes can be added to any conversation; replies only to the agent's own, while they have it. */
  function renderComposer() {
    const c = state.current;
    const noting = composerMode() === 'note';
    const canWrite = noting || (isMine(c.conversationId) && c.state === 'WITH_AGENT');
    const input = $('reply-input');
    $('reply').dataset.mode = noting ? 'note' : 'reply';
    input.disabled = !canWrite;
    if (focusReplyOnOpen && canWrite) {
      focusReplyOnOpen = false;
      input.focus();
    }
    $('reply-send').disabled = !canWrite;
    $('reply-send').textContent = noting ? 'Add note' : 'Send';
    $('reply-label').textContent = noting ? 'Internal note, only agents see it' : 'Reply to the visitor';
    $('reply-hint').textContent = noting ? 'Only agents see notes · Enter adds it'
      : 'Enter sends · Shift+Enter adds a line';
    input.placeholder = noting ? 'Write an internal note — the visitor never sees it'
      : canWrite ? 'Write a reply…'
        : c.state === 'WAITING_FOR_AGENT' ? 'Accept the conversation to reply'
          : c.state === 'RESOLVED' ? 'This conversation is resolved'
            : c.state === 'BOT' ? 'The bot is handling this conversation'
              : `Assigned to ${c.agentName || 'another agent'}`;
    for (const button of $('suggestion-list').querySelectorAll('button')) button.disabled = !canWrite;
  }

  const composerMode = () => $('reply').elements['reply-mode'].value;

  /** The intent database's answers for what the bot thought the visitor wanted: one click puts one in the box. */
  function renderSuggestions() {
    const suggestions = state.current.suggestions || [];
    $('suggestions').hidden = suggestions.length === 0;
    $('suggestion-list').replaceChildren(...suggestions.map(s => el('li', {},
      el('button', { type: 'button', class: 'suggestion', 'data-testid': 'suggestion', 'data-intent': s.intent, onclick: () => insertIntoReply(s.text) },
        el('span', { class: 'suggestion-title', dir: 'auto', text: s.title }),
        el('span', { class: 'suggestion-text', dir: 'auto', text: s.text })))));
    renderComposer();
  }

  /** Puts {@code text} where the cursor is in the reply box (in place of any selection), for the agent to edit. */
  function insertIntoReply(text, from = null) {
    const input = $('reply-input');
    if (input.disabled) return;
    const start = from ?? input.selectionStart;
    const end = input.selectionEnd;
    input.setRangeText(text, start, end, 'end');
    input.focus();
    input.dispatchEvent(new Event('input'));
  }

  function field(title, content, attrs = {}) {
    return el('div', { class: `field ${attrs.wide ? 'wide' : ''}`, 'data-testid': attrs.testid || null },
      el('h3', { text: title }), content);
  }

  function renderSummary() {
    const box = $('summary');
    const s = state.current.summary;
    $('summary-box').hidden = false;
    // Folded, the summary is one line of chips.
    $('summary-line').replaceChildren(...(s ? chipsFor(s) : [el('span', { class: 'chip', text: 'None' })]));
    if (!s) {
      box.replaceChildren(el('p', { class: 'no-summary', text: 'No handoff summary: this conversation never asked for a person.' }));
      return;
    }
    const intents = (s.intents || []).length
      ? el('ul', { 'data-testid': 'summary-intents' }, s.intents.map(i => el('li', { class: 'intent-row', 'data-intent': i.intent },
        el('span', { title: i.title || i.intent, text: i.title || i.intent }),
        el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { style: { width: `${Math.round((i.confidence || 0) * 100)}%` } })),
        el('span', { class: 'pct', text: percent(i.confidence) }))))
      : el('p', { text: 'None' });
    const details = (s.details || []).length
      ? el('ul', { class: 'details', 'data-testid': 'summary-details' }, s.details.map(d => el('li', {},
        el('span', { class: 'kind', text: `${DETAIL_KINDS[d.kind] || d.kind}: ` }), el('span', { class: 'value', dir: 'auto', text: d.value }))))
      : el('p', { text: 'Nothing yet' });
    const moodText = (MOODS[s.mood] || s.mood || 'Unknown')
      + ((s.moodSignals || []).length ? ` — ${s.moodSignals.join(', ')}` : '');
    const since = s.waitingSince;
    box.replaceChildren(
      field('Why handed off', el('div', {},
        el('span', { class: `chip reason-${s.reason}`, 'data-testid': 'summary-reason', text: REASONS[s.reason] || s.reason || '—' }),
        s.reasonText && el('p', { class: 'reason-text', text: s.reasonText }))),
      field('Intents considered', intents),
      field('Language', el('p', { 'data-testid': 'summary-language', text: languageLabel(s.language) + (s.languageNote ? ` — ${s.languageNote}` : '') })),
      field('Mood', el('p', {}, el('span', { class: `chip mood-${s.mood}`, 'data-testid': 'summary-mood', text: moodText }))),
      field('Details already given', details),
      field('Bot already answered', el('p', { text: (s.botTried || []).join(', ') || 'Nothing' })),
      state.current.state === 'WAITING_FOR_AGENT'
        ? field('Waiting for a person', el('p', {},
          el('span', { class: 'wait', 'data-since': since || '', 'data-testid': 'summary-wait', text: elapsed(since) }),
          since ? el('span', { class: 'reason-text', text: ` since ${formatTime(since)}` }) : null))
        : field('Asked for a person', el('p', { 'data-testid': 'summary-wait', text: since ? `at ${formatTime(since)}` : '—' })),
      field('Previous conversations', el('p', { 'data-testid': 'summary-previous', text: String(s.previousConversations ?? 0) })),
    );
    tick();
  }

  /** Browser and device from the user agent the widget sent: a rough reading, enough to picture the visitor's screen. */
  function browserAndDevice(userAgent) {
    if (!userAgent) return null;
    const browser = [[/Edg\//, 'Edge'], [/OPR\//, 'Opera'], [/SamsungBrowser\//, 'Samsung Internet'], [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'], [/Safari\//, 'Safari']].find(([pattern]) => pattern.test(userAgent));
    const system = [[/iPhone|iPad|iPod/, 'iOS'], [/Android/, 'Android'], [/Windows/, 'Windows'], [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']].find(([pattern]) => pattern.test(userAgent));
    const device = /iPad|Tablet/.test(userAgent) ? 'tablet' : /Mobi|iPhone|Android/.test(userAgent) ? 'phone' : 'computer';
    return { browser: browser ? browser[1] : 'Unknown browser', device: `${device}${system ? `, ${system[1]}` : ''}` };
  }

  /** The visitor's local time now, in the time zone their browser reported. */
  function localTime(timeZone) {
    if (!timeZone) return null;
    try {
      return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', weekday: 'short', timeZone }).format(new Date());
    } catch { return null; }
  }

  /** Strips the scheme of an address for reading; the whole address stays in the link's title. */
  const pageLabel = (url) => url.replace(/^https?:\/\//, '');

  /** Who the visitor is, as far as their browser told the widget, and what they did before. */
  function renderCustomer() {
    const c = state.current;
    const v = c.visitor || {};
    const row = (term, testId, ...value) => [el('dt', { text: term }), el('dd', { 'data-testid': testId }, ...value)];
    const quiet = (text) => el('span', { class: 'quiet', text });
    const page = (url) => (url ? el('span', { dir: 'ltr', title: url, text: pageLabel(url) }) : quiet('Not known'));
    const seen = state.visitors.get(c.conversationId);
    const device = browserAndDevice(v.userAgent);
    const time = localTime(v.timeZone);
    const ids = new Set([c.conversationId, ...(c.history || []).map(h => h.conversationId)]);
    const left = state.leftMessages.filter(m => ids.has(m.conversationId));
    const ratings = (c.history || []).filter(h => h.rating);
    $('customer').replaceChildren(
      ...row('Language', 'customer-language', (c.summary && c.summary.language) || v.language ? languageLabel((c.summary && c.summary.language) || v.language) : quiet('Not known')),
      ...row('Still there', 'customer-presence', seen ? (seen.online ? 'Yes, the chat is open'
        : seen.lastSeen ? `No, left at ${formatTime(seen.lastSeen)}` : 'No') : quiet('Not known')),
      ...row('Page', 'customer-page', page(v.page)),
      ...row('Came from', 'customer-referrer', page(v.referrer)),
      ...row('Browser', 'customer-browser', device ? device.browser : quiet('Not known')),
      ...row('Device', 'customer-device', device ? device.device : quiet('Not known')),
      ...row('Local time', 'customer-time', time ? el('span', { 'data-time-zone': v.timeZone, title: v.timeZone, text: time }) : quiet('Not known')),
      ...row('Left messages', 'customer-left', left.length
        ? el('ul', {}, left.map(m => el('li', { dir: 'auto', text: `${formatDate(m.at)}: ${m.text}` }))) : quiet('None')),
      ...row('Past ratings', 'customer-ratings', ratings.length
        ? el('ul', {}, ratings.map(h => el('li', { dir: 'auto', text: `${formatDate(h.startedAt)}: ${h.rating.score}/5${h.rating.comment ? ` — ${h.rating.comment}` : ''}` })))
        : quiet('None')),
    );
    $('customer-linked').replaceChildren(...linkedVisitors(c));
  }

  /**
   * The customer's visitors, each on its channel, with a way to unlink it (this conversation's own included: the one
   * to unlink when an agent linked it by mistake, since a channel that vouches for a contact links its visitor again).
   */
  function linkedVisitors(c) {
    const visitors = (c.customer && c.customer.visitors) || [];
    if (visitors.length < 2) {
      return [
        el('code', { 'data-testid': 'customer-visitor-id', title: 'This visitor\'s id', text: c.visitorId || '' }),
        el('p', { class: 'quiet', text: 'Not linked to another channel' }),
      ];
    }
    return [el('ul', {}, visitors.map(v => el('li', { class: 'linked', 'data-testid': 'linked-visitor' },
      channelChip(v.channel),
      el('code', { text: v.visitorId === c.visitorId ? `${v.visitorId} (this conversation)` : v.visitorId }),
      el('button', {
        type: 'button', class: 'secondary unlink', 'data-testid': 'unlink', text: 'Unlink',
        'aria-label': `Unlink ${v.visitorId}`,
        onclick: () => send({ type: 'unlink_customer', conversationId: c.conversationId, visitorId: v.visitorId }),
      }))))];
  }

  function renderHistory() {
    const history = state.current.history || [];
    $('history').hidden = history.length === 0;
    $('history-list').replaceChildren(...history.map(h => el('li', {},
      el('button', {
        type: 'button', onclick: () => openEarlier(h), 'data-testid': 'history-item',
        'data-conversation-id': h.conversationId, title: 'Read this conversation',
      },
      el('time', { datetime: h.startedAt, 'data-testid': 'history-started', text: formatDate(h.startedAt) }),
      channelChip(h.channel || 'widget'),
      el('span', { class: `chip state-${h.state}`, 'data-testid': 'history-state', text: STATES[h.state] || h.state }),
      el('span', { class: 'first', dir: 'auto', 'data-testid': 'history-first', text: h.firstMessage || '(the visitor wrote nothing)' })))));
  }

  /** While the agent reads an earlier conversation, the way back to the one they came from. */
  function renderTrail() {
    const step = state.trail[state.trail.length - 1];
    $('trail').hidden = !step;
    // Reading the past: the transcript gets the room, and there is nothing to reply to.
    $('reply').hidden = Boolean(step);
    $('summary-box').open = !step;
    if (step) $('trail-text').textContent = `An earlier conversation of this customer, started ${formatDate(step.startedAt)}. Read only.`;
  }

  function whoLabel(m) {
    if (m.from === 'visitor') return 'Visitor';
    if (m.from === 'bot') return 'Bot';
    if (m.from === 'agent') return m.agentName || 'Agent';
    if (m.from === 'note') return m.agentName || 'Agent';
    return null;
  }

  const DECISION_KINDS = { answer: 'Answered', clarify: 'Asked which was meant', not_understood: 'Did not understand', hand_off: 'Handed off' };
  const number = (x) => (x == null ? '—' : x.toFixed(2));

  /** Why the bot wrote a message, folded under it: what it decided, on which intent, how sure, and its reason. */
  function decisionDetail(d) {
    const row = (label, testId, value) => [el('dt', { text: label }), el('dd', { 'data-testid': testId, dir: 'auto', text: value })];
    return el('details', { class: 'why', 'data-testid': 'decision' },
      el('summary', { 'data-testid': 'decision-toggle', title: 'Why the bot said this' }, 'Why'),
      el('dl', {},
        row('Decision', 'decision-kind', DECISION_KINDS[d.kind] || d.kind),
        row('Intent', 'decision-intent', d.intent || '—'),
        row('Confidence', 'decision-confidence', number(d.confidence)),
        row('Lead over the next', 'decision-margin', number(d.margin)),
        row('Reason', 'decision-reason', d.reason)));
  }

  function appendLine(m) {
    const line = el('li', { class: `line from-${m.from}`, 'data-testid': 'transcript-message', 'data-from': m.from, 'data-id': String(m.id) });
    if (m.from === 'note') line.append(noteLabel());
    if (m.from !== 'system') {
      line.append(el('span', { class: 'who' }, el('span', { dir: 'auto', text: whoLabel(m) }), el('time', { datetime: m.at, text: formatTime(m.at) })));
    }
    line.append(el('div', { class: 'text', dir: 'auto', 'data-testid': 'transcript-text', text: m.text }));
    if ((m.quickReplies || []).length) {
      line.append(el('div', { class: 'qr', title: 'Buttons offered to the visitor' }, m.quickReplies.map(q => el('span', { dir: 'auto', text: q.label }))));
    }
    if (m.decision) line.append(decisionDetail(m.decision));
    const transcript = $('transcript');
    const later = [...transcript.children].find(n => !n.dataset.pending && Number(n.dataset.id) > m.id)
      || transcript.querySelector('[data-pending]');
    transcript.insertBefore(line, later || null);
  }

  /** Said in words, not only in colour: the visitor never sees what is marked so. */
  const noteLabel = () => el('span', { class: 'note-label', 'data-testid': 'note-label' }, 'Internal note');

  const pendingIn = new Map(); // clientMessageId -> conversationId
  const pendingNotes = new Set(); // clientMessageIds of notes among the pending
  function pendingLine(clientMessageId, text) {
    const note = pendingNotes.has(clientMessageId);
    return el('li', { class: `line ${note ? 'from-note' : 'from-agent'} pending`, 'data-pending': clientMessageId },
      note && noteLabel(), el('div', { class: 'text', dir: 'auto', text }));
  }

  // Stay pinned to the newest message unless the agent scrolled up to read, also when the layout changes.
  let stickToBottom = true;
  $('scroller').addEventListener('scroll', () => {
    const s = $('scroller');
    stickToBottom = s.scrollHeight - s.scrollTop - s.clientHeight < 48;
  });
  if (window.ResizeObserver) new ResizeObserver(() => { if (stickToBottom) $('scroller').scrollTop = $('scroller').scrollHeight; }).observe($('scroller'));

  function scrollTranscript(instant) {
    stickToBottom = true;
    const scroller = $('scroller');
    requestAnimationFrame(() => scroller.scrollTo({ top: scroller.scrollHeight, behavior: instant ? 'auto' : 'smooth' }));
  }

  // ---------------------------------------------------------------- actions
  let replyCounter = 0;
  // getRandomValues, not randomUUID: the latter needs a secure context, and a console may be served over plain http.
  const randomHex = () => [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
  function sendReply() {
    const input = $('reply-input');
    const text = input.value.trim();
    const c = state.current;
    if (!c || !text) return;
    if (text.length > 4000) { showNotice('The reply is too long (at most 4,000 characters).'); return; }
    const noting = composerMode() === 'note';
    // Random, not counted: a visitor who resent a note's id would be acknowledged with nothing, but need not guess.
    const clientMessageId = noting ? `n-${randomHex()}` : `a-${Date.now().toString(36)}-${(replyCounter++).toString(36)}`;
    if (!send({ type: noting ? 'note' : 'message', conversationId: c.conversationId, text, clientMessageId })) {
      showNotice(`Not connected — your ${noting ? 'note' : 'reply'} was not sent. It is still in the box.`);
      return;
    }
    if (noting) pendingNotes.add(clientMessageId);
    state.pending.set(clientMessageId, text);
    pendingIn.set(clientMessageId, c.conversationId);
    $('transcript').append(pendingLine(clientMessageId, text));
    scrollTranscript();
    input.value = '';
    lastTypingSent = 0;
  }

  $('reply').addEventListener('submit', (event) => { event.preventDefault(); sendReply(); });
  let lastTypingSent = 0;
  $('reply-input').addEventListener('keydown', (event) => {
    if ((event.key === 'Tab' || event.key === 'Enter') && !event.shiftKey && !event.isComposing && expandShortcut()) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendReply();
    }
  });
  for (const radio of $('reply').elements['reply-mode']) radio.addEventListener('change', () => { if (state.current) renderComposer(); });
  $('reply-input').addEventListener('input', () => {
    const c = state.current;
    // The visitor is not told that someone is writing a note.
    if (!c || !$('reply-input').value.trim() || composerMode() === 'note') return;
    if (Date.now() - lastTypingSent > TYPING_THROTTLE_MS) {
      lastTypingSent = Date.now();
      send({ type: 'typing', conversationId: c.conversationId });
    }
  });
  const act = (type) => () => {
    if (!state.current) return;
    $('notice').hidden = true;
    if (!send({ type, conversationId: state.current.conversationId })) showNotice('Not connected. Try again in a moment.');
  };
  $('trail-back').addEventListener('click', goBack);
  $('accept').addEventListener('click', () => { focusReplyOnOpen = true; act('accept')(); });
  $('hand-back').addEventListener('click', act('hand_back'));
  $('resolve').addEventListener('click', act('resolve'));

  // ---------------------------------------------------------------- canned responses
  const conversationLanguage = () => (state.current && state.current.summary && state.current.summary.language) || null;

  /**
   * The text with the conversation's variables filled (docs/protocol.md): the agent's name, the order number the
   * summary found (left as {order_number} for the agent to fill when none was) and the visitor's name, which Baton
   * does not know yet, so the placeholder goes with the comma or space before it ("Hi {visitor_name}," → "Hi,").
   */
  function fillCanned(text) {
    const details = (state.current && state.current.summary && state.current.summary.details) || [];
    const order = details.find(d => d.kind === 'order_number');
    const agentName = state.me && (state.me.name || state.me.username);
    let filled = text.replace(/\{agent_name\}/g, agentName || '');
    if (order) filled = filled.replace(/\{order_number\}/g, order.value);
    return filled.replace(/,?[ \t]*\{visitor_name\}/g, '').replace(/^[,;:][ \t]*/, '');
  }

  /** The canned response for a shortcut: in the visitor's language if there is one, the agent's own first. */
  function cannedFor(shortcut) {
    const matching = state.canned.responses.filter(r => r.shortcut === shortcut);
    return matching.find(r => r.language === conversationLanguage()) || matching[0] || null;
  }

  /** "/refund" just before the cursor, followed by Tab or Enter: the shortcut becomes its text. */
  function expandShortcut() {
    const input = $('reply-input');
    if (input.disabled || input.selectionStart !== input.selectionEnd) return false;
    const typed = input.value.slice(0, input.selectionStart).match(/(?:^|\s)\/([a-z0-9][a-z0-9_-]*)$/);
    const response = typed && cannedFor(typed[1]);
    if (!response) return false;
    insertIntoReply(fillCanned(response.text), input.selectionStart - typed[1].length - 1);
    return true;
  }

  function renderCanned() {
    const filter = $('canned-filter').value.trim().toLowerCase();
    const shown = state.canned.responses.filter(r => !filter || r.shortcut.includes(filter.replace(/^\//, ''))
      || r.text.toLowerCase().includes(filter));
    const language = conversationLanguage();
    $('canned-list').replaceChildren(...shown.map(r => el('li', { class: 'canned-item', 'data-testid': 'canned-item', 'data-shortcut': r.shortcut, 'data-language': r.language, 'data-scope': r.scope },
      el('button', { type: 'button', class: 'canned-use', 'data-testid': 'canned-use', onclick: () => useCanned(r),
        title: language && r.language !== language ? `In ${languageLabel(r.language)}, not the visitor's language` : 'Put it in the reply box' },
        el('span', { class: 'canned-shortcut', text: `/${r.shortcut}` }),
        el('span', { class: 'chip', text: r.language.toUpperCase() }),
        el('span', { class: `chip scope-${r.scope}`, text: r.scope === 'shared' ? 'Shared' : 'Mine' }),
        el('span', { class: 'canned-text', dir: 'auto', text: r.text })),
      (r.scope === 'personal' || state.canned.canManageShared) && el('button', {
        type: 'button', class: 'ghost-dark', 'data-testid': 'canned-delete', 'aria-label': `Delete /${r.shortcut} (${r.language})`,
        onclick: () => send({ type: 'delete_canned', scope: r.scope, language: r.language, shortcut: r.shortcut }),
      }, 'Delete'))));
    $('canned-empty').hidden = shown.length > 0;
    $('canned-scope-shared').hidden = !state.canned.canManageShared;
    $('canned-scope-shared').disabled = !state.canned.canManageShared;
  }

  function useCanned(response) {
    closeCanned();
    insertIntoReply(fillCanned(response.text));
  }

  function openCanned() {
    send({ type: 'canned_responses' }); // what others changed since, on any node
    $('canned-panel').hidden = false;
    $('canned-open').setAttribute('aria-expanded', 'true');
    if (conversationLanguage()) $('canned-language').value = conversationLanguage();
    renderCanned();
    $('canned-filter').focus();
  }

  function closeCanned() {
    $('canned-panel').hidden = true;
    $('canned-open').setAttribute('aria-expanded', 'false');
    $('reply-input').focus();
  }

  $('canned-open').addEventListener('click', () => ($('canned-panel').hidden ? openCanned() : closeCanned()));
  $('canned-close').addEventListener('click', closeCanned);
  $('canned-filter').addEventListener('input', renderCanned);
  $('canned-panel').addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.preventDefault(); closeCanned(); } });
  $('canned-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const frame = {
      type: 'save_canned', scope: $('canned-scope').value, language: $('canned-language').value.trim(),
      shortcut: $('canned-shortcut').value.trim().replace(/^\//, ''), text: $('canned-text').value.trim(),
    };
    if (send(frame)) { $('canned-shortcut').value = ''; $('canned-text').value = ''; }
    else showNotice('Not connected. Try again in a moment.');
  });

  $('status-select').addEventListener('change', (event) => {
    if (!send({ type: 'set_status', status: event.target.value })) showNotice('Not connected. Try again in a moment.');
  });

  const transferDialog = $('transfer-dialog');
  $('transfer').addEventListener('click', () => {
    if (!state.current) return;
    $('transfer-note').value = '';
    renderTransferChoices();
    send({ type: 'team' });
    transferDialog.showModal();
  });
  $('transfer-cancel').addEventListener('click', () => transferDialog.close());
  $('transfer-form').addEventListener('submit', (event) => {
    const to = $('transfer-to').value;
    if (!state.current || !to) { event.preventDefault(); return; }
    const note = $('transfer-note').value.trim();
    const frame = to.startsWith('team:')
      ? { type: 'transfer', conversationId: state.current.conversationId, team: to.slice('team:'.length) }
      : { type: 'transfer', conversationId: state.current.conversationId, to };
    if (note) frame.note = note;
    if (!send(frame)) showNotice('Not connected. Try again in a moment.');
  });

  $('link-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('link-value').value.trim();
    if (!state.current || !value) return;
    const frame = { type: 'link_customer', conversationId: state.current.conversationId, by: $('link-by').value, value };
    if (!send(frame)) showNotice('Not connected. Try again in a moment.');
  });

  // Tabs (arrow keys move between them, as the ARIA tabs pattern expects).
  const tabs = [$('tab-conversations'), $('tab-left')];
  const showTab = (tab) => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !selected;
    }
    if (tab.id === 'tab-left') send({ type: 'left_messages' });
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => showTab(tab));
    tab.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const next = tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        showTab(next);
        next.focus();
      }
    });
  });

  /** The thresholds of a conversation's team: its own, or the installation's. */
  const timersOf = (team) => (team && (state.teams.find(t => t.name === team) || {}).timers) || state.timers;
  /** ok, amber or red: how long someone has waited against the thresholds the server gave. */
  const levelOf = (seconds, timers) => (seconds >= timers.redSeconds ? 'red' : seconds >= timers.amberSeconds ? 'amber' : 'ok');
  const LEVEL_WORDS = { ok: '', amber: ' (late)', red: ' (very late)' };

  // Timers tick every second, here in the browser, from the instants the server sent: no frame per second.
  function tick() {
    const itemLevels = new Map();
    for (const node of document.querySelectorAll('.wait[data-since]')) {
      const since = node.dataset.since;
      if (!since || isNaN(Date.parse(since))) continue;
      const item = node.closest('.item');
      const level = levelOf((Date.now() - Date.parse(since)) / 1000, timersOf(item && item.dataset.team));
      const label = node.dataset.label;
      node.textContent = label && node.closest('.timers') ? `${label} ${elapsed(since)}` : elapsed(since);
      node.dataset.level = level;
      node.title = `${label || 'Waiting'} for ${elapsed(since)}${LEVEL_WORDS[level]}`;
      // An open conversation's colour follows its unanswered timer: the time since the handoff only grows.
      if (item && (item.dataset.testid !== 'mine-item' || node.dataset.testid === 'mine-unanswered')) itemLevels.set(item, level);
    }
    for (const item of document.querySelectorAll('.item[data-level]')) {
      if (!itemLevels.has(item)) { delete item.dataset.level; item.querySelector('.level-word').textContent = ''; }
    }
    for (const [item, level] of itemLevels) {
      if (level === 'ok') delete item.dataset.level; else item.dataset.level = level;
      item.querySelector('.level-word').textContent = LEVEL_WORDS[level];
    }
  }
  setInterval(tick, 1000);
  // The visitor's local time changes by the minute.
  setInterval(() => { if (state.current && !$('conversation').hidden) renderCustomer(); }, 30000);

  // ---------------------------------------------------------------- keyboard
  const helpDialog = $('help-dialog');
  $('help-open').addEventListener('click', () => helpDialog.showModal());
  const typingInto = (target) => target.closest('input, textarea, select, [contenteditable="true"]');

  /** The next (or previous) of my conversations, unread ones first, wrapping around. */
  function nextConversation(step) {
    const unread = state.assigned.filter(c => state.unread.has(c.conversationId) && c.conversationId !== state.selectedId);
    if (step > 0 && unread.length) return unread[0].conversationId;
    const ids = state.assigned.map(c => c.conversationId);
    if (!ids.length) return null;
    const at = ids.indexOf(state.selectedId);
    return ids[(at + step + ids.length) % ids.length];
  }

  /** Alt+A: the first visitor in the queue, opened and accepted in one go. */
  function acceptNext() {
    const first = state.queue[0];
    if (!first) { showNotice('Nobody is waiting in the queue.', 'info'); return; }
    select(first.conversationId, true);
    if (!send({ type: 'accept', conversationId: first.conversationId })) showNotice('Not connected. Try again in a moment.');
  }

  const SHORTCUTS = {
    KeyA: acceptNext,
    ArrowDown: () => { const id = nextConversation(1); if (id) select(id, true); },
    ArrowUp: () => { const id = nextConversation(-1); if (id) select(id, true); },
    KeyN: () => {
      if (!state.current) return;
      const radios = $('reply').elements['reply-mode'];
      radios.value = composerMode() === 'note' ? 'reply' : 'note';
      renderComposer();
      $('reply-input').focus();
    },
    KeyC: () => { if (state.current && !$('reply').hidden) ($('canned-panel').hidden ? openCanned() : closeCanned()); },
    KeyR: () => { if (!$('resolve').hidden) act('resolve')(); },
    KeyS: () => { if (state.current) $('summary-box').open = !$('summary-box').open; },
    KeyW: () => { if (state.current && !$('reply-input').disabled) $('reply-input').focus(); },
  };
  // event.code, not event.key: Alt with a letter types another character on some keyboards (macOS).
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const shortcut = event.altKey && !event.ctrlKey && !event.metaKey && SHORTCUTS[event.code];
    if (shortcut) {
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      shortcut();
      return;
    }
    if (event.key === '?' && !event.altKey && !event.ctrlKey && !event.metaKey && !typingInto(event.target)
      && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      helpDialog.showModal();
    }
  });

  // ---------------------------------------------------------------- notifications
  const SETTINGS_KEY = 'baton.console.notifications';
  const ASKED_KEY = 'baton.console.notifications.asked';
  /** Each kind of notification can be switched off; the choice is kept in this browser. */
  const notifySettings = (() => {
    const defaults = { sound: true, desktop: true, title: true };
    try { return { ...defaults, ...JSON.parse(localStorage.getItem(SETTINGS_KEY) || '{}') }; } catch { return defaults; }
  })();
  const SETTING_BOXES = { sound: 'notify-sound', desktop: 'notify-desktop', title: 'notify-title' };
  for (const [key, id] of Object.entries(SETTING_BOXES)) {
    $(id).checked = Boolean(notifySettings[key]);
    $(id).addEventListener('change', (event) => {
      notifySettings[key] = event.target.checked;
      try { localStorage.setItem(SETTINGS_KEY, JSON.stringify(notifySettings)); } catch { /* private mode: this page only */ }
      if (key === 'desktop' && event.target.checked) askForDesktopNotifications(true);
      if (key === 'sound' && event.target.checked) tone();
      renderTitle();
      renderDesktopNote();
    });
  }

  // The settings menu closes like a menu: Escape, or a click elsewhere.
  const settingsMenu = $('settings');
  document.addEventListener('click', (event) => { if (settingsMenu.open && !settingsMenu.contains(event.target)) settingsMenu.open = false; });
  settingsMenu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    settingsMenu.open = false;
    settingsMenu.querySelector('summary').focus();
  });

  function renderDesktopNote() {
    const note = $('notify-desktop-note');
    const permission = window.Notification ? Notification.permission : 'unsupported';
    note.hidden = !notifySettings.desktop || permission === 'granted' || permission === 'default';
    note.textContent = permission === 'unsupported' ? 'This browser shows no desktop notifications.'
      : 'The browser blocks notifications from this site: allow them in its site settings.';
  }

  /**
   * Browsers let a page ask only from a user gesture, and asking again after an answer is pointless: asked once, on
   * the agent's first click or key press (or when they switch desktop notifications on).
   */
  function askForDesktopNotifications(again = false) {
    if (!window.Notification || Notification.permission !== 'default' || !notifySettings.desktop) return;
    try { if (!again && localStorage.getItem(ASKED_KEY)) return; localStorage.setItem(ASKED_KEY, '1'); } catch { /* ask anyway */ }
    Promise.resolve(Notification.requestPermission()).then(renderDesktopNote, () => {});
  }

  let audio = null;
  /** Browsers start sound only after a user gesture: the audio context is made (or resumed) on the first one. */
  function unlockAudio() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try { audio = audio || new Context(); if (audio.state === 'suspended') audio.resume(); } catch { audio = null; }
  }
  const firstGesture = () => {
    unlockAudio();
    askForDesktopNotifications();
    document.removeEventListener('pointerdown', firstGesture, true);
    document.removeEventListener('keydown', firstGesture, true);
  };
  document.addEventListener('pointerdown', firstGesture, true);
  document.addEventListener('keydown', firstGesture, true);

  /** A short two-note chime, made here: no sound file to fetch. */
  function tone() {
    if (!audio) return;
    const now = audio.currentTime;
    [[880, 0], [1320, 0.12]].forEach(([frequency, at]) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now + at);
      gain.gain.exponentialRampToValueAtTime(0.2, now + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.25);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(now + at);
      oscillator.stop(now + at + 0.3);
    });
  }

  /** Sound and, while the agent looks elsewhere, a desktop notification that brings them to the conversation. */
  function notify(title, body, conversationId) {
    if (notifySettings.sound) tone();
    if (notifySettings.desktop && window.Notification && Notification.permission === 'granted'
      && (document.hidden || !document.hasFocus())) {
      try {
        const shown = new Notification(title, { body, tag: `baton-${conversationId}` });
        shown.onclick = () => { window.focus(); select(conversationId); shown.close(); };
      } catch { /* some browsers only notify from a service worker */ }
    }
  }

  function announceQueued(added) {
    for (const c of added) {
      const wants = (c.summary && c.summary.customerWants) || 'A visitor';
      notify('New in the queue', wants, c.conversationId);
    }
  }

  function announceMessage(conversationId, m) {
    if (conversationId === state.selectedId && !document.hidden && document.hasFocus()) return; // they are reading it
    notify('New message from a visitor', m.text.length > 120 ? `${m.text.slice(0, 119)}…` : m.text, conversationId);
  }

  /** "(2) Baton console": who is waiting plus my conversations with messages I have not read. */
  function renderTitle() {
    const count = state.queue.length + state.assigned.filter(c => state.unread.has(c.conversationId)).length;
    document.title = notifySettings.title && count > 0 ? `(${count}) Baton console` : 'Baton console';
  }
  renderDesktopNote();

  window.addEventListener('online', () => { if (!socket) { attempt = 0; connect(); } });
  connect();
  // Agents who are trainers, administrators or supervisors too get a link to the trainer workspace, visitors' data
  // (access and erasure) and the audit log, or the supervisor view.
  for (const [page, link] of [['/trainer.html', 'trainer-link'], ['/admin.html', 'admin-link'], ['/audit.html', 'audit-link'],
    ['/supervisor.html', 'supervisor-link']]) {
    fetch(page, { method: 'HEAD', redirect: 'manual', cache: 'no-store', credentials: 'same-origin' })
      .then(response => { $(link).hidden = response.status !== 200; }, () => { /* offline: no link */ });
  }
  window.BatonConsole = { get state() { return state; } };
})();
