#include "CsvPublisher.h"

#include "Catalogue.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"

#include <tuple>

namespace spotlight {

CsvPublisher::CsvPublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

void CsvPublisher::write(const QString& query, QIODevice& out) const
{
    write(m_catalogue.matchingIds(query), out);
}

void CsvPublisher::write(const QList<qint64>& ids, QIODevice& out) const
{
    m_catalogue.streamCsv(ids, out);
}

QByteArray CsvPublisher::floorList(const QString& query) const
{
    QList<Exhibit> standing;
    for (const Exhibit& exhibit : m_catalogue.exhibits(query)) {
        if (!exhibit.standNumber.isEmpty()) {
            standing << exhibit;
        }
    }
    // Stand 2 before stand 10, and numbered stands before named ones such as "Foyer".
    auto standKey = [](const QString& stand) {
        bool numbered = false;
        const int number = stand.toInt(&numbered);
        return std::tuple{!numbered, numbered ? number : 0, stand};
    };
    std::stable_sort(standing.begin(), standing.end(), [&standKey](const Exhibit& a, const Exhibit& b) {
        return standKey(a.standNumber) < standKey(b.standNumber);
    });
    QList<QStringList> records{{QStringLiteral("stand"), QStringLiteral("title"), QStringLiteral("lead_authority"),
                                QStringLiteral("partner_authorities"), QStringLiteral("contact_name"),
                                QStringLiteral("contact_role"), QStringLiteral("contact_email")}};
    for (const Exhibit& exhibit : standing) {
        QStringList record;
        for (const QString& cell : {exhibit.standNumber, exhibit.title, exhibit.leadAuthority,
                                    exhibit.partnerAuthorities.join(QLatin1Char(';')), exhibit.contact.name,
                                    exhibit.contact.role, exhibit.contact.email}) {
            record << ExhibitCsv::neutralise(cell);
        }
        records << record;
    }
    return Csv::write(records, true);
}

} // namespace spotlight
