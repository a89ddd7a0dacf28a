// The partnership network as an interactive graph (cytoscape), filterable by
// sector and year; a node opens its actor. A table lists the same nodes for
// keyboard and screen-reader users.
import cytoscape from './vendor/cytoscape.mjs';
import { h, append, human } from './dom.js';
import { t } from './i18n.js';
import { get } from './api.js';

const palette = ['#1b7f5f', '#2b6cb0', '#b7791f', '#9b2c2c', '#6b46c1', '#2c7a7b', '#c05621', '#4a5568'];

export async function networkView(root, _m, query) {
  const sector = query.get('sector') || '', since = query.get('since') || '', until = query.get('until') || '';
  const [net, matrix] = await Promise.all([get('network', { sector, since, until }), get('matrix')]);
  const sectorSelect = h('select', { id: 'net-sector', name: 'sector' }, h('option', { value: '' }, t('network.all_sectors')),
    matrix.sectors.map((s) => h('option', { value: s, selected: s === sector }, human(s))));
  const sinceInput = h('input', { id: 'net-since', name: 'since', type: 'number', min: 1950, max: 2100, value: since, inputmode: 'numeric' });
  const untilInput = h('input', { id: 'net-until', name: 'until', type: 'number', min: 1950, max: 2100, value: until, inputmode: 'numeric' });
  const form = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    const qs = new URLSearchParams();
    if (sectorSelect.value) qs.set('sector', sectorSelect.value);
    if (sinceInput.value) qs.set('since', sinceInput.value);
    if (untilInput.value) qs.set('until', untilInput.value);
    location.hash = `#/network${qs.toString() ? `?${qs}` : ''}`;
  } },
  h('label', { for: 'net-sector' }, t('facet.sector')), sectorSelect,
  h('label', { for: 'net-since' }, t('since')), sinceInput,
  h('label', { for: 'net-until' }, t('until')), untilInput,
  h('button', { type: 'submit' }, t('apply')));
  const box = h('div', { id: 'graph', class: 'graph', role: 'img', 'aria-label': t('network.aria', { nodes: net.nodes.length, edges: net.edges.length }) });
  append(root, h('h1', {}, t('network.title')), form,
    h('p', { class: 'count' }, t('network.count', { nodes: net.nodes.length, edges: net.edges.length })), box);
  const elements = [
    ...net.nodes.map((n) => ({ data: { id: String(n.id), label: n.name, size: 14 + 6 * Math.sqrt(n.degree), color: palette[n.community % palette.length] } })),
    ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: String(e.source), target: String(e.target), weight: e.weight } })),
  ];
  // Lay out once the box is in the document (it needs a size).
  requestAnimationFrame(() => {
    const cy = cytoscape({
      container: box,
      elements,
      style: [
        { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 10, color: '#222', 'text-wrap': 'ellipsis', 'text-max-width': 120 } },
        { selector: 'edge', style: { width: 'mapData(weight, 1, 5, 1, 6)', 'line-color': '#9aa5b1', opacity: 0.7 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 8000 },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (ev) => { location.hash = `#/actor/${encodeURIComponent(ev.target.data('label'))}`; });
    root.__cy = cy;
  });
  const top = [...net.nodes].sort((a, b) => b.degree - a.degree || b.betweenness - a.betweenness).slice(0, 30);
  append(root, h('h2', {}, t('network.central')),
    h('table', { class: 'table' }, h('thead', {}, h('tr', {}, [t('actor'), t('network.degree'), t('network.betweenness'), t('network.community')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, top.map((n) => h('tr', {}, h('td', {}, h('a', { href: `#/actor/${encodeURIComponent(n.name)}` }, n.name)),
        h('td', {}, String(n.degree)), h('td', {}, n.betweenness.toFixed(1)), h('td', {}, String(n.community)))))));
}
