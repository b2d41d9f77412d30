#include "NoMatchExplanation.h"

#include "search/Query.h"
#include "search/QueryEdit.h"
#include "search/TextIndex.h"

namespace spotlight {
namespace {

// Beyond this many terms, counting the query without each one costs more than it tells: nobody
// types twenty words expecting every one to match.
constexpr std::size_t MostTermsWeighed = 12;

// A word with nothing searchable in it ("*") is dropped before the search runs, so it is never
// to blame and is not named.
bool searchable(const QueryNode& term)
{
    return !term.isText() || !TextIndex::words(term.text).isEmpty();
}

QString listed(const QStringList& terms)
{
    QStringList quoted;
    for (const QString& term : terms) {
        quoted << NoMatchExplanation::quoted(term);
    }
    if (quoted.size() <= 1) {
        return quoted.join(QString());
    }
    return quoted.mid(0, quoted.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + quoted.last();
}

} // namespace

QString NoMatchExplanation::quoted(const QString& term)
{
    return QLatin1Char('\'') + term + QLatin1Char('\'');
}

NoMatchExplanation NoMatchExplanation::of(const QString& query, const Counter& count)
{
    NoMatchExplanation explanation;
    QueryNode root;
    try {
        root = QueryParser::parse(query);
    } catch (const QueryError&) {
        return explanation;
    }
    const std::vector<QueryNode> terms = QueryEdit::andedTerms(root);
    std::vector<std::size_t> weighed;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (searchable(terms[i])) {
            explanation.terms << query.mid(terms[i].spanColumn - 1, terms[i].spanLength);
            weighed.push_back(i);
        }
    }
    if (explanation.terms.isEmpty()) {
        explanation.message = QStringLiteral("There are no exhibits in this catalogue yet.");
        return explanation;
    }
    if (explanation.terms.size() == 1) {
        explanation.message = QStringLiteral("No exhibits match %1.").arg(quoted(explanation.terms.first()));
        return explanation;
    }

    explanation.message =
        QStringLiteral("No exhibits match all of: %1.").arg(explanation.terms.join(QStringLiteral(", ")));
    if (weighed.size() > MostTermsWeighed) {
        return explanation;
    }
    for (qsizetype n = 0; n < explanation.terms.size(); ++n) {
        Culprit culprit;
        culprit.term = explanation.terms.at(n);
        culprit.queryWithout = QueryEdit::withoutTerm(query, weighed[std::size_t(n)]);
        try {
            culprit.matchesWithout = count(culprit.queryWithout);
            if (culprit.matchesWithout > 0) {
                culprit.matchesAlone = count(culprit.term) > 0;
                explanation.culprits << culprit;
            }
        } catch (const QueryError&) {
            // Without this term the query reads differently and cannot run: not a way out.
        }
    }

    QStringList culprits;
    QStringList unknown; // culprits that match nothing even alone: likely misspelt
    for (const Culprit& culprit : std::as_const(explanation.culprits)) {
        culprits << culprit.term;
        if (!culprit.matchesAlone) {
            unknown << culprit.term;
        }
    }
    if (culprits.isEmpty()) {
        explanation.message += QStringLiteral(" Leaving out any one of them still finds none.");
    } else if (culprits.size() == 1) {
        const Culprit& only = explanation.culprits.first();
        explanation.message +=
            QStringLiteral(" %1 matches nothing %2; without it, %3 %4.")
                .arg(quoted(only.term),
                     only.matchesAlone ? QStringLiteral("with the others") : QStringLiteral("at all"),
                     QString::number(only.matchesWithout),
                     only.matchesWithout == 1 ? QStringLiteral("exhibit matches") : QStringLiteral("exhibits match"));
    } else {
        explanation.message +=
            QStringLiteral(" Each of %1 matches nothing with the others: leave one out.").arg(listed(culprits));
        if (!unknown.isEmpty()) {
            explanation.message +=
                QStringLiteral(" %1 %2 nothing at all.")
                    .arg(listed(unknown), unknown.size() == 1 ? QStringLiteral("matches") : QStringLiteral("match"));
        }
    }
    return explanation;
}

} // namespace spotlight
