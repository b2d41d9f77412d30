#pragma once

#include "Exhibit.h"

#include <QList>
#include <QString>

#include <optional>

namespace spotlight {

// The curator's workflow (PRODUCT.md section 2): which status an exhibit may move to next, and
// why a move is refused. The moves, each also allowed in reverse where it says so:
//
//   draft -> submitted               the borough has sent it in (needs a summary and a contact)
//   submitted -> in review           a panel has it; back to draft to return it to the borough
//   in review -> recognised          needs a recorded review; back to submitted
//   recognised -> showcased          picked for the live event; back to recognised
//   recognised, showcased -> archived   after the cycle; archived goes back to recognised
//   any but archived -> withdrawn    the borough withdrew it; withdrawn goes back to draft
//
// Imports and undo restore whole states and are not moves.
namespace StatusWorkflow {

// The statuses `exhibit` may move to now, in workflow order.
QList<CurationStatus> nextStatuses(const Exhibit& exhibit);
// Why `exhibit` cannot move to `to`, or nothing when it can.
std::optional<QString> refusal(const Exhibit& exhibit, CurationStatus to);

} // namespace StatusWorkflow
} // namespace spotlight
