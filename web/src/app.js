// pactum's web UI: a hash router over the views. Every view is a function
// (main element, route parameters) that fetches from the API and renders.
import { h, clear } from './dom.js';
import { t, setLanguage, initialLanguage, language } from './i18n.js';
import * as views from './views.js';

const routes = [
  [/^#\/?$/, views.searchView],
  [/^#\/search$/, views.searchView],
  [/^#\/agreements$/, views.agreementsView],
  [/^#\/agreement\/(\d+)$/, views.agreementView],
  [/^#\/document\/(\d+)$/, views.documentView],
  [/^#\/actor\/(.+)$/, views.actorView],
  [/^#\/actors$/, views.actorsView],
  [/^#\/network$/, async (main, m, q) => (await import('./network.js')).networkView(main, m, q)],
  [/^#\/matrix$/, views.matrixView],
  [/^#\/minerals$/, views.mineralsView],
  [/^#\/match$/, views.matchView],
  [/^#\/profiles$/, views.profilesView],
  [/^#\/profile\/(.+)$/, views.profileView],
];

function parseHash() {
  const raw = location.hash || '#/';
  const [path, query = ''] = raw.split('?');
  return { path, query: new URLSearchParams(query) };
}

function renderNav() {
  const nav = document.getElementById('nav');
  clear(nav);
  const here = parseHash().path;
  const links = [['#/search', 'nav.search'], ['#/agreements', 'nav.agreements'], ['#/actors', 'nav.actors'], ['#/network', 'nav.network'],
    ['#/matrix', 'nav.matrix'], ['#/minerals', 'nav.minerals'], ['#/match', 'nav.match'], ['#/profiles', 'nav.profiles']];
  nav.append(h('ul', {}, links.map(([href, key]) => h('li', {},
    h('a', { href, 'aria-current': here === href || (href === '#/search' && (here === '#/' || here === '#')) ? 'page' : null }, t(key))))));
  document.getElementById('lang-label').textContent = t('language');
  document.querySelector('.skip').textContent = t('skip');
}

let renderId = 0;
async function render() {
  const id = ++renderId;
  renderNav();
  const main = document.getElementById('main');
  const { path, query } = parseHash();
  for (const [re, view] of routes) {
    const m = path.match(re);
    if (!m) continue;
    clear(main).append(h('p', { class: 'loading' }, t('loading')));
    try {
      const node = document.createElement('div');
      await view(node, m.slice(1).map(decodeURIComponent), query);
      if (id !== renderId) return;
      clear(main).append(node);
    } catch (e) {
      if (id !== renderId) return;
      clear(main).append(h('div', { class: 'error', role: 'alert' }, h('h1', {}, t('error')), h('p', {}, e.message)));
    }
    return;
  }
  clear(main).append(h('div', { class: 'error', role: 'alert' }, h('h1', {}, t('not_found'))));
}

async function start() {
  await setLanguage(initialLanguage());
  const select = document.getElementById('lang');
  select.value = language();
  select.addEventListener('change', async () => { await setLanguage(select.value); render(); });
  window.addEventListener('hashchange', () => { render().then(() => document.getElementById('main').focus()); });
  await render();
}

start();
