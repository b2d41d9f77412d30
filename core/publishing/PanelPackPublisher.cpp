#include "PanelPackPublisher.h"

#include "Catalogue.h"
#include "Error.h"
#include "PublicView.h"
#include "domain/TextFold.h"
#include "io/PanelPackPdf.h"

#include <QDir>

namespace spotlight {

PanelPackPublisher::PanelPackPublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

int PanelPackPublisher::write(const Category& panel, const QString& path) const
{
    PanelPackPdf::Pack pack{panel, m_catalogue.criteriaOf(panel.edition), {}};
    for (const Catalogue::PanelReview& review : m_catalogue.panelReviews(panel)) {
        pack.submissions.append({PublicView::of(review.exhibit), review.exhibit});
    }
    if (pack.submissions.isEmpty()) {
        throw Error(
            QStringLiteral("\"%1\" of %2 has no exhibits for its panel to review.").arg(panel.name, panel.edition));
    }
    return PanelPackPdf::write(pack, path);
}

QStringList PanelPackPublisher::writeAll(const QString& edition, const QString& directory) const
{
    const QString wanted = m_catalogue.requireEdition(edition).name;
    QStringList written;
    for (const Category& category : m_catalogue.categories(wanted)) {
        if (m_catalogue.refsIn(category.edition, category.name).isEmpty()) {
            continue;
        }
        const QString path = QDir(directory).filePath(fileNameFor(category));
        write(category, path);
        written << path;
    }
    if (written.isEmpty()) {
        throw Error(QStringLiteral("No category of \"%1\" has exhibits for a panel to review.").arg(wanted));
    }
    return written;
}

QString PanelPackPublisher::fileNameFor(const Category& panel)
{
    const QString slug = slugify(panel.name);
    return QStringLiteral("panel-pack-%1.pdf").arg(slug.isEmpty() ? QStringLiteral("panel") : slug);
}

} // namespace spotlight
