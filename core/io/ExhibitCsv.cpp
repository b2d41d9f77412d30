#include "ExhibitCsv.h"

#include "io/Csv.h"

#include <QHash>

#include <functional>

namespace spotlight::ExhibitCsv {
namespace {

bool startsFormula(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@') ||
           c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool needsApostrophe(const QString& cell)
{
    if (cell.isEmpty()) {
        return false;
    }
    if (startsFormula(cell.front())) {
        return true;
    }
    return cell.size() > 1 && cell.front() == QLatin1Char('\'') &&
           (startsFormula(cell.at(1)) || cell.at(1) == QLatin1Char('\''));
}

} // namespace

const QStringList& columns()
{
    static const QStringList names{
        QStringLiteral("ref"),
        QStringLiteral("title"),
        QStringLiteral("lead_authority"),
        QStringLiteral("partner_authorities"),
        QStringLiteral("edition"),
        QStringLiteral("categories"),
        QStringLiteral("tags"),
        QStringLiteral("status"),
        QStringLiteral("summary"),
        QStringLiteral("description"),
        QStringLiteral("contact_name"),
        QStringLiteral("contact_role"),
        QStringLiteral("contact_email"),
        QStringLiteral("evidence_level"),
        QStringLiteral("contact_phone"),
    };
    return names;
}

QChar listSeparator()
{
    return QLatin1Char(';');
}

QString neutralise(const QString& cell)
{
    return needsApostrophe(cell) ? QLatin1Char('\'') + cell : cell;
}

QString restore(const QString& cell)
{
    if (cell.size() > 1 && cell.front() == QLatin1Char('\'') && needsApostrophe(cell.mid(1))) {
        return cell.mid(1);
    }
    return cell;
}

QStringList splitList(const QString& cell)
{
    QStringList items;
    for (const QString& item : cell.split(listSeparator())) {
        if (!item.trimmed().isEmpty()) {
            items << item.trimmed();
        }
    }
    return items;
}

QStringList toRecord(const Exhibit& exhibit)
{
    const QStringList cells{
        exhibit.ref,
        exhibit.title,
        exhibit.leadAuthority,
        exhibit.partnerAuthorities.join(listSeparator()),
        exhibit.edition,
        exhibit.categories.join(listSeparator()),
        exhibit.tags.join(listSeparator()),
        statusKey(exhibit.status),
        exhibit.summary,
        exhibit.description,
        exhibit.contact.name,
        exhibit.contact.role,
        exhibit.contact.email,
        QString::number(exhibit.evidenceLevel),
        exhibit.contact.phone,
    };
    QStringList record;
    record.reserve(cells.size());
    for (const QString& cell : cells) {
        record << neutralise(cell);
    }
    return record;
}

QByteArray write(const QList<Exhibit>& exhibits, bool byteOrderMark)
{
    QByteArray out = Csv::write({columns()}, byteOrderMark);
    for (const Exhibit& exhibit : exhibits) {
        Csv::appendRecord(out, toRecord(exhibit));
    }
    return out;
}

Exhibit overlay(const Exhibit& existing, const Exhibit& incoming, const QStringList& columns)
{
    Exhibit merged = existing;
    const QHash<QString, std::function<void()>> copy{
        {QStringLiteral("title"), [&] { merged.title = incoming.title; }},
        {QStringLiteral("lead_authority"), [&] { merged.leadAuthority = incoming.leadAuthority; }},
        {QStringLiteral("partner_authorities"), [&] { merged.partnerAuthorities = incoming.partnerAuthorities; }},
        {QStringLiteral("edition"), [&] { merged.edition = incoming.edition; }},
        {QStringLiteral("categories"), [&] { merged.categories = incoming.categories; }},
        {QStringLiteral("tags"), [&] { merged.tags = incoming.tags; }},
        {QStringLiteral("status"), [&] { merged.status = incoming.status; }},
        {QStringLiteral("summary"), [&] { merged.summary = incoming.summary; }},
        {QStringLiteral("description"), [&] { merged.description = incoming.description; }},
        {QStringLiteral("contact_name"), [&] { merged.contact.name = incoming.contact.name; }},
        {QStringLiteral("contact_role"), [&] { merged.contact.role = incoming.contact.role; }},
        {QStringLiteral("contact_email"),
         [&] {
             // Consent to publish covers the address it was given for, not a new one.
             merged.contact.emailPublic = merged.contact.emailPublic && merged.contact.email == incoming.contact.email;
             merged.contact.email = incoming.contact.email;
         }},
        {QStringLiteral("evidence_level"), [&] { merged.declaredLevel = incoming.declaredLevel; }},
        {QStringLiteral("contact_phone"),
         [&] {
             merged.contact.phonePublic = merged.contact.phonePublic && merged.contact.phone == incoming.contact.phone;
             merged.contact.phone = incoming.contact.phone;
         }},
    };
    for (const QString& column : columns) {
        if (const auto field = copy.constFind(column); field != copy.constEnd()) {
            (*field)();
        }
    }
    // Categories belong to an edition: a new edition without new categories leaves none behind.
    if (columns.contains(QStringLiteral("edition")) && !columns.contains(QStringLiteral("categories")) &&
        merged.edition != existing.edition) {
        merged.categories.clear();
    }
    return merged;
}

} // namespace spotlight::ExhibitCsv
