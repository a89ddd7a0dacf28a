// The web UI in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser is downloaded) against a real `pactum serve`:
// search with facets and highlighted evidence, an agreement with its evidence
// marked in each source's text, an actor, the network and the matrix, the
// four UI languages, samples in several languages (Japanese included), a
// phone-sized screen, the keyboard, and data shown as text (a `<script>` or
// an onerror attribute in a document never runs). Screenshots go to OUT_DIR
// and their paths are printed.
// Usage: node ui.test.mjs PATH/TO/pactum WEB_DIR OUT_DIR   (exit 77: skipped)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, check, finish } from '../../tests/api/server.mjs';

const [pactum, web, outDir] = process.argv.slice(2);
const chromium = process.env.PACTUM_CHROMIUM || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(chromium) || !existsSync(resolve(here, '..', 'node_modules', 'playwright-core')) || !existsSync(resolve(web, 'index.html'))) {
  console.log('web.browser: skipped (needs /usr/bin/chromium, web/node_modules and the built UI: scripts/build.sh)');
  process.exit(77);
}
const { chromium: pw } = await import('playwright-core');
const i18n = Object.fromEntries(['en', 'de', 'nb', 'ja'].map((l) => [l, JSON.parse(readFileSync(resolve(here, '..', 'src', 'i18n', `${l}.json`), 'utf8'))]));
mkdirSync(outDir, { recursive: true });

const server = await startServer({ pactum, web });
const base = server.url;
// A document whose title and text hold markup: it must show as text.
const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
// Sent as plain text, so that no HTML reader strips the markup on the way in.
const ing = await fetch(`${base}api/ingest?source=hostile.txt`, {
  method: 'POST',
  headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${server.token}` },
  body: `Zetaport ${hostile}\n\nZetaport, 5 May 2025. Norway and Japan signed a memorandum of understanding on hydrogen in Zetaport. ${hostile}\n`,
});
check(ing.status === 200, `ingest of the hostile document: ${ing.status}`);
const prof = await fetch(`${base}api/profiles`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
  body: JSON.stringify({ id: 'xss-001', organization: { name: `Evil ${hostile}`, kind: 'company', country: 'NO' },
    type: 'technology_offer', title: `Hydrogen storage ${hostile}`, language: 'en', sectors: ['hydrogen'], target_countries: ['JP'] }),
});
check(prof.status === 200, `a profile with markup is stored: ${prof.status} ${await prof.text()}`);
// A JSON record whose url is a script and whose title and text hold markup,
// and a curation whose author and note do.
const ing2 = await fetch(`${base}api/ingest`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
  body: JSON.stringify({ url: 'javascript:window.__xss=5', title: `Yotaport ${hostile}`, published: '2025-06-01',
    text: `Yotaport, 1 June 2025. Denmark and India signed a memorandum of understanding on offshore wind. ${hostile}` }),
});
check(ing2.status === 200, `ingest of a record with a script URL: ${ing2.status}`);
const yota = (await (await fetch(`${base}api/search?q=Yotaport`)).json());
const yotaDoc = (yota.hits || yota)[0]?.document_id;
const yotaEvent = yotaDoc ? (await (await fetch(`${base}api/documents/${yotaDoc}`)).json()).events?.[0]?.id : undefined;
if (yotaEvent) {
  const cur = await fetch(`${base}api/curation/events/${yotaEvent}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ status: 'confirmed', author: `Mallory ${hostile}`, note: `note ${hostile}` }),
  });
  check(cur.status === 200, `a curation with markup is stored: ${cur.status}`);
}

const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const shots = [];
async function shot(page, name) {
  const path = resolve(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
}
const errors = [];
const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
const page = await context.newPage();
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

try {
  // ---- search, by keyboard --------------------------------------------------
  await page.goto(base);
  await page.waitForSelector('#q');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.className === 'skip'), 'Tab first reaches the skip link');
  check(await page.locator('label[for="q"]').count() === 1, 'the search box has a label');
  await page.focus('#q');
  await page.keyboard.type('hydrogen');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.hit');
  const hits = await page.locator('.hit').count();
  check(hits >= 5, `search "hydrogen" shows hits (${hits})`);
  const marks = await page.locator('.hit blockquote.evidence').count();
  check(marks >= 3, `hits show their evidence (${marks})`);
  const langs = new Set(await page.locator('.hit .lang-tag').allTextContents());
  check(langs.size >= 4 && langs.has('ja'), `hydrogen finds documents in ${[...langs].join(', ')} (>= 4 with Japanese)`);
  check(await page.locator('.facet').count() >= 4, 'facets are shown');
  await shot(page, 'search-hydrogen');
  // a facet narrows the hits
  await page.locator('.facet a', { hasText: /^ja \(/ }).first().click();
  await page.waitForFunction(() => location.hash.includes('language=ja'));
  await page.waitForSelector('.hit');
  const jaTags = await page.locator('.hit .lang-tag').allTextContents();
  check(jaTags.length > 0 && jaTags.every((l) => l === 'ja'), `the language facet keeps Japanese hits only (${jaTags.join(',')})`);
  const jaText = (await page.locator('.hit').first().textContent()) || '';
  check(/[\u3040-\u30ff\u4e00-\u9fff]/.test(jaText), 'Japanese hit text renders as Japanese characters');
  await shot(page, 'search-facet-ja');

  // ---- an agreement with its evidence marked in the original ---------------
  await page.goto(`${base}#/agreements`);
  await page.waitForSelector('.agreement h3 a');
  // the agreement with the most sources
  const target = await page.evaluate(async () => {
    const list = await (await fetch('api/agreements?limit=1000')).json();
    list.sort((a, b) => b.sources.length - a.sources.length || b.languages.length - a.languages.length);
    return list[0].id;
  });
  await page.locator(`a[href="#/agreement/${target}"]`).first().click();
  await page.waitForSelector('mark.evidence-mark');
  const sources = await page.locator('article.source').count();
  const marked = await page.locator('article.source mark.evidence-mark').count();
  check(sources >= 2 && marked >= sources, `agreement ${target}: ${sources} sources, ${marked} marked evidence sentences`);
  // (A source with two of the agreement's acts lists them by date, while its
  // text marks them in reading order: the first mark is one of them.)
  const firstSource = page.locator('article.source').first();
  const evidence = (await firstSource.locator('blockquote.evidence').allTextContents()).join('\n');
  const mark = (await firstSource.locator('mark.evidence-mark').first().textContent()) || '';
  check(mark.length > 10 && evidence.includes(mark), 'the marked sentence in the text is the evidence shown');
  check(await page.locator('dl.facts a').count() >= 2, 'the parties link to their actor pages');
  await shot(page, 'agreement');

  // ---- an actor ---------------------------------------------------------------
  await page.locator('dl.facts a').first().click();
  await page.waitForSelector('table.bars');
  check(await page.locator('h1').textContent() !== '', 'actor page has a heading');
  check(await page.locator('.grid section').count() === 3, 'actor page shows partners, sectors and agreements over time');
  await shot(page, 'actor');

  // ---- actors, found by an alias -------------------------------------------
  await page.goto(`${base}#/actors`);
  await page.waitForSelector('#actor-filter');
  await page.fill('#actor-filter', 'Norge');
  const shown = await page.locator('.actor-list li:not([hidden]) a').allTextContents();
  check(shown.includes('Norway'), `the actor filter finds Norway by its alias Norge (${shown.slice(0, 5).join(', ')})`);
  await shot(page, 'actors');

  // ---- agreements filtered by a form ----------------------------------------
  await page.goto(`${base}#/agreements`);
  await page.waitForSelector('#ag-party');
  const all = await page.locator('.agreement').count();
  await page.fill('#ag-party', 'Japan');
  await page.press('#ag-party', 'Enter');
  await page.waitForFunction(() => location.hash.includes('party=Japan'));
  await page.waitForFunction((n) => { const k = document.querySelectorAll('.agreement').length; return k > 0 && k < n; }, all);
  const filtered = await page.locator('.agreement').count();
  const expected = (await (await fetch(`${base}api/agreements?party=Japan&limit=1000`)).json()).length;
  check(filtered > 0 && filtered === expected, `agreements filtered by party Japan: ${filtered} of ${all} (API: ${expected})`);

  // ---- network and matrix -----------------------------------------------------
  await page.goto(`${base}#/network`);
  await page.waitForSelector('#graph canvas', { timeout: 20000 });
  check(await page.locator('label[for="net-sector"]').count() === 1, 'network filters are labelled');
  await page.waitForTimeout(500);
  await shot(page, 'network');
  await page.selectOption('#net-sector', 'hydrogen');
  await page.click('.filters button');
  await page.waitForFunction(() => location.hash.includes('sector=hydrogen'));
  await page.waitForSelector('#graph canvas');
  const count = (await page.locator('.count').textContent()) || '';
  check(/\d/.test(count), `the network filtered to hydrogen: ${count}`);
  await page.goto(`${base}#/matrix`);
  await page.waitForSelector('table.matrix td a');
  check(await page.locator('table.matrix td a').count() > 5, 'the matrix has filled cells');
  await shot(page, 'matrix');
  await page.goto(`${base}#/minerals?country=JP`);
  await page.waitForSelector('#min-country');
  const rows = await page.locator('table.table tbody tr').count();
  check(rows >= 4, `the minerals view lists concentration and exposure (${rows} rows)`);
  await shot(page, 'minerals');

  // ---- data is text, never markup --------------------------------------------
  await page.goto(`${base}#/search?q=Zetaport`);
  await page.waitForSelector('.hit');
  const hitText = (await page.locator('.hit').first().textContent()) || '';
  check(hitText.includes('<img src=x') && hitText.includes('<script>'), 'a hit with markup shows the markup as text');
  await page.locator('.hit h3 a').first().click();
  await page.waitForSelector('.doc-text');
  check((await page.locator('.doc-text').textContent()).includes('<script>window.__xss=2</script>'), 'document text with markup shows as text');
  check(await page.evaluate(() => window.__xss === undefined), 'no script from data ran');
  check(await page.locator('main img, main script').count() === 0, 'no element was made from data');
  await shot(page, 'escaped-markup');

  // ---- partner match -------------------------------------------------------
  await page.goto(`${base}#/match`);
  await page.waitForSelector('#match-text');
  check(await page.locator('label[for="match-text"]').count() === 1, 'the match form is labelled');
  await page.fill('#match-text', 'Wir suchen japanische Partner für Wasserstoffspeicherung und Brennstoffzellen');
  const matchLangs = await page.locator('#match-lang option').allTextContents();
  check(matchLangs.includes('de') && matchLangs.includes('pt') && matchLangs.includes('ja'), `the match form lists the server's profile languages (${matchLangs.join(' ')})`);
  await page.selectOption('#match-lang', 'de');
  await page.click('.match-form button');
  await page.waitForSelector('.match');
  const ranked = await page.locator('.match').count();
  const reasons = await page.locator('.match ul.reasons li').count();
  check(ranked >= 3 && reasons >= ranked, `a match ranks partners with reasons (${ranked} partners, ${reasons} reasons)`);
  const firstOrg = (await page.locator('.match .meta').first().textContent()) || '';
  check(/JP/.test(firstOrg), `the best partner for a Japanese hydrogen request is in Japan: ${firstOrg}`);
  await shot(page, 'match');
  await page.locator('.match h3 a').first().click();
  await page.waitForSelector('dl.facts');
  check(await page.locator('.match').count() > 0, 'a profile page lists its best partners');
  await shot(page, 'profile');
  await page.goto(`${base}#/profile/xss-001`);
  await page.waitForSelector('dl.facts');
  check(((await page.locator('main h1').textContent()) || '').includes('<script>'), 'a profile title with markup shows as text');
  check(await page.evaluate(() => window.__xss === undefined), 'no script from a profile ran');
  check(await page.locator('main img, main script').count() === 0, 'no element was made from a profile');
  await shot(page, 'profile-escaped');
  // Every view that shows stored text: markup from data is text, a script URL no link.
  const views = ['#/search?q=Yotaport', '#/agreements', '#/actors', '#/profiles', '#/match'];
  if (yotaDoc) views.push(`#/document/${yotaDoc}`);
  if (yotaEvent) {
    const ev = await (await fetch(`${base}api/events/${yotaEvent}`)).json();
    if (ev.agreement) views.push(`#/agreement/${ev.agreement}`);
  }
  for (const view of views) {
    await page.goto(`${base}${view}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    check(await page.locator('main img, main script, main iframe').count() === 0, `${view}: no element was made from data`);
    check(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count() === 0, `${view}: no script link`);
    check(await page.evaluate(() => window.__xss === undefined), `${view}: no script from data ran`);
  }
  if (yotaDoc) {
    await page.goto(`${base}#/document/${yotaDoc}`);
    await page.waitForSelector('main h1');
    const meta = (await page.locator('main').textContent()) || '';
    // (A JSON record's title and text lose their markup on the way in; the URL is kept as given.)
    check(meta.includes('javascript:window.__xss=5'), `the script URL shows as text: ${meta.slice(0, 300)}`);
    await shot(page, 'document-script-url');
  }

  // ---- four UI languages -----------------------------------------------------
  await page.goto(`${base}#/search?q=Norway`);
  for (const lang of ['de', 'nb', 'ja', 'en']) {
    await page.selectOption('#lang', lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.waitForSelector('.hit');
    const nav = (await page.locator('#nav a').first().textContent()) || '';
    check(nav === i18n[lang]['nav.search'], `UI in ${lang}: nav says "${nav}"`);
    const heading = (await page.locator('main h1').textContent()) || '';
    check(heading === i18n[lang]['search.title'], `UI in ${lang}: heading "${heading}"`);
    await shot(page, `ui-${lang}`);
  }
  // the choice survives a reload
  await page.selectOption('#lang', 'ja');
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  check(true, 'language kept across reloads');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  // ---- samples in several languages render -----------------------------------
  for (const lang of ['en', 'de', 'nb', 'ja', 'fr']) {
    await page.goto(`${base}#/search?q=hydrogen&language=${lang}`);
    await page.waitForSelector('.hit, .hits p');
    const n = await page.locator('.hit').count();
    check(n > 0, `samples in ${lang} are found and shown (${n})`);
  }
  await page.goto(`${base}#/search?q=${encodeURIComponent('水素')}`);
  await page.waitForSelector('.hit');
  check(await page.locator('.hit').count() > 0, 'a Japanese query finds documents');
  await shot(page, 'search-ja-query');

  // ---- a phone ---------------------------------------------------------------
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const p2 = await phone.newPage();
  await p2.goto(`${base}#/search?q=hydrogen`);
  await p2.waitForSelector('.hit');
  const overflow = await p2.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
  await shot(p2, 'phone-search');
  await p2.goto(`${base}#/agreement/${target}`);
  await p2.waitForSelector('mark.evidence-mark');
  await shot(p2, 'phone-agreement');
  await phone.close();

  check(errors.length === 0, `no errors in the browser console: ${errors.join(' | ')}`);
} catch (e) {
  check(false, `browser test stopped: ${e.stack || e}`);
  await shot(page, 'failure').catch(() => {});
} finally {
  await browser.close();
  const { code } = await server.stop();
  check(code === 0, `server stopped cleanly (${code})`);
}
console.log('screenshots:');
for (const s of shots) console.log(`  ${s}`);
finish('web.browser');
