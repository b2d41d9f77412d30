#include "CsvPublisher.h"

#include "Catalogue.h"
#include "FloorListPublisher.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"

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
    const QList<Exhibit> standing = FloorListPublisher(m_catalogue).standing(query);
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
