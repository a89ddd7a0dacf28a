// Agreement merging rules (see agreements.h).
#include "kb/agreements.h"

#include <algorithm>

namespace pactum::kb {

std::string party_key(std::vector<std::int64_t> actor_ids) {
  std::sort(actor_ids.begin(), actor_ids.end());
  actor_ids.erase(std::unique(actor_ids.begin(), actor_ids.end()), actor_ids.end());
  std::string out;
  for (std::int64_t id : actor_ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

bool dates_compatible(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return true;
  std::size_t n = std::min(a.size(), b.size());
  return a.substr(0, n) == b.substr(0, n);
}

std::string more_precise_date(std::string_view a, std::string_view b) {
  return std::string(a.size() >= b.size() ? a : b);
}

bool is_generic_instrument(std::string_view instrument) {
  return instrument == "other" || instrument == "negotiations" || instrument.empty();
}

namespace {

// Declarations of intent that sources name interchangeably: one German
// "Absichtserklärung" is reported as a letter of intent, a memorandum of
// understanding or a joint declaration.
bool is_declaration_of_intent(std::string_view i) {
  return i == "memorandum_of_understanding" || i == "letter_of_intent" || i == "joint_declaration";
}

}  // namespace

bool instruments_compatible(std::string_view a, std::string_view b) {
  return a == b || is_generic_instrument(a) || is_generic_instrument(b) ||
         (is_declaration_of_intent(a) && is_declaration_of_intent(b));
}

bool stages_compatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto signing = [](std::string_view s) { return s == "announced" || s == "signed"; };
  return signing(a) && signing(b);
}

namespace {

// A signing at a known date that differs from a signing the agreement
// already has: two signed MoUs between the same parties are two agreements.
bool clashes(const EventFact& e, const AgreementState& a) {
  if (e.stage != "signed" || e.date.empty()) return false;
  for (const ActState& act : a.acts) {
    if (act.stage == "signed" && !act.date.empty() && !dates_compatible(act.date, e.date)) return true;
  }
  return false;
}

std::optional<std::size_t> matching_act(const EventFact& e, const AgreementState& a) {
  for (std::size_t i = 0; i < a.acts.size(); ++i) {
    if (stages_compatible(a.acts[i].stage, e.stage) && dates_compatible(a.acts[i].date, e.date)) return i;
  }
  return std::nullopt;
}

}  // namespace

Placement place(const EventFact& e, const std::vector<AgreementState>& agreements) {
  // Latest first: a pair's newest agreement is the likeliest to continue.
  for (std::size_t i = agreements.size(); i-- > 0;) {
    const AgreementState& a = agreements[i];
    if (!instruments_compatible(a.instrument, e.instrument)) continue;
    if (auto act = matching_act(e, a)) return {i, act};
  }
  for (std::size_t i = agreements.size(); i-- > 0;) {
    const AgreementState& a = agreements[i];
    if (!instruments_compatible(a.instrument, e.instrument) || clashes(e, a)) continue;
    return {i, std::nullopt};
  }
  return {};
}

std::pair<std::size_t, std::size_t> apply(const EventFact& e, const Placement& p,
                                          std::vector<AgreementState>& agreements) {
  std::size_t ai = p.agreement.value_or(agreements.size());
  if (!p.agreement) agreements.push_back({0, e.instrument, {}});
  AgreementState& a = agreements[ai];
  if (is_generic_instrument(a.instrument) && !is_generic_instrument(e.instrument)) {
    a.instrument = e.instrument;
  }
  std::size_t act = p.act.value_or(a.acts.size());
  if (!p.act) {
    a.acts.push_back({0, e.stage, e.date});
  } else {
    ActState& s = a.acts[act];
    s.date = more_precise_date(s.date, e.date);
    // "signed" says more than "announced" about the same act.
    if (s.stage == "announced" && e.stage == "signed") s.stage = "signed";
  }
  return {ai, act};
}

std::vector<std::pair<std::size_t, std::size_t>> merge(const std::vector<EventFact>& events,
                                                        std::vector<AgreementState>& out) {
  std::vector<std::pair<std::size_t, std::size_t>> where;
  where.reserve(events.size());
  for (const EventFact& e : events) where.push_back(apply(e, place(e, out), out));
  return where;
}

}  // namespace pactum::kb
