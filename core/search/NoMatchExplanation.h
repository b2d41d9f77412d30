#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace spotlight {

// Why a query found nothing, for a person to act on: the terms that must all match, and which of
// them to blame. A term is to blame when the query finds exhibits without it; a window offers to
// drop it, and the command line prints the message. Works on the query's text alone, through
// a function that counts matches, so it holds no SQL and runs wherever searches run.
struct NoMatchExplanation
{
    struct Culprit
    {
        QString term;         // as typed, e.g. outcome, tag:send, "exact phrase"
        QString queryWithout; // the query without it, every other term as typed
        qint64 matchesWithout = 0;
        bool matchesAlone = false; // false: the term finds nothing even on its own
    };

    QStringList terms;       // the terms that must all match, as typed, in order
    QList<Culprit> culprits; // in the order of the query
    QString message;         // one or two sentences; empty when there is nothing to explain

    bool isEmpty() const { return message.isEmpty(); }

    // Counts how many exhibits a query matches; may throw QueryError.
    using Counter = std::function<qint64(const QString& query)>;
    // The explanation for `query`, which is taken to match nothing. A query that cannot be parsed
    // gets none: its error says more.
    static NoMatchExplanation of(const QString& query, const Counter& count);
    // How a term is named in a message: 'outcome'.
    static QString quoted(const QString& term);
};

} // namespace spotlight
