#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>

#include <stdexcept>

namespace spotlight::cli {

// A mistake in how the command was called: exit status 2, with the message and a pointer to help.
class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {}
    const QString& message() const { return m_message; }

private:
    QString m_message;
};

// The words after a command: positional arguments, and --options that either take a value
// (--limit 5, --limit=5) or are flags (--dry-run). Anything else is a UsageError.
class Arguments
{
public:
    Arguments(const QStringList& words, const QSet<QString>& valueOptions, const QSet<QString>& flags);

    const QStringList& positional() const { return m_positional; }
    bool has(const QString& option) const { return m_values.contains(option) || m_flags.contains(option); }
    QString value(const QString& option, const QString& fallback = {}) const
    {
        return m_values.value(option, fallback);
    }
    int integer(const QString& option, int fallback) const;
    // One of `allowed`, or the fallback when the option is absent.
    QString choice(const QString& option, const QStringList& allowed, const QString& fallback) const;
    void requireCount(qsizetype minimum, qsizetype maximum, const QString& usage) const;

private:
    QStringList m_positional;
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
};

} // namespace spotlight::cli
