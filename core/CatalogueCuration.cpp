// The Catalogue's part in a Practice Spotlight cycle: editions and categories, the submission
// template, letters of recognition, the live event's floor list, and the privacy check. The
// rest of the facade is in Catalogue.cpp.
#include "Catalogue.h"
#include "Error.h"
#include "io/Csv.h"
#include "io/ExhibitCsv.h"
#include "io/Letter.h"
#include "io/PdfDocumentInfo.h"
#include "io/SubmissionTemplate.h"
#include "storage/Stores.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentMap>

#include <tuple>

namespace spotlight {

std::optional<Edition> Catalogue::currentEdition() const
{
    for (const Edition& edition : editions()) { // newest first
        if (!edition.archived) {
            return edition;
        }
    }
    return std::nullopt;
}

QByteArray Catalogue::floorListCsv(const QString& query) const
{
    QList<Exhibit> standing;
    for (const Exhibit& exhibit : exhibits(query)) {
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

void Catalogue::writeSubmissionTemplate(const QString& csvPath) const
{
    const std::optional<Edition> current = currentEdition();
    SubmissionTemplate::write(csvPath, current ? &*current : nullptr,
                              current ? categories(current->name) : QList<Category>());
}

QString Catalogue::letterHtml(const Exhibit& exhibit, const QString& templateText) const
{
    return mergedLetter(exhibit, checkedLetterTemplate(templateText));
}

QString Catalogue::checkedLetterTemplate(const QString& templateText)
{
    const QString text = templateText.isEmpty() ? Letter::defaultTemplate() : templateText;
    Letter::checkTemplate(text);
    return text;
}

QString Catalogue::mergedLetter(const Exhibit& exhibit, const QString& checkedTemplate) const
{
    const QList<Edition> all = editions();
    const auto edition =
        std::find_if(all.begin(), all.end(), [&exhibit](const Edition& e) { return e.name == exhibit.edition; });
    const QDateTime epoch = sourceDateEpoch();
    const QDate date = epoch.isValid() ? epoch.date() : QDate::currentDate();
    return Letter::merge(checkedTemplate, Letter::fieldsFor(exhibit, edition == all.end() ? nullptr : &*edition,
                                                            categories(exhibit.edition), date));
}

QStringList Catalogue::writeLetters(const QList<Exhibit>& chosen, const QString& directory,
                                    const QString& templateText) const
{
    const QString checkedTemplate = checkedLetterTemplate(templateText); // read and checked once for every letter
    if (!QDir().mkpath(directory)) {
        throw Error(QStringLiteral("Cannot create the folder %1 for the letters.").arg(directory));
    }
    QStringList skipped;
    for (const Exhibit& exhibit : chosen) {
        if (exhibit.reviews.isEmpty()) {
            skipped << exhibit.ref;
            continue;
        }
        Letter::write(mergedLetter(exhibit, checkedTemplate),
                      QStringLiteral("Letter of Recognition: %1").arg(exhibit.title),
                      QDir(directory).filePath(exhibit.ref + QStringLiteral(".pdf")));
    }
    return skipped;
}

QList<PrivacyFinding> Catalogue::privacyFindings(const QString& query) const
{
    return privacyFindings(exhibits(query));
}

QList<PrivacyFinding> Catalogue::privacyFindings(const QList<Exhibit>& chosen) const
{
    if (!m_privacyCheck) {
        m_privacyCheck = std::make_unique<PrivacyCheck>();
    }
    // The scan reads text only, so exhibits are shared out between the cores; the order is kept.
    const PrivacyCheck& check = *m_privacyCheck;
    const QList<QList<PrivacyFinding>> perExhibit =
        QtConcurrent::blockingMapped(chosen, [&check](const Exhibit& exhibit) { return check.scan(exhibit); });
    QList<PrivacyFinding> findings;
    for (const QList<PrivacyFinding>& some : perExhibit) {
        findings << some;
    }
    m_stores->privacyReviews.annotate(findings);
    return findings;
}

} // namespace spotlight
