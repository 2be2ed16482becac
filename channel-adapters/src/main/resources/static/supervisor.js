/*
 * Baton supervisor view: the agents with their status, load and conversations, the queue with each wait, timers in
 * amber and red past the thresholds the server sends; reassign or take over a conversation. Live over /ws/supervisor
 * (docs/protocol.md); no inline scripts or styles, so the page runs under the strict Content-Security-Policy.
 */
(() => {
  'use strict';
  const SOCKET_URL = location.origin.replace(/^http/, 'ws') + '/ws/supervisor';

  const $ = (id) => document.getElementById(id);
  const { el } = window.batonDom; // dom.js
  const elapsedMs = (iso) => { const since = Date.parse(iso); return isNaN(since) ? 0 : Math.max(0, Date.now() - since); };
  const formatElapsed = (ms) => {
    const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}:${String(sec).padStart(2, '0')}`;
  };
  const STATUS = { online: 'Online', away: 'Away', offline: 'Offline' };

  const state = { me: null, amberMs: 120000, redMs: 300000, teams: [], queue: [], reassigning: null };

  /**
   * A timer that turns amber and red past its team's thresholds (a team may set its own), else the installation's;
   * re-drawn every second by tick().
   */
  function timer(since, testid, teamName) {
    const team = state.teams.find(t => t.name === teamName);
    return el('span', { class: 'timer', 'data-since': since, 'data-testid': testid,
      'data-amber': String(team ? team.waitAmberMs : state.amberMs), 'data-red': String(team ? team.waitRedMs : state.redMs) });
  }
  function tick() {
    for (const node of document.querySelectorAll('.timer[data-since]')) {
      const ms = elapsedMs(node.dataset.since);
      const amber = Number(node.dataset.amber);
      const red = Number(node.dataset.red);
      node.textContent = formatElapsed(ms);
      node.classList.toggle('red', ms >= red);
      node.classList.toggle('amber', ms >= amber && ms < red);
    }
  }

  function renderTeams() {
    const root = $('teams');
    root.replaceChildren(...state.teams.map(team => el('section', { class: 'team', 'data-team': team.name },
      el('h2', { text: team.name === 'everyone' ? 'Everyone' : team.name }),
      team.name === 'everyone' ? null : el('p', { class: 'team-meta', 'data-testid': 'team-meta',
        text: `${team.assignment === 'auto' ? 'Assigned by Baton' : 'Agents pull'} · ${team.languages.length ? team.languages.join(', ').toUpperCase() : 'any language'}` }),
      team.name === 'everyone' ? null : teamQueue(team),
      el('table', { class: 'agents' },
        el('thead', {}, el('tr', {}, el('th', { text: 'Agent', scope: 'col' }), el('th', { text: 'Status', scope: 'col' }),
          el('th', { text: 'Load', scope: 'col' }), el('th', { text: 'Conversations', scope: 'col' }))),
        el('tbody', {}, team.agents.map(agentRow))))));
    tick();
  }

  /** The team's own queue: the waiting entries routed to it, longest-waiting first. */
  function teamQueue(team) {
    const waiting = state.queue.filter(e => e.team === team.name);
    return el('div', { class: 'team-queue', 'data-testid': 'team-queue' },
      el('h3', {}, 'Waiting ', el('span', { class: 'count', 'data-testid': 'team-waiting-count', text: String(waiting.length) })),
      waiting.length ? el('ul', { class: 'list' }, waiting.map((entry, i) => el('li', { class: 'queue-item', 'data-testid': 'team-waiting-entry', 'data-conversation': entry.conversationId },
        el('span', { class: 'wants', text: `${i + 1}. ${(entry.summary && entry.summary.customerWants) || 'Visitor'}` }),
        ' ', timer(entry.waitingSince, 'waiting-timer', team.name))))
        : el('p', { class: 'empty', text: 'Nobody is waiting for this team.' }));
  }

  function agentRow(agent) {
    const share = agent.capacity > 0 ? Math.min(1, agent.open / agent.capacity) : 1;
    return el('tr', { 'data-testid': 'agent', 'data-agent': agent.username },
      el('td', { text: agent.name }),
      el('td', {}, el('span', { class: `status ${agent.status}`, 'data-testid': 'agent-status', text: STATUS[agent.status] || agent.status })),
      el('td', { class: 'load-cell' },
        el('span', { class: 'load-bar', 'aria-hidden': 'true' },
          el('span', { class: share >= 1 ? 'full' : null, style: { width: `${Math.round(share * 100)}%` } })),
        el('span', { 'data-testid': 'agent-load', text: `${agent.open} / ${agent.capacity}` })),
      el('td', {}, el('ul', { class: 'conversations' }, agent.conversations.map(c => conversationItem(agent, c)))));
  }

  function conversationItem(agent, c) {
    return el('li', { 'data-testid': 'supervised-conversation', 'data-conversation': c.conversationId },
      el('span', { class: 'wants', text: c.customerWants || 'Conversation' }),
      el('span', { class: 'visually-hidden', text: 'waited since handoff' }),
      timer(c.waitingSince || c.since, 'conversation-timer', c.team),
      el('button', { type: 'button', class: 'ghost-dark small', 'data-testid': 'reassign', onclick: () => openReassign(agent, c) }, 'Reassign'),
      agent.username === (state.me && state.me.username) ? null
        : el('button', { type: 'button', class: 'ghost-dark small', 'data-testid': 'take-over',
          onclick: () => send({ type: 'take_over', conversationId: c.conversationId }) }, 'Take over'));
  }

  function renderQueue() {
    $('waiting-count').textContent = String(state.queue.length);
    $('waiting-empty').hidden = state.queue.length > 0;
    $('waiting').replaceChildren(...state.queue.map(entry => el('li', { class: 'queue-item', 'data-testid': 'waiting-entry' },
      el('span', { class: 'wants', text: `${entry.position}. ${(entry.summary && entry.summary.customerWants) || 'Visitor'}` }),
      entry.team ? el('span', { class: 'team-name', 'data-testid': 'waiting-team', text: entry.team }) : null,
      ' ', timer(entry.waitingSince, 'waiting-timer', entry.team))));
    renderTeams();
  }

  function applyQueueUpdate(frame) {
    const removed = new Set(frame.removed || []);
    const queue = state.queue.filter(e => !removed.has(e.conversationId));
    for (const added of frame.added || []) queue.splice(added.position - 1, 0, added);
    state.queue = queue.map((e, i) => ({ ...e, position: i + 1 }));
    renderQueue();
  }

  function openReassign(agent, conversation) {
    state.reassigning = conversation.conversationId;
    const colleagues = [...new Map(state.teams.flatMap(t => t.agents).map(a => [a.username, a])).values()]
      .filter(a => a.username !== agent.username);
    $('reassign-to').replaceChildren(...colleagues.map(a => el('option', {
      value: a.username, disabled: a.status !== 'online' || a.open >= a.capacity,
      text: `${a.name} — ${STATUS[a.status] || a.status}, ${a.open}/${a.capacity}` })));
    const firstFree = colleagues.find(a => a.status === 'online' && a.open < a.capacity);
    if (firstFree) $('reassign-to').value = firstFree.username;
    $('reassign-note').value = '';
    $('reassign-error').textContent = '';
    $('reassign').showModal();
  }

  $('reassign-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const note = $('reassign-note').value.trim();
    send({ type: 'reassign', conversationId: state.reassigning, to: $('reassign-to').value, ...(note ? { note } : {}) });
    $('reassign').close();
  });
  $('reassign-cancel').addEventListener('click', () => $('reassign').close());

  function handle(frame) {
    switch (frame.type) {
      case 'welcome':
        state.me = frame.supervisor;
        state.amberMs = frame.waitAmberMs;
        state.redMs = frame.waitRedMs;
        $('me').textContent = frame.supervisor.name;
        return;
      // The waiting list too: its timers go by each entry's team's thresholds.
      case 'supervision': state.teams = frame.teams || []; return renderQueue();
      case 'queue': state.queue = frame.conversations || []; return renderQueue();
      case 'queue_update': return applyQueueUpdate(frame);
      case 'error': return showError(frame);
      default: return undefined;
    }
  }

  function showError(frame) {
    const status = $('connection');
    status.textContent = frame.message || frame.code;
    status.dataset.status = 'error';
  }

  // ---------------------------------------------------------------- socket
  let socket = null;
  let attempt = 0;
  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }
  function setConnection(status, text) {
    $('connection').dataset.status = status;
    $('connection').textContent = text;
  }
  function connect() {
    setConnection('connecting', attempt === 0 ? 'Connecting…' : 'Reconnecting…');
    const ws = new WebSocket(SOCKET_URL);
    socket = ws;
    let opened = false;
    let ping = null;
    ws.addEventListener('open', () => {
      opened = true;
      attempt = 0;
      setConnection('open', 'Live');
      ping = setInterval(() => send({ type: 'ping' }), 25000);
    });
    ws.addEventListener('message', (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame && typeof frame.type === 'string') handle(frame);
    });
    ws.addEventListener('close', (event) => {
      clearInterval(ping);
      if (socket !== ws) return;
      socket = null;
      if (event.code === 4001 || (!opened && attempt > 2)) { location.assign('/login.html'); return; }
      attempt += 1;
      setConnection('connecting', 'Reconnecting…');
      setTimeout(connect, Math.min(15000, 500 * 2 ** Math.min(attempt - 1, 5)));
    });
  }

  setInterval(tick, 1000);
  connect();
  window.BatonSupervisor = { get state() { return state; } };
})();
