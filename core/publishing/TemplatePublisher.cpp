#include "TemplatePublisher.h"

#include "Catalogue.h"
#include "io/SubmissionTemplate.h"

namespace spotlight {

TemplatePublisher::TemplatePublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

void TemplatePublisher::write(const QString& csvPath) const
{
    const std::optional<Edition> current = m_catalogue.currentEdition();
    SubmissionTemplate::write(csvPath, current ? &*current : nullptr,
                              current ? m_catalogue.categories(current->name) : QList<Category>());
}

} // namespace spotlight
