#pragma once

#include <QString>

namespace spotlight {

class Catalogue;

// The submission template boroughs fill in, with its guide (FILE.guide.txt), for the catalogue's
// current edition and its categories. Reads only.
class TemplatePublisher
{
public:
    explicit TemplatePublisher(const Catalogue& catalogue);

    void write(const QString& csvPath) const;

private:
    const Catalogue& m_catalogue;
};

} // namespace spotlight
