#pragma once

#include "domain/Exhibit.h"

namespace spotlight {

// What the public may see of the catalogue: the one rule every published form (the booklet, the
// web showcase and its downloads) takes its exhibits through. Curators' own data stays behind:
// the panels' reviews and feedback, the workflow status, tags under the curators' prefix, and a
// contact's email or phone number unless the contact agreed to it being published.
namespace PublicView {

// Recognised and showcased exhibits are published; the others only when a curator asks.
bool isPublished(CurationStatus status);
// The exhibit as published. Its status is left as it was for the caller to choose by, and is
// never printed by a published form.
Exhibit of(Exhibit exhibit);
QList<Exhibit> of(const QList<Exhibit>& exhibits);

} // namespace PublicView
} // namespace spotlight
