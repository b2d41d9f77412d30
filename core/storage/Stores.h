#pragma once

#include "storage/AuthorityStore.h"
#include "storage/ChangeLogStore.h"
#include "storage/EditionStore.h"
#include "storage/ExhibitStore.h"
#include "storage/PrivacyReviewStore.h"
#include "storage/PrivacyScanStore.h"
#include "storage/SavedSearchStore.h"
#include "storage/TagStore.h"

namespace spotlight {

class Database;

// The stores of one open catalogue, wired to its connection.
struct Stores
{
    explicit Stores(const Database& database)
        : authorities(database)
        , editions(database)
        , tags(database)
        , exhibits(database, authorities, editions, tags)
        , savedSearches(database)
        , changeLog(database)
        , privacyReviews(database)
        , privacyScans(database)
    {}

    AuthorityStore authorities;
    EditionStore editions;
    TagStore tags;
    ExhibitStore exhibits;
    SavedSearchStore savedSearches;
    ChangeLogStore changeLog;
    PrivacyReviewStore privacyReviews;
    PrivacyScanStore privacyScans;
};

} // namespace spotlight
