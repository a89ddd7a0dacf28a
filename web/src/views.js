// The views: search, agreements, one agreement, one document, one actor,
// the sector by country matrix. Text from data goes through h() only.
import { h, append, highlight, human } from './dom.js';
import { t } from './i18n.js';
import { get, post } from './api.js';

const FILTERS = ['country', 'region', 'sector', 'instrument', 'stage', 'year', 'language'];

function link(href, text, props = {}) { return h('a', { href, ...props }, text); }
// A document's URL as a link only when it is http(s): a stored
// "javascript:..." or "data:..." URL shows as text, never as a live link.
function sourceLink(url) {
  return /^https?:\/\//i.test(url) ? h('a', { href: url, rel: 'noopener noreferrer' }, url) : h('span', { class: 'url' }, url);
}
const agreementHref = (id) => `#/agreement/${id}`;
const actorHref = (name) => `#/actor/${encodeURIComponent(name)}`;
const documentHref = (id) => `#/document/${id}`;
function withQuery(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
function dateText(d) { return d || t('undated'); }

function partiesList(parties) {
  return h('ul', { class: 'inline parties' }, parties.map((p) => h('li', {},
    link(actorHref(p.name), p.name), p.country ? h('span', { class: 'muted' }, ` (${p.subdivision || p.country})`) : null)));
}

function agreementRow(a) {
  return h('li', { class: 'card agreement' },
    h('h3', {}, link(agreementHref(a.id), `${human(a.instrument)}: ${a.parties.map((p) => p.name).join(' · ')}`)),
    h('p', { class: 'meta' },
      h('span', {}, `${t('sectors')}: ${a.sectors.map(human).join(', ') || '–'}`), ' · ',
      h('span', {}, `${t('acts')}: ${a.timeline.map((x) => `${human(x.stage)} ${dateText(x.date)}`).join(', ')}`), ' · ',
      h('span', {}, `${t('sources')}: ${a.sources.length}`), ' · ',
      h('span', {}, `${t('languages')}: ${a.languages.join(', ')}`)));
}

// ---- search ---------------------------------------------------------------

export async function searchView(root, _m, query) {
  const q = query.get('q') || '';
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) || '']));
  const input = h('input', { id: 'q', name: 'q', type: 'search', value: q, placeholder: t('search.placeholder'), autocomplete: 'off' });
  const form = h('form', { class: 'search', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    location.hash = withQuery('#/search', { ...filters, q: input.value.trim() });
  } },
  h('label', { for: 'q' }, t('search.label')), input, h('button', { type: 'submit' }, t('search.button')));
  append(root, h('h1', {}, t('search.title')), form);
  if (!q) {
    append(root, h('p', { class: 'hint' }, t('search.hint')),
      h('p', {}, ['hydrogen', 'Wasserstoff', '水素', 'Norway', 'batteries'].map((ex) =>
        [link(withQuery('#/search', { q: ex }), ex, { class: 'chip' }), ' '])));
    return;
  }
  const res = await get('search', { q, ...filters, limit: 50 });
  const words = q.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  const active = Object.entries(filters).filter(([, v]) => v);
  // On a phone the facets fold away above the hits.
  const facets = h('details', { class: 'facets', open: window.innerWidth > 760 },
    h('summary', {}, h('h2', {}, t('facets'))),
    active.length ? h('p', {}, link(withQuery('#/search', { q }), t('facets.clear'))) : null,
    Object.entries(res.facets).filter(([name, values]) => FILTERS.includes(name) && Object.keys(values).length).map(([name, values]) =>
      h('section', { class: 'facet' }, h('h3', {}, t(`facet.${name}`)),
        h('ul', {}, Object.entries(values).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([value, n]) => {
          const on = filters[name] === value;
          return h('li', {}, link(withQuery('#/search', { ...filters, q, [name]: on ? '' : value }),
            `${name === 'sector' || name === 'instrument' || name === 'stage' ? human(value) : value} (${n})`,
            { 'aria-pressed': on ? 'true' : 'false', class: on ? 'on' : null }));
        })))));
  const hits = h('section', { class: 'hits', 'aria-label': t('results') },
    h('p', { class: 'count' }, t('search.count', { n: res.total_capped ? `${res.total.toLocaleString()}+` : res.total })),
    res.hits.length ? h('ol', { class: 'hit-list' }, res.hits.map((hit) => h('li', { class: 'card hit' },
      h('h3', {}, link(documentHref(hit.document_id), hit.title || hit.document)),
      h('p', { class: 'meta' }, h('span', { class: 'lang-tag', lang: hit.language }, hit.language), ' · ',
        hit.published || t('undated'), hit.copies.length ? ` · ${t('copies', { n: hit.copies.length })}` : ''),
      hit.evidence.map((ev) => h('blockquote', { class: 'evidence', lang: hit.language }, highlight(ev, words))),
    ))) : h('p', {}, t('search.none')));
  append(root, h('div', { class: 'with-facets' }, facets, hits));
}

// ---- agreements --------------------------------------------------------------

export async function agreementsView(root, _m, query) {
  const params = Object.fromEntries(['party', 'country', 'region', 'sector', 'instrument', 'stage', 'year', 'language']
    .map((k) => [k, query.get(k) || '']).filter(([, v]) => v));
  const list = await get('agreements', { ...params, limit: 500 });
  const fields = ['party', 'sector', 'year'].map((k) => h('input', { id: `ag-${k}`, name: k, value: params[k] || '',
    type: k === 'year' ? 'number' : 'text', inputmode: k === 'year' ? 'numeric' : null }));
  const form = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    location.hash = withQuery('#/agreements', Object.fromEntries(fields.map((f) => [f.name, f.value.trim()])));
  } }, fields.map((f) => [h('label', { for: f.id }, t(`facet.${f.name}`)), f]), h('button', { type: 'submit' }, t('apply')));
  append(root, h('h1', {}, t('agreements.title')), form,
    Object.keys(params).length ? h('p', { class: 'meta' }, Object.entries(params).map(([k, v]) => `${t(`facet.${k}`)}: ${human(v)}`).join(' · '),
      ' ', link('#/agreements', t('facets.clear'))) : null,
    h('p', { class: 'count' }, t('agreements.count', { n: list.length })),
    h('ol', { class: 'agreement-list' }, list.map(agreementRow)));
}

// Segments of a text; evidence pieces are <mark> with the event's id.
function markedText(segments, lang) {
  return h('div', { class: 'doc-text', lang }, segments.map((s) => (s.event === null
    ? s.text : h('mark', { class: 'evidence-mark', id: `ev-${s.event}`, 'data-event': s.event }, s.text))));
}

export async function agreementView(root, [id]) {
  const a = await get(`agreements/${id}`);
  append(root, 
    h('p', { class: 'crumbs' }, link('#/agreements', t('nav.agreements'))),
    h('h1', {}, `${human(a.instrument)}`),
    h('dl', { class: 'facts' },
      h('dt', {}, t('parties')), h('dd', {}, partiesList(a.parties)),
      h('dt', {}, t('instrument')), h('dd', {}, human(a.instrument)),
      h('dt', {}, t('stage')), h('dd', {}, a.timeline.length ? human(a.timeline[a.timeline.length - 1].stage) : '–'),
      h('dt', {}, t('sectors')), h('dd', {}, a.sectors.map(human).join(', ') || '–'),
      h('dt', {}, t('languages')), h('dd', {}, a.languages.join(', '))),
    h('h2', {}, t('timeline')),
    h('ol', { class: 'timeline' }, a.timeline.map((act) => h('li', {},
      h('strong', {}, dateText(act.date)), ' ', human(act.stage),
      h('span', { class: 'muted' }, ` (${t('sources')}: ${act.sources.length})`)))),
    h('h2', {}, t('agreement.sources', { n: a.documents.length })),
    a.documents.map((d) => h('article', { class: 'card source' },
      h('h3', {}, link(documentHref(d.id), d.title || d.source), d.copy ? h('span', { class: 'badge' }, t('copy')) : null),
      h('p', { class: 'meta' }, h('span', { class: 'lang-tag' }, d.language), ' · ', d.published || t('undated'),
        d.url ? [' · ', sourceLink(d.url)] : ''),
      d.events.map((e) => h('blockquote', { class: 'evidence', lang: d.language },
        h('span', { class: 'muted' }, `${human(e.stage)} ${dateText(e.date)}: `), e.evidence)),
      h('details', { open: true }, h('summary', {}, t('original_text')), markedText(d.segments, d.language)))));
}

export async function documentView(root, [id]) {
  const d = await get(`documents/${id}`);
  const agreements = new Map();
  for (const e of d.events) {
    const ev = await get(`events/${e.id}`);
    if (ev.agreement) agreements.set(ev.agreement, e);
  }
  append(root, 
    h('h1', { lang: d.language }, d.title || d.source),
    h('p', { class: 'meta' }, h('span', { class: 'lang-tag' }, d.language), ' · ', d.published || t('undated'),
      d.url ? [' · ', sourceLink(d.url)] : '',
      d.original ? [' · ', link(documentHref(d.original), t('copy_of'))] : ''),
    agreements.size ? h('section', {}, h('h2', {}, t('nav.agreements')),
      h('ul', {}, [...agreements.entries()].map(([aid, e]) => h('li', {},
        link(agreementHref(aid), `${human(e.instrument)}: ${e.parties.map((p) => p.name).join(' · ')}`))))) : null,
    h('h2', {}, t('original_text')),
    markedText(d.segments, d.language));
}

// ---- actor -------------------------------------------------------------------

function bars(counts, label) {
  const max = Math.max(1, ...Object.values(counts));
  return h('table', { class: 'bars' }, h('caption', {}, label),
    h('tbody', {}, Object.entries(counts).map(([k, n]) => h('tr', {},
      h('th', { scope: 'row' }, k),
      h('td', {}, h('span', { class: 'bar', style: `width:${Math.round((n / max) * 100)}%` }), h('span', { class: 'n' }, String(n)))))));
}

export async function actorView(root, [name]) {
  const a = await get(`actors/${encodeURIComponent(name)}`);
  const perYear = {};
  for (const x of a.timeline) {
    const y = x.date ? x.date.slice(0, 4) : t('undated');
    perYear[y] = (perYear[y] || 0) + 1;
  }
  const years = Object.fromEntries(Object.entries(perYear).sort());
  const partners = Object.fromEntries(Object.entries(a.partners).sort((x, y) => y[1] - x[1]));
  append(root, 
    h('h1', {}, a.name),
    h('p', { class: 'meta' }, [human(a.kind), a.country, a.subdivision].filter(Boolean).join(' · ')),
    a.aliases.length ? h('p', { class: 'aliases' }, `${t('aliases')}: `, a.aliases.join(', ')) : null,
    h('div', { class: 'grid' },
      h('section', {}, h('h2', {}, t('partners')),
        h('ul', {}, Object.entries(partners).map(([p, n]) => h('li', {}, link(actorHref(p), p), ` (${n})`)))),
      h('section', {}, h('h2', {}, t('sectors')), bars(Object.fromEntries(Object.entries(a.sectors).map(([k, v]) => [human(k), v])), t('sectors'))),
      h('section', {}, h('h2', {}, t('actor.over_time')), bars(years, t('actor.over_time')))),
    h('h2', {}, t('timeline')),
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, [t('date'), t('stage'), t('instrument'), t('partners'), ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, a.timeline.map((x) => h('tr', {},
        h('td', {}, dateText(x.date)), h('td', {}, human(x.stage)), h('td', {}, human(x.instrument)),
        h('td', {}, x.partners.join(', ')), h('td', {}, link(agreementHref(x.agreement), t('open'))))))),
    h('h2', {}, t('nav.agreements')),
    h('ol', { class: 'agreement-list' }, a.agreements.map(agreementRow)));
}

// ---- matrix ------------------------------------------------------------------

export async function matrixView(root) {
  const m = await get('matrix');
  const cell = new Map(m.cells.map((c) => [`${c.sector}|${c.country}`, c]));
  append(root, h('h1', {}, t('matrix.title')), h('p', { class: 'hint' }, t('matrix.hint')),
    h('div', { class: 'scroll' }, h('table', { class: 'matrix' },
      h('caption', { class: 'sr-only' }, t('matrix.title')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('facet.sector')), m.countries.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, m.sectors.map((s) => h('tr', {}, h('th', { scope: 'row' }, human(s)),
        m.countries.map((c) => {
          const x = cell.get(`${s}|${c}`);
          return h('td', { class: x ? `n${Math.min(x.count, 5)}` : '' },
            x ? link(withQuery('#/agreements', { sector: s, country: c }), String(x.count),
              { 'aria-label': `${human(s)} · ${c}: ${x.count}` }) : '');
        })))))));
}

// ---- actors ------------------------------------------------------------------

export async function actorsView(root) {
  const list = await get('actors');
  list.sort((a, b) => a.name.localeCompare(b.name));
  const input = h('input', { id: 'actor-filter', type: 'search', autocomplete: 'off' });
  const rows = list.map((a) => ({ a, text: [a.name, a.country, a.subdivision, ...a.aliases].join(' ').toLowerCase(),
    el: h('li', {}, link(actorHref(a.name), a.name), h('span', { class: 'muted' }, ` ${human(a.kind)}${a.country ? ` · ${a.subdivision || a.country}` : ''}`),
      a.aliases.length ? h('span', { class: 'muted' }, ` · ${a.aliases.filter((x) => x !== a.name).slice(0, 4).join(', ')}`) : null) }));
  const ul = h('ul', { class: 'actor-list' }, rows.map((r) => r.el));
  const count = h('p', { class: 'count' }, t('actors.count', { n: list.length }));
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    let n = 0;
    for (const r of rows) { const on = !q || r.text.includes(q); r.el.hidden = !on; n += on; }
    count.textContent = t('actors.count', { n });
  });
  append(root, h('h1', {}, t('actors.title')),
    h('div', { class: 'filters' }, h('label', { for: 'actor-filter' }, t('actors.filter')), input), count, ul);
}

// ---- critical minerals -------------------------------------------------------

export async function mineralsView(root, _m, query) {
  const country = (query.get('country') || 'JP').toUpperCase();
  const [conc, exposure] = await Promise.all([get('minerals/concentration'), get(`minerals/exposure/${encodeURIComponent(country)}`)]);
  // the latest year of each mineral and source
  const latest = new Map();
  for (const c of conc) {
    const k = `${c.mineral}|${c.source}`;
    if (!latest.has(k) || latest.get(k).year < c.year) latest.set(k, c);
  }
  const input = h('input', { id: 'min-country', name: 'country', value: country, maxlength: 2, size: 3, autocapitalize: 'characters' });
  const form = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); location.hash = withQuery('#/minerals', { country: input.value.trim().toUpperCase() }); } },
    h('label', { for: 'min-country' }, t('minerals.country')), input, h('button', { type: 'submit' }, t('apply')));
  append(root, h('h1', {}, t('minerals.title')),
    h('h2', {}, t('minerals.concentration')),
    h('div', { class: 'scroll' }, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, [t('minerals.mineral'), t('facet.year'), 'HHI', t('minerals.top1'), t('minerals.top3'), t('sources')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, [...latest.values()].map((c) => h('tr', {},
        h('td', {}, human(c.mineral)), h('td', {}, String(c.year)), h('td', {}, c.hhi.toFixed(0)),
        h('td', {}, `${c.top1_country} ${c.top1_share.toFixed(1)} %`), h('td', {}, `${c.top3.join(', ')} ${c.top3_share.toFixed(1)} %`),
        h('td', { class: 'muted' }, c.source)))))),
    h('h2', {}, t('minerals.exposure', { country })), form,
    h('div', { class: 'scroll' }, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, [t('minerals.mineral'), t('minerals.domestic'), t('minerals.partners'), t('minerals.steps')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, exposure.map((e) => h('tr', {},
        h('td', {}, human(e.mineral)), h('td', {}, `${e.domestic_share.toFixed(1)} %`),
        h('td', {}, `${e.partner_share.toFixed(1)} %`, e.partners.length ? h('span', { class: 'muted' }, ` (${e.partners.map((p) => `${p.country} ${p.share.toFixed(1)}`).join(', ')})`) : ''),
        h('td', {}, e.steps.map((s) => `${dateText(s.date)} ${s.partner} +${s.added_share.toFixed(1)}`).join(' · ') || '–')))))));
}

// ---- profiles and partner matching ------------------------------------------

const profileHref = (id) => `#/profile/${encodeURIComponent(id)}`;
const PROFILE_LANGS = ['en', 'de', 'nb', 'nn', 'da', 'sv', 'fr', 'ja', 'nl', 'es', 'it', 'pt', 'pl'];
const PROFILE_TYPES = ['business_offer', 'business_request', 'technology_offer', 'technology_request', 'research_partner_search'];

function matchResults(results) {
  if (!results.length) return h('p', {}, t('match.none'));
  return h('ol', { class: 'match-list' }, results.map((r) => {
    const p = r.summary || { organization: {}, title: r.profile };
    return h('li', { class: 'card match' },
      h('h3', {}, link(profileHref(r.profile), p.title), ' ', h('span', { class: 'score' }, `${(r.score * 100).toFixed(0)}`)),
      h('p', { class: 'meta' }, `${p.organization.name || ''} · ${p.organization.subdivision || p.organization.country || ''} · ${human(p.type)}`),
      h('ul', { class: 'reasons', 'aria-label': t('match.reasons') }, r.reasons.map((why) => h('li', { class: why.weight < 0 ? 'neg' : '' },
        h('span', { class: 'bar', style: `width:${Math.min(100, Math.round(Math.abs(why.weight) * 250))}px` }),
        h('span', { class: 'w' }, `${why.weight >= 0 ? '+' : '−'}${Math.abs(why.weight).toFixed(2)}`), ' ', why.text))));
  }));
}

export async function matchView(root, _m, query) {
  const text = query.get('text') || '';
  const lang = query.get('language') || 'en';
  const type = query.get('type') || '';
  const area = h('textarea', { id: 'match-text', name: 'text', rows: 3 }, text);
  const langSel = h('select', { id: 'match-lang', name: 'language' }, PROFILE_LANGS.map((l) => h('option', { value: l, selected: l === lang }, l)));
  const typeSel = h('select', { id: 'match-type', name: 'type' }, h('option', { value: '' }, '–'),
    PROFILE_TYPES.map((x) => h('option', { value: x, selected: x === type }, human(x))));
  const form = h('form', { class: 'match-form', onsubmit: (e) => {
    e.preventDefault();
    location.hash = withQuery('#/match', { text: area.value.trim(), language: langSel.value, type: typeSel.value });
  } },
  h('label', { for: 'match-text' }, t('match.text')), area,
  h('div', { class: 'filters' }, h('label', { for: 'match-lang' }, t('match.language')), langSel,
    h('label', { for: 'match-type' }, t('match.type')), typeSel, h('button', { type: 'submit' }, t('match.button'))));
  append(root, h('h1', {}, t('match.title')), h('p', { class: 'hint' }, t('match.hint')), form);
  if (!text) return;
  const results = await post('match', { text, language: lang, ...(type ? { type } : {}), top: 10 });
  append(root, h('h2', {}, t('match.results')), matchResults(results));
}

export async function profilesView(root) {
  const list = await get('profiles');
  const input = h('input', { id: 'profile-filter', type: 'search', autocomplete: 'off' });
  const rows = list.map((p) => ({ text: [p.id, p.title, p.organization.name, p.organization.country, ...(p.sectors || [])].join(' ').toLowerCase(),
    el: h('li', { class: 'card' }, h('h3', {}, link(profileHref(p.id), p.title)),
      h('p', { class: 'meta' }, `${p.organization.name} · ${p.organization.subdivision || p.organization.country} · ${human(p.type)} · ${(p.sectors || []).map(human).join(', ')}`)) }));
  const count = h('p', { class: 'count' }, t('profiles.count', { n: list.length }));
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    let n = 0;
    for (const r of rows) { const on = !q || r.text.includes(q); r.el.hidden = !on; n += on; }
    count.textContent = t('profiles.count', { n });
  });
  append(root, h('h1', {}, t('profiles.title')),
    h('div', { class: 'filters' }, h('label', { for: 'profile-filter' }, t('profiles.filter')), input), count,
    h('ul', { class: 'agreement-list' }, rows.map((r) => r.el)));
}

export async function profileView(root, [id]) {
  const [p, matches] = await Promise.all([get(`profiles/${encodeURIComponent(id)}`), get(`profiles/${encodeURIComponent(id)}/matches`, { top: 10 })]);
  const o = p.organization;
  append(root, h('p', { class: 'crumbs' }, link('#/profiles', t('nav.profiles'))),
    h('h1', { lang: p.language }, p.title),
    h('p', { class: 'meta' }, `${o.name} · ${[o.city, o.subdivision || o.country].filter(Boolean).join(', ')} · ${human(o.kind)}${o.size ? ` · ${o.size}` : ''}`),
    p.summary ? h('p', { class: 'summary', lang: p.language }, p.summary) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, t('match.type')), h('dd', {}, human(p.type)),
      h('dt', {}, t('sectors')), h('dd', {}, (p.sectors || []).map(human).join(', ') || '–'),
      h('dt', {}, t('profile.technologies')), h('dd', {}, (p.technologies || []).join(', ') || '–'),
      h('dt', {}, t('profile.targets')), h('dd', {}, [...(p.target_countries || []), ...(p.target_subdivisions || [])].join(', ') || '–'),
      h('dt', {}, t('profile.cooperation')), h('dd', {}, (p.cooperation || []).map(human).join(', ') || '–'),
      h('dt', {}, t('profile.deadline')), h('dd', {}, p.deadline || t('profile.open')),
      h('dt', {}, t('profile.interests')), h('dd', {}, String(p.interests))),
    h('h2', {}, t('profile.matches')), matchResults(matches));
}
