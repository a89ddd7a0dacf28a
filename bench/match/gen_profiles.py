#!/usr/bin/env python3
"""Generates the partner-matching benchmark (bench/match/README.md).

Scenarios: an organization in country A asks for a partner in country B on a
topic; the partner that fits (in B, offering the topic, targeting A) writes
in B's language, so the pair often shares no word. Each scenario adds three
near-misses: the right topic in the wrong direction (another request), the
request's own words but expired, the request's words from a country neither
side targets. A quarter of the partners write in the requester's language
(as an exporter does), the rest in their own. Distractors on other topics
fill the set.

Output (deterministic for a seed): profiles.jsonl, qrels.tsv (query,
profile, grade: 2 the scenario's partner, 1 another complementary, open
profile of the same sector whose geography fits both ways), agreements.jsonl
(region pairs with agreements on a sector, as the store would hold them).
All phrases are ours.
"""
import argparse
import json
import random

LANG = {"DE": "de", "JP": "ja", "NO": "nb", "FR": "fr", "NL": "nl", "ES": "es", "GB": "en", "SE": "en"}
REGIONS = {
    "DE": [("DE-NW", "Essen"), ("DE-BY", "München"), ("DE-HH", "Hamburg")],
    "JP": [("JP-07", "Fukushima"), ("JP-13", "Tokyo"), ("JP-40", "Fukuoka")],
    "NO": [("NO-46", "Bergen"), ("NO-50", "Trondheim"), ("NO-03", "Oslo")],
    "FR": [("FR-HDF", "Lille"), ("FR-ARA", "Lyon"), ("FR-OCC", "Toulouse")],
    "NL": [("NL-ZH", "Rotterdam"), ("NL-GR", "Groningen"), ("NL-NB", "Eindhoven")],
    "ES": [("ES-GA", "Vigo"), ("ES-PV", "Bilbao"), ("ES-AN", "Sevilla")],
    "GB": [("GB-ABE", "Aberdeen"), ("GB-MAN", "Manchester"), ("GB-BIR", "Birmingham")],
    "SE": [("SE-AC", "Skellefteå"), ("SE-O", "Göteborg"), ("SE-M", "Malmö")],
}
# Country names as each language writes them.
CNAME = {
    "en": {"DE": "Germany", "JP": "Japan", "NO": "Norway", "FR": "France", "NL": "the Netherlands", "ES": "Spain", "GB": "the United Kingdom", "SE": "Sweden"},
    "de": {"DE": "Deutschland", "JP": "Japan", "NO": "Norwegen", "FR": "Frankreich", "NL": "den Niederlanden", "ES": "Spanien", "GB": "Großbritannien", "SE": "Schweden"},
    "nb": {"DE": "Tyskland", "JP": "Japan", "NO": "Norge", "FR": "Frankrike", "NL": "Nederland", "ES": "Spania", "GB": "Storbritannia", "SE": "Sverige"},
    "fr": {"DE": "Allemagne", "JP": "Japon", "NO": "Norvège", "FR": "France", "NL": "Pays-Bas", "ES": "Espagne", "GB": "Royaume-Uni", "SE": "Suède"},
    "nl": {"DE": "Duitsland", "JP": "Japan", "NO": "Noorwegen", "FR": "Frankrijk", "NL": "Nederland", "ES": "Spanje", "GB": "het Verenigd Koninkrijk", "SE": "Zweden"},
    "es": {"DE": "Alemania", "JP": "Japón", "NO": "Noruega", "FR": "Francia", "NL": "los Países Bajos", "ES": "España", "GB": "el Reino Unido", "SE": "Suecia"},
    "ja": {"DE": "ドイツ", "JP": "日本", "NO": "ノルウェー", "FR": "フランス", "NL": "オランダ", "ES": "スペイン", "GB": "英国", "SE": "スウェーデン"},
}
# Topics: sectors and the technology in each language.
TOPICS = [
    ("h2_storage", ["hydrogen"], {
        "en": "hydrogen storage in metal hydrides", "de": "Wasserstoffspeicherung in Metallhydriden",
        "nb": "lagring av hydrogen i metallhydrider", "fr": "stockage de l'hydrogène dans des hydrures métalliques",
        "nl": "opslag van waterstof in metaalhydriden", "es": "almacenamiento de hidrógeno en hidruros metálicos",
        "ja": "水素吸蔵合金による水素貯蔵"}),
    ("electrolysis", ["hydrogen"], {
        "en": "PEM electrolysers for green hydrogen", "de": "PEM-Elektrolyseure für grünen Wasserstoff",
        "nb": "PEM-elektrolysører for grønt hydrogen", "fr": "électrolyseurs PEM pour l'hydrogène vert",
        "nl": "PEM-elektrolysers voor groene waterstof", "es": "electrolizadores PEM para hidrógeno verde",
        "ja": "グリーン水素のためのPEM水電解装置"}),
    ("fuel_cell_trucks", ["fuel_cells", "green_transport"], {
        "en": "fuel cell drives for heavy trucks", "de": "Brennstoffzellenantriebe für schwere Lkw",
        "nb": "brenselcelledrift for tunge lastebiler", "fr": "piles à combustible pour poids lourds",
        "nl": "brandstofcelaandrijving voor zware vrachtwagens", "es": "pilas de combustible para camiones pesados",
        "ja": "大型トラック向け燃料電池駆動"}),
    ("floating_wind", ["offshore_wind"], {
        "en": "floating foundations for offshore wind farms", "de": "schwimmende Fundamente für Offshore-Windparks",
        "nb": "flytende fundamenter for havvind", "fr": "fondations flottantes pour l'éolien en mer",
        "nl": "drijvende funderingen voor offshore windparken", "es": "cimentaciones flotantes para eólica marina",
        "ja": "浮体式洋上風力発電の基礎"}),
    ("battery_recycling", ["batteries", "critical_minerals"], {
        "en": "recycling of lithium-ion batteries", "de": "Recycling von Lithium-Ionen-Batterien",
        "nb": "gjenvinning av litiumionbatterier", "fr": "recyclage des batteries lithium-ion",
        "nl": "recycling van lithium-ionbatterijen", "es": "reciclaje de baterías de iones de litio",
        "ja": "リチウムイオン電池のリサイクル"}),
    ("solid_state", ["batteries"], {
        "en": "solid-state batteries for ships", "de": "Festkörperbatterien für Schiffe",
        "nb": "faststoffbatterier for skip", "fr": "batteries à l'état solide pour navires",
        "nl": "vastestofbatterijen voor schepen", "es": "baterías de estado sólido para barcos",
        "ja": "船舶用全固体電池"}),
    ("co2_storage", ["ccus"], {
        "en": "capture and storage of CO2 from cement plants", "de": "Abscheidung und Speicherung von CO2 aus Zementwerken",
        "nb": "fangst og lagring av CO2 fra sementfabrikker", "fr": "captage et stockage du CO2 des cimenteries",
        "nl": "afvang en opslag van CO2 uit cementfabrieken", "es": "captura y almacenamiento de CO2 de cementeras",
        "ja": "セメント工場からのCO2回収・貯留"}),
    ("heat_pumps", ["energy_efficiency"], {
        "en": "industrial heat pumps for process heat", "de": "Industriewärmepumpen für Prozesswärme",
        "nb": "industrielle varmepumper for prosessvarme", "fr": "pompes à chaleur industrielles pour la chaleur de procédé",
        "nl": "industriële warmtepompen voor proceswarmte", "es": "bombas de calor industriales para calor de proceso",
        "ja": "産業用ヒートポンプによるプロセス熱"}),
    ("aquaculture", ["seafood"], {
        "en": "closed salmon farming systems", "de": "geschlossene Lachszuchtanlagen",
        "nb": "lukkede anlegg for lakseoppdrett", "fr": "systèmes fermés d'élevage de saumon",
        "nl": "gesloten systemen voor zalmkweek", "es": "sistemas cerrados de cría de salmón",
        "ja": "閉鎖型サーモン養殖システム"}),
    ("diagnostics", ["medical_technology"], {
        "en": "point-of-care diagnostic devices", "de": "patientennahe Diagnosegeräte",
        "nb": "pasientnært diagnoseutstyr", "fr": "dispositifs de diagnostic au point de soins",
        "nl": "diagnostische apparaten voor zorg aan het bed", "es": "dispositivos de diagnóstico en el punto de atención",
        "ja": "ポイントオブケア診断機器"}),
    ("solar_pv", ["renewable_energy"], {
        "en": "bifacial solar modules for agrivoltaics", "de": "bifaziale Solarmodule für Agri-Photovoltaik",
        "nb": "bifasiale solcellemoduler for agrivoltaikk", "fr": "modules solaires bifaciaux pour l'agrivoltaïsme",
        "nl": "bifaciale zonnepanelen voor agrivoltaïek", "es": "módulos solares bifaciales para agrovoltaica",
        "ja": "営農型太陽光発電用の両面受光型モジュール"}),
    ("ammonia_shipping", ["ammonia", "maritime"], {
        "en": "ammonia as fuel for ships", "de": "Ammoniak als Schiffskraftstoff",
        "nb": "ammoniakk som drivstoff for skip", "fr": "l'ammoniac comme carburant pour navires",
        "nl": "ammoniak als brandstof voor schepen", "es": "amoníaco como combustible para barcos",
        "ja": "船舶燃料としてのアンモニア"}),
]
# Sentences per language: {t} topic, {c} city, {g} target country name.
TEXT = {
    "en": {"offer_title": "We offer {t}", "request_title": "Partner wanted: {t}",
           "research_title": "Research partner for {t}",
           "offer": "Our company in {c} has developed {t} and offers it to partners in {g} through licences or joint ventures.",
           "request": "Our organisation in {c} is looking for a supplier of {t} and wants to work with companies from {g}.",
           "research": "Our institute in {c} seeks universities and research centres in {g} for a joint project on {t}."},
    "de": {"offer_title": "Wir bieten {t}", "request_title": "Partner gesucht: {t}",
           "research_title": "Forschungspartner für {t}",
           "offer": "Unser Unternehmen in {c} hat {t} entwickelt und bietet sie Partnern in {g} über Lizenzen oder Joint Ventures an.",
           "request": "Unsere Organisation in {c} sucht einen Lieferanten für {t} und möchte mit Unternehmen aus {g} zusammenarbeiten.",
           "research": "Unser Institut in {c} sucht Hochschulen und Forschungszentren in {g} für ein gemeinsames Projekt zu {t}."},
    "nb": {"offer_title": "Vi tilbyr {t}", "request_title": "Partner søkes: {t}",
           "research_title": "Forskningspartner for {t}",
           "offer": "Selskapet vårt i {c} har utviklet {t} og tilbyr dette til partnere i {g} gjennom lisenser eller fellesforetak.",
           "request": "Organisasjonen vår i {c} søker en leverandør av {t} og vil samarbeide med bedrifter fra {g}.",
           "research": "Instituttet vårt i {c} søker universiteter og forskningssentre i {g} for et felles prosjekt om {t}."},
    "fr": {"offer_title": "Nous proposons {t}", "request_title": "Partenaire recherché : {t}",
           "research_title": "Partenaire de recherche pour {t}",
           "offer": "Notre entreprise à {c} a développé {t} et les propose à des partenaires en {g} par licence ou coentreprise.",
           "request": "Notre organisation à {c} cherche un fournisseur de {t} et souhaite travailler avec des entreprises de {g}.",
           "research": "Notre institut à {c} cherche des universités et des centres de recherche en {g} pour un projet commun sur {t}."},
    "nl": {"offer_title": "Wij bieden {t}", "request_title": "Partner gezocht: {t}",
           "research_title": "Onderzoekspartner voor {t}",
           "offer": "Ons bedrijf in {c} heeft {t} ontwikkeld en biedt dit aan partners in {g} via licenties of joint ventures.",
           "request": "Onze organisatie in {c} zoekt een leverancier van {t} en wil samenwerken met bedrijven uit {g}.",
           "research": "Ons instituut in {c} zoekt universiteiten en onderzoekscentra in {g} voor een gezamenlijk project over {t}."},
    "es": {"offer_title": "Ofrecemos {t}", "request_title": "Se busca socio: {t}",
           "research_title": "Socio de investigación para {t}",
           "offer": "Nuestra empresa en {c} ha desarrollado {t} y lo ofrece a socios en {g} mediante licencias o empresas conjuntas.",
           "request": "Nuestra organización en {c} busca un proveedor de {t} y quiere trabajar con empresas de {g}.",
           "research": "Nuestro instituto en {c} busca universidades y centros de investigación en {g} para un proyecto conjunto sobre {t}."},
    "ja": {"offer_title": "{t}を提供します", "request_title": "{t}のパートナーを募集",
           "research_title": "{t}に関する共同研究パートナー募集",
           "offer": "{c}の当社は{t}を開発し、{g}のパートナーにライセンスや合弁事業を通じて提供します。",
           "request": "{c}の当団体は{t}の供給者を探しており、{g}の企業との協力を希望しています。",
           "research": "{c}の研究所は{t}に関する共同プロジェクトのため、{g}の大学や研究機関を探しています。"},
}
KIND = {"offer": "company", "request": "cluster", "research": "research"}
PAIRS = {"technology": ("technology_request", "technology_offer"),
         "business": ("business_request", "business_offer"),
         "research": ("research_partner_search", "research_partner_search")}


def make(pid, country, region, city, lang, ptype, topic, targets, target_regions, deadline, rng, kind=None):
    _, sectors, names = topic
    words = TEXT[lang]
    role = "research" if ptype == "research_partner_search" else ("offer" if ptype.endswith("offer") else "request")
    g = CNAME[lang][targets[0]] if targets else CNAME[lang]["JP"]
    t = names[lang]
    return {
        "id": pid,
        "organization": {"name": f"Org {pid}", "kind": kind or KIND[role], "country": country,
                         "subdivision": region, "city": city, "size": "sme"},
        "type": ptype,
        "title": words[role + "_title"].format(t=t),
        "summary": words[role].format(t=t, c=city, g=g),
        "language": lang, "sectors": sectors, "technologies": [t],
        "target_countries": targets, "target_subdivisions": target_regions,
        "cooperation": ["research"] if role == "research" else ["licensing", "joint_venture"],
        "published": "2026-01-15", "deadline": deadline,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scenarios", type=int, default=60)
    ap.add_argument("--distractors", type=int, default=40)
    ap.add_argument("--out", default="bench/match/data")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    countries = sorted(REGIONS)
    profiles, queries, designed = [], [], set()
    for s in range(a.scenarios):
        topic = TOPICS[s % len(TOPICS)]
        kind = ["technology", "business", "research"][s % 3] if s % 5 else "technology"
        req_type, off_type = PAIRS[kind]
        ca, cb = rng.sample(countries, 2)
        cc = rng.choice([c for c in countries if c not in (ca, cb)])
        cd = rng.choice([c for c in countries if c not in (ca, cb, cc)])
        ra, city_a = rng.choice(REGIONS[ca])
        rb, city_b = rng.choice(REGIONS[cb])
        rc, city_c = rng.choice(REGIONS[cc])
        la, lb = LANG[ca], LANG[cb]
        if s % 4 == 3:
            lb = la  # a quarter of the partners write in the requester's language

        q = f"s{s:03d}-q"
        profiles.append(make(q, ca, ra, city_a, la, req_type, topic, [cb], [rb] if s % 2 else [], "2026-12-31", rng))
        good = f"s{s:03d}-good"
        good_kind = "university" if kind == "research" else None
        profiles.append(make(good, cb, rb, city_b, lb, off_type, topic, [ca], [], "2027-06-30", rng, good_kind))
        designed.add((q, good))
        # Near-misses.
        wrong_dir = req_type if kind != "research" else "technology_request"
        profiles.append(make(f"s{s:03d}-dir", cb, rb, city_b, lb, wrong_dir, topic, [ca], [], "2026-12-31", rng, "company"))
        exp = make(f"s{s:03d}-exp", cb, rb, city_b, la, off_type, topic, [ca], [], "2025-06-30", rng, good_kind)
        exp["published"] = "2025-01-10"
        profiles.append(exp)
        profiles.append(make(f"s{s:03d}-geo", cc, rc, city_c, la, off_type, topic, [cd], [], "2026-12-31", rng, good_kind))
        queries.append(q)
    for d in range(a.distractors):
        topic = rng.choice(TOPICS)
        c = rng.choice(countries)
        r, city = rng.choice(REGIONS[c])
        t = rng.choice([x for x in countries if x != c])
        ptype = rng.choice(["technology_offer", "business_offer", "technology_request", "business_request"])
        profiles.append(make(f"d{d:03d}", c, r, city, LANG[c], ptype, topic, [t], [], "2026-12-31", rng, "company"))

    by_id = {p["id"]: p for p in profiles}
    complementary = {("technology_request", "technology_offer"), ("business_request", "business_offer"),
                     ("research_partner_search", "research_partner_search")}

    def fits(targets, target_regions, country, region):
        return country in targets or region in target_regions

    with open(f"{a.out}/profiles.jsonl", "w", encoding="utf-8") as f:
        for p in profiles:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(f"{a.out}/qrels.tsv", "w", encoding="utf-8") as f:
        f.write("# query\tprofile\tgrade (2 the scenario's partner, 1 another good partner)\n")
        for q in queries:
            qp = by_id[q]
            for p in profiles:
                if p["id"] == q:
                    continue
                if (q, p["id"]) in designed:
                    grade = 2
                elif ((qp["type"], p["type"]) in complementary and set(qp["sectors"]) & set(p["sectors"])
                      and p["deadline"] >= "2026-03-01"
                      and fits(qp["target_countries"], qp["target_subdivisions"], p["organization"]["country"], p["organization"]["subdivision"])
                      and fits(p["target_countries"], p["target_subdivisions"], qp["organization"]["country"], qp["organization"]["subdivision"])):
                    grade = 1
                else:
                    continue
                f.write(f"{q}\t{p['id']}\t{grade}\n")
    # Agreements between some scenario regions on their topic's sector.
    with open(f"{a.out}/agreements.jsonl", "w", encoding="utf-8") as f:
        for s in range(0, a.scenarios, 4):
            qp, gp = by_id[f"s{s:03d}-q"], by_id[f"s{s:03d}-good"]
            f.write(json.dumps({"parties": [qp["organization"]["subdivision"], gp["organization"]["subdivision"]],
                                "sectors": qp["sectors"], "date": "2023-05"}) + "\n")
    print(f"{len(profiles)} profiles, {len(queries)} queries, languages {sorted({p['language'] for p in profiles})}")


if __name__ == "__main__":
    main()
