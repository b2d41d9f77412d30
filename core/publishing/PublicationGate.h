#pragma once

#include "domain/Exhibit.h"

#include <QList>
#include <QStringList>

namespace spotlight {

class Catalogue;

// What stands between a catalogue and anything published from it (a booklet, a CSV or JSON export,
// letters, a print, the web showcase): likely personal data in the chosen exhibits that no curator
// has reviewed. The command line and the window pass the same gate. It fails closed: when the check
// cannot run, it throws, and the caller publishes nothing.
class PublicationGate
{
public:
    struct Verdict
    {
        int unreviewed = 0; // findings no curator has reviewed
        QStringList refs;   // the exhibits holding them, sorted
        QStringList titles; // their titles, sorted

        bool clear() const { return unreviewed == 0; }
    };

    // The exhibits with these ids, a batch at a time so that memory stays flat; their findings are read
    // from where they are kept, and only exhibits changed since their last scan are scanned.
    static Verdict check(const Catalogue& catalogue, const QList<qint64>& ids);
    static Verdict check(const Catalogue& catalogue, const QList<Exhibit>& exhibits);
};

} // namespace spotlight
