#pragma once

#include "domain/Exhibit.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace spotlight {

class Catalogue;

// Letters of Recognition, merged from a template with each exhibit's edition and review. Reads only.
class LetterPublisher
{
public:
    explicit LetterPublisher(const Catalogue& catalogue);

    // The letter for `exhibit` as rich text, from `templateText` (the shipped template when empty).
    QString html(const Exhibit& exhibit, const QString& templateText = {}) const;
    // One letter per exhibit with a recorded review, written to DIR/REF.pdf; returns the refs of the
    // exhibits skipped because no review is recorded for them.
    QStringList write(const QList<Exhibit>& exhibits, const QString& directory, const QString& templateText = {}) const;

private:
    // `templateText`, or the shipped template when empty, once Letter::checkTemplate passes it.
    static QString checkedTemplate(const QString& templateText);
    QString merged(const Exhibit& exhibit, const QString& checkedTemplate) const;

    const Catalogue& m_catalogue;
};

} // namespace spotlight
