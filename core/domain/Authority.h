#pragma once

#include <QString>
#include <QStringList>

namespace spotlight {

// One of London's 33 local authorities (32 boroughs and the City of London).
struct Authority
{
    QString gssCode;          // E09000001 .. E09000033
    QString name;             // official name, "Kensington and Chelsea"
    QString shortName;        // what people say, "Kensington & Chelsea"
    QString abbreviation;     // three letters for a map tile, "KNS"
    QStringList aliases;      // other names that resolve to it, "RBKC", "K&C"
    bool innerLondon = false; // by the ONS statistical definition
    int tileRow = 0;          // position on the grid map of London
    int tileColumn = 0;

    // Every name it goes by: official name, short name, GSS code and aliases.
    QStringList names() const;
    // Whether `typed` is one of its names, in any case, with '&' or "and".
    bool isCalled(const QString& typed) const;
};

// The keys (foldForMatching) to look a typed authority name up by, best first: the name as typed,
// then without the words councils wrap around their names on letterheads and forms ("London
// Borough of Hackney", "LB Hackney", "RB Kensington and Chelsea", "Southwark Council",
// "Westminster City Council", "Ealing London Borough Council").
QStringList authorityKeysFor(const QString& typed);

} // namespace spotlight
