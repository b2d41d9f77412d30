#include "TemplatePublisher.h"

#include "Catalogue.h"
#include "io/SubmissionTemplate.h"

#include <QFileInfo>

namespace spotlight {

TemplatePublisher::TemplatePublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

void TemplatePublisher::write(const QString& path) const
{
    const std::optional<Edition> current = m_catalogue.currentEdition();
    const QList<Category> categories = current ? m_catalogue.categories(current->name) : QList<Category>();
    if (QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0) {
        QStringList authorities;
        for (const Authority& authority : m_catalogue.authorities()) {
            authorities << authority.name;
        }
        authorities.sort(Qt::CaseInsensitive);
        SubmissionTemplate::writeXlsx(path, current ? &*current : nullptr, categories, authorities);
        return;
    }
    SubmissionTemplate::write(path, current ? &*current : nullptr, categories);
}

} // namespace spotlight
