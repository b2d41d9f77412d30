#pragma once

#include <QString>

namespace spotlight {

class Catalogue;

// The submission template boroughs fill in, for the catalogue's current edition and its
// categories: an .xlsx workbook when the path ends in .xlsx, else a CSV file with its guide
// (FILE.guide.txt). Reads only.
class TemplatePublisher
{
public:
    explicit TemplatePublisher(const Catalogue& catalogue);

    void write(const QString& path) const;

private:
    const Catalogue& m_catalogue;
};

} // namespace spotlight
