'use strict';
// The igpulse dashboard: views on hash routes (#/, #/hashtag/{tag}, #/account/{id}) drawn with plain SVG
// from the aggregator's own query API; live (re-read every 10 s) unless a time is picked.

const REFRESH_MS = 10000;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const COLORS = { engagement: '#2f5fb3', reach: '#0a7d32', views: '#7a3db8', baseline: '#b25b00', followers: '#2f5fb3' };

const view = document.getElementById('view');
const statusLine = document.getElementById('status');
const windowSelect = document.getElementById('window');
const atInput = document.getElementById('at');
let timer = null;
// The first configured window family (GET /api/windows), the default of every route's window.
let defaultWindow = null;

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.entries(props || {}).forEach(([key, value]) => {
    if (value === undefined || value === null) return;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  });
  children.flat().forEach(child => node.append(child));
  return node;
}

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function number(value) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function percent(share) {
  return (100 * share).toFixed(1) + ' %';
}

function trendMark(score) {
  if (score === null || score === undefined) return el('span', { class: 'flat', 'aria-label': 'no baseline', text: '–' });
  const text = (score > 0 ? '▲ +' : score < 0 ? '▼ ' : '● ') + Math.round(100 * score) + ' %';
  return el('span', { class: score > 0 ? 'up' : score < 0 ? 'down' : 'flat', text });
}

function shortTime(iso) {
  return iso.slice(5, 16).replace('T', ' ');
}

/** The state in the hash: view path, window, and an optional time (absent: live). */
function state() {
  const [path, query] = (location.hash.replace(/^#/, '') || '/').split('?');
  const params = new URLSearchParams(query || '');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), window: params.get('window') || defaultWindow, at: params.get('at') };
}

function hashFor(path, st) {
  const params = new URLSearchParams();
  if (st.window !== defaultWindow) params.set('window', st.window);
  if (st.at) params.set('at', st.at);
  const query = params.toString();
  return '#' + path + (query ? '?' + query : '');
}

function link(path, text) {
  return el('a', { href: hashFor(path, state()), text });
}

async function api(path) {
  const response = await fetch(path);
  if (response.status === 404) return null;
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function section(title, wide, ...content) {
  const id = 'h-' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return el('section', { class: wide ? 'wide' : null, 'aria-labelledby': id }, el('h3', { id, text: title }), ...content);
}

function table(caption, headers, rows) {
  return el('div', { class: 'scroll' },
    el('table', {},
      el('caption', { class: 'visually-hidden', text: caption }),
      el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c)))))));
}

function tableAlternative(caption, headers, rows) {
  return el('details', {}, el('summary', { text: 'Table of ' + caption.toLowerCase() }), table(caption, headers, rows));
}

/** Horizontal bars: items {label, value, note, href}. */
function barChart(title, items, format) {
  const rowHeight = 26, labelWidth = 150, width = 480, noteWidth = 90;
  const height = Math.max(1, items.length) * rowHeight + 8;
  const max = Math.max(1, ...items.map(i => Math.abs(i.value)));
  const chart = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'bars' });
  items.forEach((item, index) => {
    const y = index * rowHeight + 4;
    const barWidth = Math.max(2, (width - labelWidth - noteWidth) * Math.abs(item.value) / max);
    const group = svgEl('g', { class: 'bar', 'data-label': item.label, 'data-value': String(item.value) });
    group.append(svgEl('title', {}, `${item.label}: ${format(item.value)}`));
    group.append(svgEl('text', { x: 0, y: y + 16 }, item.label.length > 24 ? item.label.slice(0, 23) + '…' : item.label));
    group.append(svgEl('rect', { x: labelWidth, y, width: barWidth, height: rowHeight - 8, fill: COLORS.engagement }));
    group.append(svgEl('text', { x: labelWidth + barWidth + 6, y: y + 16 }, format(item.value) + (item.note ? ' ' + item.note : '')));
    chart.append(group);
  });
  return chart;
}

/** Lines over shared x labels: series {name, color, values}. */
function lineChart(title, labels, series) {
  const width = 640, height = 240, left = 56, right = 12, top = 12, bottom = 28;
  const all = series.flatMap(s => s.values).filter(v => v !== null && v !== undefined);
  const max = Math.max(1, ...all), min = Math.min(0, ...all);
  const x = i => left + (labels.length < 2 ? (width - left - right) / 2 : i * (width - left - right) / (labels.length - 1));
  const y = v => top + (height - top - bottom) * (1 - (v - min) / (max - min || 1));
  const chart = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'line' });
  chart.append(svgEl('line', { x1: left, y1: y(min), x2: width - right, y2: y(min), stroke: '#999' }));
  chart.append(svgEl('text', { x: 2, y: y(max) + 4 }, number(max)));
  chart.append(svgEl('text', { x: 2, y: y(min) }, number(min)));
  if (labels.length) {
    chart.append(svgEl('text', { x: left, y: height - 6 }, labels[0]));
    chart.append(svgEl('text', { x: width - right, y: height - 6, 'text-anchor': 'end' }, labels[labels.length - 1]));
  }
  series.forEach(s => {
    const points = s.values.map((v, i) => v === null || v === undefined ? null : `${x(i)},${y(v)}`).filter(Boolean);
    chart.append(svgEl('polyline', { points: points.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2, 'data-series': s.name }));
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const dot = svgEl('circle', { cx: x(i), cy: y(v), r: 3, fill: s.color, class: 'point', 'data-series': s.name, 'data-value': String(v) });
      dot.append(svgEl('title', {}, `${s.name} ${labels[i]}: ${number(v)}`));
      chart.append(dot);
    });
  });
  const legend = el('div', { class: 'legend' }, series.map(s =>
    el('span', {}, el('span', { class: 'swatch', style: 'background:' + s.color }), s.name)));
  return el('div', {}, chart, legend);
}

function windowQuery(st) {
  const params = new URLSearchParams({ window: st.window });
  if (st.at) params.set('at', st.at);
  return params;
}

function seriesQuery(st) {
  const params = new URLSearchParams({ window: st.window });
  if (st.at) params.set('to', st.at);
  return params;
}

async function overview(st) {
  const [top, accounts] = await Promise.all([
    api('/api/hashtags/top?' + windowQuery(st)),
    api('/api/accounts?' + windowQuery(st))]);
  const hashtags = top.hashtags;
  const ranked = accounts.accounts.slice(0, 10);
  return [
    el('h2', { text: 'Overview · ' + shortTime(top.windowStart) + ' – ' + shortTime(top.windowEnd) + ' UTC' }),
    section('Top hashtags', true,
      hashtags.length === 0 ? el('p', { class: 'empty', text: 'No hashtag gained engagement in this window.' }) :
        barChart('Top hashtags by engagement gained', hashtags.map(h => ({
          label: '#' + h.hashtag, value: h.engagementGained,
          note: h.trendScore === null ? '' : (h.trendScore > 0 ? '▲' : h.trendScore < 0 ? '▼' : '●') })), number),
      table('Top hashtags', ['hashtag', 'rank', 'engagement', 'media', 'accounts', 'per hour', 'baseline', 'trend'],
        hashtags.map(h => [link('/hashtag/' + encodeURIComponent(h.hashtag), '#' + h.hashtag), String(h.rank),
          number(h.engagementGained), number(h.distinctMedia), number(h.distinctAccounts), number(h.velocityPerHour),
          number(h.baselineVelocityPerHour), trendMark(h.trendScore)]))),
    section('Top accounts by trend', true,
      ranked.length === 0 ? el('p', { class: 'empty', text: 'No account known yet.' }) :
        barChart('Top accounts by engagement gained', ranked.map(a => ({
          label: a.igUserId, value: a.engagementGained,
          note: a.trendScore === null ? '' : (a.trendScore > 0 ? '▲' : a.trendScore < 0 ? '▼' : '●') })), number),
      table('Top accounts', ['account', 'trend', 'engagement', 'followers', 'net change'],
        ranked.map(a => [link('/account/' + encodeURIComponent(a.igUserId), a.igUserId), trendMark(a.trendScore),
          number(a.engagementGained), number(a.followersCount), number(a.netChange)])))];
}

async function hashtagView(st, hashtag) {
  const tag = encodeURIComponent(hashtag);
  const [series, media] = await Promise.all([
    api(`/api/hashtags/${tag}/trend?` + seriesQuery(st)),
    api(`/api/hashtags/${tag}/media?` + windowQuery(st))]);
  const labels = series.map(w => shortTime(w.windowStart));
  return [
    el('h2', { text: '#' + hashtag }),
    section('Engagement per hour against its baseline', true,
      series.length === 0 ? el('p', { class: 'empty', text: 'No window of this hashtag in range.' }) :
        lineChart('Velocity and baseline per hour of #' + hashtag, labels, [
          { name: 'per hour', color: COLORS.engagement, values: series.map(w => w.velocityPerHour) },
          { name: 'baseline', color: COLORS.baseline, values: series.map(w => w.baselineVelocityPerHour) }]),
      tableAlternative('Windows of #' + hashtag, ['window start', 'engagement', 'per hour', 'baseline', 'trend'],
        series.map(w => [w.windowStart, number(w.engagementGained), number(w.velocityPerHour),
          number(w.baselineVelocityPerHour), trendMark(w.trendScore)]))),
    section('Top media · ' + shortTime(media.windowStart) + ' – ' + shortTime(media.windowEnd), true,
      media.media.length === 0 ? el('p', { class: 'empty', text: 'No media gained engagement in this window.' }) :
        table('Top media of #' + hashtag, ['media', 'owner', 'engagement'],
          media.media.map(m => [m.mediaId,
            m.owner === null ? '–' : m.owner.startsWith('@') ? m.owner : link('/account/' + encodeURIComponent(m.owner), m.owner),
            number(m.engagementGained)])))];
}

function heatMap(hours) {
  const byHour = new Map(hours.hours.map(h => [h.hourOfWeek, h]));
  const best = new Set(hours.bestHours);
  const max = Math.max(1, ...hours.hours.map(h => h.engagementGained));
  const head = el('tr', {}, el('th', { scope: 'col', text: '' }),
    Array.from({ length: 24 }, (_, h) => el('th', { scope: 'col', text: String(h) })));
  const rows = DAYS.map((day, d) => el('tr', {}, el('th', { scope: 'row', text: day }),
    Array.from({ length: 24 }, (_, h) => {
      const hour = d * 24 + h;
      const cell = byHour.get(hour);
      const engagement = cell ? cell.engagementGained : 0;
      const shade = Math.round(255 - 200 * engagement / max);
      const label = `${day} ${String(h).padStart(2, '0')}:00: ${number(engagement)} engagement, ${cell ? cell.media : 0} media` +
        (best.has(hour) ? ', best hour' : '');
      return el('td', {
        class: best.has(hour) ? 'best' : null, 'data-hour': String(hour), title: label, 'aria-label': label,
        style: `background: rgb(${shade}, ${shade + Math.round((255 - shade) / 3)}, 255)`,
      }, best.has(hour) ? '★' : '');
    })));
  return el('div', { class: 'scroll' }, el('table', { class: 'heat' },
    el('caption', { class: 'visually-hidden', text: 'Engagement by hour of week of posting' }), el('thead', {}, head), el('tbody', {}, rows)));
}

function hourName(hour) {
  return DAYS[Math.floor(hour / 24)] + ' ' + String(hour % 24).padStart(2, '0') + ':00';
}

async function accountView(st, account) {
  const id = encodeURIComponent(account);
  const toDay = (st.at ? new Date(st.at) : new Date()).toISOString().slice(0, 10);
  const fromDay = new Date(Date.parse(toDay) - 30 * 86400000).toISOString().slice(0, 10);
  const [trend, followers, hours, audience, follows] = await Promise.all([
    api(`/api/accounts/${id}/trend?` + seriesQuery(st)),
    api(`/api/accounts/${id}/followers?from=${fromDay}&to=${toDay}`),
    api(`/api/accounts/${id}/posting-hours`),
    api(`/api/accounts/${id}/audience`),
    api(`/api/accounts/${id}/media-follows?day=${toDay}`)]);
  const labels = trend.map(w => shortTime(w.windowStart));
  const parts = [el('h2', { text: 'Account ' + account })];
  parts.push(section('Engagement, reach and views gained per window', true,
    trend.length === 0 ? el('p', { class: 'empty', text: 'No window of this account in range.' }) :
      lineChart('Engagement, reach and views gained by ' + account, labels, [
        { name: 'engagement', color: COLORS.engagement, values: trend.map(w => w.engagementGained) },
        { name: 'reach', color: COLORS.reach, values: trend.map(w => w.reachGained) },
        { name: 'views', color: COLORS.views, values: trend.map(w => w.viewsGained) }]),
    tableAlternative('Windows of ' + account, ['window start', 'engagement', 'reach', 'views', 'trend'],
      trend.map(w => [w.windowStart, number(w.engagementGained), number(w.reachGained), number(w.viewsGained), trendMark(w.trendScore)]))));
  parts.push(section('Follower growth', false,
    followers.length === 0 ? el('p', { class: 'empty', text: 'No follower count in the last 30 days.' }) :
      lineChart('Followers per day of ' + account, followers.map(f => f.day), [
        { name: 'followers', color: COLORS.followers, values: followers.map(f => f.followersCount) }]),
    tableAlternative('Followers per day', ['day', 'followers', 'new followers', 'net change'],
      followers.map(f => [f.day, number(f.followersCount), number(f.newFollowers), number(f.netChange)]))));
  parts.push(section('Media that grew followers', false,
    follows === null || follows.media.length === 0 ? el('p', { class: 'empty', text: `No media gained follows on ${toDay} (UTC).` }) :
      [el('p', { id: 'follows-total', text: `${number(follows.followsGained)} follows gained on ${follows.day} (UTC) by ${follows.mediaCount} media` }),
        barChart('Follows gained per media on ' + follows.day, follows.media.map(m => ({ label: m.mediaId, value: m.followsGained })), number),
        tableAlternative('Media that grew followers', ['media', 'follows gained'], follows.media.map(m => [m.mediaId, number(m.followsGained)]))]));
  parts.push(section('Audience', false, audience === null ? el('p', { class: 'empty', text: 'No demographics read yet.' }) :
    [el('p', { text: 'Read ' + audience.capturedAt }),
      ...audience.breakdowns.map(b => {
        const title = `${b.audience.toLowerCase()} by ${b.dimension}`;
        const top = b.values.slice(0, 10);
        return el('div', { class: 'breakdown', 'data-audience': b.audience, 'data-dimension': b.dimension },
          el('h4', { text: title }),
          barChart('Share of ' + title, top.map(v => ({ label: v.value, value: v.share })), percent),
          tableAlternative(title, [b.dimension, 'count', 'share'], top.map(v => [v.value, number(v.count), percent(v.share)])));
      })]));
  parts.push(section('Best time to post', true, hours === null ? el('p', { class: 'empty', text: 'No media of this account counted yet.' }) :
    [el('p', { id: 'best-hours', text: 'Best hour: ' + (hours.bestHours.length ? hours.bestHours.map(hourName).join(', ') : '–') +
      ' (engagement in the first 24 h of media posted then, by hour of week in the aggregator\'s zone)' }), heatMap(hours)]));
  return parts;
}

async function render() {
  clearTimeout(timer);
  const st = state();
  windowSelect.value = st.window;
  atInput.value = st.at ? st.at.slice(0, 16) : '';
  try {
    let parts;
    if (st.path[0] === 'hashtag' && st.path[1]) parts = await hashtagView(st, st.path[1].toLowerCase());
    else if (st.path[0] === 'account' && st.path[1]) parts = await accountView(st, st.path[1]);
    else parts = await overview(st);
    view.replaceChildren(...parts);
    view.dataset.loaded = location.hash || '#/';
    statusLine.textContent = (st.at ? 'At ' + st.at : 'Live, refreshed every 10 s') + ' · updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
  } catch (e) {
    statusLine.textContent = 'Could not load: ' + e.message;
  }
  if (!st.at) timer = setTimeout(render, REFRESH_MS);
}

windowSelect.addEventListener('change', () => {
  const st = state();
  st.window = windowSelect.value;
  location.hash = hashFor('/' + st.path.map(encodeURIComponent).join('/'), st);
});
atInput.addEventListener('change', () => {
  const st = state();
  st.at = atInput.value ? new Date(atInput.value + 'Z').toISOString() : null;
  location.hash = hashFor('/' + st.path.map(encodeURIComponent).join('/'), st);
});
document.getElementById('now').addEventListener('click', () => {
  const st = state();
  st.at = null;
  location.hash = hashFor('/' + st.path.map(encodeURIComponent).join('/'), st);
});
document.getElementById('go-hashtag').addEventListener('submit', event => {
  event.preventDefault();
  location.hash = hashFor('/hashtag/' + encodeURIComponent(document.getElementById('hashtag-input').value.replace(/^#/, '')), state());
});
document.getElementById('go-account').addEventListener('submit', event => {
  event.preventDefault();
  location.hash = hashFor('/account/' + encodeURIComponent(document.getElementById('account-input').value), state());
});

/**
 * A duration as Java writes it ("PT1H", "PT24H", "PT168H", "PT30M") in words: "1 hour", "24 hours",
 * "7 days", "30 minutes"; whole days when the hours make them. Anything else as written.
 */
function durationName(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  if (!match || (!match[1] && !match[2])) return iso;
  const hours = Number(match[1] || 0);
  const days = hours >= 48 && hours % 24 === 0 ? hours / 24 : 0;
  const parts = [[days, 'day'], [days ? 0 : hours, 'hour'], [Number(match[2] || 0), 'minute']]
    .filter(([n]) => n > 0).map(([n, unit]) => n + ' ' + unit + (n === 1 ? '' : 's'));
  return parts.join(' ');
}

/**
 * Fills the window picker with the families the aggregator computes, then draws the view and
 * follows the hash; tries again every 10 s while the aggregator does not answer. Nothing is drawn
 * before: every view needs the default window.
 */
async function start() {
  try {
    const { windows } = await api('/api/windows');
    windowSelect.replaceChildren(...windows.map(w => el('option', { value: w.name, text: durationName(w.size) })));
    defaultWindow = windows[0].name;
  } catch (e) {
    statusLine.textContent = 'Could not load the window families (' + e.message + '); trying again';
    setTimeout(start, REFRESH_MS);
    return;
  }
  window.addEventListener('hashchange', () => { render(); view.focus(); });
  render();
}
start();
