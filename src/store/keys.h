// How the store tells actors apart and compares names: the knowledge base's
// identity rules (kb/identity.h), under the names the store and the eval
// scorer have always used. One rule, defined once, in kb.
#pragma once

#include "kb/identity.h"

namespace pactum::store {

using kb::actor_key;
using kb::fold_case;
using kb::lowercase;

}  // namespace pactum::store
