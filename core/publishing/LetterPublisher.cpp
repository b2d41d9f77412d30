#include "LetterPublisher.h"

#include "Catalogue.h"
#include "Error.h"
#include "io/Letter.h"
#include "io/PdfDocumentInfo.h"

#include <QDir>

namespace spotlight {

LetterPublisher::LetterPublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

QString LetterPublisher::html(const Exhibit& exhibit, const QString& templateText) const
{
    return merged(exhibit, checkedTemplate(templateText));
}

QString LetterPublisher::checkedTemplate(const QString& templateText)
{
    const QString text = templateText.isEmpty() ? Letter::defaultTemplate() : templateText;
    Letter::checkTemplate(text);
    return text;
}

QString LetterPublisher::merged(const Exhibit& exhibit, const QString& checkedTemplate) const
{
    const QList<Edition> all = m_catalogue.editions();
    const auto edition =
        std::find_if(all.begin(), all.end(), [&exhibit](const Edition& e) { return e.name == exhibit.edition; });
    const QDateTime epoch = sourceDateEpoch();
    const QDate date = epoch.isValid() ? epoch.date() : QDate::currentDate();
    return Letter::merge(checkedTemplate, Letter::fieldsFor(exhibit, edition == all.end() ? nullptr : &*edition,
                                                            m_catalogue.categories(exhibit.edition), date));
}

QStringList LetterPublisher::write(const QList<Exhibit>& exhibits, const QString& directory,
                                   const QString& templateText) const
{
    const QString checked = checkedTemplate(templateText); // read and checked once for every letter
    if (!QDir().mkpath(directory)) {
        throw Error(QStringLiteral("Cannot create the folder %1 for the letters.").arg(directory));
    }
    QStringList skipped;
    for (const Exhibit& exhibit : exhibits) {
        if (exhibit.reviews.isEmpty()) {
            skipped << exhibit.ref;
            continue;
        }
        Letter::write(merged(exhibit, checked), QStringLiteral("Letter of Recognition: %1").arg(exhibit.title),
                      QDir(directory).filePath(exhibit.ref + QStringLiteral(".pdf")));
    }
    return skipped;
}

} // namespace spotlight
