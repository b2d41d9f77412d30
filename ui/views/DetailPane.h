#pragma once

#include "domain/Exhibit.h"
#include "domain/ExhibitMention.h"

#include <QHash>
#include <QTextBrowser>

#include <optional>

namespace spotlight {

// One exhibit, read in full: what the booklet prints, with its contact's email and its links live,
// and, on screen only, links to the exhibit it submits again and to those that submit it again.
class DetailPane : public QTextBrowser
{
    Q_OBJECT

public:
    // The exhibits linked to the one shown as resubmissions.
    struct Resubmissions
    {
        std::optional<ExhibitMention> earlier; // the one it submits again
        QList<ExhibitMention> later;           // those that submit it again
    };

    explicit DetailPane(QWidget* parent = nullptr);
    void showExhibit(const std::optional<Exhibit>& exhibit, const QHash<QString, QString>& tagColours,
                     const Resubmissions& resubmissions = {});

Q_SIGNALS:
    // A link to another exhibit was followed.
    void exhibitChosen(const QString& ref);

private:
    void follow(const QUrl& url);
};

} // namespace spotlight
