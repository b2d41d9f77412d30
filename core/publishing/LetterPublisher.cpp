#include "LetterPublisher.h"

#include "Catalogue.h"
#include "Error.h"
#include "io/PdfDocumentInfo.h"

#include <QDir>

namespace spotlight {

LetterPublisher::LetterPublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

QList<Exhibit> LetterPublisher::lettered(const QList<Exhibit>& exhibits)
{
    QList<Exhibit> reviewed;
    for (const Exhibit& exhibit : exhibits) {
        if (!exhibit.reviews.isEmpty()) {
            reviewed << exhibit;
        }
    }
    return reviewed;
}

QString LetterPublisher::html(const Exhibit& exhibit, const Letter::Template& letterTemplate) const
{
    const QString text = letterTemplate.html.isEmpty() ? Letter::defaultTemplate() : letterTemplate.html;
    Letter::checkTemplate(text);
    return merged(exhibit, text);
}

LetterPublisher::Checked LetterPublisher::checked(const Letter::Template& letterTemplate)
{
    const QString text = letterTemplate.html.isEmpty() ? Letter::defaultTemplate() : letterTemplate.html;
    Letter::checkTemplate(text);
    return {text, Letter::readLetterhead(Letter::letterheadPath({text, letterTemplate.folder}))};
}

QString LetterPublisher::merged(const Exhibit& exhibit, const QString& checkedHtml) const
{
    const QList<Edition> all = m_catalogue.editions();
    const auto edition =
        std::find_if(all.begin(), all.end(), [&exhibit](const Edition& e) { return e.name == exhibit.edition; });
    const QDateTime epoch = sourceDateEpoch();
    const QDate date = epoch.isValid() ? epoch.date() : QDate::currentDate();
    return Letter::merge(checkedHtml, Letter::fieldsFor(exhibit, edition == all.end() ? nullptr : &*edition,
                                                        m_catalogue.categories(exhibit.edition), date));
}

QStringList LetterPublisher::write(const QList<Exhibit>& exhibits, const QString& directory,
                                   const Letter::Template& letterTemplate) const
{
    const Checked letter = checked(letterTemplate);
    if (!QDir().mkpath(directory)) {
        throw Error(QStringLiteral("Cannot create the folder %1 for the letters.").arg(directory));
    }
    QStringList skipped;
    for (const Exhibit& exhibit : exhibits) {
        if (exhibit.reviews.isEmpty()) {
            skipped << exhibit.ref;
            continue;
        }
        Letter::write(merged(exhibit, letter.html), QStringLiteral("Letter of Recognition: %1").arg(exhibit.title),
                      QDir(directory).filePath(exhibit.ref + QStringLiteral(".pdf")), letter.letterhead);
    }
    return skipped;
}

QStringList LetterPublisher::writeCombined(const QList<Exhibit>& exhibits, const QString& path,
                                           const Letter::Template& letterTemplate) const
{
    const Checked letter = checked(letterTemplate);
    QStringList letters;
    QStringList skipped;
    for (const Exhibit& exhibit : exhibits) {
        if (exhibit.reviews.isEmpty()) {
            skipped << exhibit.ref;
        } else {
            letters << merged(exhibit, letter.html);
        }
    }
    if (letters.isEmpty()) {
        throw Error(QStringLiteral("None of the %1 exhibit(s) has a recorded review, so there is no letter to write.")
                        .arg(exhibits.size()));
    }
    Letter::write(letters, QStringLiteral("Letters of Recognition (%1)").arg(letters.size()), path, letter.letterhead);
    return skipped;
}

int LetterPublisher::paint(const Exhibit& exhibit, QPagedPaintDevice& device,
                           const Letter::Template& letterTemplate) const
{
    const Checked letter = checked(letterTemplate);
    return Letter::paint(merged(exhibit, letter.html), device, letter.letterhead);
}

} // namespace spotlight
