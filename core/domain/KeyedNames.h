#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace spotlight {

// An enum value with the key stored in files and typed in queries, and the label people read.
template <typename Enum>
struct KeyedName
{
    Enum value;
    const char* key;   // "in-review"
    const char* label; // "In review"
};

// How people write keys, folded to the stored form: "In Review", "IN_REVIEW" -> "in-review".
inline QString foldKey(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('-')).replace(QLatin1Char('_'), QLatin1Char('-'));
    return key;
}

// Lookups over a table of KeyedName, indexed by the enum's value.
template <typename Enum, std::size_t Size>
class KeyedNames
{
public:
    constexpr explicit KeyedNames(std::array<KeyedName<Enum>, Size> names)
        : m_names(names)
    {}

    QString key(Enum value) const { return QString::fromLatin1(m_names.at(std::size_t(value)).key); }
    QString label(Enum value) const { return QString::fromLatin1(m_names.at(std::size_t(value)).label); }

    // Matches a folded key exactly.
    std::optional<Enum> fromFoldedKey(const QString& folded) const
    {
        for (const KeyedName<Enum>& name : m_names) {
            if (folded == QLatin1String(name.key)) {
                return name.value;
            }
        }
        return std::nullopt;
    }

    QStringList keys() const
    {
        QStringList result;
        for (const KeyedName<Enum>& name : m_names) {
            result << QString::fromLatin1(name.key);
        }
        return result;
    }

private:
    std::array<KeyedName<Enum>, Size> m_names;
};

} // namespace spotlight
