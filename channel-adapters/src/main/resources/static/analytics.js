/*
 * Baton analytics: the figures of a day, a week or a month from GET /api/analytics, drawn with ECharts (served by
 * Baton under /webjars/, canvas only, so the strict Content-Security-Policy holds: no inline script or style).
 */
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const el = (tag, text) => { const node = document.createElement(tag); if (text != null) node.textContent = text; return node; };
  const REASONS = { visitor_asked: 'Visitor asked', intent_requires_human: 'Intent needs a person',
    repeated_failure: 'Bot failed repeatedly', frustration: 'Frustration' };
  const COLORS = ['#4338ca', '#0d9488', '#d97706', '#dc2626', '#64748b'];

  const duration = (ms) => {
    if (ms == null) return '–';
    const s = Math.round(ms / 1000);
    if (s < 60) return `${s} s`;
    if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
    return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  };
  const minutes = (ms) => (ms == null ? 0 : Math.round(ms / 600) / 100);
  const sliceLabel = (iso, period) => {
    const d = new Date(iso);
    return period === 'day' ? `${String(d.getUTCHours()).padStart(2, '0')}:00` : `${d.getUTCDate()}/${d.getUTCMonth() + 1}`;
  };

  const charts = {};
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }
  const base = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, grid: { left: 48, right: 16, top: 28, bottom: 28 },
    tooltip: { trigger: 'axis' }, color: COLORS };

  function render(data) {
    const o = data.overall;
    $('kpi-conversations').textContent = String(o.conversations);
    $('kpi-containment').textContent = o.conversations ? `${Math.round(o.containment * 100)} %` : '–';
    $('kpi-wait').textContent = `${duration(o.queueWait.medianMs)} / ${duration(o.queueWait.p90Ms)}`;
    $('kpi-first-response').textContent = duration(o.firstResponse.medianMs);
    $('kpi-resolution').textContent = duration(o.resolution.medianMs);
    const rated = o.satisfaction.reduce((a, b) => a + b, 0);
    $('kpi-csat').textContent = rated ? `${Math.round((o.satisfaction[3] + o.satisfaction[4]) / rated * 100)} %` : '–';

    chart('chart-conversations').setOption({ ...base, legend: { top: 0 },
      xAxis: { type: 'category', data: data.slices.map(s => sliceLabel(s.start, data.period)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Kept by the bot', type: 'bar', stack: 'c', data: data.slices.map(s => s.contained) },
        { name: 'Handed to people', type: 'bar', stack: 'c', data: data.slices.map(s => s.conversations - s.contained) }] }, true);
    const reasons = Object.keys(o.handoffsByReason);
    chart('chart-handoffs').setOption({ ...base, grid: { ...base.grid, left: 150 }, tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: reasons.map(r => REASONS[r] || r) },
      series: [{ name: 'Handoffs', type: 'bar', data: reasons.map(r => o.handoffsByReason[r]) }] }, true);
    const times = [['Queue wait', o.queueWait], ['First response', o.firstResponse], ['Resolution', o.resolution]];
    chart('chart-times').setOption({ ...base, legend: { top: 0 },
      xAxis: { type: 'category', data: times.map(t => t[0]) }, yAxis: { type: 'value', name: 'min' },
      series: [{ name: 'Median', type: 'bar', data: times.map(t => minutes(t[1].medianMs)) },
        { name: 'p90', type: 'bar', data: times.map(t => minutes(t[1].p90Ms)) }] }, true);
    chart('chart-csat').setOption({ ...base, tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'] }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'Ratings', type: 'bar', data: o.satisfaction.map((n, i) => ({ value: n,
        itemStyle: { color: ['#dc2626', '#f97316', '#eab308', '#84cc16', '#16a34a'][i] } })) }] }, true);

    // Without teams the one team is everyone; with teams, each team's conversations (those routed to it) get a row.
    const configured = data.teams.filter(t => t.name !== 'everyone');
    $('team-name').textContent = configured.length ? 'all' : 'everyone';
    $('teams-panel').hidden = configured.length === 0;
    $('team-rows').replaceChildren(...configured.map(t => {
      const row = el('tr');
      row.dataset.team = t.name;
      row.dataset.testid = 'team-figures-row';
      row.append(el('td', t.name), el('td', String(t.figures.conversations)),
        el('td', `${duration(t.figures.queueWait.medianMs)} / ${duration(t.figures.queueWait.p90Ms)}`),
        el('td', duration(t.figures.firstResponse.medianMs)), el('td', duration(t.figures.resolution.medianMs)),
        el('td', t.figures.satisfaction.join(' · ')));
      return row;
    }));
    $('agent-rows').replaceChildren(...data.agents.map(a => {
      const row = el('tr');
      row.dataset.agent = a.username;
      row.dataset.testid = 'agent-figures-row';
      row.append(el('td', a.name), el('td', String(a.figures.conversations)), el('td', duration(a.figures.queueWait.medianMs)),
        el('td', duration(a.figures.firstResponse.medianMs)), el('td', duration(a.figures.resolution.medianMs)),
        el('td', a.figures.satisfaction.join(' · ')));
      return row;
    }));
  }

  async function load() {
    const params = new URLSearchParams({ period: $('period').value });
    if ($('from').value) params.set('from', $('from').value);
    $('status').dataset.status = 'connecting';
    $('status').textContent = 'Loading…';
    try {
      const response = await fetch(`/api/analytics?${params}`, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message || response.statusText);
      render(body);
      if (!$('from').value) $('from').value = body.from.slice(0, 10);
      $('status').dataset.status = 'open';
      $('status').textContent = `${body.from.slice(0, 10)} – ${new Date(Date.parse(body.to) - 1).toISOString().slice(0, 10)}`;
    } catch (e) {
      $('status').dataset.status = 'error';
      $('status').textContent = `Could not load: ${e.message}`;
    }
  }

  $('period').addEventListener('change', () => { $('from').value = ''; load(); });
  $('from').addEventListener('change', load);
  $('period-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  load();
})();
