#include "PublicationGate.h"

#include "Catalogue.h"

#include <QSet>

namespace spotlight {
namespace {

constexpr qsizetype BatchSize = 2000;

void add(PublicationGate::Verdict& verdict, QSet<QString>& seen, const QList<PrivacyFinding>& findings)
{
    for (const PrivacyFinding& finding : findings) {
        if (finding.reviewed) {
            continue;
        }
        ++verdict.unreviewed;
        if (!seen.contains(finding.exhibitRef)) {
            seen.insert(finding.exhibitRef);
            verdict.refs << finding.exhibitRef;
            verdict.titles << finding.exhibitTitle;
        }
    }
}

} // namespace

PublicationGate::Verdict PublicationGate::check(const Catalogue& catalogue, const QList<qint64>& ids)
{
    Verdict verdict;
    QSet<QString> seen;
    for (qsizetype start = 0; start < ids.size(); start += BatchSize) {
        add(verdict, seen, catalogue.privacyFindingsOf(ids.mid(start, BatchSize)));
    }
    verdict.refs.sort();
    verdict.titles.sort();
    return verdict;
}

PublicationGate::Verdict PublicationGate::check(const Catalogue& catalogue, const QList<Exhibit>& exhibits)
{
    Verdict verdict;
    QSet<QString> seen;
    add(verdict, seen, catalogue.privacyFindings(exhibits));
    verdict.refs.sort();
    verdict.titles.sort();
    return verdict;
}

} // namespace spotlight
