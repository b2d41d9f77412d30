#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace spotlight {

class Catalogue;

struct WebShowcaseOptions
{
    QString title = QStringLiteral("Practice Spotlight");
    QString introduction; // Markdown, on the home page
    // Where readers report an accessibility problem or ask for another format: the accessibility
    // statement must say, so publishing refuses without it.
    QString contactEmail;
    // The address the showcase will be published at, when known: the booklet's last page points to it.
    QString address;
    bool includeUnrecognised = false; // also exhibits that are not yet recognised or showcased
    bool booklet = true;              // the PDF booklet as a download, up to BookletLimit exhibits
};

struct WebShowcaseResult
{
    int exhibits = 0;
    int pages = 0; // HTML pages written
    bool booklet = false;
};

// The web showcase: a static, self-contained folder of accessible HTML pages (home with search and
// filters, one page per exhibit, authority, category, tag and evidence level, paged lists of all
// exhibits, an SVG map, an accessibility statement) with the CSV and the booklet of the same
// exhibits as downloads. It is the accessible published form of the catalogue: Qt 6.4 cannot
// write tagged PDF.
//
// It publishes what the public may see (PublicView), after the publication gate: while privacy
// findings in the chosen exhibits are unreviewed it refuses and writes nothing. The folder is built
// beside the target and moved into place only once complete, so a failure or a cancel leaves the
// earlier site whole; a folder that holds anything but an earlier showcase is never replaced. With
// SOURCE_DATE_EPOCH set, the same catalogue gives the same bytes.
class WebShowcasePublisher
{
public:
    static constexpr int ExhibitsPerPage = 100;
    static constexpr int BookletLimit = 10000;
    // The file that marks a folder as a showcase this program wrote, and so safe to replace.
    static QString markerFileName();

    // Called as pages are written; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    explicit WebShowcasePublisher(const Catalogue& catalogue);

    WebShowcaseResult publish(const QString& query, const WebShowcaseOptions& options, const QString& folder,
                              const Progress& progress = {}) const;
    WebShowcaseResult publish(const QList<qint64>& ids, const WebShowcaseOptions& options, const QString& folder,
                              const Progress& progress = {}) const;

private:
    const Catalogue& m_catalogue;
};

} // namespace spotlight
