// kb's agreement merging: which stored events state the same agreement, and
// which the same act of it. Pure logic; the store persists what it decides.
//
// An agreement belongs to one set of parties (by actor id). Events of that
// set whose instruments are compatible join one agreement; within it, events
// with a compatible stage and date are one act, reported by several sources,
// and the acts in date order are the agreement's timeline (signed 2014,
// extended 2017, renewed 2026). A second signing at another date, however,
// is another agreement between the same parties.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pactum::kb {

// "3,17": the sorted, distinct actor ids of an event's parties; the key
// under which a party set's agreements are found. "" for no parties.
std::string party_key(std::vector<std::int64_t> actor_ids);

// YYYY[-MM[-DD]] dates that may mean the same day: equal, one a prefix of the
// other ("2023" and "2023-05-05"), or either unknown ("").
bool dates_compatible(std::string_view a, std::string_view b);
// The more precise of two compatible dates.
std::string more_precise_date(std::string_view a, std::string_view b);

// Instruments that may name one agreement: equal, either generic ("other",
// "negotiations": the talks that lead to a specific instrument), or both
// declarations of intent (memorandum of understanding, letter of intent,
// joint declaration), which sources use for one another.
bool instruments_compatible(std::string_view a, std::string_view b);
bool is_generic_instrument(std::string_view instrument);

// Stages that may describe one act: equal, or announced and signed.
bool stages_compatible(std::string_view a, std::string_view b);

// One act of an agreement as known so far.
struct ActState {
  std::int64_t id = 0;  // the store's id (0 for one not stored yet)
  std::string stage, date;
};

// One agreement of a party set as known so far.
struct AgreementState {
  std::int64_t id = 0;
  std::string instrument;
  std::vector<ActState> acts;
};

// The event to place.
struct EventFact {
  std::int64_t event_id = 0;
  std::string instrument, stage, date;
};

// Where an event goes: an agreement of the candidates (index) or a new one,
// and an act of that agreement (index) or a new one.
struct Placement {
  std::optional<std::size_t> agreement;
  std::optional<std::size_t> act;
};

// Places an event among the agreements its party set already has. Prefers an
// agreement with a matching act; else the latest compatible agreement in
// which the event's act does not clash (a clash: a second signing at an
// incompatible date); else a new agreement.
Placement place(const EventFact& e, const std::vector<AgreementState>& agreements);

// Applies a placement: adds the agreement or act if new, refines the act's
// date and the agreement's instrument (a generic one gives way to a
// specific one). Returns the indexes of the agreement and act used.
std::pair<std::size_t, std::size_t> apply(const EventFact& e, const Placement& p,
                                          std::vector<AgreementState>& agreements);

// The agreements of one party set from its events in order: place() and
// apply() on each, which is what incremental stores do one event at a time.
// Returns, per event, the (agreement, act) indexes into `out`.
std::vector<std::pair<std::size_t, std::size_t>> merge(const std::vector<EventFact>& events,
                                                        std::vector<AgreementState>& out);

}  // namespace pactum::kb
