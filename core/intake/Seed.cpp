#include "Seed.h"

#include "Error.h"
#include "intake/Importer.h"
#include "io/Csv.h"
#include "storage/Stores.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spotlight::Seed {
namespace {

QByteArray readResource(const QString& name)
{
    QFile file(QStringLiteral(":/seed/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(QStringLiteral("The embedded seed file %1 is missing from this build.").arg(name));
    }
    return file.readAll();
}

} // namespace

void loadAuthorities(Stores& stores)
{
    const CsvDocument csv = Csv::parse(readResource(QStringLiteral("authorities.csv")));
    if (!csv.problems.isEmpty() || csv.records.size() < 2) {
        throw Error(QStringLiteral("The embedded authorities.csv is malformed."));
    }
    QHash<QString, qsizetype> column;
    const QStringList header = csv.records.first().fields;
    for (qsizetype i = 0; i < header.size(); ++i) {
        column.insert(header.at(i), i);
    }
    for (qsizetype r = 1; r < csv.records.size(); ++r) {
        const QStringList& fields = csv.records.at(r).fields;
        auto cell = [&](const char* name) { return fields.value(column.value(QLatin1String(name), -1)); };
        Authority authority;
        authority.gssCode = cell("gss_code");
        authority.name = cell("name");
        authority.shortName = cell("short_name");
        authority.abbreviation = cell("abbreviation");
        authority.innerLondon = cell("london") == QLatin1String("inner");
        authority.tileRow = cell("tile_row").toInt();
        authority.tileColumn = cell("tile_column").toInt();
        authority.aliases = cell("aliases").split(QLatin1Char(';'), Qt::SkipEmptyParts);
        stores.authorities.insert(authority);
    }
}

void loadPracticeSpotlight2025(Stores& stores)
{
    const QJsonObject root = QJsonDocument::fromJson(readResource(QStringLiteral("editions.json"))).object();
    for (const QJsonValue& value : root.value(QStringLiteral("editions")).toArray()) {
        const QJsonObject object = value.toObject();
        Edition edition;
        edition.name = object.value(QStringLiteral("name")).toString();
        edition.year = object.value(QStringLiteral("year")).toInt();
        edition.event = object.value(QStringLiteral("event")).toString();
        edition.venue = object.value(QStringLiteral("venue")).toString();
        edition.description = object.value(QStringLiteral("description")).toString();
        stores.editions.insert(edition);
        for (const QJsonValue& category : object.value(QStringLiteral("categories")).toArray()) {
            stores.editions.insert(Category{edition.name, category[QLatin1String("name")].toString(),
                                            category[QLatin1String("sponsor")].toString(),
                                            category[QLatin1String("description")].toString()});
        }
    }
    const ImportPlan plan =
        Importer(stores).planCsv(readResource(QStringLiteral("exhibits.csv")), QStringLiteral("exhibits.csv"), {});
    if (!plan.isValid()) {
        throw Error(QStringLiteral("The embedded seed exhibits do not import: %1")
                        .arg(plan.problems().join(QLatin1Char('\n'))));
    }
    Importer::apply(stores, plan);
}

} // namespace spotlight::Seed
