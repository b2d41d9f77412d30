#pragma once

#include "domain/Exhibit.h"

#include <QHash>
#include <QTextBrowser>

#include <optional>

namespace spotlight {

// One exhibit, read in full: what the booklet prints, with its contact's email and its links live.
class DetailPane : public QTextBrowser
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget* parent = nullptr);
    void showExhibit(const std::optional<Exhibit>& exhibit, const QHash<QString, QString>& tagColours);
};

} // namespace spotlight
