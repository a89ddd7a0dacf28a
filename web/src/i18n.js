// UI strings from i18n/<lang>.json; English fills any gap.
const supported = ['en', 'de', 'nb', 'ja'];
let strings = {}, fallback = {}, current = 'en';

async function load(lang) {
  const res = await fetch(`i18n/${lang}.json`);
  if (!res.ok) throw new Error(`i18n/${lang}.json: ${res.status}`);
  return res.json();
}

export async function setLanguage(lang) {
  if (!supported.includes(lang)) lang = 'en';
  if (!Object.keys(fallback).length) fallback = await load('en');
  strings = lang === 'en' ? fallback : await load(lang);
  current = lang;
  document.documentElement.lang = lang;
  try { localStorage.setItem('pactum.lang', lang); } catch { /* private mode */ }
}

export function initialLanguage() {
  let saved = null;
  try { saved = localStorage.getItem('pactum.lang'); } catch { /* private mode */ }
  if (saved && supported.includes(saved)) return saved;
  const nav = (navigator.language || 'en').slice(0, 2);
  if (nav === 'no' || nav === 'nn') return 'nb';
  return supported.includes(nav) ? nav : 'en';
}

export function language() { return current; }

// t('hits', {n: 3}) with "{n} documents" in the file.
export function t(key, vars = {}) {
  const s = strings[key] ?? fallback[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}
