#include "JsonPublisher.h"

#include "Catalogue.h"
#include "io/JsonCodec.h"

namespace spotlight {

JsonPublisher::JsonPublisher(const Catalogue& catalogue)
    : m_catalogue(catalogue)
{}

QByteArray JsonPublisher::write(const QString& query) const
{
    return write(m_catalogue.exhibits(query));
}

QByteArray JsonPublisher::write(const QList<Exhibit>& exhibits) const
{
    CatalogueDocument document;
    document.editions = m_catalogue.editions();
    document.categories = m_catalogue.categories();
    document.tags = m_catalogue.tags();
    document.savedSearches = m_catalogue.savedSearches();
    document.exhibits = exhibits;
    return JsonCodec::write(document);
}

} // namespace spotlight
